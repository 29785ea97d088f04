"""The colours a brief did not name, derived from the primary through a harmony.

Hues are turned on the OKLCH wheel; chroma is set relative to what sRGB can
show at the new lightness and hue, from the intent's vibrancy, so a derived
colour is as vivid as asked whatever its hue. The secondary is a calmer
companion, the accent the colour that stands out; in a monochrome harmony
both keep the primary's hue and differ in lightness and chroma instead.
"""

from .color import cusp_lightness, from_oklch, has_hue, max_chroma, oklch

#: Hue offsets (degrees) of the secondary and the accent from the primary.
HUE_OFFSETS = {
    "analogous": (32.0, -34.0),
    "complementary": (-24.0, 180.0),
    "split-complementary": (150.0, 210.0),
    "triadic": (120.0, 240.0),
    "monochrome": (0.0, 0.0),
}

#: A grey brand colour has no hue to turn: its derived colours start from this one.
GREY_BRAND_HUE = 255.0


def relative_chroma(vibrancy: float) -> float:
    """Share of the most chroma sRGB allows, for a vibrancy in 0..1."""
    return 0.1 + 0.82 * vibrancy


def _lightness(primary_l: float, role: str, harmony: str, hue: float) -> float:
    if harmony == "monochrome":
        shift = 0.2 if role == "secondary" else -0.16
        candidate = primary_l + shift
        if not 0.3 <= candidate <= 0.9:
            candidate = primary_l - shift
        return min(max(candidate, 0.3), 0.9)
    # Halfway between where the hue is most vivid (so oranges stay orange rather than brown) and
    # the primary's own lightness (so a deep brand gets deep companions, a pastel one pale ones).
    own = min(max(primary_l, 0.3), 0.92)
    return min(max(0.5 * cusp_lightness(hue) + 0.5 * own, 0.35), 0.9)


def derive(
    primary: str,
    *,
    role: str,
    harmony: str,
    vibrancy: float,
    hue_jitter: float = 0.0,
    lightness_shift: float = 0.0,
    hue: float | None = None,
) -> str:
    """The secondary or accent colour (``role``) for a primary, a harmony and a vibrancy; ``hue``
    overrides the harmony's hue (a hue the brief asked for), keeping the lightness and chroma that
    make it a companion of the primary. ``hue_jitter`` turns the hue and ``lightness_shift`` moves
    the lightness (within what a companion may take) from where the harmony puts them."""
    primary_l, primary_c, primary_h = oklch(primary)
    if hue is None:
        offset = HUE_OFFSETS[harmony][0 if role == "secondary" else 1]
        hue = (primary_h if has_hue(primary) else GREY_BRAND_HUE) + offset
    hue = (hue + hue_jitter) % 360
    lightness = min(max(_lightness(primary_l, role, harmony, hue) + lightness_shift, 0.3), 0.9)
    share = relative_chroma(vibrancy) * (0.85 if role == "secondary" else 1.0)
    if harmony == "monochrome":
        share = min(share, 0.9) * (0.6 if role == "secondary" else 1.1)
    chroma = min(share, 1.0) * max_chroma(lightness, hue)
    if not has_hue(primary) and vibrancy < 0.05:
        chroma = primary_c
    return from_oklch(lightness, chroma, hue)
