"""The contract for AI-assisted brief reading.

``INTENT_JSON_SCHEMA`` is what a model is asked to return: the intent itself
(OpenAI structured outputs, strict mode: every property required, no extra
properties, nullable values typed ``["string", "null"]``, and no numeric or
pattern keywords, which not every provider accepts; the ranges are in the
descriptions). ``intent_from_ai`` re-checks the answer, because a schema sent
to a model is a request, not a guarantee: numbers outside their range are
brought into it, anything else that is off (a font pairing not in the
catalogue, a colour that is not #rrggbb, a missing or unknown field) is
refused.
"""

import math

from .color import is_hex, normalise_hex
from .errors import EngineInputError
from .fonts import pairing_description
from .intent import INTENT_FIELDS, Intent


def _property(name: str) -> dict:
    spec = INTENT_FIELDS[name]
    if spec.kind == "colour":
        return {"type": "string", "description": spec.description + " Write it as #rrggbb."}
    if spec.kind == "optional colour":
        return {"type": ["string", "null"], "description": spec.description}
    if spec.kind == "choice":
        description = spec.description
        if name == "font_pairing":
            description += " Pairings: " + "; ".join(f"{key} = {pairing_description(key)}" for key in spec.choices)
        return {"type": "string", "enum": list(spec.choices), "description": description}
    kind = "integer" if spec.kind == "integer" else "number"
    return {"type": kind, "description": f"{spec.description} (from {spec.low:g} to {spec.high:g})"}


INTENT_JSON_SCHEMA: dict = {
    "type": "object",
    "properties": {name: _property(name) for name in INTENT_FIELDS},
    "required": list(INTENT_FIELDS),
    "additionalProperties": False,
}


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def intent_from_ai(answer: object, *, seed_color: str | None) -> Intent:
    """Turn a model's answer into an Intent, or raise EngineInputError naming what is wrong.

    The user's own ``seed_color`` always wins over the model's primary.
    """
    if not isinstance(answer, dict):
        raise EngineInputError.single("answer", "must be an object")
    errors = {str(key): ["unknown field"] for key in answer if key not in INTENT_FIELDS}
    errors.update({name: ["is required"] for name in INTENT_FIELDS if name not in answer})
    values = {}
    for name, spec in INTENT_FIELDS.items():
        if name not in answer:
            continue
        value = answer[name]
        if spec.kind in ("number", "integer"):
            if not _is_number(value):
                errors[name] = ["must be a number"]
                continue
            value = min(max(value, spec.low), spec.high)
            value = round(value) if spec.kind == "integer" else value
        elif spec.kind == "colour" and name == "primary" and seed_color is not None:
            value = seed_color
        elif spec.kind in ("colour", "optional colour") and value is not None and not is_hex(value):
            errors[name] = ["must be a #rrggbb colour"]
            continue
        values[name] = value
    if seed_color is not None:
        values["primary"] = normalise_hex(seed_color)
    if errors:
        raise EngineInputError(errors)
    return Intent(**values)
