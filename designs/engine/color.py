"""Colour maths, all delegated to coloraide.

The rest of the engine talks in ``#rrggbb`` strings; this module turns them
into coloraide colours for OKLCH coordinates, gamut mapping, WCAG 2.1
contrast, colour-vision-deficiency simulation and CIEDE2000 distances.
Results for a given input never change, so the expensive ones are memoised.
"""

import math
import re
from decimal import ROUND_FLOOR, Decimal
from functools import lru_cache

from coloraide import Color

from .errors import EngineInputError

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")

# The default Color class ships the CVD filters, raytrace gamut mapping,
# WCAG 2.1 contrast and CIEDE2000; fail loudly at import if that changes.
for _kind, _names in (
    ("FILTER_MAP", ("protan", "deutan", "tritan")),
    ("FIT_MAP", ("raytrace",)),
    ("CONTRAST_MAP", ("wcag21",)),
    ("DE_MAP", ("2000",)),
):
    _missing = [name for name in _names if name not in getattr(Color, _kind)]
    if _missing:  # pragma: no cover - depends on the installed coloraide
        raise ImportError(f"coloraide Color lacks {_kind} plugins {_missing}")


def normalise_hex(value: str) -> str:
    """Return ``#ABC`` or ``#AABBCC`` as lower-case ``#aabbcc``.

    Raises EngineInputError for anything else (names, rgb(), missing ``#``).
    """
    if not isinstance(value, str) or not _HEX.fullmatch(value):
        raise EngineInputError.single("color", f"{repr(value)[:40]} is not a #rgb or #rrggbb colour")
    digits = value[1:].lower()
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits


@lru_cache(maxsize=8192)
def oklch(hex_color: str) -> tuple[float, float, float]:
    """OKLCH lightness, chroma and hue of a hex colour.

    Achromatic colours have no hue in coloraide (NaN); they get hue 0.
    """
    lightness, chroma, hue = Color(hex_color).convert("oklch").coords()
    if math.isnan(hue):
        hue = 0.0
    return lightness, chroma, hue


def has_hue(hex_color: str) -> bool:
    """False for greys, whose hue coloraide reports as undefined."""
    return not Color(hex_color).convert("oklch").is_achromatic()


@lru_cache(maxsize=8192)
def from_oklch(lightness: float, chroma: float, hue: float) -> str:
    """Gamut-map an OKLCH colour into sRGB (raytrace, keeps lightness/hue) and return hex."""
    colour = Color("oklch", [lightness, max(chroma, 0.0), hue % 360])
    return colour.fit("srgb", method="raytrace").convert("srgb").to_string(hex=True)


@lru_cache(maxsize=16384)
def contrast(foreground: str, background: str) -> float:
    """Unrounded WCAG 2.1 contrast ratio between two hex colours."""
    return Color(foreground).contrast(Color(background), method="wcag21")


@lru_cache(maxsize=8192)
def _simulated(hex_color: str, simulation: str) -> Color:
    # Full severity; the simulated colour is clipped to what a screen can show.
    return Color(hex_color).filter(simulation, 1.0).clip("srgb")


@lru_cache(maxsize=16384)
def cvd_distance(first: str, second: str, simulation: str) -> float:
    """CIEDE2000 distance between two colours as seen with a colour-vision deficiency."""
    return _simulated(first, simulation).delta_e(_simulated(second, simulation), method="2000")


def floor2(value: float) -> float:
    """Round down to two decimals, so a reported number never overstates."""
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_FLOOR))


def rgb_components(hex_color: str) -> list[float]:
    """sRGB components of a hex colour in 0..1, rounded to 4 decimals."""
    return [round(value, 4) for value in Color(hex_color).convert("srgb").coords()]


def parse_css_color(text: str) -> tuple[str, float] | None:
    """Parse a CSS colour (hex, rgb(), named...) to ``(#rrggbb, alpha)``; None if invalid."""
    try:
        colour = Color(text)
    except ValueError:
        return None
    colour = colour.convert("srgb").clip()
    return colour.to_string(hex=True, alpha=False), round(colour.alpha(), 4)


def clear_caches() -> None:
    """Forget memoised results (the benchmark uses this to time cold runs)."""
    for cached in (oklch, from_oklch, contrast, _simulated, cvd_distance):
        cached.cache_clear()
