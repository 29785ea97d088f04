"""Opening Stripe Checkout is rate-limited per user in the service, for the API and the billing page alike."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_checkout_sessions_are_limited_per_user_on_the_api_and_the_page(client, user, fake_stripe, prices, settings):
    settings.CHECKOUT_RATE_LIMIT = "2/hour"
    client.force_login(user)

    api = client.post("/api/billing/checkout", data=json.dumps({"pack": "small"}), content_type="application/json")
    page = client.post("/billing/checkout/", {"pack": "small"})
    assert (api.status_code, page.status_code) == (200, 302)
    refused = client.post("/api/billing/checkout", data=json.dumps({"pack": "small"}), content_type="application/json")
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited" and refused["Retry-After"]
    assert len(fake_stripe.calls("POST", "/v1/checkout/sessions")) == 2  # the refused one never reached Stripe
    page = client.post("/billing/checkout/", {"pack": "small"}, follow=True)
    assert "Too many requests" in page.content.decode()
