"""Turn an Intent into design tokens.

The ``generate_*`` functions return tokens only; the accessibility report is
always computed separately from the tokens (``build_report``), so it can
never describe anything other than what the tokens hold.
"""

import itertools

from .color import delta_e_ok, has_hue, oklch
from .harmony import derive
from .intent import Intent
from .layout import build_radii, build_shadows, build_spacing
from .palette import anchor_step, build_scale
from .shapes import BRAND_SCALES
from .status import band, band_fill_steps, status_scales
from .themes import build_themes
from .typography import build_typography

#: Hue and peak chroma of the warm and cool greys; brand greys take the primary's hue.
NEUTRAL_TINTS = {"warm": (70.0, 0.013), "cool": (250.0, 0.016), "pure": (0.0, 0.0)}
#: Peak chroma of brand-tinted greys at vibrancy 0 and 1.
BRAND_NEUTRAL_CHROMA = (0.006, 0.022)
#: The neutral step that tints shadows.
SHADOW_TINT_STEP = "950"


def _check(intent: Intent) -> None:
    if not isinstance(intent, Intent):
        raise TypeError("expected an Intent (use interpret(), intent_from_ai() or Intent.from_dict())")


#: A derived colour this close (ΔE-OK) to a status fill would read as that status: it moves away, first by
#: turning its hue a little, then by also making it lighter or darker, each nearest move first.
STATUS_CLEARANCE = 0.1
_TURNS = (0, 12, -12, 24, -24, 36, -36, 48, -48)
_LIGHTNESS_SHIFTS = (0.0, 0.06, -0.06, 0.12, -0.12)


def _status_fills(vibrancy: float) -> list[str]:
    band_index = band(vibrancy)
    scales = status_scales(band_index)
    return [
        scales[name][step] for theme in ("light", "dark") for name, step in band_fill_steps(band_index, theme).items()
    ]


def _derived(intent: Intent, role: str) -> str:
    """A colour the intent did not give, from its harmony, moved (by the smallest move that does it) so it
    does not pass for a status colour, like a yellow brand's analogous green beside success; when no
    move clears them all, the one that keeps furthest away."""
    fills = _status_fills(intent.vibrancy)
    best, best_distance = None, -1.0
    shifts = (0.0,) if intent.harmony == "monochrome" else _LIGHTNESS_SHIFTS  # its lightness steps are its design
    for shift, turn in itertools.product(shifts, _TURNS):
        candidate = derive(
            intent.primary, role=role, harmony=intent.harmony, vibrancy=intent.vibrancy,
            hue_jitter=turn, lightness_shift=shift,
        )  # fmt: skip
        distance = min(delta_e_ok(candidate, fill) for fill in fills)
        if distance >= STATUS_CLEARANCE:
            return candidate
        if distance > best_distance:
            best, best_distance = candidate, distance
    return best


def brand_colours(intent: Intent) -> dict[str, str]:
    """The primary, secondary and accent colours: the intent's own, or derived through its harmony."""
    colours = {"primary": intent.primary}
    for role in ("secondary", "accent"):
        colours[role] = getattr(intent, role) or _derived(intent, role)
    return colours


def neutral_scale(intent: Intent) -> dict[str, str]:
    if intent.neutral == "brand":
        lightness, chroma, hue = oklch(intent.primary)
        low, high = BRAND_NEUTRAL_CHROMA
        peak = low + (high - low) * intent.vibrancy
        if not has_hue(intent.primary):
            peak = min(peak, chroma)  # a grey brand gets greys no more tinted than itself
        return build_scale(hue, peak)
    hue, peak = NEUTRAL_TINTS[intent.neutral]
    return build_scale(hue, peak)


def generate_colors(intent: Intent) -> dict:
    """``{"colors": {scale: {step: hex}}, "themes": {"light": {role: hex}, "dark": ...}}``."""
    _check(intent)
    brand = brand_colours(intent)
    colors = {name: build_scale(0.0, 0.0, brand[name]) for name in BRAND_SCALES}
    colors["neutral"] = neutral_scale(intent)
    status_band = band(intent.vibrancy)
    colors.update({name: dict(scale) for name, scale in status_scales(status_band).items()})
    anchors = {name: anchor_step(oklch(brand[name])[0]) for name in BRAND_SCALES}
    return {"colors": colors, "themes": build_themes(colors, anchors, status_band)}


def generate_typography(intent: Intent) -> dict:
    """``{"typography": ..., "spacing": ...}``."""
    _check(intent)
    return {
        "typography": build_typography(intent.font_pairing, intent.type_scale, intent.base_size, intent.density),
        "spacing": build_spacing(intent.density),
    }


def generate_design_system(intent: Intent) -> dict:
    """Colours, themes, typography, spacing, radii and shadows for one Intent."""
    tokens = generate_colors(intent)
    tokens.update(generate_typography(intent))
    tokens["radii"] = build_radii(intent.roundness)
    tokens["shadows"] = build_shadows(
        intent.roundness, intent.density, intent.shadow_depth, tokens["colors"]["neutral"][SHADOW_TINT_STEP]
    )
    return tokens
