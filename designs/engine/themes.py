"""Light and dark themes, and their high-contrast versions, whose roles are solved for contrast.

Each role starts from a preferred scale step and walks outwards along its
scale until every contrast requirement holds, so the result stays as close
to the brand as the ratios allow. If no step qualifies, the colour's OKLCH
lightness is searched directly (keeping hue and chroma); black or white is
the last resort.

A brand colour is the light theme's fill exactly: a fill needs no contrast
with the page, only its text does, and one of a near-white and a near-black
always reaches 4.5:1 on it. The dark theme keeps the brand colour where it
stands out from the dark page (3:1), and otherwise takes the nearest step of
its scale that does.

The high-contrast themes (``light-high``, ``dark-high``) meet 7:1 for text
and 4.5:1 for the strong border and the focus ring. A near-white or
near-black reaches 7:1 on most colours but not on every mid tone, so their
fills keep the brand colour where some text reaches 7:1 on it (and, in
dark-high, where it stands out 4.5:1 from the page), else the nearest step
where it does.
"""

from .color import contrast, from_oklch, oklch, takes_text
from .shapes import (
    BRAND_SCALES,
    STATUS_SCALES,
    STEPS,
    TEXT_RATIO,
    THEME_ROLES,
    THEMES,
    base_theme,
    colour_roles,
    theme_ratios,
)
from .status import band_fill_steps

WHITE = "#ffffff"
BLACK = "#000000"

Needs = list[tuple[str, float]]
"""Contrast requirements: ``[(background_hex, minimum_ratio), ...]``."""

#: Where each theme starts its search, and which way along a scale is "more contrast".
_THEME_PLAN = {
    "light": {
        "toward_contrast": +1,  # darker steps
        "background": "50",
        "surface": None,  # plain white
        "text": "900",
        "text-muted": "600",
        "border": "200",
        "border-strong": "500",
        "subtle": ("100", "50"),  # the tint, or the lighter one when the fill itself is that light
        "on-subtle": "800",
    },
    "dark": {
        "toward_contrast": -1,  # lighter steps
        "background": "950",
        "surface": "900",
        "text": "50",
        "text-muted": "400",
        "border": "800",
        "border-strong": "600",
        "subtle": ("900", "950"),
        "on-subtle": "200",
    },
    "light-high": {
        "toward_contrast": +1,
        "background": None,  # plain white
        "surface": None,
        "text": "950",
        "text-muted": "800",
        "border": "400",
        "border-strong": "700",
        "subtle": ("100", "50"),
        "on-subtle": "900",
    },
    "dark-high": {
        "toward_contrast": -1,
        "background": "black",  # plain black
        "surface": "950",
        "text": "50",
        "text-muted": "200",
        "border": "700",
        "border-strong": "400",
        "subtle": ("900", "950"),
        "on-subtle": "100",
    },
}
_PLAIN = {None: WHITE, "black": BLACK}

_LIGHTNESS_STEP = 0.005


def meets(colour: str, needs: Needs) -> bool:
    """True when ``colour`` meets every ratio in ``needs`` (unrounded)."""
    return all(contrast(colour, background) >= ratio for background, ratio in needs)


def nearest_step(scale: dict[str, str], preferred: str, toward_contrast: int, accept) -> str | None:
    """The step nearest ``preferred`` whose colour ``accept`` takes (ties go towards more contrast)."""
    start = STEPS.index(preferred)
    order = sorted(
        range(len(STEPS)),
        key=lambda i: (abs(i - start), 0 if (i - start) * toward_contrast > 0 else 1),
    )
    return next((STEPS[i] for i in order if accept(scale[STEPS[i]])), None)


def nearest_passing_step(scale: dict[str, str], preferred: str, needs: Needs, toward_contrast: int) -> str | None:
    """The step nearest ``preferred`` whose colour meets ``needs`` (ties go towards more contrast)."""
    return nearest_step(scale, preferred, toward_contrast, lambda colour: meets(colour, needs))


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
    """Role colour from ``scale``: the nearest qualifying step, else a lightness search."""
    step = nearest_passing_step(scale, preferred, needs, toward_contrast)
    return scale[step] if step is not None else solve_lightness(scale[preferred], needs)[0]


def solve_on_colour(fill: str, scale: dict[str, str] | None = None, ratio: float = TEXT_RATIO) -> str:
    """Text colour for a filled ``fill``: the scale's 50 or 950 tint if it reaches ``ratio``, else white/black.

    One of white and black always reaches at least 4.58:1 against any colour.
    """
    if scale:
        best_tint = max((scale["50"], scale["950"]), key=lambda c: contrast(c, fill))
        if contrast(best_tint, fill) >= ratio:
            return best_tint
    return max((WHITE, BLACK), key=lambda c: contrast(c, fill))



def step_of(scale: dict[str, str], colour: str) -> str | None:
    """The step holding exactly ``colour``, if any."""
    return next((step for step, value in scale.items() if value == colour), None)


def _fill_step(scale: dict[str, str], anchor: str, theme: str, page: Needs) -> str:
    """The step of a brand colour's fill: the brand colour itself (its anchor step) in the light theme;
    elsewhere the brand colour where it works there (it stands out from a dark page; some text reaches
    the high-contrast ratio on it), else the nearest step where it does."""
    if theme == "light":
        return anchor
    text_ratio = theme_ratios(theme)[0]
    needs = page if base_theme(theme) == "dark" else []

    def works(colour: str) -> bool:
        return meets(colour, needs) and takes_text(colour, text_ratio)

    if works(scale[anchor]):
        return anchor
    return nearest_step(scale, anchor, _THEME_PLAN[theme]["toward_contrast"], works) or anchor


def _colour_roles(name: str, scale: dict[str, str], fill_step: str, theme: str, pages: Needs) -> dict[str, str]:
    """The five roles of one colour in one theme, from its scale and its fill step."""
    plan = _THEME_PLAN[theme]
    text_ratio = theme_ratios(theme)[0]
    toward = plan["toward_contrast"]
    fill = scale[fill_step]
    tint, lighter_tint = plan["subtle"]
    fill_is_tint_deep = (STEPS.index(fill_step) - STEPS.index(tint)) * toward <= 0
    subtle = scale[lighter_tint if fill_is_tint_deep else tint]
    role, on_role, text_role, subtle_role, on_subtle_role = colour_roles(name)
    return {
        role: fill,
        on_role: solve_on_colour(fill, scale, text_ratio),
        text_role: solve_role(scale, fill_step, pages, toward),
        subtle_role: subtle,
        on_subtle_role: solve_role(scale, plan["on-subtle"], [(subtle, text_ratio)], toward),
    }


def _page(neutral: dict[str, str], step: str | None) -> str:
    return _PLAIN[step] if step in _PLAIN else neutral[step]


def build_theme(
    colors: dict[str, dict[str, str]], theme: str, anchors: dict[str, str], status_band: int
) -> dict[str, str]:
    """Solve every role of one theme from the scales in ``colors``.

    ``anchors`` maps each brand scale to the step holding its brand colour;
    ``status_band`` picks the status fills designed for that vibrancy band.
    """
    plan = _THEME_PLAN[theme]
    toward = plan["toward_contrast"]
    text_ratio, non_text_ratio = theme_ratios(theme)
    neutral = colors["neutral"]
    background, surface = _page(neutral, plan["background"]), _page(neutral, plan["surface"])
    on_surfaces = [(background, text_ratio), (surface, text_ratio)]
    visible = [(background, non_text_ratio), (surface, non_text_ratio)]

    fill_steps = {name: _fill_step(colors[name], anchors[name], theme, visible) for name in BRAND_SCALES}
    fill_steps.update(band_fill_steps(status_band, theme))
    roles = {
        "background": background,
        "surface": surface,
        "text": solve_role(neutral, plan["text"], on_surfaces, toward),
        "text-muted": solve_role(neutral, plan["text-muted"], on_surfaces, toward),
        "border": neutral[plan["border"]],
        "border-strong": solve_role(neutral, plan["border-strong"], visible, toward),
        "focus-ring": solve_role(colors["primary"], fill_steps["primary"], visible, toward),
    }
    for name in BRAND_SCALES + STATUS_SCALES:
        roles.update(_colour_roles(name, colors[name], fill_steps[name], theme, on_surfaces))
    return {role: roles[role] for role in THEME_ROLES}


def build_themes(
    colors: dict[str, dict[str, str]], anchors: dict[str, str], status_band: int
) -> dict[str, dict[str, str]]:
    """Every theme: light, dark, light-high, dark-high."""
    return {theme: build_theme(colors, theme, anchors, status_band) for theme in THEMES}


def _nearest_step(scale: dict[str, str], colour: str) -> str:
    """The step holding ``colour``, or the one closest to it in lightness."""
    return step_of(scale, colour) or min(STEPS, key=lambda step: abs(oklch(scale[step])[0] - oklch(colour)[0]))


def complete_theme(roles: dict[str, str], colors: dict[str, dict[str, str]], theme: str) -> dict[str, str]:
    """Every role of a theme that holds at least the surfaces, text, border, focus ring and each colour's
    fill and text on it (the older, smaller set of roles): the missing ones are solved as the
    generator solves them, from the colour's scale when ``colors`` has it, else from the fill by
    lightness. Roles already present are kept as they are."""
    plan = _THEME_PLAN[theme]
    toward = plan["toward_contrast"]
    text_ratio, non_text_ratio = theme_ratios(theme)
    pages = [(roles["background"], text_ratio), (roles["surface"], text_ratio)]
    visible = [(roles["background"], non_text_ratio), (roles["surface"], non_text_ratio)]
    solved: dict[str, str] = {}
    neutral = colors.get("neutral")
    if "border-strong" not in roles:
        solved["border-strong"] = (
            solve_role(neutral, plan["border-strong"], visible, toward) if neutral
            else solve_lightness(roles["border"], visible)[0]
        )
    for name in BRAND_SCALES + STATUS_SCALES:
        missing = [role for role in colour_roles(name)[2:] if role not in roles]
        if not missing:
            continue
        scale = colors.get(name)
        if scale:
            derived = _colour_roles(name, scale, _nearest_step(scale, roles[name]), theme, pages)
        else:
            fill_l, fill_c, fill_h = oklch(roles[name])
            background_l = oklch(roles["background"])[0]
            subtle = from_oklch(background_l + (fill_l - background_l) * 0.12, fill_c * 0.35, fill_h)
            text = solve_lightness(roles[name], pages)[0]
            derived = {
                f"{name}-text": text,
                f"{name}-subtle": subtle,
                f"on-{name}-subtle": solve_lightness(text, [(subtle, text_ratio)])[0],
            }
        solved.update({role: derived[role] for role in missing})
    completed = {**roles, **solved}
    return {role: completed[role] for role in THEME_ROLES if role in completed}
