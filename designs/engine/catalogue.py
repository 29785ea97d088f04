"""What an intent may hold, for clients and pickers (``GET /api/engine``): every field with its range or
choices and default, the font pairings with each family's fallbacks and the weights we ship, and the
engine's version."""

from .font_faces import font_catalogue
from .fonts import PAIRINGS, font_families
from .intent import INTENT_FIELDS, LOCKABLE, TYPE_SCALE_STOPS
from .variants import MAX_VARIANT
from .version import ENGINE_VERSION


def _weights(family_name: str) -> list[int]:
    weights = font_catalogue()[family_name]["weights"]
    if isinstance(weights, dict):  # a variable font: every standard weight in its range
        return [weight for weight in range(100, 1000, 100) if weights["min"] <= weight <= weights["max"]]
    return list(weights)


def _family(family: dict) -> dict:
    entry = font_catalogue()[family["name"]]
    return {
        "name": family["name"],
        "stack": family["stack"],
        "kind": entry["kind"],
        "variable": entry["variable"],
        "weights": _weights(family["name"]),
        "license": entry["license"]["type"],
    }


def _field(spec) -> dict:
    entry = {"kind": spec.kind, "default": spec.default, "description": spec.description}
    if spec.choices:
        entry["choices"] = list(spec.choices)
    if spec.low is not None:
        entry.update(min=spec.low, max=spec.high)
    return entry


def describe() -> dict:
    """The engine's options as plain JSON."""
    return {
        "version": ENGINE_VERSION,
        "intent": {name: _field(spec) for name, spec in INTENT_FIELDS.items()},
        "font_pairings": [
            {
                "key": key,
                "description": pairing.description,
                **{role: _family(family) for role, family in font_families(key).items()},
            }
            for key, pairing in PAIRINGS.items()
        ],
        "type_scale_stops": [{"name": name, "ratio": ratio} for name, ratio in TYPE_SCALE_STOPS.items()],
        "lockable": list(LOCKABLE),
        "variants": {"min": 0, "max": MAX_VARIANT},
    }
