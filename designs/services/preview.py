"""The free preview: the engine from an explicit intent, with deterministic variations.

Nothing is saved or charged and no provider is called, so people (and the editor) can try as many
looks as they like; `PREVIEW_RATE_LIMIT` (per user, per IP address when signed out) keeps it fair.
"""

from django.conf import settings

from designforge.ratelimit import rate_limit_hit

from ..engine import EngineInputError, build_report, variant
from ..errors import InvalidInput
from .design_systems import tokens_for
from .inputs import checked_intent


def preview_run(*, intent: dict, requester: str, variant_number: int = 0, locks=()) -> dict:
    """`{intent, tokens, report}` for the `variant_number`-th alternative of `intent` (0: the intent
    itself), keeping the parts named in `locks`. `requester` (`user:<id>` or `ip:<address>`) is
    counted against the preview rate limit (429 `rate_limited` past it); a bad intent answers
    `InvalidIntent`, a bad variant or lock `InvalidInput` (400)."""
    rate_limit_hit(scope="preview", key=requester, rate=settings.PREVIEW_RATE_LIMIT)
    parsed = checked_intent(intent)
    try:
        chosen = variant(parsed, variant_number, locks)
    except EngineInputError as exc:
        raise InvalidInput(details=exc.errors)
    tokens = tokens_for(chosen)
    return {"intent": chosen.to_dict(), "tokens": tokens, "report": build_report(tokens)}
