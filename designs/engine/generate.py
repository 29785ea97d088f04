"""Turn an Intent into design tokens.

The ``generate_*`` functions return tokens only; the accessibility report is
always computed separately from the tokens (``build_report``), so it can
never describe anything other than what the tokens hold.
"""

from .color import has_hue, oklch
from .intent import Intent
from .layout import build_radii, build_shadows, build_spacing
from .palette import NEUTRAL_CHROMA, PEAK_CHROMA, anchor_step, build_scale
from .status import status_scales
from .themes import build_themes
from .typography import build_typography

#: Secondary scales are a little calmer than the primary.
SECONDARY_CHROMA_SHARE = 0.85
#: The neutral tint used for shadows.
SHADOW_TINT_STEP = "950"


def _check(intent: Intent) -> None:
    if not isinstance(intent, Intent):
        raise TypeError("expected an Intent (use interpret(), intent_from_ai() or Intent.from_dict())")


def _palettes(intent: Intent) -> dict[str, dict[str, str]]:
    peak = PEAK_CHROMA[intent.chroma]
    neutral_chroma = NEUTRAL_CHROMA[intent.chroma]
    neutral_hue = intent.primary_hue
    seed = intent.seed_color
    if seed is not None:
        if has_hue(seed):
            neutral_hue = oklch(seed)[2]
        # A grey brand colour gets neutrals no more tinted than itself.
        neutral_chroma = min(neutral_chroma, oklch(seed)[1])
    colors = {
        "primary": build_scale(intent.primary_hue, peak, seed),
        "secondary": build_scale(intent.secondary_hue, peak * SECONDARY_CHROMA_SHARE, intent.secondary_color),
        "accent": build_scale(intent.accent_hue, peak, intent.accent_color),
        "neutral": build_scale(neutral_hue, neutral_chroma),
    }
    colors.update(status_scales(intent.chroma))
    return colors


def generate_colors(intent: Intent) -> dict:
    """``{"colors": {scale: {step: hex}}, "themes": {"light": {role: hex}, "dark": ...}}``."""
    _check(intent)
    colors = _palettes(intent)
    anchors = {
        "primary": intent.seed_color,
        "secondary": intent.secondary_color,
        "accent": intent.accent_color,
    }
    brand_steps = {
        name: anchor_step(oklch(colour)[0]) if colour is not None else None for name, colour in anchors.items()
    }
    return {"colors": colors, "themes": build_themes(colors, brand_steps)}


def generate_typography(intent: Intent) -> dict:
    """``{"typography": ..., "spacing": ...}``."""
    _check(intent)
    return {
        "typography": build_typography(intent.font_pairing, intent.density),
        "spacing": build_spacing(intent.density),
    }


def generate_design_system(intent: Intent) -> dict:
    """Colours, themes, typography, spacing, radii and shadows for one Intent."""
    tokens = generate_colors(intent)
    tokens.update(generate_typography(intent))
    tokens["radii"] = build_radii(intent.roundness)
    tokens["shadows"] = build_shadows(
        intent.roundness, intent.density, tokens["colors"]["neutral"][SHADOW_TINT_STEP]
    )
    return tokens
