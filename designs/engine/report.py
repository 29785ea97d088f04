"""The accessibility report, recomputed from whatever the tokens hold.

Contrast ratios are WCAG 2.1 (coloraide), status distances CIEDE2000 between
colour-vision-deficiency simulations (coloraide filters at full severity).
Pass/fail uses the unrounded value; the number shown is rounded *down* to two
decimals, so the report never overstates a result.

Besides the checks, the report says where each brand colour's fill sits in
its scale in every theme (and why the dark theme moved it, when it did), and
warns about roles people must tell apart that look alike.
"""

from .color import contrast, delta_e_ok, floor2
from .shapes import (
    BRAND_SCALES,
    FILLED_ROLES,
    NON_TEXT_RATIO,
    STATUS_DISTANCE,
    STATUS_SCALES,
    TEXT_RATIO,
    THEMES,
    base_theme,
    colour_roles,
    theme_ratios,
)
from .status import status_distances
from .themes import step_of
from .tokens import validate_tokens


def contrast_contract(text: float = TEXT_RATIO, non_text: float = NON_TEXT_RATIO) -> tuple:
    """(foreground role, background role, minimum ratio, kind) checked in a theme. Text pairs are
    drawn as text; non-text pairs (borders, focus rings) as lines and rings."""
    pairs = [(fg, bg, text, "text") for fg in ("text", "text-muted") for bg in ("background", "surface")]
    for name in FILLED_ROLES:
        role, on_role, text_role, subtle_role, on_subtle_role = colour_roles(name)
        pairs += [
            (on_role, role, text, "text"),
            (text_role, "background", text, "text"),
            (text_role, "surface", text, "text"),
            (on_subtle_role, subtle_role, text, "text"),
        ]
    pairs += [
        (fg, bg, non_text, "non-text") for fg in ("border-strong", "focus-ring") for bg in ("background", "surface")
    ]
    return tuple(pairs)


CONTRAST_CONTRACT = contrast_contract()
#: The pairs each theme must meet: the standard ratios, or the high-contrast ones.
CONTRACTS = {theme: contrast_contract(*theme_ratios(theme)) for theme in THEMES}

#: Pairs of roles a person must tell apart (a brand colour must not pass for an error, a success or a
#: warning), and the OKLab distance (ΔE-OK) below which they look alike.
DISTINCT_ROLES = tuple((brand, status) for brand in BRAND_SCALES for status in ("danger", "success", "warning"))
LOOK_ALIKE_DISTANCE = 0.1


def _contrast_rows(theme: str, roles: dict[str, str], contract) -> list[dict]:
    rows = []
    for foreground, background, required, kind in contract:
        ratio = contrast(roles[foreground], roles[background])
        rows.append({
            "theme": theme,
            "foreground": foreground,
            "background": background,
            "kind": kind,
            "ratio": floor2(ratio),
            "required": required,
            "passes": ratio >= required,
        })
    return rows


def _brand_note(theme: str, light: str, entry: dict) -> str:
    """Why a theme's fill is, or is not, the brand colour."""
    text_ratio, non_text_ratio = theme_ratios(theme)
    needs = []
    if base_theme(theme) == "dark":
        needs.append(f"stands out {non_text_ratio:g}:1 from the dark page")
    if theme != base_theme(theme):
        needs.append(f"takes {text_ratio:g}:1 text")
    if entry["color"] == light:
        return "The brand colour is used as is: it " + " and ".join(needs) + "." if needs else (
            "The brand colour is used as is.")
    if entry["step"] is None:
        return f"The {theme} theme's fill is not a step of this scale."
    return f"Step {entry['step']} instead of the brand colour: the nearest step of its scale that " + " and ".join(
        needs) + "."


def _brand_fills(themes: dict, colors: dict) -> list[dict]:
    """Where each brand colour's fill sits in its scale in every theme, and why a theme moved it."""
    entries = []
    for name in BRAND_SCALES:
        scale = colors.get(name)
        if not scale or "light" not in themes:
            continue
        light = themes["light"][name]
        entry = {"role": name}
        for theme in THEMES:
            if theme not in themes:
                continue
            fill = themes[theme][name]
            entry[theme] = {
                "color": fill,
                "step": step_of(scale, fill),
                "contrast_with_page": floor2(contrast(fill, themes[theme]["background"])),
            }
            if theme != "light":
                entry[theme]["note"] = _brand_note(theme, light, entry[theme])
        entries.append(entry)
    return entries


def _theme_list(themes: list[str]) -> str:
    listed = themes[0] if len(themes) == 1 else ", ".join(themes[:-1]) + " and " + themes[-1]
    return f"the {listed} theme" + ("s" if len(themes) > 1 else "")


def _warnings(themes: dict) -> list[dict]:
    """One warning per pair of roles that look alike, naming every theme where they do and the
    smallest distance among them."""
    found: dict[tuple[str, str], dict[str, float]] = {}
    for theme in THEMES:
        roles = themes.get(theme)
        if not roles:
            continue
        for pair in DISTINCT_ROLES:
            distance = delta_e_ok(roles[pair[0]], roles[pair[1]])
            if distance < LOOK_ALIKE_DISTANCE:
                found.setdefault(pair, {})[theme] = distance
    warnings = []
    for (first, second), distances in found.items():
        closest = min(distances.values())
        warnings.append({
            "roles": [first, second],
            "themes": list(distances),
            "delta_e_ok": round(closest, 3),
            "message": f"{first.capitalize()} and {second} look alike in {_theme_list(list(distances))} "
            f"(ΔE-OK {closest:.3f} at the closest); people may mistake one for the other.",
        })
    return warnings


def build_report(tokens: dict) -> dict:
    """``{"contrast", "status_distances", "brand", "warnings", "passes"}`` for ``tokens``.

    Only themes present in the tokens are checked: colour scales alone or
    typography alone give empty lists (and ``passes`` True). Raises
    EngineInputError if the tokens are malformed.
    """
    clean = validate_tokens(tokens)
    themes = clean.get("themes", {})
    contrast_rows = []
    distance_rows = []
    for theme in THEMES:
        if theme not in themes:
            continue
        roles = themes[theme]
        contrast_rows += _contrast_rows(theme, roles, CONTRACTS[theme])
        status_fills = {name: roles[name] for name in STATUS_SCALES}
        for simulation, first, second, distance in status_distances(status_fills):
            distance_rows.append({
                "theme": theme,
                "simulation": simulation,
                "pair": [first, second],
                "delta_e": floor2(distance),
                "required": STATUS_DISTANCE,
                "passes": distance >= STATUS_DISTANCE,
            })
    passes = all(row["passes"] for row in contrast_rows + distance_rows)
    return {
        "contrast": contrast_rows,
        "status_distances": distance_rows,
        "brand": _brand_fills(themes, clean.get("colors", {})),
        "warnings": _warnings(themes),
        "passes": passes,
    }
