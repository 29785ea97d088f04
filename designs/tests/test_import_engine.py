"""Import and repair in the engine: shadcn/Tailwind CSS, DTCG and our JSON read into our roles, what is
missing completed and said, and each failing colour moved by the least ΔE-OK that passes."""

import json
import math
import re
from pathlib import Path

import pytest
from coloraide import Color
from hypothesis import given, settings
from hypothesis import strategies as st

from designs.engine import Intent, build_report, export, generate_design_system
from designs.engine.color import cvd_distance, delta_e_ok, from_oklch, has_hue, oklch
from designs.engine.importer import UnreadableTheme, import_theme
from designs.engine.importer.minimal import nearest_passing
from designs.engine.report import CONTRACTS
from designs.engine.shapes import THEME_ROLES, THEMES
from designs.engine.themes import solve_lightness

from .wcag import ratio as wcag_ratio

THEMES_DIR = Path(__file__).parent / "themes"
FOREGROUNDS = {foreground for foreground, *_ in CONTRACTS["light"]}


def css_hex(text: str) -> str:
    """A CSS colour as #rrggbb, read by coloraide from its CSS text."""
    return Color(text).convert("srgb").clip().to_string(hex=True)


def read(name: str) -> str:
    return (THEMES_DIR / name).read_text()


def problems(text: str, **kwargs) -> list:
    with pytest.raises(UnreadableTheme) as caught:
        import_theme(text, **kwargs)
    return [(problem.line, problem.column, problem.reason) for problem in caught.value.problems]


def test_a_shadcn_v4_theme_is_read_into_our_roles_translucent_colours_laid_on_the_page():
    result = import_theme(read("shadcn-neutral.css"))
    light, dark = result["tokens"]["themes"]["light"], result["tokens"]["themes"]["dark"]
    assert result["format"] == "css"
    # oklch(1 0 0), oklch(0.145 0 0), oklch(0.205 0 0), oklch(0.577 0.245 27.325) in sRGB
    assert (light["background"], light["text"], light["primary"], light["danger"]) == (
        "#ffffff", "#0a0a0a", "#171717", "#e7000b")
    assert (light["surface"], light["on-primary"], light["text-muted"], light["focus-ring"]) == (
        "#ffffff", "#fafafa", "#737373", "#a1a1a1")
    # .dark --border: oklch(1 0 0 / 10%) over its background #0a0a0a
    assert dark["background"] == "#0a0a0a" and dark["border"] == "#232323"
    assert "--chart-1" in result["unused"] and "--sidebar" in result["unused"]
    assert result["intent"]["primary"] == "#171717"
    assert result["intent"]["roundness"] == pytest.approx(10 / 18, abs=0.01)


def test_every_failing_pair_is_reported_and_the_repair_makes_every_pair_pass():
    result = import_theme(read("shadcn-neutral.css"))
    failing = {(row["theme"], row["foreground"], row["background"]) for row in result["failures"]}
    assert failing == {
        (theme, role, page) for theme, role in (("light", "border-strong"), ("light", "focus-ring"),
                                                ("dark", "border-strong")) for page in ("background", "surface")
    }
    assert result["failures"] == [row for row in build_report(result["tokens"])["contrast"] if not row["passes"]]
    assert result["report"]["passes"] is False
    repaired = result["repaired"]["report"]
    assert all(row["passes"] for row in repaired["contrast"]) and result["unrepaired"] == []


def test_only_failing_foregrounds_move_and_fills_and_pages_stay():
    result = import_theme(read("shadcn-neutral.css"))
    for theme in THEMES:
        before, after = result["tokens"]["themes"][theme], result["repaired"]["tokens"]["themes"][theme]
        moved = {role for role in THEME_ROLES if before[role] != after[role]}
        assert moved <= FOREGROUNDS
        assert moved == {change["role"] for change in result["changes"] if change["theme"] == theme}
    assert result["repaired"]["tokens"]["colors"] == result["tokens"]["colors"]
    changes = {(change["theme"], change["name"]): change for change in result["changes"]}
    assert set(changes) == {("light", "input"), ("light", "ring"), ("dark", "input")}
    ring = changes[("light", "ring")]
    assert ring["from"] == "#a1a1a1" and ring["message"] == (
        f"ring #a1a1a1 -> {ring['to']}: 2.58 -> {ring['pairs'][0]['after']:.2f} on background, "
        f"2.58 -> {ring['pairs'][1]['after']:.2f} on card (light)")


def test_completed_status_colours_are_told_apart_from_the_given_ones_under_colour_blindness():
    result = import_theme(read("shadcn-neutral.css"))
    # The engine's dark warning would pass for the input's dark destructive under deuteranopia.
    engine_dark = generate_design_system(Intent(**result["intent"]))["themes"]["dark"]
    dark = result["tokens"]["themes"]["dark"]
    assert cvd_distance(engine_dark["warning"], dark["danger"], "deutan") < 10
    assert dark["warning"] != engine_dark["warning"]
    assert dark["warning"] in result["tokens"]["colors"]["warning"].values()
    assert all(row["passes"] for row in result["report"]["status_distances"])
    assert result["repaired"]["report"]["passes"] is True


def test_the_change_reads_like_the_example_and_takes_the_nearest_passing_colour():
    css = ":root { --background: #ffffff; --foreground: #111111; --primary: #e03131; --primary-foreground: #f8f8f8; }"
    result = import_theme(css)
    [change] = result["changes"]
    assert change["message"] == "primary-foreground #f8f8f8 -> #ffffff: 4.24 -> 4.51 on primary (light)"
    assert change["role"] == "on-primary" and change["pairs"][0]["background_name"] == "primary"
    assert result["repaired"]["tokens"]["themes"]["light"]["primary"] == "#e03131"  # the brand fill is kept


def _brute_force_nearest(colour: str, needs: list) -> float:
    """The ΔE-OK of the nearest passing colour of the same hue, on a fine lightness x chroma grid."""
    _, _, hue = oklch(colour)
    best = math.inf
    for i in range(501):
        for j in range(0, 161):
            candidate = from_oklch(i / 500, j / 500, hue)
            if all(wcag_ratio(candidate, bg) >= ratio for bg, ratio in needs):
                best = min(best, delta_e_ok(colour, candidate))
    return best


def test_a_coloured_text_moves_by_about_the_least_delta_e_ok_and_keeps_its_hue():
    result = import_theme(read("shadcn-v3-hsl.css"))
    muted = next(change for change in result["changes"] if change["theme"] == "light" and change["name"] ==
                 "muted-foreground")
    page = result["tokens"]["themes"]["light"]
    needs = [(page["background"], 4.5), (page["surface"], 4.5)]
    assert has_hue(muted["from"]) and muted["pairs"][0]["before"] < 4.5 <= muted["pairs"][0]["after"]
    assert abs(oklch(muted["to"])[2] - oklch(muted["from"])[2]) < 3  # hue kept (8-bit rounding aside)
    assert muted["delta_e_ok"] <= _brute_force_nearest(muted["from"], needs) + 0.002


def test_shadcn_bare_hsl_numbers_and_layers_are_read():
    result = import_theme(read("shadcn-v3-hsl.css"))
    light, dark = result["tokens"]["themes"]["light"], result["tokens"]["themes"]["dark"]
    assert light["background"] == "#ffffff" and light["text"] == "#020817"  # hsl(222.2 84% 4.9%)
    assert light["primary"] == "#2563eb" and dark["primary"] == "#3b82f6"
    assert result["intent"]["roundness"] == pytest.approx(8 / 18, abs=0.01)


def test_what_the_input_lacks_is_completed_passing_and_said():
    css = ":root { --background: #fffdf8; --foreground: #1c1917; --primary: #b45309; --primary-foreground: #fff; }"
    result = import_theme(css)
    parts = {note["part"]: note for note in result["completed"]}
    assert {"themes.dark", "themes.light-high", "themes.dark-high", "colors.success", "typography.families.body",
            "spacing", "radii", "shadows"} <= set(parts)
    assert "success" in parts["themes.light"]["roles"] and "text" not in parts["themes.light"]["roles"]
    assert set(result["tokens"]["themes"]) == set(THEMES)
    assert result["report"]["passes"] is True and result["changes"] == []  # completions meet their contrast
    assert "#b45309" in result["tokens"]["colors"]["primary"].values()  # the fill sits in its scale


@pytest.mark.parametrize("file_format", ["css", "tailwind", "dtcg", "json"])
def test_our_own_exports_import_back_to_the_same_tokens(file_format):
    tokens = generate_design_system(Intent(primary="#7c3aed", neutral="warm"))
    result = import_theme(export(tokens, file_format, name="Round trip"))
    assert result["tokens"]["themes"] == tokens["themes"] and result["tokens"]["colors"] == tokens["colors"]
    assert result["tokens"]["typography"]["families"] == tokens["typography"]["families"]
    assert result["changes"] == [] and result["failures"] == []


def test_shadcn_accent_is_read_as_the_tint_of_hovered_items_as_our_shadcn_export_writes_it():
    tokens = generate_design_system(Intent(primary="#0e7c66", accent="#e11d48"))
    exported = export(tokens, "shadcn", name="Round trip")
    result = import_theme(exported)
    light = result["tokens"]["themes"]["light"]
    accent = re.search(r":root \{[^}]*--accent: (oklch\([^)]*\))", exported).group(1)
    assert light["accent-subtle"] == css_hex(accent)  # the tint, where shadcn's menus draw it
    # `--color-accent: var(--accent)` of the `@theme inline` block is an alias, not our accent fill
    assert light["accent"] != light["accent-subtle"] and result["intent"]["accent"] != css_hex(accent)
    assert light["primary"] == "#0e7c66" and result["intent"]["primary"] == "#0e7c66"
    assert result["failures"] == [] and result["changes"] == []


def test_a_dtcg_file_with_aliases_colour_spaces_and_inherited_types():
    document = {
        "color": {
            "$type": "color",
            "brand": {"$value": {"colorSpace": "oklch", "components": [0.55, 0.2, 264], "hex": "#4054d6"}},
            "sand": {"$value": {"colorSpace": "hsl", "components": [40, 30, 98]}},
            "ink": {"$value": {"colorSpace": "srgb", "components": [0.1, 0.1, 0.12]}},
        },
        "theme": {
            "light": {
                "$type": "color",
                "background": {"$value": "{color.sand}"},
                "foreground": {"$value": "{color.ink}"},
                "primary": {"$value": "{theme.light.link}"},
                "link": {"$value": "{color.brand}"},
                "on-primary": {"$value": {"$ref": "#/color/sand"}},
            },
            "dark": {"background": {"$type": "color", "$value": "{color.ink}"}},
        },
    }
    result = import_theme(json.dumps(document, indent=2))
    light = result["tokens"]["themes"]["light"]
    assert result["format"] == "dtcg"
    sand, ink = css_hex("hsl(40 30% 98%)"), css_hex("rgb(10% 10% 12%)")
    assert light["background"] == sand and light["text"] == ink and light["on-primary"] == sand
    assert light["primary"] == css_hex("oklch(0.55 0.2 264)")  # followed through two aliases
    assert result["tokens"]["themes"]["dark"]["background"] == ink
    assert "theme.light.link" in result["unused"]


def test_the_older_dtcg_shape_with_value_and_type():
    document = {"global": {"background": {"value": "#ffffff", "type": "color"},
                           "text": {"value": "#9ca3af", "type": "color"},
                           "primary": {"value": "#0f766e", "type": "color"}}}
    result = import_theme(json.dumps(document))
    assert result["format"] == "dtcg" and result["tokens"]["themes"]["light"]["text"] == "#9ca3af"
    [change] = result["changes"]
    assert change["name"] == "global.text" and change["pairs"][0] == {
        "background": "background", "background_name": "global.background", "required": 4.5, "before": 2.53,
        "after": change["pairs"][0]["after"]}
    assert change["pairs"][0]["after"] >= 4.5


def test_our_json_with_fewer_roles_is_completed():
    tokens = generate_design_system(Intent(primary="#0ea5e9"))
    older = {"themes": {"light": {role: tokens["themes"]["light"][role] for role in (
        "background", "surface", "text", "text-muted", "border", "focus-ring", "primary", "on-primary")}}}
    result = import_theme(json.dumps(older), format="json")
    assert result["tokens"]["themes"]["light"]["primary"] == tokens["themes"]["light"]["primary"]
    assert result["report"]["passes"] is True


def test_unreadable_css_says_the_line_and_the_reason():
    css = ":root {\n  --background: #fff;\n  --primary: oklch(nope);\n}\n}\n"
    assert problems(css) == [
        (3, 3, "--primary: 'oklch(nope)' is not a colour"),
        (5, 2, "this CSS is malformed (EOF reached before {} block for a qualified rule.)"),
    ]


def test_a_bad_colour_is_pointed_at():
    assert problems(":root {\n  --background: #fff;\n  --foreground: bluish;\n}") == [
        (3, 3, "--foreground: 'bluish' is not a colour")]


def test_input_without_theme_colours_is_refused():
    [(line, _, reason)] = problems("body { color: red; }")
    assert line == 1 and reason.startswith("no theme colours found")
    assert problems("   ") == [(1, 1, "the input is empty")]


def test_malformed_json_says_the_line_and_column():
    assert problems('{\n  "color": {\n    "a": 1,\n  }\n}') == [
        (4, 3, "this JSON is malformed: Expecting property name enclosed in double quotes")]


def test_a_dtcg_alias_to_nothing_or_in_a_circle_is_pointed_at():
    missing = '{\n "theme": {\n  "light": {\n   "background": {"$type": "color", "$value": "{color.nope}"}\n  }\n }\n}'
    assert problems(missing) == [(4, 4, "theme.light.background: refers to color.nope, which is not a token")]
    circle = json.dumps({"a": {"$type": "color", "$value": "{b}"}, "b": {"$type": "color", "$value": "{a}"}})
    assert problems(circle)[0][2] == "a: its aliases go round in a circle"


def test_a_bad_colour_in_our_json_is_pointed_at():
    assert problems('{"themes": {"light": {\n  "background": "#fff",\n  "text": "black-ish"}}}') == [
        (3, 3, "themes.light.text: must be a #rrggbb colour")]


def test_a_text_no_colour_of_its_hue_can_pass_is_left_and_said():
    css = ":root { --background: #ffffff; --card: #5c5c5c; --foreground: #808080; --primary: #1d4ed8; }"
    result = import_theme(css)
    [stuck] = [move for move in result["unrepaired"] if move["role"] == "text"]
    assert stuck["to"] == stuck["from"] == "#808080" and not stuck["repaired"]
    assert "cannot pass" in stuck["message"] and "change the colour behind it" in stuck["message"]
    assert result["repaired"]["tokens"]["themes"]["light"]["text"] == "#808080"


def test_deeply_nested_groups_are_refused_not_crashed_on():
    deep = '{"a":' * 300 + '{"$type": "color", "$value": "#fff"}' + "}" * 300
    [(_, _, reason)] = problems(deep)
    assert reason.endswith("groups are nested more than 32 levels deep")
    [(line, _, reason)] = problems("[" * 5000 + "]" * 5000)
    assert line == 1 and reason == "this JSON is nested too deeply"


@settings(max_examples=60, deadline=None)
@given(colour=st.integers(0, 0xFFFFFF), page=st.integers(0, 0xFFFFFF), ratio=st.sampled_from([3.0, 4.5, 7.0]))
def test_the_nearest_passing_colour_passes_keeps_its_hue_and_beats_moving_lightness_alone(colour, page, ratio):
    colour, page = f"#{colour:06x}", f"#{page:06x}"
    found = nearest_passing(colour, [(page, ratio)])
    alone, alone_passes = solve_lightness(colour, [(page, ratio)])
    if found is None:
        assert not (alone_passes and has_hue(alone) and abs(oklch(alone)[2] - oklch(colour)[2]) < 3)
        return
    assert wcag_ratio(found, page) >= ratio
    if has_hue(colour) and has_hue(found) and oklch(found)[1] > 0.02:
        # Searched at the colour's own hue; only rounding to 8-bit sRGB turns it, more the greyer it is.
        rounding = math.degrees(0.005 / oklch(found)[1])
        assert abs((oklch(found)[2] - oklch(colour)[2] + 180) % 360 - 180) < max(1.5, rounding)
    if alone_passes:  # as close, give or take one step of 8-bit sRGB (about 0.003 in ΔE-OK)
        assert delta_e_ok(colour, found) <= delta_e_ok(colour, alone) + 0.003
