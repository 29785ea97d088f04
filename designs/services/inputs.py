"""Cleaning of what callers send: prompts, names, brand colours and token payloads.

Shared by the design-system and generation services, so the API and the pages refuse the same input
with the same messages.
"""

from ..engine import EngineInputError, Intent, normalise_hex, validate_tokens
from ..errors import InvalidInput, InvalidIntent, InvalidTokens

MAX_PROMPT_LENGTH = 500
MAX_NAME_LENGTH = 100


def clean_text(value: str, *, field: str, max_length: int) -> str:
    if not isinstance(value, str):
        raise InvalidInput(details={field: ["Must be a string."]})
    value = value.strip()
    if len(value) > max_length:
        raise InvalidInput(details={field: [f"Ensure this field has no more than {max_length} characters."]})
    return value


def clean_seed(seed_color: str | None) -> str:
    """`#rgb`/`#rrggbb` in any case as `#rrggbb`; "" for none."""
    if seed_color is None or seed_color == "":
        return ""
    try:
        return normalise_hex(seed_color)
    except EngineInputError:
        raise InvalidInput(details={"seed_color": ["Must be a colour written #RRGGBB (or #RGB)."]})


def clean_name(name: str) -> str:
    name = clean_text(name, field="name", max_length=MAX_NAME_LENGTH)
    if not name:
        raise InvalidInput(details={"name": ["This field may not be blank."]})
    return name


def checked_tokens(tokens: dict) -> dict:
    try:
        return validate_tokens(tokens)
    except EngineInputError as exc:
        raise InvalidTokens(exc.errors)


def checked_intent(intent: dict) -> Intent:
    """An engine Intent from JSON; `InvalidIntent` (400, `intent.<field>` per problem) otherwise."""
    try:
        return Intent.from_dict(intent)
    except EngineInputError as exc:
        raise InvalidIntent(exc.errors)
