"""The kernel's queue rules without a broker: which stored events the scheduler sends again, how a
failure is recorded for its retry, that every scheduled job is a registered task, and that a broker
that cannot be reached never loses a stored delivery."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.tests.factories import clerk_event, clerk_user_object, svix_headers
from designforge import inbox
from designforge.celery import app
from designforge.models import WebhookEvent
from designforge.testing import tasks_sent_to
from designforge.tests.processes import free_port

pytestmark = pytest.mark.django_db
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def stored(event_id: str, *, status: str = "received", age: int = 0, **fields) -> WebhookEvent:
    event = WebhookEvent.objects.create(
        source="clerk", event_id=event_id, event_type="user.created", payload={}, status=status, **fields
    )
    WebhookEvent.objects.filter(pk=event.pk).update(received_at=timezone.now() - timedelta(seconds=age))
    return event


def test_the_scheduler_sends_again_only_events_whose_message_was_lost():
    now = timezone.now()
    stored("lost", age=120)
    stored("recent", age=10)  # its message is probably still on its way
    stored("done", status="processed", age=900)
    stored("ignored", status="ignored", age=900)
    stored("retry-due", status="failed", age=900, attempts=2, retry_at=now - timedelta(seconds=120))
    stored("retry-later", status="failed", age=900, attempts=2, retry_at=now + timedelta(seconds=60))
    stored("gave-up", status="failed", age=900, attempts=inbox.MAX_ATTEMPTS, retry_at=now - timedelta(hours=1))

    assert sorted(event_id for _, event_id in inbox.events_to_requeue()) == ["lost", "retry-due"]


def test_a_failure_is_recorded_with_when_to_try_again():
    inbox.register("test-failing", lambda event: 1 / 0)
    stored("boom").__class__.objects.filter(event_id="boom").update(source="test-failing")
    event = WebhookEvent(source="test-failing", event_id="boom")
    for attempt in (1, 2):
        with pytest.raises(ZeroDivisionError):
            inbox.process(event)
        failed = WebhookEvent.objects.get(event_id="boom")
        assert (failed.status, failed.attempts) == ("failed", attempt) and "ZeroDivisionError" in failed.error
        expected = timezone.now() + timedelta(seconds=inbox.retry_delay(attempt))
        assert abs((failed.retry_at - expected).total_seconds()) < 5
    assert [inbox.retry_delay(n) for n in (1, 2, 3, 7, 8)] == [10, 20, 40, 600, 600]


def test_every_scheduled_job_is_a_registered_task():
    app.loader.import_default_modules()  # what a worker and beat do at start: autodiscover every tasks.py
    scheduled = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert scheduled and scheduled <= set(app.tasks)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the message is sent on a real commit
def test_a_broker_that_cannot_be_reached_still_stores_and_acknowledges_the_delivery(settings):
    settings.CLERK_WEBHOOK_SIGNING_SECRET = SECRET
    body = clerk_event("user.created", clerk_user_object("user_1"))
    with tasks_sent_to(f"redis://127.0.0.1:{free_port()}/0"):  # nothing listens there
        response = Client().post(
            "/api/webhooks/clerk", data=body, content_type="application/json", **svix_headers(SECRET, body, msg_id="m1")
        )
    assert response.status_code == 200 and response.json() == {"status": "received"}
    assert WebhookEvent.objects.get().status == "received"  # the scheduler's requeue job sends it later
