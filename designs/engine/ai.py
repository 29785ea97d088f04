"""The contract for AI-assisted prompt understanding.

``INTENT_JSON_SCHEMA`` is what a model is asked to return (OpenAI
structured outputs, strict mode: every property required, no extra
properties, nullable values typed ``["string", "null"]``, and no numeric or
pattern constraints, which not every provider accepts). ``intent_from_ai``
re-checks the answer itself, because a schema sent to a model is a request,
not a guarantee.
"""

import math

from .color import has_hue, normalise_hex, oklch
from .errors import EngineInputError
from .fonts import FONT_PAIRING_KEYS, pairing_description
from .intent import Intent
from .interpret import MAX_PROMPT_LENGTH, match_keywords
from .shapes import CHROMA_LEVELS, DENSITIES, ROUNDNESS
from .vocabulary import INDUSTRY_NAMES, MOOD_NAMES

_ENUMS = {
    "chroma": CHROMA_LEVELS,
    "mood": MOOD_NAMES,
    "industry": INDUSTRY_NAMES,
    "density": DENSITIES,
    "roundness": ROUNDNESS,
    "font_pairing": FONT_PAIRING_KEYS,
}
_HUES = ("primary_hue", "secondary_hue", "accent_hue")
_COLOURS = ("primary_color", "secondary_color", "accent_color")


def _hue(role: str) -> dict:
    return {
        "type": "number",
        "description": f"OKLCH hue angle in degrees (0 to 360) of the {role} brand colour. "
        "About 27 red, 55 orange, 100 yellow, 145 green, 185 teal, 258 blue, 305 purple, 350 pink.",
    }


def _colour(role: str) -> dict:
    return {
        "type": ["string", "null"],
        "description": f"Exact {role} colour as #rrggbb if the prompt names one precisely, otherwise null.",
    }


INTENT_JSON_SCHEMA: dict = {
    "type": "object",
    "properties": {
        "primary_hue": _hue("primary"),
        "secondary_hue": _hue("secondary"),
        "accent_hue": _hue("accent"),
        "primary_color": _colour("primary"),
        "secondary_color": _colour("secondary"),
        "accent_color": _colour("accent"),
        "chroma": {"type": "string", "enum": list(CHROMA_LEVELS), "description": "How saturated the palette is."},
        "mood": {"type": "string", "enum": list(MOOD_NAMES), "description": "Closest overall mood."},
        "industry": {"type": "string", "enum": list(INDUSTRY_NAMES), "description": "Closest industry."},
        "density": {"type": "string", "enum": list(DENSITIES), "description": "Spacing and type density."},
        "roundness": {"type": "string", "enum": list(ROUNDNESS), "description": "Corner rounding."},
        "font_pairing": {
            "type": "string",
            "enum": list(FONT_PAIRING_KEYS),
            "description": "Curated font pairing: "
            + "; ".join(f"{key} = {pairing_description(key)}" for key in FONT_PAIRING_KEYS),
        },
    },
    "required": list(_HUES + _COLOURS + tuple(_ENUMS)),
    "additionalProperties": False,
}


def _check_answer(answer: object) -> dict[str, list[str]]:
    """Field errors of an AI answer against INTENT_JSON_SCHEMA plus value ranges."""
    if not isinstance(answer, dict):
        return {"answer": ["must be an object"]}
    expected = set(INTENT_JSON_SCHEMA["properties"])
    errors: dict[str, list[str]] = {}
    for key in sorted(map(str, set(answer) - expected)):
        errors[key] = ["unknown field"]
    for key in sorted(expected - set(answer)):
        errors[key] = ["is required"]
    for key in _HUES:
        value = answer.get(key)
        if key in answer and (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or not 0 <= value <= 360
        ):
            errors[key] = ["must be a number from 0 to 360"]
    for key in _COLOURS:
        value = answer.get(key)
        if value is not None:
            try:
                normalise_hex(value)
            except EngineInputError:
                errors[key] = ["must be a #rrggbb colour or null"]
    for key, allowed in _ENUMS.items():
        if key in answer and answer[key] not in allowed:
            errors[key] = [f"must be one of: {', '.join(allowed)}"]
    return errors


def intent_from_ai(answer: dict, *, prompt: str, seed_color: str | None) -> Intent:
    """Turn a model's answer into an Intent, or raise EngineInputError.

    The user's own ``seed_color`` always wins over the model's
    ``primary_color`` (and sets the primary hue). Keywords are the offline
    vocabulary matches of ``prompt``, so the UI can show what was recognised.
    """
    errors = _check_answer(answer)
    seed = None
    if seed_color is not None:
        try:
            seed = normalise_hex(seed_color)
        except EngineInputError:
            errors["seed_color"] = ["must be a #rrggbb colour"]
    if not isinstance(prompt, str):
        errors["prompt"] = ["must be a string"]
    if errors:
        raise EngineInputError(errors)

    suggested = answer["primary_color"]
    seed = seed or (normalise_hex(suggested) if suggested is not None else None)
    primary_hue = float(answer["primary_hue"])
    if seed is not None and has_hue(seed):
        primary_hue = oklch(seed)[2]
    keywords = tuple(dict.fromkeys(match[2] for match in match_keywords(prompt[:MAX_PROMPT_LENGTH])))
    return Intent(
        primary_hue=primary_hue,
        secondary_hue=float(answer["secondary_hue"]),
        accent_hue=float(answer["accent_hue"]),
        chroma=answer["chroma"],
        seed_color=seed,
        secondary_color=normalise_hex(answer["secondary_color"]) if answer["secondary_color"] else None,
        accent_color=normalise_hex(answer["accent_color"]) if answer["accent_color"] else None,
        mood=answer["mood"],
        industry=answer["industry"],
        density=answer["density"],
        roundness=answer["roundness"],
        font_pairing=answer["font_pairing"],
        keywords=keywords,
        source="ai",
    )
