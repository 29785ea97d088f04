"""The Intent: the engine's reading of a brief, and the one input of generation.

It is plain JSON-able data that people can read and edit: brand colours, a
harmony for the colours not given, vibrancy, a neutral tint, a font pairing,
the type scale, density, roundness and shadow depth. ``INTENT_FIELDS`` is the
single description of every field (type, choices or range, default, meaning):
validation, the OpenAPI schema, the AI's structured-output schema and
``GET /api/engine`` are all made from it.
"""

import math
from dataclasses import asdict, dataclass, fields

from .color import is_hex, normalise_hex
from .errors import EngineInputError
from .fonts import DEFAULT_PAIRING, FONT_PAIRING_KEYS
from .shapes import DENSITIES

HARMONIES = ("analogous", "complementary", "split-complementary", "triadic", "monochrome")
NEUTRAL_TINTS = ("brand", "warm", "cool", "pure")

#: Named type-scale ratios, for pickers (any ratio in range is allowed).
TYPE_SCALE_STOPS = {
    "minor second": 1.067,
    "major second": 1.125,
    "minor third": 1.2,
    "major third": 1.25,
    "perfect fourth": 1.333,
    "augmented fourth": 1.414,
}


@dataclass(frozen=True)
class Field:
    """One intent field: its JSON kind, allowed values and meaning."""

    kind: str  # "colour", "optional colour", "choice", "number", "integer"
    default: object
    description: str
    choices: tuple = ()
    low: float | None = None
    high: float | None = None
    places: int = 2


INTENT_FIELDS: dict[str, Field] = {
    "primary": Field(
        "colour", None, "The brand colour, #rrggbb. It appears unchanged in the primary scale and is the light "
        "theme's primary fill exactly."
    ),
    "secondary": Field(
        "optional colour", None, "A second brand colour, #rrggbb, kept exactly; null to derive it from the "
        "primary through the harmony."
    ),
    "accent": Field(
        "optional colour", None, "An accent colour, #rrggbb, kept exactly; null to derive it from the primary "
        "through the harmony."
    ),
    "harmony": Field(
        "choice", "analogous", "How the colours not given relate to the primary: neighbouring hues "
        "(analogous), the opposite hue as accent (complementary), the two hues beside the opposite "
        "(split-complementary), three even hues (triadic), or one hue in several shades (monochrome).",
        choices=HARMONIES,
    ),
    "vibrancy": Field(
        "number", 0.6, "How saturated the derived and status colours are, from 0 (nearly grey) to 1 (as vivid "
        "as screens allow). Given brand colours keep their own saturation.", low=0.0, high=1.0,
    ),
    "neutral": Field(
        "choice", "brand", "The tint of the greys: the primary's hue (brand), warm, cool, or pure grey.",
        choices=NEUTRAL_TINTS,
    ),
    "font_pairing": Field(
        "choice", DEFAULT_PAIRING, "The font pairing (headings, body, code); see GET /api/engine.",
        choices=FONT_PAIRING_KEYS,
    ),
    "type_scale": Field(
        "number", 1.25, "The ratio between neighbouring type sizes, from 1.067 (minor second) to 1.414 "
        "(augmented fourth).", low=1.067, high=1.414, places=3,
    ),
    "base_size": Field("integer", 16, "Body text size in px on wide screens, 14 to 20.", low=14, high=20, places=0),
    "density": Field(
        "choice", "comfortable", "Spacing and line height: compact, comfortable or spacious.", choices=DENSITIES
    ),
    "roundness": Field(
        "number", 0.4, "Corner rounding, from 0 (square corners) to 1 (very round).", low=0.0, high=1.0
    ),
    "shadow_depth": Field(
        "number", 0.4, "Shadow strength, from 0 (flat) to 1 (deep, layered).", low=0.0, high=1.0
    ),
}

#: The parts a variation may change, and that a lock keeps: every intent field.
LOCKABLE = tuple(INTENT_FIELDS)


def _check_value(name: str, spec: Field, value) -> tuple[object, str | None]:
    """(normalised value, error message or None) for one field."""
    if spec.kind in ("colour", "optional colour"):
        if value is None and spec.kind == "optional colour":
            return None, None
        if not is_hex(value):
            return None, "must be a #rrggbb colour" + (" or null" if spec.kind == "optional colour" else "")
        return normalise_hex(value), None
    if spec.kind == "choice":
        if value not in spec.choices:
            return None, f"must be one of: {', '.join(spec.choices)}"
        return value, None
    number = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if spec.kind == "integer" and not (isinstance(value, int) and not isinstance(value, bool)):
        return None, f"must be a whole number from {spec.low:g} to {spec.high:g}"
    if not number or not spec.low <= value <= spec.high:
        return None, f"must be a number from {spec.low:g} to {spec.high:g}"
    return (int(value) if spec.kind == "integer" else round(float(value), spec.places)), None


@dataclass(frozen=True)
class Intent:
    """A complete, validated intent. Construction normalises (hex to lower case, numbers rounded) and
    raises EngineInputError naming each bad field."""

    primary: str
    secondary: str | None = INTENT_FIELDS["secondary"].default
    accent: str | None = INTENT_FIELDS["accent"].default
    harmony: str = INTENT_FIELDS["harmony"].default
    vibrancy: float = INTENT_FIELDS["vibrancy"].default
    neutral: str = INTENT_FIELDS["neutral"].default
    font_pairing: str = INTENT_FIELDS["font_pairing"].default
    type_scale: float = INTENT_FIELDS["type_scale"].default
    base_size: int = INTENT_FIELDS["base_size"].default
    density: str = INTENT_FIELDS["density"].default
    roundness: float = INTENT_FIELDS["roundness"].default
    shadow_depth: float = INTENT_FIELDS["shadow_depth"].default

    def __post_init__(self):
        errors: dict[str, list[str]] = {}
        for name, spec in INTENT_FIELDS.items():
            value, problem = _check_value(name, spec, getattr(self, name))
            if problem:
                errors[name] = [problem]
            else:
                object.__setattr__(self, name, value)
        if errors:
            raise EngineInputError(errors)

    def to_dict(self) -> dict:
        return asdict(self)

    def replace(self, **changes) -> "Intent":
        return Intent(**{**self.to_dict(), **changes})

    @classmethod
    def from_dict(cls, data) -> "Intent":
        """An Intent from JSON: `primary` is required, every other field defaults; unknown fields are
        refused. Raises EngineInputError naming each bad field."""
        if not isinstance(data, dict):
            raise EngineInputError.single("intent", "must be an object")
        known = {f.name for f in fields(cls)}
        errors = {str(key): ["unknown field"] for key in data if key not in known}
        if "primary" not in data:
            errors["primary"] = ["is required"]
        if errors:
            raise EngineInputError(errors)
        return cls(**data)


def intent_json_schema() -> dict:
    """The OpenAPI (3.0) schema of an intent, with every range and choice."""
    properties = {}
    for name, spec in INTENT_FIELDS.items():
        if spec.kind in ("colour", "optional colour"):
            schema = {"type": "string", "pattern": "^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$"}
            if spec.kind == "optional colour":
                schema = {**schema, "nullable": True, "default": None}
        elif spec.kind == "choice":
            schema = {"type": "string", "enum": list(spec.choices), "default": spec.default}
        else:
            schema = {
                "type": "integer" if spec.kind == "integer" else "number",
                "minimum": spec.low,
                "maximum": spec.high,
                "default": spec.default,
            }
        properties[name] = {**schema, "description": spec.description}
    return {
        "type": "object",
        "description": "The engine's reading of a brief: what generation turns into tokens. Only `primary` is "
        "required; the same intent always gives the same tokens.",
        "properties": properties,
        "required": ["primary"],
        "additionalProperties": False,
    }
