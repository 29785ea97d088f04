"""Generation jobs: with workers, `POST /api/generate/*` and the dashboard queue the generation (202) and
a worker finishes it; the owner polls `GET /api/generations/{id}`. Here the worker's task runs in the
test process (`apply()`): the same code a Celery worker runs, without a broker. The real worker on real
Redis is in designforge/tests/test_workers.py."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from credits.selectors import audit_mismatches, balance_of
from designforge.celery import app
from designs import services
from designs.models import DesignSystem, Generation
from designs.tasks import generation_execute, generations_expire_stale, generations_requeue

pytestmark = pytest.mark.django_db
RECORD_FIELDS = {
    "id", "kind", "status", "intent", "tokens", "report", "credits_charged", "design_system", "error",
    "created_at", "finished_at",
}  # fmt: skip


@pytest.fixture
def queued():
    """Generations are queued for a worker instead of running inline, as with REDIS_URL set. (Inside
    the test's transaction nothing commits, so no message is actually sent: the test runs the task.)"""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


def generate(client, body, kind="design-system", **headers):
    return client.post(f"/api/generate/{kind}", data=json.dumps(body), content_type="application/json", **headers)


def test_a_queued_generation_answers_202_pending_with_where_to_poll_and_takes_the_credits(user_api, user, queued):
    response = generate(user_api, {"prompt": "calm fintech", "save": True, "name": "Calm"})

    assert response.status_code == 202, response.content
    body = response.json()
    assert response["Location"] == f"/api/generations/{body['id']}"
    assert (body["status"], body["tokens"], body["design_system"], body["credits_charged"], body["balance"]) == (
        "pending", None, None, 2, 8,
    )  # fmt: skip
    generation = Generation.objects.get(pk=body["id"])
    assert (generation.status, generation.saves_design_system, generation.design_system_name) == (
        "pending", True, "Calm",
    )  # fmt: skip
    assert balance_of(user) == 8

    polled = user_api.get(response["Location"])
    assert polled.status_code == 200 and set(polled.json()) == RECORD_FIELDS
    assert (polled.json()["status"], polled.json()["finished_at"]) == ("pending", None)


def test_the_worker_finishes_it_and_the_poll_returns_the_result(user_api, user, queued):
    body = generate(user_api, {"prompt": "calm fintech", "seed_color": "#2563EB", "save": True, "name": "Calm"}).json()

    assert generation_execute.apply(args=[body["id"]]).get() == "succeeded"

    record = user_api.get(f"/api/generations/{body['id']}").json()
    assert record["status"] == "succeeded" and record["error"] is None and record["finished_at"]
    assert "#2563eb" in record["tokens"]["colors"]["primary"].values() and record["report"]["passes"] is True
    assert record["design_system"]["name"] == "Calm"
    assert DesignSystem.objects.get(owner=user).tokens == record["tokens"]
    assert balance_of(user) == 8


def test_a_message_delivered_twice_saves_and_charges_once(user_api, user, queued):
    body = generate(user_api, {"prompt": "calm", "save": True}).json()
    generation_execute.apply(args=[body["id"]])
    finished = Generation.objects.get(pk=body["id"]).finished_at

    assert generation_execute.apply(args=[body["id"]]).get() == "succeeded"  # the redelivered message
    assert DesignSystem.objects.filter(owner=user).count() == 1
    assert Generation.objects.get(pk=body["id"]).finished_at == finished
    assert balance_of(user) == 8 and audit_mismatches() == []


def test_a_provider_failure_in_the_worker_refunds_and_the_poll_says_why(user_api, user, queued, fake_openai):
    fake_openai.mode = "error_500"
    body = generate(user_api, {"prompt": "calm"}).json()
    assert balance_of(user) == 8

    assert generation_execute.apply(args=[body["id"]]).get() == "failed"

    record = user_api.get(f"/api/generations/{body['id']}").json()
    assert (record["status"], record["credits_charged"], record["tokens"]) == ("failed", 0, None)
    assert record["error"] == services.user_message(Generation.objects.get(pk=body["id"]))
    assert "credits for this request were returned" in record["error"]
    assert "500" not in record["error"] and Generation.objects.get(pk=body["id"]).error not in record["error"]
    assert balance_of(user) == 10 and audit_mismatches() == []


def test_the_same_idempotency_key_answers_202_again_and_charges_once(user_api, user, queued):
    first = generate(user_api, {"prompt": "calm"}, HTTP_IDEMPOTENCY_KEY="key-1")
    again = generate(user_api, {"prompt": "calm"}, HTTP_IDEMPOTENCY_KEY="key-1")
    assert (first.status_code, again.status_code) == (202, 202)
    assert again.json()["id"] == first.json()["id"] and again["Location"] == first["Location"]
    assert balance_of(user) == 8

    generation_execute.apply(args=[first.json()["id"]])
    done = generate(user_api, {"prompt": "calm"}, HTTP_IDEMPOTENCY_KEY="key-1")
    assert done.status_code == 201 and done.json()["status"] == "succeeded" and done.json()["tokens"]
    conflict = generate(user_api, {"prompt": "other"}, HTTP_IDEMPOTENCY_KEY="key-1")
    assert conflict.status_code == 409 and conflict.json()["error"]["code"] == "idempotency_conflict"
    assert balance_of(user) == 8 and Generation.objects.count() == 1


def test_inline_the_answer_is_201_with_the_result(user_api, user):
    response = generate(user_api, {"prompt": "calm"})
    assert response.status_code == 201 and response.json()["status"] == "succeeded"
    assert not response.has_header("Location")


def test_the_message_is_sent_only_once_the_generation_is_committed(
    user_api, user, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        generate(user_api, {"prompt": "calm"})
    assert len(callbacks) == 1  # nothing was sent before the commit; one message after it


def test_generations_list_is_the_owners_newest_first_and_paginated(user_api, user):
    other = UserFactory.create()
    services.generation_run(user=other, kind="colors", prompt="not mine")
    ids = [services.generation_run(user=user, kind="colors", prompt=f"calm {i}").pk for i in range(3)]

    page = user_api.get("/api/generations/?page_size=2").json()
    assert [row["id"] for row in page["results"]] == ids[::-1][:2]
    assert page["next"] and page["previous"] is None and set(page["results"][0]) == RECORD_FIELDS
    rest = user_api.get(page["next"]).json()
    assert [row["id"] for row in rest["results"]] == ids[:1]


def test_another_users_generation_is_404(user_api, user):
    theirs = services.generation_run(user=UserFactory.create(), kind="colors", prompt="theirs")
    response = user_api.get(f"/api/generations/{theirs.pk}")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_generations_need_sign_in(api):
    assert api.get("/api/generations/").status_code == 401


def test_the_scheduler_requeues_lost_messages_and_expires_stale_generations(user, queued):
    lost = services.generation_run(user=user, kind="colors", prompt="lost")
    recent = services.generation_run(user=user, kind="colors", prompt="recent")
    stale = services.generation_run(user=user, kind="colors", prompt="stale")
    now = timezone.now()
    Generation.objects.filter(pk=lost.pk).update(created_at=now - services.REQUEUE_AFTER - timedelta(seconds=1))
    Generation.objects.filter(pk=stale.pk).update(created_at=now - services.STALE_AFTER - timedelta(seconds=1))

    assert services.generations_to_requeue() == [lost.pk]
    assert generations_requeue.apply().get() == 1
    assert generations_expire_stale.apply().get() == 1
    assert Generation.objects.get(pk=stale.pk).status == "failed"
    assert {g.pk: g.status for g in Generation.objects.all()} == {
        lost.pk: "pending",
        recent.pk: "pending",
        stale.pk: "failed",
    }
    assert balance_of(user) == 10 - 2 and audit_mismatches() == []


# --- the dashboard follows a queued generation -----------------------------------------------------------


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def page_form(**overrides):
    return {
        "prompt": "calm fintech",
        "kind": "design-system",
        "name": "Calm",
        "request_key": "5b0f3c9e-2f4a-4c53-9d7a-1f1d3c0e9b11",
        **overrides,
    }


def test_the_generate_page_moves_on_to_the_progress_page_then_to_the_result(signed_in, user, queued):
    response = signed_in.post("/generate/", page_form())
    generation = Generation.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/generations/{generation.pk}/"

    progress = signed_in.get(response["Location"])
    html = progress.content.decode()
    assert progress.status_code == 200 and 'data-testid="generation-pending"' in html
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in html  # without JavaScript
    assert f'hx-get="/generations/{generation.pk}/" hx-trigger="every 1s"' in html  # with htmx

    generation_execute.apply(args=[generation.pk])
    done = signed_in.get(response["Location"])
    design_system = DesignSystem.objects.get(owner=user)
    assert done.status_code == 302 and done["Location"] == f"/designs/{design_system.pk}/"
    assert design_system.name == "Calm"


def test_with_htmx_the_form_and_the_poll_answer_client_redirects(signed_in, user, queued):
    response = signed_in.post("/generate/", page_form(), HTTP_HX_REQUEST="true")
    generation = Generation.objects.get()
    assert response.status_code == 204 and response["HX-Redirect"] == f"/generations/{generation.pk}/"

    poll = signed_in.get(f"/generations/{generation.pk}/", HTTP_HX_REQUEST="true")
    assert poll.status_code == 200 and "<html" not in poll.content.decode()  # the panel only, still polling
    assert 'hx-trigger="every 1s"' in poll.content.decode()
    generation_execute.apply(args=[generation.pk])
    poll = signed_in.get(f"/generations/{generation.pk}/", HTTP_HX_REQUEST="true")
    assert poll.status_code == 204 and poll["HX-Redirect"] == f"/designs/{DesignSystem.objects.get().pk}/"


def test_a_failed_queued_generation_shows_why_and_a_way_back(signed_in, user, queued, fake_openai):
    fake_openai.mode = "bad_json"
    signed_in.post("/generate/", page_form())
    generation = Generation.objects.get()
    generation_execute.apply(args=[generation.pk])

    page = signed_in.get(f"/generations/{generation.pk}/")
    html = page.content.decode()
    assert page.status_code == 200 and "credits for this request were returned" in html
    assert 'http-equiv="refresh"' not in html and "hx-trigger" not in html and 'href="/generate/"' in html
    assert balance_of(user) == 10


def test_someone_elses_generation_page_is_404(client, user):
    theirs = services.generation_run(user=UserFactory.create(), kind="colors", prompt="theirs")
    client.force_login(user)
    assert client.get(f"/generations/{theirs.pk}/").status_code == 404
