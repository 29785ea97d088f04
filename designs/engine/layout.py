"""Spacing, corner radii and shadows from the intent's density, roundness and shadow depth.

Shadows are written as CSS ``box-shadow`` strings; ``parse_shadow`` reads
them back (for validation and for the DTCG export).
"""

import re

from .color import parse_css_color
from .shapes import SPACING_KEYS
from .typography import ROOT_PX, format_number

SPACING_BASE_PX = {"compact": 3, "comfortable": 4, "spacious": 5}

#: sm, md, lg, xl radii in px at roundness 1 (they scale down to 0 at roundness 0).
ROUNDEST_RADII_PX = (6, 12, 18, 28)

#: Offset multiplier per density.
SHADOW_LIFT = {"compact": 0.8, "comfortable": 1.0, "spacious": 1.2}
#: Layers per size: (offset y, blur, spread, alpha) at shadow depth 0.5.
_SHADOW_LAYERS = {
    "sm": ((1, 2, 0, 0.06),),
    "md": ((1, 3, -1, 0.08), (4, 8, -2, 0.08)),
    "lg": ((2, 6, -2, 0.06), (12, 20, -4, 0.1)),
    "xl": ((6, 10, -6, 0.08), (24, 40, -8, 0.14)),
}


def rem(px: float) -> str:
    """px -> "0.25rem" (1rem = 16px)."""
    return f"{format_number(px / ROOT_PX)}rem"


def build_spacing(density: str) -> dict:
    """``{"base_px", "scale": {"0": "0rem", "1": "0.25rem", ...}}``."""
    base = SPACING_BASE_PX[density]
    return {"base_px": base, "scale": {key: rem(int(key) * base) for key in SPACING_KEYS}}


def build_radii(roundness: float) -> dict[str, str]:
    """none, sm, md, lg, xl, full as CSS lengths; 0 is square, 1 very round."""
    sm, md, lg, xl = (round(px * roundness) for px in ROUNDEST_RADII_PX)
    return {"none": "0px", "sm": rem(sm), "md": rem(md), "lg": rem(lg), "xl": rem(xl), "full": "9999px"}


def build_shadows(roundness: float, density: str, depth: float, tint: str) -> dict[str, str]:
    """sm..xl box-shadow strings, tinted with ``tint`` (a dark neutral hex). Deeper shadows lift further
    and darken; rounder shapes get softer ones."""
    softness = 0.6 + 0.8 * roundness
    lift = SHADOW_LIFT[density] * (0.5 + depth)
    strength = 0.25 + 1.5 * depth
    shadows = {}
    for name, layers in _SHADOW_LAYERS.items():
        shadows[name] = format_shadow([
            {
                "inset": False,
                "offset_x": (0.0, "px"),
                "offset_y": (float(round(offset * lift)), "px"),
                "blur": (float(round(blur * softness * lift)), "px"),
                "spread": (float(spread), "px"),
                "color": tint,
                "alpha": min(round(alpha * strength, 3), 1.0),
            }
            for offset, blur, spread, alpha in layers
        ])
    return shadows


def _length_text(length: tuple[float, str]) -> str:
    value, unit = length
    return "0" if value == 0 else f"{format_number(value)}{unit}"


def format_shadow(layers: list[dict]) -> str:
    """Write ``parse_shadow`` layers back as one canonical box-shadow string."""
    parts = []
    for layer in layers:
        red, green, blue = (int(layer["color"][i:i + 2], 16) for i in (1, 3, 5))
        lengths = " ".join(_length_text(layer[key]) for key in ("offset_x", "offset_y", "blur", "spread"))
        inset = "inset " if layer["inset"] else ""
        parts.append(f"{inset}{lengths} rgb({red} {green} {blue} / {format_number(layer['alpha'], 3)})")
    return ", ".join(parts)


_LENGTH = re.compile(r"^(-?\d+(?:\.\d+)?)(px|rem)$|^(0)$")
_TOKEN = re.compile(r"[a-zA-Z]+\([^()]*\)|[^\s]+")


def parse_length(text: str) -> tuple[float, str] | None:
    """"4px" -> (4.0, "px"), "0.5rem" -> (0.5, "rem"), "0" -> (0.0, "px"); None otherwise."""
    match = _LENGTH.match(text)
    if not match:
        return None
    if match.group(3):
        return 0.0, "px"
    return float(match.group(1)), match.group(2)


def _split_layers(text: str) -> list[str]:
    layers, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            layers.append(current)
            current = ""
        else:
            current += char
    layers.append(current)
    return [layer.strip() for layer in layers]


def parse_shadow(text: str) -> list[dict]:
    """Parse a box-shadow into layers ``{inset, offset_x, offset_y, blur, spread, color, alpha}``.

    Lengths are ``(value, unit)`` pairs, the colour a hex plus alpha. Accepts
    ``[inset] x y [blur [spread]] colour`` per layer; raises ValueError otherwise.
    """
    if not isinstance(text, str) or not text.strip() or len(text) > 500:
        raise ValueError("empty or oversized shadow")
    layers = []
    for layer in _split_layers(text):
        parts = _TOKEN.findall(layer)
        inset = bool(parts) and parts[0] == "inset"
        parts = parts[1:] if inset else parts
        if not 3 <= len(parts) <= 5:
            raise ValueError(f"cannot read shadow layer {layer!r}")
        lengths = [parse_length(part) for part in parts[:-1]]
        colour = parse_css_color(parts[-1])
        if any(length is None for length in lengths) or colour is None:
            raise ValueError(f"cannot read shadow layer {layer!r}")
        lengths += [(0.0, "px")] * (4 - len(lengths))
        layers.append({
            "inset": inset,
            "offset_x": lengths[0],
            "offset_y": lengths[1],
            "blur": lengths[2],
            "spread": lengths[3],
            "color": colour[0],
            "alpha": colour[1],
        })
    return layers
