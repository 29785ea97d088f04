"""The webhook inbox: every provider's events are stored before they are applied.

An app registers one processor per source (`register("clerk", process_clerk_event)`) in its
AppConfig.ready(); the kernel never imports an app. An event's life:

1. `receive()` stores the verified event with one INSERT ... ON CONFLICT DO NOTHING (unique on
   source and event id), so a repeated delivery adds nothing; the endpoint answers once it is stored;
2. `process()`, in a worker (`designforge.tasks.webhook_event_apply`, sent on commit), locks the stored
   row and runs the processor in one transaction with the status update: either both the effect and
   "processed" are committed, or neither is. A processed event is never applied again, so a message
   delivered twice, or a worker killed halfway, changes nothing; concurrent runs queue on the row lock;
3. a failure is recorded on the row (`failed`, the error, `retry_at`) and retried with backoff, up to
   `MAX_ATTEMPTS` tries; after that the event waits in admin for a replay;
4. `events_to_requeue()` finds the events whose message was lost (a broker restart, a worker killed
   before it acknowledged): the scheduler sends them again.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from designforge.inserts import insert_if_absent
from designforge.models import WebhookEvent

logger = logging.getLogger("designforge.inbox")

# A processor applies one event and returns the status to record (processed or ignored).
Processor = Callable[[WebhookEvent], str]
_processors: dict[str, Processor] = {}

#: Tries before an event is left failed for staff to replay (about half an hour of backoff in all).
MAX_ATTEMPTS = 8
#: A stored event whose message has not been applied after this long is sent again by the scheduler.
REQUEUE_AFTER = timedelta(seconds=60)
REQUEUE_BATCH = 500
APPLIED = (WebhookEvent.Status.PROCESSED, WebhookEvent.Status.IGNORED)
UNAPPLIED = (WebhookEvent.Status.RECEIVED, WebhookEvent.Status.FAILED)


def register(source: str, processor: Processor) -> None:
    _processors[source] = processor


def retry_delay(attempts: int) -> int:
    """Seconds to wait after the `attempts`-th failed try: 10, 20, 40 ... at most 10 minutes."""
    return min(10 * 2 ** max(attempts - 1, 0), 600)


def receive(*, source: str, event_id: str, event_type: str, payload: dict) -> None:
    """Store a verified event, once per source and id: one INSERT ... ON CONFLICT DO NOTHING. A
    database failure propagates (the endpoint answers 5xx and the provider delivers again)."""
    event = WebhookEvent(source=source, event_id=event_id, event_type=event_type, payload=payload)
    insert_if_absent(event, unique=("source", "event_id"))


def _stored(event):
    return WebhookEvent.objects.filter(source=event.source, event_id=event.event_id)


def process(event, *, replay: bool = False) -> WebhookEvent | None:
    """Apply a stored event (anything with its `source` and `event_id`) exactly once, or again with
    `replay` (admin). None when no such event is stored. Re-raises a failure after recording it."""
    try:
        with transaction.atomic():
            locked = _stored(event).select_for_update().first()
            if locked is None or (locked.status in APPLIED and not replay):
                return locked
            status = _processors[locked.source](locked)
            now = timezone.now()
            _stored(locked).update(
                status=status, attempts=F("attempts") + 1, error="", processed_at=now, retry_at=None
            )
            locked.status, locked.attempts, locked.error, locked.processed_at = status, locked.attempts + 1, "", now
            return locked
    except Exception as exc:
        logger.exception("Applying webhook event %s %s failed", event.source, event.event_id)
        attempts = (_stored(event).values_list("attempts", flat=True).first() or 0) + 1
        _stored(event).update(
            status=WebhookEvent.Status.FAILED,
            attempts=attempts,
            error=f"{type(exc).__name__}: {exc}"[:10_000],
            retry_at=timezone.now() + timedelta(seconds=retry_delay(attempts)),
        )
        raise


def events_to_requeue(*, now: datetime | None = None) -> list[tuple[str, str]]:
    """(source, event id) of stored events that should be applied but have no message on its way: never
    applied after `REQUEUE_AFTER`, or failed with tries left and past their `retry_at` by as long."""
    cutoff = (now or timezone.now()) - REQUEUE_AFTER
    waiting = Q(status=WebhookEvent.Status.RECEIVED, received_at__lt=cutoff) | Q(
        status=WebhookEvent.Status.FAILED, attempts__lt=MAX_ATTEMPTS, retry_at__lt=cutoff
    )
    rows = WebhookEvent.objects.filter(waiting).order_by("received_at").values_list("source", "event_id")
    return list(rows[:REQUEUE_BATCH])


def oldest_unapplied_age(*, now: datetime | None = None) -> float | None:
    """Seconds since the oldest event not applied yet (received or failed) arrived; None when there is none."""
    oldest = WebhookEvent.objects.filter(status__in=UNAPPLIED).aggregate(oldest=Min("received_at"))["oldest"]
    return None if oldest is None else round(((now or timezone.now()) - oldest).total_seconds(), 1)
