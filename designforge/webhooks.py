"""What every provider's webhook endpoint answers: verify, store, acknowledge.

The event is applied later by a worker (`designforge.tasks.webhook_event_apply`, sent once the
stored row is committed), so the provider's answer never waits for our work and never depends on it.
With `REDIS_URL` unset there is no worker: the task runs inline, before the answer, and a failure
to apply it answers 500 so that the provider delivers it again (the failure is recorded on the event).
"""

import json
from collections.abc import Callable, Mapping

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse

from . import inbox, parsers
from .celery import send_on_commit
from .errors import error_response
from .tasks import webhook_event_apply

#: The body of every acknowledged delivery: the event is stored and will be applied.
RECEIVED = {"status": "received"}
#: Longest event id we store (the inbox column); a longer one is not a real event.
MAX_EVENT_ID_LENGTH = 255


def _not_a_number(constant: str):
    raise ValueError(f"{constant} is not JSON")


def _storable(value) -> bool:
    """No NUL character in any string or key (PostgreSQL's jsonb refuses them)."""
    if isinstance(value, str):
        return "\x00" not in value
    if isinstance(value, dict):
        return all(_storable(key) and _storable(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_storable(item) for item in value)
    return True


def load_json_object(body: bytes) -> dict | None:
    """The body as a JSON object that the database can store, or None: not UTF-8, not JSON, nested
    too deeply, `NaN`/`Infinity`, a NUL character or a lone surrogate in a string, or not an object."""
    try:
        payload = json.loads(body.decode("utf-8"), parse_constant=_not_a_number)
        json.dumps(payload, ensure_ascii=False).encode("utf-8")  # a lone surrogate cannot be stored
        storable = isinstance(payload, dict) and not parsers.too_deep(payload) and _storable(payload)
        return payload if storable else None
    except (ValueError, RecursionError):  # UnicodeError and JSONDecodeError are ValueErrors
        return None


def webhook_response(
    request,
    *,
    source: str,
    secret: str,
    verify: Callable[[bytes, Mapping[str, str], str], bool],
    parse: Callable[[bytes, Mapping[str, str]], tuple[str, str, dict] | None],
) -> JsonResponse:
    """Without a signing secret: 503, nothing written. An oversized body: 413. `verify(body, headers,
    secret)` false: 400 `invalid_signature`. `parse(body, headers)` gives (event id, event type,
    payload), or None for a body that is not a well-formed event of this provider: 400 `invalid`. Then
    the event is stored (once per id) and answered `200 {"status": "received"}`; a failure to store
    answers 5xx and leaves nothing behind."""
    name = source.title()
    if not secret:
        return error_response("not_configured", f"The {name} webhook signing secret is not configured.", 503)
    try:
        body = request.body
    except RequestDataTooBig:
        return error_response("payload_too_large", "The request body is too large.", 413)
    if not verify(body, request.headers, secret):
        return error_response("invalid_signature", "The webhook signature is missing, invalid or too old.", 400)
    event = parse(body, request.headers)
    if event is None:
        return error_response("invalid", f"The webhook body is not a well-formed {name} event.", 400)
    event_id, event_type, payload = event
    inbox.receive(source=source, event_id=event_id, event_type=event_type, payload=payload)
    send_on_commit(webhook_event_apply, source, event_id)
    return JsonResponse(RECEIVED)
