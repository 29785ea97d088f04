"""JSON nested past MAX_DEPTH is malformed: 400 on the JSON API and on both webhooks, never a 500."""

import pytest

from billing.tests.factories import signature_header
from designforge import parsers
from designforge.models import WebhookEvent

pytestmark = pytest.mark.django_db


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_loads_refuses_deep_nesting_and_keeps_the_rest():
    assert parsers.loads('{"a": [1, {"b": null}]}') == {"a": [1, {"b": None}]}
    assert parsers.loads(nested(parsers.MAX_DEPTH)) is not None
    for depth in (parsers.MAX_DEPTH + 1, 900, 100_000):
        with pytest.raises(ValueError, match="nested more than"):
            parsers.loads(nested(depth))


@pytest.mark.parametrize("depth", [parsers.MAX_DEPTH + 1, 1000, 50_000])
@pytest.mark.parametrize(
    "path", ["/api/me", "/api/design-systems/", "/api/generate/colors", "/api/keys", "/api/billing/checkout"]
)
def test_every_json_endpoint_answers_400(user_api, settings, path, depth):
    settings.STRIPE_SECRET_KEY = "sk_test_unused"  # checkout reads the body only when Stripe is configured
    method = user_api.patch if path == "/api/me" else user_api.post
    response = method(path, '{"name": ' + nested(depth) + "}", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"


def test_the_stripe_webhook_answers_400_and_stores_nothing(client, settings):
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test_secret"
    body = '{"id": "evt_1", "object": "event", "type": "charge.refunded", "data": {"object": ' + nested(5000) + "}}"
    response = client.post(
        "/api/webhooks/stripe",
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature_header(body, secret="whsec_test_secret"),
    )
    assert response.status_code == 400 and not WebhookEvent.objects.exists()
