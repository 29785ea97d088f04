"""An intent read back from tokens, so a design system saved from raw tokens can be edited with controls.

The brand colours are the light theme's fills (kept exactly, as the engine keeps a brand colour); the
other settings are read from what the tokens show: the vibrancy band of the status scales (else the
primary's own saturation), the tint whose greys are nearest the neutral scale, the font pairing the
typography names, the type scale's ratio and base size, the spacing unit's density, the corner radii
and the shadows' strength. Whatever the tokens do not hold keeps the intent's default. Regenerating
from the result gives back the same brand fills, pairing, type scale and density, and radii and
shadows within a step.
"""

from .color import delta_e_ok, has_hue, max_chroma, oklch
from .fonts import PAIRINGS
from .generate import neutral_scale
from .intent import INTENT_FIELDS, NEUTRAL_TINTS, Intent
from .layout import ROUNDEST_RADII_PX, SPACING_BASE_PX, parse_length, parse_shadow
from .shapes import BRAND_SCALES, STATUS_SCALES, STEPS
from .status import BAND_CHROMA, status_scales
from .tokens import validate_tokens
from .typography import ROOT_PX

#: A brand colour for tokens that hold no colours at all (typography only): the intent needs one.
NO_COLOUR_PRIMARY = "#4f46e5"
#: The first layer's alpha of the `md` shadow at shadow depth 0 and the alpha it gains per unit of depth
#: (layout.build_shadows: 0.08 × (0.25 + 1.5 × depth)).
MD_SHADOW_ALPHA = (0.08 * 0.25, 0.08 * 1.5)


def _clamped(name: str, value: float) -> float:
    spec = INTENT_FIELDS[name]
    return min(max(value, spec.low), spec.high)


def _relative_chroma(colour: str) -> float:
    lightness, chroma, hue = oklch(colour)
    ceiling = max_chroma(lightness, hue)
    return min(chroma / ceiling, 1.0) if ceiling > 0 and has_hue(colour) else 0.0


def _vibrancy(colors: dict, primary: str) -> float:
    """The vibrancy band whose status scales the tokens hold exactly, else the primary's saturation."""
    for band in range(len(BAND_CHROMA)):
        if all(colors.get(name) == scale for name, scale in status_scales(band).items() if name in STATUS_SCALES):
            return band / (len(BAND_CHROMA) - 1)
    return _clamped("vibrancy", _relative_chroma(primary))


def _neutral(neutral: dict | None, primary: str, vibrancy: float) -> str:
    """The tint whose grey scale (for this primary and vibrancy) is nearest the tokens' own."""
    if not neutral:
        return INTENT_FIELDS["neutral"].default

    def distance(tint: str) -> float:
        scale = neutral_scale(Intent(primary=primary, vibrancy=vibrancy, neutral=tint))
        return sum(delta_e_ok(scale[step], neutral[step]) for step in STEPS)

    return min(NEUTRAL_TINTS, key=distance)


def _font_pairing(families: dict) -> str:
    """The pairing with these heading and body families, else the one sharing most of them (body first)."""
    names = {role: families[role]["name"] for role in ("heading", "body", "mono")}

    def score(key: str) -> tuple[int, int, int]:
        pairing = PAIRINGS[key]
        return (
            (pairing.heading, pairing.body) == (names["heading"], names["body"]),
            (pairing.body == names["body"]) + (pairing.heading == names["heading"]),
            pairing.mono == names["mono"],
        )

    best = max(PAIRINGS, key=score)
    return best if any(score(best)) else INTENT_FIELDS["font_pairing"].default


def _px(length_text: str) -> float | None:
    length = parse_length(length_text)
    if length is None:
        return None
    value, unit = length
    return value * ROOT_PX if unit == "rem" else value


def _density(spacing: dict) -> str:
    base = spacing.get("base_px")
    return min(SPACING_BASE_PX, key=lambda density: abs(SPACING_BASE_PX[density] - base))


def _roundness(radii: dict) -> float:
    md = _px(radii["md"])
    return INTENT_FIELDS["roundness"].default if md is None else _clamped("roundness", md / ROUNDEST_RADII_PX[1])


def _shadow_depth(shadows: dict) -> float:
    low, per_depth = MD_SHADOW_ALPHA
    alpha = parse_shadow(shadows["md"])[0]["alpha"]
    return _clamped("shadow_depth", (alpha - low) / per_depth)


def intent_from_tokens(tokens: dict) -> Intent:
    """An intent that regenerates tokens as close to `tokens` as the engine can make them. Raises
    EngineInputError when the tokens are malformed."""
    clean = validate_tokens(tokens)
    colors = clean.get("colors", {})
    light = clean.get("themes", {}).get("light", {})
    brand = {name: light.get(name) or colors.get(name, {}).get("500") for name in BRAND_SCALES}
    primary = brand["primary"] or NO_COLOUR_PRIMARY
    settings: dict = {"primary": primary, "secondary": brand["secondary"], "accent": brand["accent"]}
    if colors:
        settings["vibrancy"] = _vibrancy(colors, primary)
        settings["neutral"] = _neutral(colors.get("neutral"), primary, settings["vibrancy"])
    typography = clean.get("typography")
    if typography:
        scale = typography["scale"]
        settings["font_pairing"] = _font_pairing(typography["families"])
        settings["type_scale"] = _clamped("type_scale", scale["ratio"])
        settings["base_size"] = int(_clamped("base_size", round(scale["base_px"])))
    if clean.get("spacing"):
        settings["density"] = _density(clean["spacing"])
    if clean.get("radii"):
        settings["roundness"] = _roundness(clean["radii"])
    if clean.get("shadows"):
        settings["shadow_depth"] = _shadow_depth(clean["shadows"])
    return Intent(**settings)
