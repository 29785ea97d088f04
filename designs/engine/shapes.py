"""The token contract: names of scales, steps, theme roles and type steps.

Every other module reads these constants instead of spelling the names
again, so the generator, the validator, the report and the exporters always
agree on the shape of a token payload.
"""

#: Scale steps, lightest first.
STEPS = ("50", "100", "200", "300", "400", "500", "600", "700", "800", "900", "950")

#: Brand scales, then the neutral, then the status scales.
BRAND_SCALES = ("primary", "secondary", "accent")
STATUS_SCALES = ("success", "warning", "danger", "info")
SCALE_NAMES = BRAND_SCALES + ("neutral",) + STATUS_SCALES

#: Colours that get the five roles of a colour in every theme.
FILLED_ROLES = BRAND_SCALES + STATUS_SCALES

#: Surface, text and outline roles of a theme.
BASE_ROLES = ("background", "surface", "text", "text-muted", "border", "border-strong", "focus-ring")


def colour_roles(name: str) -> tuple[str, str, str, str, str]:
    """The five roles of one colour: the solid fill, text on it, text in that colour on the page,
    a tinted background, and text on that tint."""
    return (name, f"on-{name}", f"{name}-text", f"{name}-subtle", f"on-{name}-subtle")


#: Every role of a theme, in a stable order.
THEME_ROLES = BASE_ROLES + tuple(role for name in FILLED_ROLES for role in colour_roles(name))

#: The standard themes, then the high-contrast ones.
STANDARD_THEMES = ("light", "dark")
HIGH_CONTRAST_THEMES = ("light-high", "dark-high")
THEMES = STANDARD_THEMES + HIGH_CONTRAST_THEMES

#: WCAG 2.x ratios the standard themes must meet.
TEXT_RATIO = 4.5
NON_TEXT_RATIO = 3.0
#: ... and the high-contrast ones (text at WCAG AAA, non-text at the standard text ratio).
HIGH_TEXT_RATIO = 7.0
HIGH_NON_TEXT_RATIO = 4.5


def theme_ratios(theme: str) -> tuple[float, float]:
    """(text ratio, non-text ratio) a theme must meet."""
    return (HIGH_TEXT_RATIO, HIGH_NON_TEXT_RATIO) if theme in HIGH_CONTRAST_THEMES else (TEXT_RATIO, NON_TEXT_RATIO)


def base_theme(theme: str) -> str:
    """``light`` or ``dark``: the side of a theme."""
    return theme.removesuffix("-high")

#: Minimum CIEDE2000 distance between status colours under each simulation.
STATUS_DISTANCE = 10.0
SIMULATIONS = ("protan", "deutan", "tritan")

#: Fluid type steps, smallest first, with their position on the modular scale.
TYPE_STEPS = ("xs", "sm", "base", "lg", "xl", "2xl", "3xl", "4xl", "5xl")
TYPE_STEP_POWER = dict(zip(TYPE_STEPS, range(-2, 7), strict=True))

WEIGHTS = {"regular": 400, "medium": 500, "semibold": 600, "bold": 700}
FAMILY_ROLES = ("heading", "body", "mono")

RADII = ("none", "sm", "md", "lg", "xl", "full")
SHADOWS = ("sm", "md", "lg", "xl")

#: Spacing multipliers of the base unit (Tailwind-like keys).
SPACING_KEYS = ("0", "1", "2", "3", "4", "5", "6", "8", "10", "12", "16", "20", "24", "32")

#: Top-level sections a token payload may hold.
SECTIONS = ("colors", "themes", "typography", "spacing", "radii", "shadows")

DENSITIES = ("compact", "comfortable", "spacious")
