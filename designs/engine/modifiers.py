"""Words that move a colour: "pastel", "neon", "deep", "muted", "warm"...

Each modifier is a continuous move in OKLCH (lightness, chroma relative to
what sRGB can show at that lightness and hue, and hue), so "pastel coral"
and "pastel teal" are both light and soft but keep their hues, and modifiers
compound ("deep muted green"). "very"/"extra" make the next modifier stronger,
"slightly"/"a bit" weaker. Some also nudge the rest of the intent (vibrancy,
neutral tint, harmony), as a designer would read them.
"""

from dataclasses import dataclass, field

from .color import cusp_lightness, from_oklch, max_chroma, oklch

_WARM_HUE = 55.0
_COOL_HUE = 245.0
_EARTH_HUE = 65.0


@dataclass(frozen=True)
class Modifier:
    """Targets are reached by ``strength`` (1 by default): lightness towards ``lightness``, relative
    chroma towards ``relative_chroma`` (or scaled by ``chroma_factor``), hue rotated towards ``hue``
    by at most ``hue_shift`` degrees. ``intent`` nudges other settings."""

    lightness: float | None = None
    #: Lightness towards where the hue is most vivid, at least this light (neon).
    vivid_lightness_floor: float | None = None
    lightness_shift: float = 0.0
    relative_chroma: float | None = None
    chroma_factor: float = 1.0
    chroma_cap: float | None = None
    hue: float | None = None
    hue_shift: float = 0.0
    intent: dict = field(default_factory=dict)


MODIFIERS = {
    "pastel": Modifier(lightness=0.88, relative_chroma=0.42, chroma_cap=0.085, intent={"vibrancy": -0.3}),
    "neon": Modifier(vivid_lightness_floor=0.66, relative_chroma=1.0, intent={"vibrancy": 0.4, "neutral": "cool"}),
    "vivid": Modifier(relative_chroma=0.95, intent={"vibrancy": 0.3}),
    "muted": Modifier(chroma_factor=0.5, intent={"vibrancy": -0.3}),
    "soft": Modifier(lightness_shift=0.05, chroma_factor=0.72, intent={"vibrancy": -0.15, "roundness": 0.15}),
    "deep": Modifier(lightness=0.38, relative_chroma=0.85, intent={"vibrancy": 0.1}),
    "dark": Modifier(lightness_shift=-0.2, intent={}),
    "light": Modifier(lightness_shift=0.14, chroma_factor=0.85, intent={}),
    "earthy": Modifier(lightness_shift=-0.05, chroma_factor=0.6, hue=_EARTH_HUE, hue_shift=25.0,
                       intent={"vibrancy": -0.2, "neutral": "warm"}),
    "warm": Modifier(hue=_WARM_HUE, hue_shift=22.0, intent={"neutral": "warm"}),
    "cool": Modifier(hue=_COOL_HUE, hue_shift=22.0, intent={"neutral": "cool"}),
    "monochrome": Modifier(chroma_factor=0.35, intent={"harmony": "monochrome", "neutral": "pure", "vibrancy": -0.4}),
    "high contrast": Modifier(lightness=0.35, relative_chroma=0.9, intent={"neutral": "pure", "vibrancy": 0.2}),
}

#: Other ways of saying the same thing.
SYNONYMS = {
    "pastel": "pastel, pastels, powdery, powder, candy colours, candy colors",
    "neon": "neon, fluorescent, fluoro, day glo, dayglo, electric",
    "vivid": "vivid, vibrant, bright, saturated, colourful, colorful, punchy colours, rich",
    "muted": "muted, dusty, desaturated, subdued, toned down, washed out, faded, greyish, grayish",
    "soft": "soft, gentle, mellow",
    "deep": "deep, jewel toned, jewel tone, intense",
    "dark": "dark, darker, dark mode, night",
    "light": "light, lighter, pale, airy colours",
    "earthy": "earthy, earth tones, earth toned, terrestrial, clay toned",
    "warm": "warm, warmer, sunset",
    "cool": "cool, cooler, icy, frosty, wintry",
    "monochrome": "monochrome colours, muted monochrome",
    "high contrast": "high contrast, high-contrast, contrasty, stark",
}

#: Words that make the next modifier stronger or weaker.
INTENSIFIERS = {"very": 1.5, "extra": 1.5, "super": 1.6, "ultra": 1.7, "really": 1.4, "slightly": 0.5,
                "somewhat": 0.6, "bit": 0.5, "little": 0.5, "mildly": 0.5, "a bit": 0.5, "a little": 0.5}


def _towards(value: float, target: float, strength: float) -> float:
    return value + (target - value) * min(strength, 1.0)


def _rotate_towards(hue: float, target: float, limit: float) -> float:
    gap = (target - hue + 180) % 360 - 180
    return (hue + max(-limit, min(limit, gap))) % 360


def apply(hex_color: str, modifier: Modifier, strength: float = 1.0) -> str:
    """``hex_color`` moved by one modifier at ``strength``."""
    lightness, chroma, hue = oklch(hex_color)
    if modifier.hue is not None and chroma > 0.02:
        hue = _rotate_towards(hue, modifier.hue, modifier.hue_shift * strength)
    if modifier.lightness is not None:
        lightness = _towards(lightness, modifier.lightness, strength)
    if modifier.vivid_lightness_floor is not None:
        lightness = _towards(lightness, max(cusp_lightness(hue), modifier.vivid_lightness_floor), strength)
    lightness = min(max(lightness + modifier.lightness_shift * strength, 0.12), 0.97)
    ceiling = max_chroma(lightness, hue)
    if modifier.relative_chroma is not None and chroma > 0.01:
        chroma = _towards(chroma, modifier.relative_chroma * ceiling, strength)
    chroma *= 1 + (modifier.chroma_factor - 1) * min(strength, 1.0)
    if modifier.chroma_cap is not None:
        chroma = min(chroma, modifier.chroma_cap)
    return from_oklch(lightness, min(chroma, ceiling), hue)
