"""The scale-out proof, on real Redis with real Celery workers and gunicorn processes started here
against the test database (PostgreSQL; transactional tests, so the processes see committed rows):

- webhooks are acknowledged at once, then applied exactly once by a worker;
- 8 concurrent deliveries of one event and a racing first request give one user and one grant;
- a worker SIGKILLed in the middle of a generation loses nothing and doubles nothing;
- a stored event whose message was lost is sent again by the scheduler's requeue job;
- a rate limit holds across two gunicorn processes sharing Redis.

Redis database `TEST_REDIS_URL` (default 14) is flushed before and after each test; nothing else is touched.
"""

import json
import time
from datetime import timedelta

import pytest
import redis
from django.test import Client
from django.utils import timezone

from accounts.models import User
from accounts.tests.factories import ClerkSigner, clerk_event, clerk_user_object, svix_headers
from conftest import TEST_REDIS_URL
from credits import services as credits
from credits.models import LedgerEntry
from credits.selectors import audit_mismatches, balance_of
from designforge import inbox
from designforge.celery import app
from designforge.models import WebhookEvent
from designforge.testing import run_concurrently, tasks_sent_to
from designs.models import DesignSystem, Generation
from designs.tests.fake_openai import FakeOpenAI

from .processes import celery_worker, free_port, gunicorn, listening, process_env, started, wait_for, worker_ready

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
URL = "/api/webhooks/clerk"


@pytest.fixture
def broker():
    """This process sends tasks to the test Redis (as with REDIS_URL set) instead of running them inline."""
    client = redis.Redis.from_url(TEST_REDIS_URL)
    client.flushdb()
    with tasks_sent_to(TEST_REDIS_URL):
        yield TEST_REDIS_URL
    client.flushdb()


@pytest.fixture
def workers(broker, tmp_path):
    """Start Celery workers on the test database and Redis: `workers(name, **env)`. Every one still
    running when the test ends is stopped."""
    with_stack = []

    def start(name: str = "w1", *, concurrency: int = 2, **env: str):
        context = started(
            lambda: celery_worker(
                process_env(broker, CLERK_WEBHOOK_SIGNING_SECRET=SECRET, **env),
                tmp_path / f"{name}.log",
                name=name,
                concurrency=concurrency,
            ),
            worker_ready,
            f"celery worker {name}",
        )
        with_stack.append(context)
        return context.__enter__()

    yield start
    for context in reversed(with_stack):
        context.__exit__(None, None, None)


def deliver(body: str, msg_id: str):
    return Client().post(URL, data=body, content_type="application/json", **svix_headers(SECRET, body, msg_id=msg_id))


def status_of(msg_id: str) -> str | None:
    return WebhookEvent.objects.filter(event_id=msg_id).values_list("status", flat=True).first()


def test_webhooks_are_acknowledged_at_once_then_applied_exactly_once_by_a_worker(settings, workers):
    settings.CLERK_WEBHOOK_SIGNING_SECRET = SECRET
    body = clerk_event("user.created", clerk_user_object("user_1", email="ada@example.com"))

    response = deliver(body, "msg_1")  # no worker is running yet
    assert response.status_code == 200 and response.json() == {"status": "received"}
    assert status_of("msg_1") == "received" and not User.objects.exists()

    workers("w1", concurrency=1)
    wait_for(lambda: status_of("msg_1") == "processed", "the worker to apply the event")
    assert deliver(body, "msg_1").status_code == 200  # Svix delivers it again
    other = clerk_event("user.created", clerk_user_object("user_2", email="bob@example.com"))
    deliver(other, "msg_2")  # one worker, one at a time: once this is applied, so is the repeat before it
    wait_for(lambda: status_of("msg_2") == "processed", "the next event")

    user = User.objects.get(clerk_id="user_1")
    assert (user.email, balance_of(user)) == ("ada@example.com", 10)
    assert LedgerEntry.objects.filter(account__user=user).count() == 1
    assert WebhookEvent.objects.get(event_id="msg_1").attempts == 1
    assert audit_mismatches() == []


def test_eight_concurrent_deliveries_and_a_racing_first_request_give_one_user_and_one_grant(settings, workers):
    signer = ClerkSigner()
    settings.CLERK_WEBHOOK_SIGNING_SECRET, settings.CLERK_JWT_KEY = SECRET, signer.public_pem
    body = clerk_event("user.created", clerk_user_object("user_race", email="race@example.com"))
    token = signer.token("user_race", email="race@example.com")
    workers("w1", concurrency=2)
    workers("w2", concurrency=2)

    def hit(i):
        if i == 8:  # the user's first request, racing the webhook: provisioned just in time
            return Client().get("/api/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code
        return deliver(body, "msg_race").status_code

    assert run_concurrently(hit, 9) == [200] * 9
    wait_for(lambda: status_of("msg_race") == "processed", "a worker to apply the event")

    assert User.objects.filter(clerk_id="user_race").count() == 1
    assert LedgerEntry.objects.filter(account__user__clerk_id="user_race").count() == 1
    assert WebhookEvent.objects.count() == 1 and WebhookEvent.objects.get().attempts == 1
    assert audit_mismatches() == []


def test_a_worker_killed_mid_generation_loses_nothing_and_doubles_nothing(user, workers, tmp_path):
    credits.credits_grant(user=user, amount=10, key="test:grant")
    with FakeOpenAI() as fake:
        provider = {"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": fake.base_url, "OPENAI_TIMEOUT_SECONDS": "120"}
        fake.mode, fake.delay = "slow", 120
        first = workers("doomed", concurrency=1, **provider)
        client = Client()
        client.force_login(user)
        response = client.post(
            "/api/generate/design-system",
            data=json.dumps({"prompt": "calm fintech", "save": True, "name": "Calm"}),
            content_type="application/json",
        )
        assert response.status_code == 202
        generation_id = response.json()["id"]
        wait_for(lambda: fake.requests, "the worker to call the provider")

        first.kill()  # mid-task: the provider call is in flight, nothing is acknowledged
        generation = Generation.objects.get(pk=generation_id)
        assert (generation.status, balance_of(user)) == ("pending", 20 - 2)

        fake.mode = "success"
        # The unacknowledged message comes back to the queue after the visibility timeout (5 s here).
        workers("rescuer", concurrency=1, CELERY_VISIBILITY_TIMEOUT="5", CELERY_RESTORE_INTERVAL="1", **provider)
        wait_for(lambda: Generation.objects.get(pk=generation_id).status != "pending", "the message to be redelivered")

    generation = Generation.objects.get(pk=generation_id)
    assert (generation.status, generation.credits_charged) == ("succeeded", 2)
    assert DesignSystem.objects.filter(owner=user).count() == 1 and generation.design_system.name == "Calm"
    assert balance_of(user) == 18
    assert LedgerEntry.objects.filter(account__user=user, idempotency_key=f"gen:{generation_id}").count() == 1
    assert not LedgerEntry.objects.filter(account__user=user, kind="refund").exists()
    assert audit_mismatches() == []


def test_a_lost_message_is_sent_again_by_the_scheduler_requeue_job(workers):
    payload = json.loads(clerk_event("user.created", clerk_user_object("user_lost", email="lost@example.com")))
    inbox.receive(source="clerk", event_id="msg_lost", event_type="user.created", payload=payload)  # no message
    WebhookEvent.objects.filter(event_id="msg_lost").update(received_at=timezone.now() - timedelta(minutes=2))
    workers("w1")

    job = app.conf.beat_schedule["webhook-events-requeue"]["task"]
    app.send_task(job)  # what `celery beat` sends every minute
    wait_for(lambda: status_of("msg_lost") == "processed", "the requeued event to be applied")

    assert balance_of(User.objects.get(clerk_id="user_lost")) == 10
    assert WebhookEvent.objects.get().attempts == 1


def test_a_rate_limit_holds_across_two_gunicorn_processes(broker, tmp_path):
    signer = ClerkSigner()
    env = process_env(
        broker,
        DEBUG="False",
        SECRET_KEY="test-secret-key-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="False",
        DEV_SIGN_IN="False",
        CLERK_JWT_KEY=signer.public_pem,
        GENERATION_RATE_LIMIT="3/hour",
    )
    ports = [free_port(), free_port()]
    token = signer.token("user_limited", email="limited@example.com", lifetime=600)
    while time.time() % 3600 > 3600 - 30:  # never straddle the window's end
        time.sleep(1)

    import http.client

    def generate(port: int) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        body = json.dumps({"prompt": "calm"})
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        connection.request("POST", "/api/generate/colors", body=body, headers=headers)
        status = connection.getresponse().status
        connection.close()
        return status

    with (
        started(lambda: gunicorn(env, tmp_path / "web1.log", port=ports[0]), listening(ports[0]), "gunicorn 1"),
        started(lambda: gunicorn(env, tmp_path / "web2.log", port=ports[1]), listening(ports[1]), "gunicorn 2"),
    ):
        statuses = [generate(ports[i % 2]) for i in range(6)]

    assert statuses == [202, 202, 202, 429, 429, 429]  # 3 per hour in all, not 3 per process
    user = User.objects.get(clerk_id="user_limited")
    assert Generation.objects.filter(user=user).count() == 3 and balance_of(user) == 10 - 3
