"""Exports are parsed, not string-matched: DTCG as JSON with resolved aliases, CSS/Tailwind as rule blocks."""

import json
import re

import pytest

from designs.engine import (
    EXPORT_FORMATS,
    EngineInputError,
    export,
    generate_colors,
    generate_design_system,
    generate_typography,
    interpret,
    validate_tokens,
)

ROLES_IN_ORDER = ["background", "surface", "text", "text-muted", "border", "focus-ring"]


@pytest.fixture(scope="module")
def tokens():
    return generate_design_system(interpret("calm trustworthy fintech", "#2563eb"))


# --- a tiny CSS reader -----------------------------------------------------------------------------------------


def parse_css(text: str) -> dict[tuple[str, ...], dict[str, str]]:
    """``{(outer selector, ..., selector): {property: value}}``; top-level statements go under ``()``.
    Repeated ``@font-face`` blocks are numbered: ``@font-face 1``, ``@font-face 2``..."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    blocks: dict[tuple[str, ...], dict[str, str]] = {(): {}}
    stack: list[tuple[str, ...]] = [()]
    buffer = ""
    faces = 0
    for char in text:
        if char == "{":
            selector = " ".join(buffer.split())
            if selector == "@font-face":
                faces += 1
                selector = f"@font-face {faces}"
            path = stack[-1] + (selector,)
            assert path not in blocks, f"duplicate block {path}"
            blocks[path] = {}
            stack.append(path)
            buffer = ""
        elif char in ";}":
            statement = buffer.strip()
            if statement:
                name, colon, value = statement.partition(":")
                blocks[stack[-1]][name.strip() if colon else statement] = value.strip()
            buffer = ""
            if char == "}":
                stack.pop()
                assert stack, "unbalanced braces"
        else:
            buffer += char
    assert stack == [()] and not buffer.strip(), "unbalanced braces or trailing text"
    return blocks


def custom_properties(block: dict[str, str]) -> dict[str, str]:
    return {name[2:]: value for name, value in block.items() if name.startswith("--")}


def test_parse_css_reads_nested_blocks():
    parsed = parse_css('a { --x: 1; } @media (y) { b:not([c="d"]) { --z: clamp(1rem, 2vw, 3rem); } }')
    assert parsed[("a",)] == {"--x": "1"}
    assert parsed[("@media (y)", 'b:not([c="d"])')] == {"--z": "clamp(1rem, 2vw, 3rem)"}


# --- formats ---------------------------------------------------------------------------------------------------


def test_export_formats_table():
    assert set(EXPORT_FORMATS) == {"css", "scss", "tailwind", "dtcg", "tokens-studio", "style-dictionary", "json",
                                    "shadcn"}
    assert EXPORT_FORMATS["tokens-studio"] == ("application/json", "tokens-studio.json")
    assert EXPORT_FORMATS["style-dictionary"] == ("text/javascript", "style-dictionary.mjs")
    assert EXPORT_FORMATS["css"] == ("text/css", "css")
    assert EXPORT_FORMATS["scss"] == ("text/x-scss", "scss")
    assert EXPORT_FORMATS["tailwind"] == ("text/css", "css")
    assert EXPORT_FORMATS["dtcg"][0] in ("application/design-tokens+json", "application/json")
    assert EXPORT_FORMATS["json"] == ("application/json", "json")


def test_unknown_format_and_bad_tokens_are_rejected(tokens):
    with pytest.raises(EngineInputError) as caught:
        export(tokens, "pdf", name="x")
    assert "format" in caught.value.errors
    evil = json.loads(json.dumps(tokens))
    evil["shadows"]["md"] = "0 0 0 red; } body { display: none"
    for fmt in EXPORT_FORMATS:
        with pytest.raises(EngineInputError):
            export(evil, fmt, name="x")


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_exports_are_deterministic_and_name_is_sanitised(tokens, fmt):
    first = export(tokens, fmt, name="Acme */ } <script>")
    assert first == export(json.loads(json.dumps(tokens)), fmt, name="Acme */ } <script>")
    assert "<script>" not in first
    if fmt in ("css", "tailwind"):
        title = first.splitlines()[0]
        assert title.count("*/") == 1 and title.endswith("*/") and "Acme" in title
        parse_css(first)


# --- CSS -------------------------------------------------------------------------------------------------------


def test_css_has_scales_both_themes_and_scalars(tokens):
    blocks = parse_css(export(tokens, "css", name="Acme"))
    root = custom_properties(blocks[(":root",)])
    assert root["color-primary-500"] == tokens["colors"]["primary"]["500"]
    assert all(root[f"color-{s}-{k}"] == v for s, scale in tokens["colors"].items() for k, v in scale.items())
    light, dark = tokens["themes"]["light"], tokens["themes"]["dark"]
    assert {role: root[f"color-{role}"] for role in light} == light
    preferred_dark = custom_properties(blocks[("@media (prefers-color-scheme: dark)", ":root:not([data-theme])")])
    assert {role: preferred_dark[f"color-{role}"] for role in dark} == dark
    preferences = {
        "light-high": "@media (prefers-contrast: more)",
        "dark-high": "@media (prefers-color-scheme: dark) and (prefers-contrast: more)",
    }
    for theme, media in preferences.items():
        roles = tokens["themes"][theme]
        preferred = custom_properties(blocks[(media, ":root:not([data-theme])")])
        assert {role: preferred[f"color-{role}"] for role in roles} == roles
        forced = blocks[(f'[data-theme="{theme}"]',)]
        assert {role: forced[f"--color-{role}"] for role in roles} == roles
        assert forced["color-scheme"] == theme.removesuffix("-high")
    # The reader's preference never overrides a theme the page chose: every preference block is :not([data-theme]).
    in_media = [path for path in blocks if len(path) == 2 and path[0].startswith("@media (prefers-")]
    assert in_media and all(path[1] == ":root:not([data-theme])" for path in in_media)
    forced_dark = custom_properties(blocks[('[data-theme="dark"]',)])
    forced_light = custom_properties(blocks[('[data-theme="light"]',)])
    assert {role: forced_dark[f"color-{role}"] for role in dark} == dark
    assert {role: forced_light[f"color-{role}"] for role in light} == light
    assert blocks[('[data-theme="dark"]',)]["color-scheme"] == "dark"

    typography = tokens["typography"]
    assert root["font-heading"] == typography["families"]["heading"]["stack"]
    assert root["text-lg"] == typography["scale"]["steps"]["lg"]["clamp"].strip()
    assert root["text-lg"].startswith("clamp(")
    assert root["font-weight-semibold"] == "600"
    assert root["spacing-4"] == tokens["spacing"]["scale"]["4"]
    assert root["radius-md"] == tokens["radii"]["md"]
    assert root["shadow-md"] == tokens["shadows"]["md"]


def font_faces(blocks: dict) -> list[dict[str, str]]:
    return [block for path, block in blocks.items() if path and path[0].startswith("@font-face")]


@pytest.mark.parametrize("fmt", ["css", "scss", "tailwind"])
def test_stylesheets_load_every_self_hosted_family_they_name(tokens, fmt):
    text = export(tokens, fmt, name="Acme", font_base_url="https://designforge.example/static/fonts/")
    faces = font_faces(parse_css(text.replace("//", "/*", 1).replace("\n", " */\n", 1) if fmt == "scss" else text))
    families = {family["name"] for family in tokens["typography"]["families"].values()}
    assert {face["font-family"].strip('"') for face in faces} == families
    assert all(face["src"].startswith('url("https://designforge.example/static/fonts/') for face in faces)
    assert all(face["font-display"] == "swap" and face["src"].endswith('format("woff2")') for face in faces)


def test_fonts_can_be_left_out_and_never_reach_token_files(tokens):
    assert "@font-face" not in export(tokens, "css", name="Acme", font_base_url=None)
    for fmt in ("dtcg", "json"):
        assert "@font-face" not in export(tokens, fmt, name="Acme")


def test_a_family_we_do_not_host_gets_no_font_face():
    tokens = generate_design_system(interpret("calm"))
    tokens["typography"]["families"]["body"] = {"name": "Comic Neue", "stack": '"Comic Neue", sans-serif'}
    faces = font_faces(parse_css(export(tokens, "css", name="x")))
    assert "Comic Neue" not in {face["font-family"].strip('"') for face in faces} and faces


def test_css_contains_only_what_the_tokens_hold():
    intent = interpret("playful")
    colours = parse_css(export(generate_colors(intent), "css", name="c"))
    root = custom_properties(colours[(":root",)])
    assert "color-primary-500" in root and "color-background" in root
    assert not any(name.startswith(("font-", "text-", "spacing", "radius-", "shadow-")) for name in root)

    type_only = parse_css(export(generate_typography(intent), "css", name="t"))
    assert {path for path in type_only if not path or not path[0].startswith("@font-face")} == {(), (":root",)}
    root = custom_properties(type_only[(":root",)])
    assert "text-base" in root and "spacing-4" in root
    assert not any(name.startswith("color-") for name in root)

    light_only = {"themes": {"light": generate_colors(intent)["themes"]["light"]}}
    blocks = parse_css(export(light_only, "css", name="l"))
    assert set(blocks) == {(), (":root",)}


# --- Tailwind --------------------------------------------------------------------------------------------------


def test_tailwind_v4_theme_block(tokens):
    text = export(tokens, "tailwind", name="Acme")
    blocks = parse_css(text)
    theme = custom_properties(blocks[("@theme",)])
    assert theme["color-primary-500"] == tokens["colors"]["primary"]["500"]
    assert theme["font-heading"] == tokens["typography"]["families"]["heading"]["stack"]
    assert theme["text-lg"] == tokens["typography"]["scale"]["steps"]["lg"]["clamp"]
    assert theme["text-lg--line-height"] == f'{tokens["typography"]["line_heights"]["lg"]:g}'
    assert theme["radius-md"] == tokens["radii"]["md"]
    assert theme["shadow-md"] == tokens["shadows"]["md"]
    assert theme["spacing"] == f'{tokens["spacing"]["base_px"] / 16:g}rem'
    assert all(re.fullmatch(r"(color|font|text|radius|shadow)-[a-z0-9-]+|spacing", name) for name in theme)
    inline = custom_properties(blocks[("@theme inline",)])
    root = custom_properties(blocks[(":root",)])
    dark = custom_properties(blocks[('[data-theme="dark"]',)])
    for role, value in tokens["themes"]["light"].items():
        assert inline[f"color-{role}"] == f"var(--df-{role})"
        assert root[f"df-{role}"] == value
        assert dark[f"df-{role}"] == tokens["themes"]["dark"][role]


def test_tailwind_is_a_theme_to_import_after_tailwind_itself(tokens):
    """Importing it after one's own `@import "tailwindcss"` must not include Tailwind a second time."""
    text = export(tokens, "tailwind", name="Acme")
    assert "@import" not in parse_css(text)[()]
    assert '@import "tailwindcss"' in text.splitlines()[0]  # the two-line example, in the title comment


def test_tailwind_font_utilities_are_the_design_systems_families():
    """`font-sans` (Tailwind's default font for the page) is the body family, `font-heading` the heading
    one, `font-mono` the mono one, and `font-serif` a serif heading where the pairing has one."""
    for pairing, serif in (("playfair-source", "heading"), ("inter", None)):
        intent = interpret("calm")
        tokens = generate_design_system(type(intent)(**{**intent.__dict__, "font_pairing": pairing}))
        families = tokens["typography"]["families"]
        theme = custom_properties(parse_css(export(tokens, "tailwind", name="x"))[("@theme",)])
        assert theme["font-sans"] == families["body"]["stack"]
        assert theme["font-heading"] == families["heading"]["stack"]
        assert theme["font-mono"] == families["mono"]["stack"]
        assert theme.get("font-serif") == (families[serif]["stack"] if serif else None)


def test_wide_gamut_scales_follow_the_hex_fallback(tokens):
    """oklch() and Display P3 copies of every scale step, each behind the feature query that reads it,
    after the hex values; every one is the same colour as its hex."""
    from designs.engine.color import parse_css_color

    for fmt in ("css", "tailwind"):
        text = export(tokens, fmt, name="Acme")
        blocks = parse_css(text)
        fallback = custom_properties(blocks[("@theme",) if fmt == "tailwind" else (":root",)])
        # In the Tailwind theme's layer, so that a project's own (unlayered) values still win over them
        layer = ("@layer theme",) if fmt == "tailwind" else ()
        oklch = custom_properties(blocks[(*layer, "@supports (color: oklch(0% 0 0))", ":root")])
        p3 = custom_properties(blocks[(*layer, "@media (color-gamut: p3)",
                                       "@supports (color: color(display-p3 0 0 0))", ":root")])
        assert text.index("oklch(") > text.index("--color-primary-500: #")
        for scale, steps in tokens["colors"].items():
            for step, hex_value in steps.items():
                name = f"color-{scale}-{step}"
                assert fallback[name] == hex_value
                assert oklch[name].startswith("oklch(") and parse_css_color(oklch[name])[0] == hex_value
                assert p3[name].startswith("color(display-p3 ") and parse_css_color(p3[name])[0] == hex_value


# --- SCSS ------------------------------------------------------------------------------------------------------


def test_scss_variables_and_maps(tokens):
    text = export(tokens, "scss", name="Acme")
    variables = dict(re.findall(r"^\$([a-z0-9-]+): (.+?);$", text, re.M))
    assert variables["color-primary-500"] == tokens["colors"]["primary"]["500"]
    assert variables["text-lg"] == tokens["typography"]["scale"]["steps"]["lg"]["clamp"]
    assert variables["radius-md"] == tokens["radii"]["md"]
    assert variables["spacing-unit"] == f'{tokens["spacing"]["base_px"] / 16:g}rem'
    assert len(re.findall(r"^\$spacing:", text, re.M)) == 1  # one name each: `$spacing * 4` is not a map
    for name in ("colors", "theme-light", "theme-dark", "themes", "font-families", "type-scale", "spacing",
                 "radii", "shadows"):
        assert re.search(rf"^\${name}: \(", text, re.M), name
    assert text.count("(") == text.count(")")
    light_map = re.search(r"^\$theme-light: \((.*?)\n\);", text, re.M | re.S).group(1)
    assert dict(re.findall(r'"([a-z-]+)": (#[0-9a-f]{6})', light_map)) == tokens["themes"]["light"]


# --- JSON ------------------------------------------------------------------------------------------------------


def test_json_export_is_the_validated_tokens(tokens):
    assert json.loads(export(tokens, "json", name="Acme")) == validate_tokens(tokens) == tokens


# --- DTCG ------------------------------------------------------------------------------------------------------


def walk_tokens(node: dict, path: tuple[str, ...] = (), inherited: str | None = None):
    """Yield ``(path, token, effective $type)`` for every token (an object with ``$value``)."""
    group_type = node.get("$type", inherited)
    for key, child in node.items():
        if key.startswith("$"):
            continue
        assert not re.search(r"[.{}]", key), f"illegal token name {key!r}"
        assert isinstance(child, dict), path + (key,)
        if "$value" in child:
            assert "$type" in child, f"{path + (key,)} has no $type of its own"
            yield path + (key,), child, child["$type"]
        else:
            yield from walk_tokens(child, path + (key,), group_type)


def resolve(document: dict, value, seen=()):
    """Follow ``{a.b.c}`` aliases to a literal value."""
    if isinstance(value, str) and value.startswith("{"):
        path = value.strip("{}")
        assert path not in seen, "alias cycle"
        node = document
        for part in path.split("."):
            assert part in node, f"alias {value} does not resolve"
            node = node[part]
        return resolve(document, node["$value"], seen + (path,))
    return value


def check_dimension(value):
    assert set(value) == {"value", "unit"} and value["unit"] in ("px", "rem")
    assert isinstance(value["value"], (int, float))


def check_colour(value):
    assert value["colorSpace"] == "srgb"
    assert len(value["components"]) == 3 and all(0 <= c <= 1 for c in value["components"])
    assert re.fullmatch(r"#[0-9a-f]{6}", value["hex"])
    expected = "#" + "".join(f"{round(c * 255):02x}" for c in value["components"])
    assert expected == value["hex"]


def test_dtcg_document_is_well_formed(tokens):
    document = json.loads(export(tokens, "dtcg", name="Acme"))
    found = list(walk_tokens(document))
    types = {}
    for path, token, token_type in found:
        assert token_type in {"color", "dimension", "fontFamily", "fontWeight", "number", "shadow"}, path
        types[path] = token_type
        value = resolve(document, token["$value"])
        if token_type == "color":
            check_colour(value)
        elif token_type == "dimension":
            check_dimension(value)
        elif token_type == "fontFamily":
            assert isinstance(value, list) and all(isinstance(v, str) and v for v in value)
        elif token_type in ("fontWeight", "number"):
            assert isinstance(value, (int, float))
        elif token_type == "shadow":
            for layer in value:
                check_colour(layer["color"])
                for key in ("offsetX", "offsetY", "blur", "spread"):
                    check_dimension(layer[key])
                assert isinstance(layer["inset"], bool)
    assert types[("color", "primary", "500")] == "color"
    assert types[("font", "size", "lg")] == "dimension"
    assert types[("shadow", "md")] == "shadow"
    assert len([p for p in types if p[0] == "color"]) == 8 * 11


def test_dtcg_themes_are_one_token_per_role_with_a_mode_per_theme(tokens):
    """Tools build `theme.primary` into one variable switched by theme, not one per theme."""
    document = json.loads(export(tokens, "dtcg", name="Acme"))
    assert not set(tokens["themes"]) & set(document["theme"])  # no group per theme
    aliases = 0
    for role in tokens["themes"]["light"]:
        token = document["theme"][role]
        modes = token["$extensions"]["mode"]
        assert list(modes) == ["light", "dark", "light-high", "dark-high"]
        assert token["$value"] == modes["light"]
        for theme, raw in modes.items():
            hex_value = tokens["themes"][theme][role]
            assert resolve(document, raw)["hex"] == hex_value, (theme, role)
            if any(hex_value in scale.values() for scale in tokens["colors"].values()):
                assert isinstance(raw, str) and re.fullmatch(r"\{color\.[a-z]+\.\d+\}", raw), (theme, role, raw)
                aliases += 1
            else:
                assert isinstance(raw, dict), (theme, role)
    assert document["theme"]["primary"]["$value"] == "{color.primary.500}"  # the seed's own step
    assert aliases >= 30


def test_dtcg_lengths_are_rem_so_builds_convert_them_right(tokens):
    """Style Dictionary's rem-to-dp/pt transforms took `9999px` for rem (159984dp)."""
    document = json.loads(export(tokens, "dtcg", name="Acme"))
    assert document["radius"]["full"]["$value"] == {"value": 624.9375, "unit": "rem"}
    assert document["radius"]["none"]["$value"] == {"value": 0, "unit": "rem"}
    for key, token in document["spacing"].items():
        assert token["$value"]["unit"] == "rem"
        assert f'{token["$value"]["value"]:g}rem' == tokens["spacing"]["scale"][key]


def test_dtcg_font_families_have_no_empty_names(tokens):
    document = json.loads(export(tokens, "dtcg", name="Acme"))
    for role, family in tokens["typography"]["families"].items():
        names = document["font"]["family"][role]["$value"]
        assert names and all(names) and names[0] == family["name"]
        assert names == [part.strip().strip('"') for part in family["stack"].split(",")]


def test_dtcg_without_scales_writes_literal_roles():
    themes_only = {"themes": generate_colors(interpret("calm"))["themes"]}
    document = json.loads(export(themes_only, "dtcg", name="x"))
    assert set(document) == {"$description", "theme"}
    for _, token, token_type in walk_tokens(document):
        assert token_type == "color" and isinstance(token["$value"], dict)
        assert all(isinstance(value, dict) for value in token["$extensions"]["mode"].values())


def test_dtcg_font_sizes_keep_the_fluid_range(tokens):
    document = json.loads(export(tokens, "dtcg", name="Acme"))
    large = document["font"]["size"]["lg"]
    fluid = large["$extensions"]["com.designforge"]["fluid"]
    step = tokens["typography"]["scale"]["steps"]["lg"]
    assert fluid["clamp"] == step["clamp"]
    assert fluid["min"] == {"value": step["min_rem"], "unit": "rem"}
    assert large["$value"] == {"value": step["max_rem"], "unit": "rem"}
    assert document["font"]["family"]["heading"]["$value"][0] == tokens["typography"]["families"]["heading"]["name"]


# --- Names -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["css", "scss", "tailwind", "dtcg", "tokens-studio", "style-dictionary"])
@pytest.mark.parametrize("name", ["Café Lumière", "東京デザイン", "Ünïcødé Ωmega"])
def test_names_keep_their_letters(tokens, fmt, name):
    text = export(tokens, fmt, name=name)
    assert f"{name} - DesignForge engine" in text


# --- Tokens Studio ---------------------------------------------------------------------------------------------


def test_tokens_studio_sets_and_themes(tokens):
    document = json.loads(export(tokens, "tokens-studio", name="Acme"))
    themes = ["light", "dark", "light-high", "dark-high"]
    assert document["$metadata"]["tokenSetOrder"] == ["core", *themes]
    assert [theme["name"] for theme in document["$themes"]] == themes
    assert all(theme["selectedTokenSets"] == {"core": "source", theme["name"]: "enabled"}
               for theme in document["$themes"])
    core = document["core"]
    for theme in themes:
        for role, hex_value in tokens["themes"][theme].items():
            value = document[theme]["theme"][role]["value"]
            if value.startswith("{"):
                scale, step = value.strip("{}").split(".")[1:]
                value = core["color"][scale][step]["value"]
            assert value == hex_value, (theme, role)


def test_tokens_studio_values_are_the_strings_it_writes(tokens):
    """Tokens Studio reads strings with units and shadow layers of strings, never DTCG value objects."""
    core = json.loads(export(tokens, "tokens-studio", name="Acme"))["core"]
    leaves = []

    def walk(node):
        if "value" in node and "type" in node:
            leaves.append(node)
        else:
            for child in node.values():
                walk(child)

    walk(core)
    for leaf in leaves:
        if leaf["type"] == "boxShadow":
            assert all(isinstance(part, str) for layer in leaf["value"] for part in layer.values())
        else:
            assert isinstance(leaf["value"], str), leaf
    assert core["radius"]["full"] == {"value": "9999px", "type": "borderRadius"}
    assert core["spacing"]["4"] == {"value": tokens["spacing"]["scale"]["4"], "type": "spacing"}
    assert core["font"]["family"]["body"]["value"] == tokens["typography"]["families"]["body"]["stack"]
    assert core["font"]["size"]["lg"]["value"] == f'{tokens["typography"]["scale"]["steps"]["lg"]["max_rem"]:g}rem'
    layer = core["shadow"]["sm"]["value"][0]
    assert set(layer) == {"x", "y", "blur", "spread", "color", "type"} and layer["type"] == "dropShadow"
    assert re.fullmatch(r"rgba\(\d+, \d+, \d+, [\d.]+\)", layer["color"])


# --- Style Dictionary ------------------------------------------------------------------------------------------


def test_style_dictionary_build_names_every_theme_and_the_missing_transforms(tokens):
    script = export(tokens, "style-dictionary", name="Acme")
    assert 'import StyleDictionary from "style-dictionary";' in script
    assert 'const themes = ["light", "dark", "light-high", "dark-high"];' in script
    for transform in ("designforge/shadow/css", "designforge/shadow/swift", "designforge/fontFamily/name",
                      "designforge/fontFamily/swift"):
        assert script.count(f'"{transform}"') >= 2, transform  # registered, and used by a platform
    light_only = export({"themes": {"light": tokens["themes"]["light"]}}, "style-dictionary", name="x")
    assert 'const themes = ["light"];' in light_only
