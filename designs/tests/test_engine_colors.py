"""Colour scales, contrast-solved themes, colour-blind-safe status colours, the report and repair.

Every colour check here is recomputed directly with coloraide (not through the
engine's own helpers), so a bug in the engine's maths cannot hide itself.
"""

import itertools
import json
import re

import pytest
from coloraide import Color
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designs.engine import (
    EngineInputError,
    Intent,
    build_report,
    generate_colors,
    generate_design_system,
    interpret,
    repair_themes,
)
from designs.engine.palette import anchor_step, target_lightness
from designs.engine.status import choose_status_steps
from designs.engine.vocabulary import all_phrases

STEPS = ["50", "100", "200", "300", "400", "500", "600", "700", "800", "900", "950"]
SCALES = ["primary", "secondary", "accent", "neutral", "success", "warning", "danger", "info"]
FILLED = ["primary", "secondary", "accent", "success", "warning", "danger", "info"]
ROLES = ["background", "surface", "text", "text-muted", "border", "focus-ring"] + [
    name for role in FILLED for name in (role, f"on-{role}")
]
STATUS = ["success", "warning", "danger", "info"]
HEX = re.compile(r"#[0-9a-f]{6}")
EDGE_SEEDS = ["#ffff00", "#050505", "#fafafa", "#39ff14", "#808080", "#ff00ff"]

PROPERTY = settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

seeds = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")
words = st.sampled_from(sorted(set(all_phrases())))
noise = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
prompts = st.lists(st.one_of(words, words, noise), max_size=6).flatmap(
    lambda parts: st.sampled_from([", ", " ", "! ", " / "]).map(lambda sep: sep.join(parts))
)
chroma_levels = st.sampled_from(["muted", "balanced", "vivid"])


# --- independent checks (coloraide only) -----------------------------------------------------------------------


def ratio(foreground: str, background: str) -> float:
    return Color(foreground).contrast(Color(background), method="wcag21")


def lightness(hex_color: str) -> float:
    return Color(hex_color).convert("oklch")["lightness"]


def seen_as(hex_color: str, simulation: str) -> Color:
    return Color(hex_color).filter(simulation, 1).clip("srgb")


def status_distance(a: str, b: str, simulation: str) -> float:
    return seen_as(a, simulation).delta_e(seen_as(b, simulation), method="2000")


def assert_theme_contract(theme: dict) -> None:
    assert list(theme) == ROLES
    for surface in ("background", "surface"):
        for text in ("text", "text-muted"):
            assert ratio(theme[text], theme[surface]) >= 4.5, (text, surface, theme)
    for role in FILLED:
        assert ratio(theme[f"on-{role}"], theme[role]) >= 4.5, (role, theme)
    for role in ("primary", "focus-ring"):
        assert ratio(theme[role], theme["background"]) >= 3.0, (role, theme)


def assert_status_distinct(theme: dict) -> None:
    for simulation in ("protan", "deutan", "tritan"):
        for a, b in itertools.combinations(STATUS, 2):
            assert status_distance(theme[a], theme[b], simulation) >= 10, (simulation, a, b)


def assert_scales_valid(colors: dict) -> None:
    assert list(colors) == SCALES
    for name, scale in colors.items():
        assert list(scale) == STEPS, name
        assert all(HEX.fullmatch(value) for value in scale.values()), scale
        values = [lightness(scale[step]) for step in STEPS]
        assert all(a > b for a, b in zip(values, values[1:], strict=False)), (name, scale)


def assert_all_valid(tokens: dict, seed: str | None) -> None:
    assert_scales_valid(tokens["colors"])
    if seed is not None:
        primary = tokens["colors"]["primary"]
        assert primary[anchor_step(lightness(seed))] == seed, (seed, primary)
    for theme in ("light", "dark"):
        assert_theme_contract(tokens["themes"][theme])
        assert_status_distinct(tokens["themes"][theme])
    report = build_report(tokens)
    assert report["passes"], [row for row in report["contrast"] + report["status_distances"] if not row["passes"]]


# --- properties ------------------------------------------------------------------------------------------------


@PROPERTY
@given(seed=st.one_of(st.none(), seeds), prompt=prompts)
def test_any_seed_and_prompt_meets_the_whole_contract(seed, prompt):
    assert_all_valid(generate_colors(interpret(prompt, seed)), seed)


@PROPERTY
@given(
    seed=st.one_of(st.none(), seeds),
    secondary=st.one_of(st.none(), seeds),
    accent=st.one_of(st.none(), seeds),
    hues=st.tuples(*[st.floats(0, 360, allow_nan=False)] * 3),
    chroma=chroma_levels,
)
def test_any_intent_with_explicit_colours_meets_the_contract(seed, secondary, accent, hues, chroma):
    intent = Intent(*hues, chroma=chroma, seed_color=seed, secondary_color=secondary, accent_color=accent)
    tokens = generate_colors(intent)
    assert_all_valid(tokens, seed)
    for name, colour in (("secondary", secondary), ("accent", accent)):
        if colour is not None:
            assert tokens["colors"][name][anchor_step(lightness(colour))] == colour


@settings(max_examples=30, deadline=None, database=None)
@given(seed=st.one_of(st.none(), seeds), prompt=prompts)
def test_generation_is_deterministic(seed, prompt):
    intent = interpret(prompt, seed)
    assert intent == interpret(prompt, seed)
    first = generate_design_system(intent)
    assert json.dumps(first) == json.dumps(generate_design_system(Intent.from_dict(intent.to_dict())))
    assert build_report(first) == build_report(json.loads(json.dumps(first)))


# --- specific seeds and scales ---------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", EDGE_SEEDS)
def test_edge_seeds(seed):
    tokens = generate_design_system(interpret("", seed))
    assert_all_valid(tokens, seed)


@pytest.mark.parametrize(
    ("seed", "step"), [("#fafafa", "50"), ("#ffffff", "50"), ("#050505", "950"), ("#000000", "950"), ("#808080", "500")]
)
def test_seed_sits_at_the_step_whose_lightness_fits_best(seed, step):
    primary = generate_colors(interpret("", seed))["colors"]["primary"]
    assert primary[step] == seed
    assert_scales_valid(generate_colors(interpret("", seed))["colors"])


def test_grey_seed_gives_grey_primary_and_untinted_neutrals():
    colors = generate_colors(interpret("", "#808080"))["colors"]
    for scale in ("primary", "neutral"):
        assert all(Color(v).convert("oklch")["chroma"] < 0.005 for v in colors[scale].values()), colors[scale]


def test_unseeded_scales_have_even_lightness_steps():
    colors = generate_colors(interpret("vivid"))["colors"]
    for name, scale in colors.items():
        values = [lightness(scale[step]) for step in STEPS]
        gaps = [a - b for a, b in zip(values, values[1:], strict=False)]
        full = gaps[1:-1]  # 50 and 950 are half steps
        assert max(full) - min(full) < 0.01, (name, gaps)
        assert abs(gaps[0] - full[0] / 2) < 0.01 and abs(gaps[-1] - full[0] / 2) < 0.01, (name, gaps)
        for step in STEPS:
            assert abs(lightness(scale[step]) - target_lightness(step)) < 0.005


def test_anchored_scale_is_even_on_each_side_of_the_seed():
    primary = generate_colors(interpret("", "#3b82f6"))["colors"]["primary"]
    assert primary["500"] == "#3b82f6"
    values = [lightness(primary[s]) for s in STEPS]
    lighter = [a - b for a, b in zip(values[1:6], values[2:6], strict=False)]  # 100..500
    darker = [a - b for a, b in zip(values[5:10], values[6:10], strict=False)]  # 500..900
    assert max(lighter) - min(lighter) < 0.01 and max(darker) - min(darker) < 0.01


# --- themes are solved, not fixed ------------------------------------------------------------------------------


def test_primary_role_stays_on_the_seed_when_it_passes():
    themes = generate_colors(interpret("", "#3b82f6"))["themes"]
    assert themes["light"]["primary"] == "#3b82f6"  # 3.4:1 on the light background is enough for 3:1
    assert ratio(themes["light"]["on-primary"], "#3b82f6") >= 4.5


def test_primary_role_moves_only_as_far_as_contrast_requires():
    light_seed = generate_colors(interpret("", "#fde047"))
    primary = light_seed["colors"]["primary"]
    chosen = light_seed["themes"]["light"]["primary"]
    assert chosen != "#fde047" and chosen in primary.values()
    index = STEPS.index([s for s in STEPS if primary[s] == chosen][0])
    background = light_seed["themes"]["light"]["background"]
    assert ratio(chosen, background) >= 3
    assert ratio(primary[STEPS[index - 1]], background) < 3, "a step closer to the seed would have passed"

    dark_seed = generate_colors(interpret("", "#1e3a8a"))["themes"]["dark"]
    assert dark_seed["primary"] != "#1e3a8a"
    assert lightness(dark_seed["primary"]) > lightness("#1e3a8a")


def test_theme_roles_come_from_the_scales():
    tokens = generate_colors(interpret("calm trustworthy fintech"))
    palette = {value for scale in tokens["colors"].values() for value in scale.values()}
    for theme in tokens["themes"].values():
        for role, value in theme.items():
            assert value in palette or value in ("#ffffff", "#000000"), role


def test_dark_theme_is_dark_and_light_theme_is_light():
    themes = generate_colors(interpret("minimal"))["themes"]
    assert lightness(themes["light"]["background"]) > 0.9 > 0.3 > lightness(themes["dark"]["background"])
    assert lightness(themes["light"]["text"]) < 0.4 < 0.9 < lightness(themes["dark"]["text"])


# --- status colours ----------------------------------------------------------------------------------------------


def test_tailwind_red_and_green_600_are_not_enough_under_deutan():
    assert status_distance("#dc2626", "#16a34a", "deutan") < 10
    tokens = generate_colors(interpret("calm"))
    tokens["themes"]["light"]["danger"] = "#dc2626"
    tokens["themes"]["light"]["success"] = "#16a34a"
    report = build_report(tokens)
    failing = [r for r in report["status_distances"] if not r["passes"]]
    assert any(
        (r["theme"], r["simulation"], r["pair"]) == ("light", "deutan", ["success", "danger"]) for r in failing
    ), failing
    assert not report["passes"]


@pytest.mark.parametrize("chroma", ["muted", "balanced", "vivid"])
def test_status_colours_are_distinct_at_every_chroma_level(chroma):
    themes = generate_colors(Intent(200, 230, 20, chroma=chroma))["themes"]
    for theme in themes.values():
        assert_status_distinct(theme)
    hues = {name: Color(themes["light"][name]).convert("oklch")["hue"] for name in STATUS}
    assert 200 < hues["info"] < 290 and (hues["danger"] < 45 or hues["danger"] > 345)


def test_status_search_finds_a_passing_combination_when_the_design_fails():
    grey = generate_colors(interpret("", "#808080"))["colors"]["primary"]
    colors = {name: grey for name in STATUS}  # four identical scales: only lightness can separate them
    for theme in ("light", "dark"):
        steps = choose_status_steps(colors, theme)
        roles = {name: grey[step] for name, step in steps.items()}
        assert_status_distinct(roles)


# --- report ----------------------------------------------------------------------------------------------------


def test_report_rows_match_independent_computation():
    tokens = generate_colors(interpret("playful", "#ff00ff"))
    report = build_report(tokens)
    assert [set(r) for r in report["contrast"][:1]] == [
        {"theme", "foreground", "background", "ratio", "required", "passes"}
    ]
    for row in report["contrast"]:
        theme = tokens["themes"][row["theme"]]
        exact = ratio(theme[row["foreground"]], theme[row["background"]])
        assert row["ratio"] <= exact < row["ratio"] + 0.01
        assert row["passes"] == (exact >= row["required"])
    pairs = {(r["theme"], r["foreground"], r["background"]) for r in report["contrast"]}
    assert ("dark", "on-info", "info") in pairs and ("light", "focus-ring", "background") in pairs
    for row in report["status_distances"]:
        theme = tokens["themes"][row["theme"]]
        exact = status_distance(theme[row["pair"][0]], theme[row["pair"][1]], row["simulation"])
        assert row["delta_e"] <= exact < row["delta_e"] + 0.01
        assert row["required"] == 10


def test_report_rounds_down_and_judges_the_unrounded_ratio():
    tokens = generate_colors(interpret("calm"))
    light = tokens["themes"]["light"]
    light.update({"background": "#ffffff", "surface": "#ffffff", "text": "#777777", "text-muted": "#767676"})
    rows = {r["foreground"]: r for r in build_report(tokens)["contrast"] if r["theme"] == "light"}
    assert ratio("#777777", "#ffffff") < 4.5 < ratio("#767676", "#ffffff")
    assert rows["text"]["passes"] is False and rows["text"]["ratio"] < 4.5
    assert rows["text-muted"]["passes"] is True and rows["text-muted"]["ratio"] == 4.54


# --- repair ----------------------------------------------------------------------------------------------------


def test_repair_fixes_a_deliberately_broken_theme():
    tokens = generate_colors(interpret("calm fintech"))
    broken = json.loads(json.dumps(tokens))
    light, dark = broken["themes"]["light"], broken["themes"]["dark"]
    light["text"] = light["background"]
    light["text-muted"] = light["surface"]
    light["primary"] = light["background"]
    light["focus-ring"] = "#eeeeee"
    light["on-danger"] = light["danger"]
    dark["text"] = "#000000"
    dark["on-primary"] = dark["primary"]
    assert not build_report(broken)["passes"]

    repaired = repair_themes(broken)
    assert build_report(repaired)["passes"]
    for theme in ("light", "dark"):
        assert_theme_contract(repaired["themes"][theme])
    assert broken["themes"]["light"]["text"] == broken["themes"]["light"]["background"], "input was mutated"
    assert repaired["themes"]["light"]["success"] == tokens["themes"]["light"]["success"], "passing roles change"
    assert repaired["themes"]["light"]["background"] == tokens["themes"]["light"]["background"]
    assert repaired["colors"] == tokens["colors"]


def test_repair_handles_a_surface_no_text_colour_could_share():
    tokens = generate_colors(interpret("calm"))
    tokens["themes"]["light"].update({"background": "#ffffff", "surface": "#1a1a1a", "text": "#777777"})
    repaired = repair_themes(tokens)
    assert_theme_contract(repaired["themes"]["light"])


@PROPERTY
@given(theme=st.fixed_dictionaries({role: seeds for role in ROLES}))
def test_repair_makes_any_theme_pass(theme):
    repaired = repair_themes({"themes": {"light": theme}})
    assert_theme_contract(repaired["themes"]["light"])
    assert repaired["themes"]["light"]["background"] == theme["background"]


def test_repair_validates_its_input():
    with pytest.raises(EngineInputError) as caught:
        repair_themes({"themes": {"light": {"text": "#000"}}})
    assert "themes.light.background" in caught.value.errors
    assert repair_themes({"radii": {"none": "0px", "sm": "1px", "md": "2px", "lg": "3px", "xl": "4px",
                                    "full": "9999px"}})["radii"]["md"] == "2px"
