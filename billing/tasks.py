"""Billing's background work: cancelling closed accounts' subscriptions at Stripe.

Each cancellation is a `StripeCancellation` row first (written in the closing transaction); the task
is only its messenger, sent after the commit. Stripe being down, or refusing the key, makes the task
retry with exponential backoff; a message lost with Redis, or a task out of retries, is sent again by
`requeue_stripe_cancellations`, which the scheduler runs every few minutes (CELERY_BEAT_SCHEDULE).
Running a cancellation twice is a no-op (`services.stripe_cancellation_send` checks the row under its
lock).
"""

import logging
from datetime import timedelta

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.utils import timezone

from designforge.errors import DomainError

from . import selectors, services

logger = logging.getLogger("billing.tasks")

#: Retries of one task: 30 s, 1 min, 2 min, … then hourly, about a day in all.
MAX_RETRIES = 30
BACKOFF_FACTOR_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600
#: A cancellation not done whose last attempt is older than this is sent again by the periodic job.
REQUEUE_AFTER = timedelta(minutes=10)


@shared_task(bind=True, max_retries=MAX_RETRIES)
def cancel_stripe_subscription(self, cancellation_id: int) -> None:
    """Cancel one closed account's subscription at Stripe, retrying while Stripe fails."""
    try:
        services.stripe_cancellation_send(cancellation_id=cancellation_id)
    except DomainError as error:
        if self.request.is_eager:
            # No worker (REDIS_URL unset): never wait inside the request that closed the account.
            logger.warning("Cancellation %s not sent (%s); it stays pending", cancellation_id, error.message)
            return
        countdown = get_exponential_backoff_interval(
            factor=BACKOFF_FACTOR_SECONDS, retries=self.request.retries, maximum=BACKOFF_MAX_SECONDS
        )
        raise self.retry(exc=error, countdown=countdown)


@shared_task
def requeue_stripe_cancellations() -> int:
    """Periodic: send again every cancellation not done whose last attempt is older than REQUEUE_AFTER
    (a lost message, a task out of retries). Returns how many were sent."""
    pending = selectors.cancellations_to_retry(last_tried_before=timezone.now() - REQUEUE_AFTER)
    ids = list(pending.values_list("pk", flat=True))
    for cancellation_id in ids:
        cancel_stripe_subscription.delay(cancellation_id)
    return len(ids)
