"""Colour maths, all delegated to coloraide.

The rest of the engine talks in ``#rrggbb`` strings; this module turns them
into coloraide colours for OKLCH coordinates, gamut mapping, WCAG 2.1
contrast, colour-vision-deficiency simulation and colour distances.
Results for a given input never change, so the expensive ones are memoised.
"""

import math
import re
from functools import lru_cache

from coloraide import Color
from coloraide.spaces.lch import lab_to_lch
from coloraide.spaces.okhsl import LMS_TO_SRGBL, SRGBL_COEFF, find_cusp, find_gamut_intersection, oklab_to_linear_rgb
from coloraide.spaces.oklab import xyz_d65_to_oklab
from coloraide.spaces.srgb import eotf_srgb, inverse_eotf_srgb
from coloraide.spaces.srgb_linear import lin_srgb_to_xyz

from .errors import EngineInputError

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")

# The default Color class ships the CVD filters, raytrace gamut mapping,
# WCAG 2.1 contrast and the distances we use; fail loudly at import if that changes.
for _kind, _names in (
    ("FILTER_MAP", ("protan", "deutan", "tritan")),
    ("FIT_MAP", ("raytrace",)),
    ("CONTRAST_MAP", ("wcag21",)),
    ("DE_MAP", ("2000", "ok")),
):
    _missing = [name for name in _names if name not in getattr(Color, _kind)]
    if _missing:  # pragma: no cover - depends on the installed coloraide
        raise ImportError(f"coloraide Color lacks {_kind} plugins {_missing}")

_CONTRAST = Color.CONTRAST_MAP["wcag21"]
_OKLCH = Color.CS_MAP["oklch"]


def is_hex(value) -> bool:
    return isinstance(value, str) and _HEX.fullmatch(value) is not None


def normalise_hex(value: str) -> str:
    """Return ``#ABC`` or ``#AABBCC`` as lower-case ``#aabbcc``.

    Raises EngineInputError for anything else (names, rgb(), missing ``#``).
    """
    if not is_hex(value):
        raise EngineInputError.single("color", f"{repr(value)[:40]} is not a #rgb or #rrggbb colour")
    digits = value[1:].lower()
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits


@lru_cache(maxsize=8192)
def _colour(hex_color: str) -> Color:
    return Color(hex_color)


@lru_cache(maxsize=16384)
def _linear(hex_color: str) -> tuple[float, float, float]:
    """Linear-light sRGB of a ``#rrggbb`` colour (coloraide's sRGB transfer function)."""
    return tuple(eotf_srgb([int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)]))


@lru_cache(maxsize=16384)
def _oklch_coords(hex_color: str) -> tuple[float, float, float]:
    return tuple(lab_to_lch(xyz_d65_to_oklab(lin_srgb_to_xyz(list(_linear(hex_color))))))


def oklch(hex_color: str) -> tuple[float, float, float]:
    """OKLCH lightness, chroma and hue of a ``#rrggbb`` colour, by coloraide's conversion functions.

    Achromatic colours have no hue (coloraide's own test); they get hue 0.
    """
    lightness, chroma, hue = _oklch_coords(hex_color)
    return (lightness, chroma, 0.0) if _OKLCH.is_achromatic([lightness, chroma, hue]) else (lightness, chroma, hue)


def has_hue(hex_color: str) -> bool:
    """False for greys, whose hue coloraide treats as undefined."""
    return not _OKLCH.is_achromatic(list(_oklch_coords(hex_color)))


@lru_cache(maxsize=4096)
def _cusp(hue: float) -> tuple[float, float, list[float]]:
    """The hue's unit vector in OKLab and its sRGB cusp (lightness and chroma of its most vivid colour)."""
    a, b = math.cos(math.radians(hue)), math.sin(math.radians(hue))
    return a, b, find_cusp(a, b, LMS_TO_SRGBL, SRGBL_COEFF)


@lru_cache(maxsize=8192)
def max_chroma(lightness: float, hue: float) -> float:
    """The most OKLCH chroma sRGB can show at this lightness and hue (coloraide's Okhsl gamut
    intersection: Björn Ottosson's analytic sRGB boundary, accurate to about 0.002)."""
    if not 0.0 < lightness < 1.0:
        return 0.0
    a, b, cusp = _cusp(hue)
    return find_gamut_intersection(a, b, lightness, 1.0, lightness, LMS_TO_SRGBL, SRGBL_COEFF, cusp)


def cusp_lightness(hue: float) -> float:
    """The lightness at which a hue reaches its most vivid colour in sRGB."""
    return _cusp(hue)[2][0]


@lru_cache(maxsize=8192)
def from_oklch(lightness: float, chroma: float, hue: float) -> str:
    """An OKLCH colour in sRGB as hex: chroma reduced to what sRGB shows at that lightness and hue
    (both kept exactly), then coloraide's OKLab-to-sRGB conversion."""
    lightness = min(max(lightness, 0.0), 1.0)
    radians = math.radians(hue % 360)
    chroma = min(max(chroma, 0.0), max_chroma(lightness, hue % 360))
    linear = oklab_to_linear_rgb([lightness, chroma * math.cos(radians), chroma * math.sin(radians)], LMS_TO_SRGBL)
    return "#" + "".join(f"{round(min(max(channel, 0.0), 1.0) * 255):02x}" for channel in inverse_eotf_srgb(linear))


@lru_cache(maxsize=16384)
def luminance(hex_color: str) -> float:
    """WCAG 2.x relative luminance of a ``#rrggbb`` colour, with the specification's own coefficients
    (0.2126, 0.7152, 0.0722): what WCAG checkers compute. Y of coloraide's more precise sRGB matrix
    differs in the fifth digit, enough to call a pair that checkers see at 6.99997:1 a pass at 7:1."""
    red, green, blue = _linear(hex_color)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: str, background: str) -> float:
    """Unrounded WCAG 2.1 contrast ratio between two hex colours (coloraide's wcag21 method,
    on memoised luminances)."""
    return _CONTRAST.contrast(_Luminous(foreground), _Luminous(background))


def takes_text(fill: str, ratio: float) -> bool:
    """Whether white or black text reaches ``ratio`` on ``fill`` (one of them always reaches 4.58:1)."""
    return max(contrast("#ffffff", fill), contrast("#000000", fill)) >= ratio


class _Luminous:
    """What coloraide's WCAG 2.1 contrast reads of a colour: its luminance."""

    __slots__ = ("hex",)

    def __init__(self, hex_color: str):
        self.hex = hex_color

    def luminance(self) -> float:
        return luminance(self.hex)


@lru_cache(maxsize=8192)
def _simulated(hex_color: str, simulation: str) -> Color:
    # Full severity; the simulated colour is clipped to what a screen can show.
    return _colour(hex_color).filter(simulation, 1.0).clip("srgb")


@lru_cache(maxsize=16384)
def cvd_distance(first: str, second: str, simulation: str) -> float:
    """CIEDE2000 distance between two colours as seen with a colour-vision deficiency."""
    return _simulated(first, simulation).delta_e(_simulated(second, simulation), method="2000")


@lru_cache(maxsize=16384)
def delta_e(first: str, second: str) -> float:
    """CIEDE2000 distance between two colours with typical colour vision."""
    return _colour(first).delta_e(_colour(second), method="2000")


def delta_e_ok(first: str, second: str) -> float:
    """Distance in OKLab (coloraide's ΔE-OK: the Euclidean distance of the OKLab coordinates, here
    from the memoised OKLCH ones): about 0.02 is just noticeable."""
    l1, c1, h1 = oklch(first)
    l2, c2, h2 = oklch(second)
    r1, r2 = math.radians(h1), math.radians(h2)
    return math.dist((l1, c1 * math.cos(r1), c1 * math.sin(r1)), (l2, c2 * math.cos(r2), c2 * math.sin(r2)))


def floor2(value: float) -> float:
    """Round down to two decimals, so a reported number never overstates (4.578 -> 4.57). The product
    is rounded to 9 places first, so binary representation (4.57 * 100 = 456.99999...) cannot push
    an exact value down a step."""
    return math.floor(round(value * 100, 9)) / 100


def rgb_components(hex_color: str) -> list[float]:
    """sRGB components of a hex colour in 0..1, rounded to 4 decimals."""
    return [round(value, 4) for value in _colour(hex_color).convert("srgb").coords()]


def css_oklch(hex_color: str) -> str:
    """``oklch(L C H)`` of a hex colour, as shadcn/ui writes it; five decimals bring every ``#rrggbb``
    back as itself."""
    lightness, chroma, hue = oklch(hex_color)
    if not has_hue(hex_color):
        return f"oklch({lightness:.5f} 0 0)"
    return f"oklch({lightness:.5f} {chroma:.5f} {hue:.3f})"


def css_display_p3(hex_color: str) -> str:
    """``color(display-p3 r g b)`` of a hex colour (the same colour, written in the wider space)."""
    red, green, blue = _colour(hex_color).convert("display-p3").coords()
    return f"color(display-p3 {red:.5f} {green:.5f} {blue:.5f})"


_CANONICAL_RGB = re.compile(r"rgb\((\d{1,3}) (\d{1,3}) (\d{1,3}) / (0|1|0?\.\d+)\)")


def parse_css_color(text: str) -> tuple[str, float] | None:
    """Parse a CSS colour (hex, rgb(), hsl(), named...) to ``(#rrggbb, alpha)``; None if invalid.

    Our own shadows' form, ``rgb(r g b / a)``, is read directly; anything else by coloraide.
    """
    canonical = _CANONICAL_RGB.fullmatch(text)
    if canonical and all(int(part) <= 255 for part in canonical.groups()[:3]):
        red, green, blue, alpha = canonical.groups()
        return f"#{int(red):02x}{int(green):02x}{int(blue):02x}", round(float(alpha), 4)
    try:
        colour = Color(text)
    except ValueError:
        return None
    colour = colour.convert("srgb").clip()
    return colour.to_string(hex=True, alpha=False), round(colour.alpha(), 4)


def composite(hex_color: str, alpha: float, backdrop: str) -> str:
    """What a translucent colour looks like over an opaque ``backdrop`` (coloraide's source-over layering)."""
    if alpha >= 1:
        return hex_color
    colour = _colour(hex_color).clone().set("alpha", alpha)
    return Color.layer([colour, backdrop], space="srgb").to_string(hex=True)


def clear_caches() -> None:
    """Forget memoised results (the benchmark uses this to time cold runs)."""
    for cached in (_colour, _linear, _oklch_coords, _cusp, from_oklch, max_chroma, luminance, _simulated,
                   cvd_distance, delta_e):
        cached.cache_clear()
