"""An imported theme made whole: what the input gave, in our roles, and the rest completed the way
the engine would, each completion said.

The engine reads an intent from the input (its light primary, secondary and accent fills as brand
colours, the tint of its greys, its saturation, its radius) and generates from it; then:

- colour scales are the input's own where it gives all eleven steps, else built around its fills
  (the fill appears unchanged in its scale, as a brand colour does), else the engine's;
- each theme the input has keeps every role it gives; a role it lacks is taken from the engine's
  theme (surfaces, text, fills: their text solved on the fill) or solved against the input's own page
  and fills (coloured text, tints, text on tints, the strong border), as the generator solves them;
- a theme the input lacks (often dark, nearly always the high-contrast ones) is the engine's;
- typography, spacing, radii and shadows are the input's where it has them (fonts, the radius), else
  the engine's for the intent.
"""

import itertools

from ..color import composite, has_hue, max_chroma, oklch, takes_text
from ..generate import generate_design_system
from ..intent import Intent
from ..layout import ROUNDEST_RADII_PX, build_radii
from ..palette import anchor_step, build_scale
from ..shapes import (
    BASE_ROLES,
    BRAND_SCALES,
    FAMILY_ROLES,
    FILLED_ROLES,
    STATUS_DISTANCE,
    STATUS_SCALES,
    STEPS,
    THEME_ROLES,
    THEMES,
    base_theme,
    colour_roles,
    theme_ratios,
)
from ..status import band, min_status_distance
from ..themes import BLACK, WHITE, build_theme, complete_theme, solve_on_colour, step_of
from ..tokens import parse_font_stack
from .minimal import minimal_repair
from .source import Source

#: The primary an input without any is completed with (a plain, accessible blue).
FALLBACK_PRIMARY = "#2563eb"
_FROM_INPUT_SECTIONS = ("typography", "spacing", "radii", "shadows")
#: Steps a completed status fill may take when the engine's would look like one the input gives.
_STATUS_STEPS = STEPS[1:9]


def opaque_themes(source: Source) -> dict[str, dict[str, str]]:
    """Each input theme's roles as opaque colours: a translucent one laid over its theme's background
    (the background itself over white, or black in a dark theme)."""
    themes = {}
    for theme, found in source.themes.items():
        page = found.get("background")
        backdrop = BLACK if base_theme(theme) == "dark" else WHITE
        background = composite(page.hex, page.alpha, backdrop) if page else None
        themes[theme] = {role: composite(colour.hex, colour.alpha, background or backdrop)
                         for role, colour in found.items()}
    return themes


def _neutral_tint(text: str | None, primary: str) -> str:
    if text is None or oklch(text)[1] < 0.004:
        return "pure"
    hue = oklch(text)[2]
    if abs((hue - oklch(primary)[2] + 180) % 360 - 180) <= 30:
        return "brand"
    return "warm" if 30 <= hue <= 120 else "cool"


def derived_intent(source: Source, themes: dict[str, dict[str, str]]) -> Intent:
    """The intent the engine completes an imported theme from."""
    light = themes.get("light") or next(iter(themes.values()))
    primary = light.get("primary") or source.scales.get("primary", {}).get("600") or FALLBACK_PRIMARY
    lightness, chroma, hue = oklch(primary)
    reach = max_chroma(lightness, hue)
    vibrancy = min(chroma / reach, 1.0) if has_hue(primary) and reach > 0 else 0.0
    roundness = 0.4 if source.radius_px is None else min(max(source.radius_px / ROUNDEST_RADII_PX[2], 0.0), 1.0)
    return Intent(
        primary=primary,
        secondary=light.get("secondary"),
        accent=light.get("accent"),
        vibrancy=round(vibrancy, 2),
        neutral=_neutral_tint(light.get("text"), primary),
        roundness=round(roundness, 2),
    )


def _scales(source: Source, light: dict[str, str], engine: dict, notes: list) -> dict:
    colors = {name: dict(scale) for name, scale in engine.items()}
    for name in colors:
        given = source.scales.get(name, {})
        if len(given) == len(STEPS):
            colors[name] = {step: given[step] for step in STEPS}
            continue
        if given:
            notes.append({"part": f"colors.{name}", "how": f"the input gives {len(given)} of its 11 steps: the "
                          "scale is built around its fill instead"})
        fill = light.get(name)
        if name in STATUS_SCALES and fill:
            colors[name] = build_scale(0.0, 0.0, fill)
            notes.append({"part": f"colors.{name}", "how": f"built around the input's {name} fill {fill}"})
        elif name in BRAND_SCALES and fill:
            notes.append({"part": f"colors.{name}", "how": f"built around the input's {name} fill {fill}"})
        else:
            notes.append({"part": f"colors.{name}", "how": "the engine's, from the derived intent"})
    return colors


def _status_fills(theme: str, given: dict[str, str], engine_theme: dict[str, str], colors: dict) -> dict[str, str]:
    """The status fills: the input's, and for those it lacks the engine's, or, when one of those would be
    mistaken for a given one under a colour-vision deficiency, the nearest steps that are told apart."""
    fills = {name: given.get(name, engine_theme[name]) for name in STATUS_SCALES}
    missing = [name for name in STATUS_SCALES if name not in given]
    if not missing or min_status_distance(fills) >= STATUS_DISTANCE:
        return fills
    text_ratio = theme_ratios(theme)[0]
    designed = [STEPS.index(step_of(colors[name], engine_theme[name]) or "500") for name in missing]
    def farness(combo) -> int:
        return sum(abs(STEPS.index(step) - at) for step, at in zip(combo, designed, strict=True))

    combos = sorted(itertools.product(_STATUS_STEPS, repeat=len(missing)), key=farness)
    for combo in combos:
        trial = {**fills, **{name: colors[name][step] for name, step in zip(missing, combo, strict=True)}}
        if all(takes_text(trial[name], text_ratio) for name in missing) and (
                min_status_distance(trial) >= STATUS_DISTANCE):
            return trial
    return fills


def _complete(theme: str, given: dict[str, str], engine_theme: dict[str, str], colors: dict) -> dict[str, str]:
    """Every role of a theme the input has: its own, and the missing ones solved around them."""
    roles = {**_status_fills(theme, given, engine_theme, colors), **given}
    text_ratio = theme_ratios(theme)[0]
    for role in BASE_ROLES:
        if role not in roles and role != "border-strong":
            roles[role] = engine_theme[role]
    for name in FILLED_ROLES:
        fill, on_fill = colour_roles(name)[:2]
        roles.setdefault(fill, engine_theme[fill])
        if on_fill not in roles:
            roles[on_fill] = solve_on_colour(roles[fill], colors[name], text_ratio)
    roles = complete_theme(roles, colors, theme)
    completed = set(THEME_ROLES) - set(given)
    return minimal_repair(theme, roles, movable=completed)[0]


def _fonts(source: Source, typography: dict, notes: list) -> dict:
    families = dict(typography["families"])
    fonts = dict(source.fonts)
    if "body" in fonts:
        fonts.setdefault("heading", fonts["body"])
    for role in FAMILY_ROLES:
        if role in fonts:
            names = parse_font_stack(fonts[role])
            families[role] = {"name": names[0], "stack": fonts[role]}
        else:
            notes.append({"part": f"typography.families.{role}", "how": "the engine's default pairing"})
    return {**typography, "families": families}


def assemble(source: Source) -> tuple[dict, Intent, list[dict]]:
    """``(tokens, the derived intent, [what was completed and how])``. Every completed role meets its
    contrast; roles from the input are as it gave them (opaque)."""
    themes = opaque_themes(source)
    intent = derived_intent(source, themes)
    engine = generate_design_system(intent)
    light = themes.get("light", {})
    notes: list[dict] = []
    colors = _scales(source, light, engine["colors"], notes)
    anchors = {name: step_of(colors[name], light[name]) if name in light and step_of(colors[name], light[name])
               else anchor_step(oklch(colors[name]["500"])[0]) for name in BRAND_SCALES}
    status_band = band(intent.vibrancy)
    tokens: dict = {"colors": colors, "themes": {}}
    for theme in THEMES:
        engine_theme = build_theme(colors, theme, anchors, status_band)
        if theme in themes:
            tokens["themes"][theme] = _complete(theme, themes[theme], engine_theme, colors)
            missing = [role for role in THEME_ROLES if role not in themes[theme]]
            if missing:
                notes.append({"part": f"themes.{theme}", "roles": missing, "how": "solved around the input's own "
                              "colours as the generator solves them (each meets its contrast)"})
        else:
            tokens["themes"][theme] = engine_theme
            notes.append({"part": f"themes.{theme}", "how": "the input has no such theme: the engine's, from the "
                          "derived intent and these colour scales"})
    for section in _FROM_INPUT_SECTIONS:
        if section in source.sections:
            tokens[section] = source.sections[section]
        elif section == "typography":
            tokens[section] = _fonts(source, engine[section], notes)
        elif section == "radii" and source.radius_px is not None:
            tokens[section] = build_radii(intent.roundness)
            notes.append({"part": "radii", "how": f"from the input's radius ({source.radius_px:g}px)"})
        else:
            tokens[section] = engine[section]
            notes.append({"part": section, "how": "the engine's, from the derived intent"})
    return tokens, intent, notes
