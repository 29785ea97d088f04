"""Light and dark themes whose roles are solved for contrast.

Each role starts from a preferred scale step (the seed's own step for a
seeded brand scale) and walks outwards along the scale until every contrast
requirement holds, so the result stays as close to the brand as the ratios
allow. If no step qualifies, the colour's OKLCH lightness is searched
directly (keeping hue and chroma); black or white is the last resort.
"""

from .color import contrast, from_oklch, oklch
from .shapes import (
    BRAND_SCALES,
    FILLED_ROLES,
    NON_TEXT_RATIO,
    STEPS,
    TEXT_RATIO,
    THEME_ROLES,
)
from .status import choose_status_steps

WHITE = "#ffffff"
BLACK = "#000000"

Needs = list[tuple[str, float]]
"""Contrast requirements: ``[(background_hex, minimum_ratio), ...]``."""

#: Where each theme starts its search, and which way is "more contrast".
_THEME_PLAN = {
    "light": {
        "toward_contrast": +1,  # darker steps
        "background": "50",
        "surface": None,  # plain white
        "text": "900",
        "text-muted": "600",
        "border": "200",
        "focus-ring": "500",
        "fill": "600",
    },
    "dark": {
        "toward_contrast": -1,  # lighter steps
        "background": "950",
        "surface": "900",
        "text": "50",
        "text-muted": "400",
        "border": "800",
        "focus-ring": "400",
        "fill": "400",
    },
}

_LIGHTNESS_STEP = 0.005


def meets(colour: str, needs: Needs) -> bool:
    """True when ``colour`` meets every ratio in ``needs`` (unrounded)."""
    return all(contrast(colour, background) >= ratio for background, ratio in needs)


def solve_on_scale(scale: dict[str, str], preferred: str, needs: Needs, toward_contrast: int) -> str | None:
    """The step nearest ``preferred`` that meets ``needs`` (ties go towards more contrast)."""
    start = STEPS.index(preferred)
    order = sorted(
        range(len(STEPS)),
        key=lambda i: (abs(i - start), 0 if (i - start) * toward_contrast > 0 else 1),
    )
    for index in order:
        if meets(scale[STEPS[index]], needs):
            return scale[STEPS[index]]
    return None


def solve_lightness(colour: str, needs: Needs) -> tuple[str, bool]:
    """Move ``colour`` along OKLCH lightness (same hue and chroma) until it meets ``needs``.

    Returns ``(colour, True)`` for the passing colour with the smallest
    lightness change, or ``(best effort, False)`` when none exists.
    """
    if meets(colour, needs):
        return colour, True
    lightness, chroma, hue = oklch(colour)
    steps = int(1 / _LIGHTNESS_STEP) + 1
    for distance in range(1, steps + 1):
        for candidate_l in (lightness - distance * _LIGHTNESS_STEP, lightness + distance * _LIGHTNESS_STEP):
            if 0.0 <= candidate_l <= 1.0:
                candidate = from_oklch(candidate_l, chroma, hue)
                if meets(candidate, needs):
                    return candidate, True
    best = max((WHITE, BLACK), key=lambda c: min((contrast(c, bg) / r for bg, r in needs), default=0))
    return best, meets(best, needs)


def solve_role(scale: dict[str, str], preferred: str, needs: Needs, toward_contrast: int) -> str:
    """Role colour from ``scale``: a scale step if one qualifies, else a lightness search."""
    return solve_on_scale(scale, preferred, needs, toward_contrast) or solve_lightness(scale[preferred], needs)[0]


def solve_on_colour(fill: str, scale: dict[str, str] | None = None) -> str:
    """Text colour for a filled ``fill``: the scale's 50 or 950 tint if it reaches 4.5:1, else white/black.

    One of white and black always reaches at least 4.58:1 against any colour.
    """
    tints = [scale["50"], scale["950"]] if scale else []
    if tints:
        best_tint = max(tints, key=lambda c: contrast(c, fill))
        if contrast(best_tint, fill) >= TEXT_RATIO:
            return best_tint
    return max((WHITE, BLACK), key=lambda c: contrast(c, fill))


def build_theme(colors: dict[str, dict[str, str]], theme: str, brand_steps: dict[str, str | None]) -> dict[str, str]:
    """Solve every role of one theme from the scales in ``colors``.

    ``brand_steps`` maps a brand scale to the step holding its exact brand
    colour (or None); that step is where its role search starts.
    """
    plan = _THEME_PLAN[theme]
    toward = plan["toward_contrast"]
    neutral = colors["neutral"]
    background = neutral[plan["background"]]
    surface = neutral[plan["surface"]] if plan["surface"] else WHITE
    on_surfaces = [(background, TEXT_RATIO), (surface, TEXT_RATIO)]
    visible = [(background, NON_TEXT_RATIO), (surface, NON_TEXT_RATIO)]

    roles = {
        "background": background,
        "surface": surface,
        "text": solve_role(neutral, plan["text"], on_surfaces, toward),
        "text-muted": solve_role(neutral, plan["text-muted"], on_surfaces, toward),
        "border": neutral[plan["border"]],
        "focus-ring": solve_role(colors["primary"], plan["focus-ring"], visible, toward),
    }
    for name in BRAND_SCALES:
        preferred = brand_steps.get(name) or plan["fill"]
        needs = visible if name == "primary" else []
        roles[name] = solve_role(colors[name], preferred, needs, toward)
    for name, step in choose_status_steps(colors, theme).items():
        roles[name] = colors[name][step]
    for name in FILLED_ROLES:
        roles[f"on-{name}"] = solve_on_colour(roles[name], colors[name])
    return {role: roles[role] for role in THEME_ROLES}


def build_themes(colors: dict[str, dict[str, str]], brand_steps: dict[str, str | None]) -> dict[str, dict[str, str]]:
    """Both themes, light first."""
    return {theme: build_theme(colors, theme, brand_steps) for theme in _THEME_PLAN}
