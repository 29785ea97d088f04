"""Signed but malformed Stripe deliveries answer 400 and store nothing, never 5xx (Stripe would retry
a 5xx for days): a malformed `Stripe-Signature`, bodies that are not UTF-8 or not storable JSON, and
wrong types or out-of-range values in any field a handler reads."""

import json

import pytest

from designforge.models import WebhookEvent

from .conftest import WEBHOOK_URL
from .factories import charge_object, signature_header, stripe_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(client, settings):
    from .factories import WEBHOOK_SECRET

    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET

    def send(body, signature=None):
        text = body if isinstance(body, str) else body.decode("latin-1")
        return client.post(
            WEBHOOK_URL, data=body, content_type="application/json",
            HTTP_STRIPE_SIGNATURE=signature or signature_header(text),
        )  # fmt: skip

    return send


def assert_refused(response, code: str):
    assert response.status_code == 400, response.content
    assert response.json()["error"]["code"] == code
    assert not WebhookEvent.objects.exists()


def refund(**overrides) -> str:
    charge = charge_object(
        charge_id="ch_1", payment_intent="pi_1", amount=500, amount_refunded=500, user_id=1, pack="small"
    )
    return stripe_event("charge.refunded", {**charge, **overrides})


@pytest.mark.parametrize("signature", ["t=abc,v1=abc", "v1=abc", "t=1", "garbage", ","])
def test_malformed_signature_headers_answer_400(post, signature):
    assert_refused(post(refund(), signature), "invalid_signature")


def test_a_body_that_is_not_utf8_answers_400(post):
    body = json.dumps(json.loads(refund(description="José")), ensure_ascii=False)
    assert "é" in body
    assert_refused(post(body.encode("latin-1")), "invalid_signature")


def event(**overrides) -> str:
    body = json.loads(refund())
    return json.dumps({**body, **overrides})


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(refund(amount_refunded="500"), id="amount-refunded-a-string"),
        pytest.param(refund(amount_refunded=10**30), id="amount-refunded-huge"),
        pytest.param(refund(amount_refunded=-5), id="amount-refunded-negative"),
        pytest.param(refund(amount_refunded=5.5), id="amount-refunded-a-float"),
        pytest.param(refund(payment_intent=["pi_1"]), id="payment-intent-a-list"),
        pytest.param(refund(metadata={"user_id": 1}), id="metadata-value-a-number"),
        pytest.param(refund(id="ch_" + "x" * 300), id="object-id-too-long"),
        pytest.param(stripe_event("checkout.session.completed", {"id": "cs_1", "amount_total": "5"}), id="total"),
        pytest.param(stripe_event("checkout.session.completed", {"id": "cs_1", "currency": "dollars"}), id="cur"),
        pytest.param(stripe_event("customer.subscription.updated", {"id": "sub_1", "cancel_at_period_end": "no"})),
        pytest.param(
            stripe_event(
                "customer.subscription.updated", {"id": "sub_1", "items": {"data": [{"current_period_end": 1e20}]}}
            ),
            id="period-end-huge",
        ),
        pytest.param(stripe_event("invoice.paid", {"id": "in_1", "lines": {"data": "none"}}), id="lines-a-string"),
        pytest.param(event(created=10**20), id="created-huge"),
        pytest.param(event(created="today"), id="created-a-string"),
        pytest.param(event(id="evt_" + "x" * 300), id="event-id-too-long"),
        pytest.param(event(type="x" * 101), id="type-too-long"),
        pytest.param(event(object="charge"), id="not-an-event"),
        pytest.param(event(data={"object": "ch_1"}), id="object-not-an-object"),
        pytest.param('{"id": "evt_1", "object": "event", "created": NaN}', id="nan"),
        pytest.param("[" * 5000 + "]" * 5000, id="nested-too-deep"),
    ],
)
def test_signed_but_malformed_bodies_answer_400_and_store_nothing(post, body):
    assert_refused(post(body), "invalid")


def test_an_event_type_we_do_not_apply_is_stored_whatever_its_object_holds(post):
    body = stripe_event("customer.created", {"id": "cus_1", "balance": "not checked"})
    assert post(body).status_code == 200 and WebhookEvent.objects.get().event_type == "customer.created"
