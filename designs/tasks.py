"""Generation jobs (see designforge/tasks.py for the rules every task follows).

`generation_execute` finishes a generation that `generation_run` recorded and charged; the two
periodic jobs (`CELERY_BEAT_SCHEDULE`) send again generations whose message was lost and expire,
with a refund, those that never finished.
"""

from celery import shared_task

from . import services


@shared_task(bind=True, max_retries=5)
def generation_execute(self, generation_id: int) -> str | None:
    """Call the provider for one pending generation and store its result, or refund it. Retried with
    backoff when our own side fails (the database); a generation no longer pending is left alone."""
    try:
        generation = services.generation_execute_queued(generation_id=generation_id)
    except Exception as exc:
        if self.request.is_eager:
            raise
        raise self.retry(exc=exc, countdown=min(5 * 2**self.request.retries, 120))
    return generation.status if generation else None


@shared_task
def generations_requeue() -> int:
    """Periodic (beat): send again every generation still pending after `REQUEUE_AFTER`."""
    waiting = services.generations_to_requeue()
    for generation_id in waiting:
        generation_execute.delay(generation_id)
    return len(waiting)


@shared_task
def generations_expire_stale() -> int:
    """Periodic (beat): fail and refund every generation still pending after `STALE_AFTER`."""
    return services.generations_expire_stale()
