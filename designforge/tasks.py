"""The kernel's tasks: applying stored webhook events, and sending again those whose message was lost.

Every task in DesignForge follows the same rules (see designforge/celery.py):
- it takes database keys, never objects, and calls one service;
- it is idempotent by database keys: the row it works on says whether the work is done, so a message
  delivered twice (acks_late, a worker killed mid-task) changes nothing the second time;
- the row exists before the message is sent (`transaction.on_commit`), and each app that queues work
  has one periodic "requeue" task in `CELERY_BEAT_SCHEDULE` that sends again what is stored but was
  never applied (Redis may lose every message without losing any work).
"""

from celery import shared_task

from . import inbox
from .models import WebhookEvent


@shared_task(bind=True, max_retries=inbox.MAX_ATTEMPTS - 1)
def webhook_event_apply(self, source: str, event_id: str) -> str | None:
    """Apply one stored webhook event; retried with backoff on our own failures. Inline (no worker),
    the failure propagates so the webhook answers 500 and the provider delivers again."""
    event = WebhookEvent(source=source, event_id=event_id)
    try:
        applied = inbox.process(event)
    except Exception as exc:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            raise
        raise self.retry(exc=exc, countdown=inbox.retry_delay(self.request.retries + 1))
    return applied.status if applied else None


@shared_task
def webhook_events_requeue() -> int:
    """Periodic (beat): send again every stored event not applied yet whose message was lost."""
    waiting = inbox.events_to_requeue()
    for source, event_id in waiting:
        webhook_event_apply.delay(source, event_id)
    return len(waiting)
