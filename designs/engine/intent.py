"""The Intent: everything the generator needs to know, as plain JSON-able data."""

import math
from dataclasses import asdict, dataclass, fields

from .color import normalise_hex
from .errors import EngineInputError
from .fonts import FONT_PAIRING_KEYS
from .shapes import CHROMA_LEVELS, DENSITIES, ROUNDNESS
from .vocabulary import INDUSTRY_NAMES, MOOD_NAMES

SOURCES = ("vocabulary", "ai")
MAX_KEYWORDS = 50
MAX_KEYWORD_LENGTH = 40

_CHOICES = {
    "chroma": CHROMA_LEVELS,
    "mood": MOOD_NAMES,
    "industry": INDUSTRY_NAMES,
    "density": DENSITIES,
    "roundness": ROUNDNESS,
    "font_pairing": FONT_PAIRING_KEYS,
    "source": SOURCES,
}
_HUES = ("primary_hue", "secondary_hue", "accent_hue")
_COLOURS = ("seed_color", "secondary_color", "accent_color")


@dataclass(frozen=True)
class Intent:
    """A reading of the user's prompt (and seed colour), ready for generation.

    Hues are OKLCH hue angles in degrees. ``seed_color`` is kept exactly in
    the primary scale; ``secondary_color`` and ``accent_color`` likewise in
    theirs. Construction validates and normalises (hex to lower case, hue
    into [0, 360), rounded to 0.01°) and raises EngineInputError on bad values.
    """

    primary_hue: float
    secondary_hue: float
    accent_hue: float
    chroma: str = "balanced"
    seed_color: str | None = None
    secondary_color: str | None = None
    accent_color: str | None = None
    mood: str = "neutral"
    industry: str = "general"
    density: str = "comfortable"
    roundness: str = "soft"
    font_pairing: str = "inter"
    keywords: tuple[str, ...] = ()
    source: str = "vocabulary"

    def __post_init__(self):
        errors: dict[str, list[str]] = {}
        for name in _HUES:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                errors[name] = ["must be a number of degrees"]
            elif not 0 <= value <= 360:
                errors[name] = ["must be between 0 and 360"]
            else:
                object.__setattr__(self, name, round(float(value), 2) % 360.0)
        for name in _COLOURS:
            value = getattr(self, name)
            if value is not None:
                try:
                    object.__setattr__(self, name, normalise_hex(value))
                except EngineInputError:
                    errors[name] = ["must be a #rrggbb colour or null"]
        for name, allowed in _CHOICES.items():
            if getattr(self, name) not in allowed:
                errors[name] = [f"must be one of: {', '.join(allowed)}"]
        keywords = self.keywords
        if isinstance(keywords, list):
            keywords = tuple(keywords)
        if (
            not isinstance(keywords, tuple)
            or len(keywords) > MAX_KEYWORDS
            or not all(isinstance(k, str) and 0 < len(k) <= MAX_KEYWORD_LENGTH for k in keywords)
        ):
            errors["keywords"] = [f"must be a list of at most {MAX_KEYWORDS} short strings"]
        else:
            object.__setattr__(self, "keywords", keywords)
        if errors:
            raise EngineInputError(errors)

    def to_dict(self) -> dict:
        """JSON-serialisable copy (keywords become a list)."""
        data = asdict(self)
        data["keywords"] = list(self.keywords)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Intent":
        """Rebuild an Intent from ``to_dict()`` output, validating every field.

        The three hues, chroma, mood, industry, density, roundness and
        font_pairing are required; the colours, keywords and source may be
        omitted. Unknown keys are rejected.
        """
        if not isinstance(data, dict):
            raise EngineInputError.single("intent", "must be an object")
        known = {f.name for f in fields(cls)}
        optional = set(_COLOURS) | {"keywords", "source"}
        errors = {key: ["unknown field"] for key in sorted(data, key=str) if key not in known}
        errors.update({key: ["is required"] for key in sorted(known - optional) if key not in data})
        if errors:
            raise EngineInputError({str(key): value for key, value in errors.items()})
        return cls(**data)
