"""The webhook inbox: every provider's events are stored before they are processed.

An app registers one processor per source (`register("clerk", process_clerk_event)`) in its
AppConfig.ready(); the kernel never imports an app. A delivery is:

1. `receive()` stores the event, unique on (source, event id), and commits it, so it can be seen
   and replayed from admin whatever happens next;
2. `process()` locks the stored row and runs the processor in one transaction with the status
   update: either both the effect and "processed" are committed, or neither is. A repeated delivery
   of a processed event changes nothing; concurrent deliveries of one event queue on the row lock.
"""

import logging
from collections.abc import Callable, Mapping

from django.core.exceptions import RequestDataTooBig
from django.db import transaction
from django.db.models import F
from django.http import JsonResponse
from django.utils import timezone

from designforge.errors import error_response
from designforge.models import WebhookEvent

logger = logging.getLogger("designforge.inbox")

# A processor applies one event and returns the status to record (processed or ignored).
Processor = Callable[[WebhookEvent], str]
_processors: dict[str, Processor] = {}


def register(source: str, processor: Processor) -> None:
    _processors[source] = processor


def receive(*, source: str, event_id: str, event_type: str, payload: dict) -> WebhookEvent:
    """Store a verified event, once per source and id: a repeat delivery is ignored by the database's
    unique constraint (one INSERT ... ON CONFLICT DO NOTHING, committed at once)."""
    event = WebhookEvent(source=source, event_id=event_id, event_type=event_type, payload=payload)
    WebhookEvent.objects.bulk_create([event], ignore_conflicts=True)
    return event


def _stored(event: WebhookEvent):
    return WebhookEvent.objects.filter(source=event.source, event_id=event.event_id)


def process(event: WebhookEvent, *, replay: bool = False) -> WebhookEvent:
    """Apply a stored event exactly once (or again, with `replay`, for admin). Re-raises failures
    after recording them, so the caller can answer 5xx and the provider retries."""
    try:
        with transaction.atomic():
            locked = _stored(event).select_for_update().get()
            if locked.status in (WebhookEvent.Status.PROCESSED, WebhookEvent.Status.IGNORED) and not replay:
                return locked
            locked.status = _processors[locked.source](locked)
            locked.attempts += 1
            locked.error = ""
            locked.processed_at = timezone.now()
            locked.save(update_fields=["status", "attempts", "error", "processed_at"])
            return locked
    except Exception as exc:
        logger.exception("Processing %s failed", event)
        _stored(event).update(
            status=WebhookEvent.Status.FAILED, attempts=F("attempts") + 1, error=f"{type(exc).__name__}: {exc}"
        )
        raise


def deliver(*, source: str, event_id: str, event_type: str, payload: dict) -> dict:
    """Store then process one verified delivery; the answer body for the provider. Our own failures
    propagate (answered 500 with the error envelope), so the provider delivers again later."""
    event = process(receive(source=source, event_id=event_id, event_type=event_type, payload=payload))
    return {"received": True, "event_id": event.event_id, "status": event.status}


def webhook_response(
    request,
    *,
    source: str,
    secret: str,
    verify: Callable[[bytes, Mapping[str, str], str], bool],
    parse: Callable[[bytes, Mapping[str, str]], tuple[str, str, dict] | None],
) -> JsonResponse:
    """What every provider's webhook endpoint answers. Without a signing secret: 503, nothing written.
    An oversized body: 413. `verify(body, headers, secret)` false: 400 `invalid_signature`. `parse(body,
    headers)` gives (event id, event type, payload), or None for a body that is not an event: 400. Then
    the event is delivered once (`deliver`) and answered 200."""
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
        return error_response("invalid", f"The webhook body is not a {name} event.", 400)
    event_id, event_type, payload = event
    return JsonResponse(deliver(source=source, event_id=event_id, event_type=event_type, payload=payload))
