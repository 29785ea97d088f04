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

#: Roles that come with an ``on-`` partner in every theme.
FILLED_ROLES = BRAND_SCALES + STATUS_SCALES

#: Surface and text roles of a theme.
BASE_ROLES = ("background", "surface", "text", "text-muted", "border", "focus-ring")

#: Every role of a theme, in a stable order.
THEME_ROLES = BASE_ROLES + tuple(
    name for role in FILLED_ROLES for name in (role, f"on-{role}")
)

THEMES = ("light", "dark")

#: WCAG 2.x ratios the themes must meet.
TEXT_RATIO = 4.5
NON_TEXT_RATIO = 3.0

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

CHROMA_LEVELS = ("muted", "balanced", "vivid")
DENSITIES = ("compact", "comfortable", "spacious")
ROUNDNESS = ("sharp", "soft", "round")
