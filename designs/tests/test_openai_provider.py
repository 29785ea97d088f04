"""The OpenAI provider, with the real `openai` client talking HTTP to a local fake of the OpenAI API."""

import json
import socket

import pytest

from credits.models import LedgerEntry
from credits.selectors import audit_mismatches, balance_of
from designs.engine import INTENT_JSON_SCHEMA
from designs.models import DesignSystem, Generation

from .conftest import FAKE_KEY
from .fake_openai import MODEL_SNAPSHOT

pytestmark = pytest.mark.django_db


def generate(client, kind="design-system", **body):
    return client.post(f"/api/generate/{kind}", data=json.dumps(body), content_type="application/json")


def test_openai_reads_the_prompt_with_structured_output(user_api, user, fake_openai):
    response = generate(user_api, prompt="a calm clinic booking app", save=True)

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["provider"], body["model"], body["balance"]) == ("openai", MODEL_SNAPSHOT, 8)
    assert body["intent"] == {**fake_openai.answer, "primary": "#2f9e6b", "accent": "#f59e0b"}  # as the model said
    assert body["tokens"]["themes"]["light"]["primary"] == "#2f9e6b"  # the model's brand colour, exactly
    assert "#f59e0b" in body["tokens"]["colors"]["accent"].values()  # the model's exact accent colour
    assert body["tokens"]["typography"]["families"]["body"]["name"].startswith("Nunito")
    assert body["report"]["passes"] is True

    [request] = fake_openai.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["authorization"] == f"Bearer {FAKE_KEY}"
    sent = request["body"]
    assert sent["model"] == "gpt-4o-mini"
    assert sent["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "design_intent", "strict": True, "schema": INTENT_JSON_SCHEMA},
    }
    assert "a calm clinic booking app" in sent["messages"][-1]["content"]

    generation = Generation.objects.get(pk=body["id"])
    assert (generation.provider, generation.provider_tokens, generation.status) == ("openai", 500, "succeeded")
    assert DesignSystem.objects.get().tokens == body["tokens"]


def test_the_users_seed_colour_wins_over_the_models_primary(user_api, fake_openai):
    fake_openai.answer = {**fake_openai.answer, "primary": "#ff0000"}
    body = generate(user_api, kind="colors", prompt="calm", seed_color="#2563eb").json()

    primary = body["tokens"]["colors"]["primary"].values()
    assert "#2563eb" in primary and "#ff0000" not in primary
    assert body["intent"]["primary"] == "#2563eb"
    assert "#2563eb" in fake_openai.requests[0]["body"]["messages"][-1]["content"]


def test_numbers_outside_their_range_are_brought_into_it_never_stored_as_sent(user_api, fake_openai):
    fake_openai.answer = {**fake_openai.answer, "vibrancy": 1.7, "base_size": 31, "roundness": -2, "type_scale": 1.0}
    body = generate(user_api, prompt="calm").json()

    intent = body["intent"]
    assert (intent["vibrancy"], intent["base_size"], intent["roundness"], intent["type_scale"]) == (1.0, 20, 0.0, 1.067)
    assert Generation.objects.get().intent == intent and body["report"]["passes"] is True


@pytest.mark.parametrize(
    "change",
    [{"font_pairing": "comic-sans"}, {"primary": "red"}, {"harmony": "clashing"}, {"mood": "calm"}, {"vibrancy": "hi"}],
    ids=["pairing outside the catalogue", "colour not hex", "unknown harmony", "unknown field", "number as text"],
)
def test_an_answer_outside_the_catalogue_is_refused_and_refunded(user_api, user, fake_openai, change):
    fake_openai.answer = {**fake_openai.answer, **change}
    response = generate(user_api, prompt="calm")

    assert response.status_code == 502 and balance_of(user) == 10
    assert "does not follow the intent schema" in Generation.objects.get().error
    assert audit_mismatches() == []


def test_without_a_key_the_offline_engine_answers(user_api, settings, fake_openai):
    settings.OPENAI_API_KEY = ""
    body = generate(user_api, prompt="calm").json()
    assert body["provider"] == "offline" and fake_openai.requests == []


FAILURES = [
    ("bad_json", 502, 1),
    ("schema_violation", 502, 1),
    ("error_500", 502, 2),  # the client retries once, then gives up
    ("slow", 503, 2),
]


@pytest.mark.parametrize(("mode", "status", "attempts"), FAILURES, ids=[f[0] for f in FAILURES])
def test_provider_failures_return_the_credits_in_full(user_api, user, settings, fake_openai, mode, status, attempts):
    fake_openai.mode = mode
    settings.OPENAI_TIMEOUT_SECONDS = 0.3

    response = generate(user_api, prompt="calm", save=True)

    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == "provider_unavailable" and "credits for this request were returned" in error["message"]
    assert len(fake_openai.requests) == attempts
    generation = Generation.objects.get()
    assert (generation.status, generation.error_status, generation.credits_charged) == ("failed", status, 0)
    assert generation.error and generation.finished_at and generation.tokens is None
    assert balance_of(user) == 10
    entries = LedgerEntry.objects.filter(account__user=user).order_by("id")
    assert [(e.kind, e.amount, e.idempotency_key) for e in entries][1:] == [
        ("spend", -2, f"gen:{generation.pk}"),
        ("refund", 2, f"refund:gen:{generation.pk}"),
    ]
    assert DesignSystem.objects.count() == 0
    assert audit_mismatches() == []


def test_an_unreachable_provider_answers_503_and_refunds(user_api, user, settings, fake_openai):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.OPENAI_BASE_URL = f"http://127.0.0.1:{port}/v1"

    response = generate(user_api, kind="colors", prompt="calm")

    assert response.status_code == 503 and balance_of(user) == 10
    assert "APIConnectionError" in Generation.objects.get().error
    assert audit_mismatches() == []


def test_a_retry_of_a_failed_generation_replays_the_failure_without_charging(user_api, user, fake_openai):
    fake_openai.mode = "bad_json"
    headers = {"HTTP_IDEMPOTENCY_KEY": "retry-me"}
    body = json.dumps({"prompt": "calm"})
    first = user_api.post("/api/generate/colors", data=body, content_type="application/json", **headers)
    fake_openai.mode = "success"
    again = user_api.post("/api/generate/colors", data=body, content_type="application/json", **headers)

    assert first.status_code == again.status_code == 502
    assert again.json()["error"]["details"]["generation_id"] == first.json()["error"]["details"]["generation_id"]
    assert len(fake_openai.requests) == 1 and balance_of(user) == 10
    fresh = user_api.post(
        "/api/generate/colors", data=body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="new-key"
    )
    assert fresh.status_code == 201 and balance_of(user) == 9
