"""Fluid modular type scale and font families.

Sizes follow a modular scale with the intent's ratio and base size. Each step
is fluid: at a 320px viewport it uses a gentler ratio from a base of at most
16px, at 1280px the full ratio from the intent's base size, and a CSS
``clamp()`` interpolates in between with rem bounds (so user font-size
preferences still apply). No step goes below 12px, so the smallest steps of
steep ratios may be fixed rather than fluid.
"""

from .fonts import font_families
from .shapes import TYPE_STEP_POWER, TYPE_STEPS, WEIGHTS

NARROW_BASE_PX = 16
ROOT_PX = 16  # 1rem, the browser default
MIN_VIEWPORT_PX = 320
MAX_VIEWPORT_PX = 1280
#: Share of the full ratio used on the smallest viewport.
NARROW_RATIO_SHARE = 0.8
#: Smallest text the scale will produce (small steps of steep ratios are floored here).
MIN_TEXT_PX = 12
#: Line height = 1 + LEADING / font size in px, within bounds; looser when spacious.
LEADING = {"compact": 8.0, "comfortable": 9.0, "spacious": 10.0}
LINE_HEIGHT_BOUNDS = (1.1, 1.75)


def format_number(value: float, places: int = 4) -> str:
    """Short decimal text: 1.0 -> "1", 0.78125 -> "0.7813"."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def fluid_clamp(min_px: float, max_px: float) -> str:
    """``clamp(min, a + b·vw, max)`` growing linearly from 320px to 1280px viewports."""
    slope = (max_px - min_px) / (MAX_VIEWPORT_PX - MIN_VIEWPORT_PX)
    intercept_rem = (min_px - slope * MIN_VIEWPORT_PX) / ROOT_PX
    return (
        f"clamp({format_number(min_px / ROOT_PX)}rem, "
        f"{format_number(intercept_rem)}rem + {format_number(slope * 100)}vw, "
        f"{format_number(max_px / ROOT_PX)}rem)"
    )


def type_scale(ratio: float, base_px: int) -> dict:
    """``{"ratio", "base_px", "steps": {step: {"min_rem", "max_rem", "clamp"}}}``."""
    narrow_ratio = 1 + (ratio - 1) * NARROW_RATIO_SHARE
    narrow_base = min(base_px, NARROW_BASE_PX)
    steps = {}
    for step in TYPE_STEPS:
        power = TYPE_STEP_POWER[step]
        min_px = max(narrow_base * narrow_ratio**power, MIN_TEXT_PX)
        max_px = max(base_px * ratio**power, min_px)
        steps[step] = {
            "min_rem": round(min_px / ROOT_PX, 4),
            "max_rem": round(max_px / ROOT_PX, 4),
            "clamp": fluid_clamp(min_px, max_px),
        }
    return {"ratio": ratio, "base_px": base_px, "steps": steps}


def line_heights(scale: dict, density: str) -> dict[str, float]:
    """Unitless line height per step, shrinking as the text grows."""
    low, high = LINE_HEIGHT_BOUNDS
    return {
        step: round(min(high, max(low, 1 + LEADING[density] / (values["max_rem"] * ROOT_PX))), 2)
        for step, values in scale["steps"].items()
    }


def build_typography(font_pairing: str, ratio: float, base_px: int, density: str) -> dict:
    """The ``typography`` token group."""
    scale = type_scale(ratio, base_px)
    return {
        "families": font_families(font_pairing),
        "scale": scale,
        "weights": dict(WEIGHTS),
        "line_heights": line_heights(scale, density),
    }
