"""The shadcn/ui export and registry item: parsed back, colours read back from oklch(), every pair measured."""

import itertools
import json
from dataclasses import replace

import pytest
from coloraide import Color

from designs.engine import export, generate_design_system, interpret, validate_tokens
from designs.engine.color import contrast, cvd_distance, delta_e
from designs.engine.shadcn import (
    CHARTS,
    SHADCN_COLOURS,
    registry_item,
    shadcn_pairs,
    shadcn_themes,
)
from designs.engine.shapes import SIMULATIONS, STATUS_DISTANCE

from . import wcag
from .test_exports import parse_css

BRIEFS = [
    ("calm trustworthy fintech", "#2563eb"),
    ("playful kids app", "#f59e0b"),
    ("luxury fashion house", "#111111"),
    ("eco startup", "#16a34a"),
    ("breaking news", "#dc2626"),
    ("pastel wellness", "#f9a8d4"),
    ("neon gaming", "#a3e635"),
    ("editorial literary magazine", None),
    ("bright yellow", "#ffff00"),
]
SELECTORS = {"light": (":root",), "dark": (".dark",), "light-high": ("@media (prefers-contrast: more)", ":root"),
             "dark-high": ("@media (prefers-contrast: more)", ".dark")}


def hex_of(value: str) -> str:
    """What a browser shows for an oklch() value, as #rrggbb."""
    assert value.startswith("oklch(")
    return Color(value).convert("srgb").to_string(hex=True)


def read_themes(css: str) -> dict[str, dict[str, str]]:
    blocks = parse_css(css)
    return {theme: {var: hex_of(blocks[path][f"--{var}"]) for var in SHADCN_COLOURS}
            for theme, path in SELECTORS.items()}


@pytest.fixture(scope="module", params=BRIEFS, ids=[brief for brief, _ in BRIEFS])
def tokens(request):
    return validate_tokens(generate_design_system(interpret(*request.param)))


def test_every_pair_shadcn_draws_meets_our_ratios_as_written(tokens):
    themes = read_themes(export(tokens, "shadcn", name="x"))
    for theme, colours in themes.items():
        for fg, bg, required, _kind in shadcn_pairs(theme):
            ratio = wcag.ratio(colours[fg], colours[bg])  # the formula written out, not the engine's
            assert ratio >= required, (theme, fg, bg, round(ratio, 2), required)


def test_chart_colours_stand_apart_under_every_colour_vision_deficiency(tokens):
    themes = read_themes(export(tokens, "shadcn", name="x"))
    for theme, colours in themes.items():
        charts = [colours[chart] for chart in CHARTS]
        assert len(set(charts)) == 5
        for first, second in itertools.combinations(charts, 2):
            assert delta_e(first, second) >= STATUS_DISTANCE, (theme, first, second)  # typical vision
            for simulation in SIMULATIONS:
                assert cvd_distance(first, second, simulation) >= STATUS_DISTANCE, (theme, first, second, simulation)


def test_our_roles_reach_shadcn_unchanged(tokens):
    themes = read_themes(export(tokens, "shadcn", name="x"))
    for theme, colours in themes.items():
        roles = tokens["themes"][theme]
        assert colours["background"] == roles["background"]
        assert colours["foreground"] == colours["card-foreground"] == roles["text"]
        assert colours["card"] == colours["popover"] == roles["surface"]
        assert colours["primary"] == colours["sidebar-primary"] == roles["primary"]
        assert colours["primary-foreground"] == roles["on-primary"]
        assert colours["secondary"] == roles["secondary"]
        assert colours["muted-foreground"] == roles["text-muted"]
        assert colours["border"] == roles["border"]
        assert colours["input"] == roles["border-strong"]
        assert colours["ring"] == roles["focus-ring"]
        assert colours["destructive"] in (roles["danger"], roles["danger-text"])
    # the brand colour is the light theme's primary exactly
    assert themes["light"]["primary"] == tokens["themes"]["light"]["primary"]


def test_a_tint_too_dark_for_the_muted_text_is_moved_until_both_texts_read_on_it():
    tokens = validate_tokens(generate_design_system(interpret("calm", "#2563eb")))
    roles = tokens["themes"]["light"]
    roles["accent-subtle"] = "#9a9a9a"  # neither the muted text nor the dark text reaches 4.5:1 on it
    assert contrast(roles["text-muted"], roles["accent-subtle"]) < 4.5
    accent = shadcn_themes(tokens)["light"]["accent"]
    assert accent != "#9a9a9a"
    assert contrast(roles["text-muted"], accent) >= 4.5 and contrast(roles["on-accent-subtle"], accent) >= 4.5


def test_fonts_radius_theme_inline_and_base_layer():
    tokens = validate_tokens(generate_design_system(replace(interpret("editorial", None), font_pairing="source")))
    css = export(tokens, "shadcn", name="Acme", font_base_url="https://df.example/static/fonts/")
    blocks = parse_css(css)
    assert '@import "tailwindcss"' in blocks[()]
    faces = [block for path, block in blocks.items() if path and path[0].startswith("@font-face")]
    families = {face["font-family"].strip('"') for face in faces}
    assert families == {"Source Serif 4", "Source Sans 3", "Source Code Pro"}
    assert all(face["src"].startswith('url("https://df.example/static/fonts/') for face in faces)
    inline = blocks[("@theme inline",)]
    assert inline["--font-sans"].startswith('"Source Sans 3"')
    assert inline["--font-serif"].startswith('"Source Serif 4"')
    assert inline["--font-mono"].startswith('"Source Code Pro"')
    assert blocks[(":root",)]["--radius"] == tokens["radii"]["lg"]
    assert inline["--radius-sm"] == tokens["radii"]["sm"] and inline["--radius-lg"] == "var(--radius)"
    for var in SHADCN_COLOURS:
        assert inline[f"--color-{var}"] == f"var(--{var})"
    assert "\n@custom-variant dark (&:is(.dark *));\n" in css
    assert blocks[("@layer base", "body")] == {"@apply bg-background text-foreground": ""}


def test_a_serif_body_is_the_page_font_in_the_shadcn_and_tailwind_exports():
    tokens = validate_tokens(generate_design_system(interpret("editorial", None)))
    families = tokens["typography"]["families"]
    families["body"] = {"name": "Source Serif 4", "stack": '"Source Serif 4", Georgia, serif'}
    families["heading"] = {"name": "Inter", "stack": '"Inter", ui-sans-serif, sans-serif'}
    tokens = validate_tokens(tokens)
    families = tokens["typography"]["families"]
    shadcn = parse_css(export(tokens, "shadcn", name="Acme"))[("@theme inline",)]
    tailwind = parse_css(export(tokens, "tailwind", name="Acme"))[("@theme",)]
    for fonts in (shadcn, tailwind):
        assert fonts["--font-sans"] == families["body"]["stack"]  # Tailwind's default: the page's text
        assert fonts["--font-serif"] == families["body"]["stack"]
        assert fonts["--font-heading"] == families["heading"]["stack"]


def test_registry_item_carries_the_same_colours_and_the_high_contrast_themes(tokens):
    item = registry_item(tokens, name="acme", title="Acme", description="d",
                         fonts_stylesheet="https://df.example/static/fonts/fonts.css")
    assert item["type"] == "registry:theme" and item["name"] == "acme"
    assert item["$schema"] == "https://ui.shadcn.com/schema/registry-item.json"
    exported = read_themes(export(tokens, "shadcn", name="x"))
    for theme in ("light", "dark"):
        assert {var: hex_of(value) for var, value in item["cssVars"][theme].items() if var != "radius"} == \
            exported[theme]
    assert item["cssVars"]["light"]["radius"] == tokens["radii"]["lg"]
    high = item["css"]["@media (prefers-contrast: more)"]
    assert {var.removeprefix("--"): hex_of(value) for var, value in high[":root"].items()} == exported["light-high"]
    assert {var.removeprefix("--"): hex_of(value) for var, value in high[".dark"].items()} == exported["dark-high"]
    assert item["css"]['@import url("https://df.example/static/fonts/fonts.css")'] == {}
    assert item["cssVars"]["theme"]["font-mono"] == tokens["typography"]["families"]["mono"]["stack"]
    json.dumps(item)  # plain JSON


def test_colours_only_tokens_give_colours_only():
    tokens = validate_tokens({"themes": generate_design_system(interpret("calm", "#2563eb"))["themes"]})
    css = export(tokens, "shadcn", name="x")
    assert "@font-face" not in css and "--radius" not in css and "--font-sans" not in css
    read_themes(css)
    item = registry_item(tokens, name="x", title="x", description="", fonts_stylesheet="https://h/fonts.css")
    assert "theme" not in item["cssVars"] and not any(key.startswith("@import") for key in item["css"])
