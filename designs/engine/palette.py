"""Colour scales (50..950) built in OKLCH and gamut-mapped to sRGB.

Lightness falls in even OKLCH steps from ``L_TOP`` (step 50) to ``L_BOTTOM``
(step 950), so neighbouring steps look equally far apart. Chroma follows a
profile that peaks in the middle of the scale; sRGB then limits it through
raytrace gamut mapping, which keeps lightness and hue.

A scale can be *anchored* on an exact colour (the user's seed): the anchor
sits unchanged at the step whose target lightness is nearest, and the steps
above and below it are spread evenly between the anchor and the ends.
"""

from .color import from_oklch, has_hue, oklch
from .shapes import STEPS

L_TOP = 0.975
L_BOTTOM = 0.2

#: Position of each step on the lightness ramp (50 and 950 are half steps).
POSITION = {step: (0.5 if step == "50" else 9.5 if step == "950" else int(step) / 100) for step in STEPS}

#: Share of the scale's peak chroma each step asks for (sRGB may allow less).
CHROMA_PROFILE = dict(zip(STEPS, (0.3, 0.5, 0.72, 0.88, 0.97, 1.0, 1.0, 0.95, 0.86, 0.76, 0.66), strict=True))

#: Peak OKLCH chroma of a brand scale for each chroma level.
PEAK_CHROMA = {"muted": 0.075, "balanced": 0.15, "vivid": 0.24}

#: Peak chroma of the neutral scale (tinted with the primary hue).
NEUTRAL_CHROMA = {"muted": 0.012, "balanced": 0.018, "vivid": 0.024}

MAX_CHROMA = 0.37

# Yellows turn olive when darkened at a constant hue; rotate their darker
# steps towards amber instead, most strongly around hue 95.
_YELLOW_CENTRE = 100.0
_YELLOW_HALF_WIDTH = 35.0
_YELLOW_MAX_DRIFT = 30.0


def target_lightness(step: str) -> float:
    """Evenly spaced OKLCH lightness of a step in an unanchored scale."""
    return L_TOP - (POSITION[step] - 0.5) / 9.0 * (L_TOP - L_BOTTOM)


def anchor_step(lightness: float) -> str:
    """The step whose target lightness is nearest (ties go to the lighter step)."""
    return min(STEPS, key=lambda step: (abs(target_lightness(step) - lightness), STEPS.index(step)))


def scale_lightness(anchor: tuple[str, float] | None = None) -> dict[str, float]:
    """Lightness per step, optionally bent through ``(step, lightness)`` of an anchor."""
    if anchor is None:
        return {step: target_lightness(step) for step in STEPS}
    anchor_at, anchor_l = anchor
    first, last, pivot = POSITION[STEPS[0]], POSITION[STEPS[-1]], POSITION[anchor_at]
    result = {}
    for step in STEPS:
        pos = POSITION[step]
        if pos < pivot:
            result[step] = L_TOP + (anchor_l - L_TOP) * (pos - first) / (pivot - first)
        elif pos > pivot:
            result[step] = anchor_l + (L_BOTTOM - anchor_l) * (pos - pivot) / (last - pivot)
        else:
            result[step] = anchor_l
    return result


def _hue_at(hue: float, lightness: float, reference: float) -> float:
    """Hue of a step: yellows drift towards amber below the reference lightness."""
    closeness = 1.0 - abs(((hue - _YELLOW_CENTRE + 180) % 360) - 180) / _YELLOW_HALF_WIDTH
    if closeness <= 0 or lightness >= reference:
        return hue
    depth = (reference - lightness) / max(reference - L_BOTTOM, 1e-6)
    return (hue - _YELLOW_MAX_DRIFT * closeness * min(depth, 1.0)) % 360


def build_scale(hue: float, peak_chroma: float, anchor: str | None = None) -> dict[str, str]:
    """Build one 50..950 scale of ``#rrggbb`` colours.

    ``hue`` and ``peak_chroma`` describe the scale; with an ``anchor`` hex the
    anchor's own hue and chroma win and the anchor appears unchanged.
    """
    pin = None
    reference = target_lightness("300")
    if anchor is not None:
        anchor_l, anchor_c, anchor_h = oklch(anchor)
        pin = (anchor_step(anchor_l), anchor_l)
        if has_hue(anchor):
            hue = anchor_h
            peak_chroma = min(anchor_c / CHROMA_PROFILE[pin[0]], MAX_CHROMA)
        else:
            peak_chroma = 0.0
        reference = anchor_l
    lightness = scale_lightness(pin)
    scale = {}
    previous = 2.0
    for step in STEPS:
        if pin is not None and step == pin[0]:
            scale[step] = anchor
        else:
            target = lightness[step]
            step_hue = _hue_at(hue, target, reference)
            scale[step] = from_oklch(target, peak_chroma * CHROMA_PROFILE[step], step_hue)
            # Rounding to 8-bit hex must never break the ordering.
            while oklch(scale[step])[0] >= previous and target > 0:
                target = max(target - 0.004, 0.0)
                scale[step] = from_oklch(target, peak_chroma * CHROMA_PROFILE[step], step_hue)
        previous = oklch(scale[step])[0]
    return scale

