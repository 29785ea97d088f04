"""The accessibility report, recomputed from whatever the tokens hold.

Contrast ratios are WCAG 2.1 (coloraide), status distances CIEDE2000 between
colour-vision-deficiency simulations (coloraide filters at full severity).
Pass/fail uses the unrounded value; the number shown is rounded *down* to two
decimals, so the report never overstates a result.
"""

from .color import contrast, floor2
from .shapes import FILLED_ROLES, NON_TEXT_RATIO, STATUS_DISTANCE, TEXT_RATIO, THEMES
from .status import status_distances
from .tokens import validate_tokens

#: (foreground role, background role, minimum ratio) checked in every theme.
CONTRAST_CONTRACT = (
    ("text", "background", TEXT_RATIO),
    ("text", "surface", TEXT_RATIO),
    ("text-muted", "background", TEXT_RATIO),
    ("text-muted", "surface", TEXT_RATIO),
    *((f"on-{role}", role, TEXT_RATIO) for role in FILLED_ROLES),
    ("primary", "background", NON_TEXT_RATIO),
    ("focus-ring", "background", NON_TEXT_RATIO),
)


def build_report(tokens: dict) -> dict:
    """``{"contrast": [...], "status_distances": [...], "passes": bool}`` for ``tokens``.

    Only themes present in the tokens are checked: colour scales alone or
    typography alone give empty lists (and ``passes`` True). Raises
    EngineInputError if the tokens are malformed.
    """
    themes = validate_tokens(tokens).get("themes", {})
    contrast_rows = []
    distance_rows = []
    for theme in THEMES:
        if theme not in themes:
            continue
        roles = themes[theme]
        for foreground, background, required in CONTRAST_CONTRACT:
            ratio = contrast(roles[foreground], roles[background])
            contrast_rows.append({
                "theme": theme,
                "foreground": foreground,
                "background": background,
                "ratio": floor2(ratio),
                "required": required,
                "passes": ratio >= required,
            })
        for simulation, first, second, distance in status_distances(roles):
            distance_rows.append({
                "theme": theme,
                "simulation": simulation,
                "pair": [first, second],
                "delta_e": floor2(distance),
                "required": STATUS_DISTANCE,
                "passes": distance >= STATUS_DISTANCE,
            })
    passes = all(row["passes"] for row in contrast_rows + distance_rows)
    return {"contrast": contrast_rows, "status_distances": distance_rows, "passes": passes}
