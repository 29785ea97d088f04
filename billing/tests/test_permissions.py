"""The plan gate, on a tiny API view and a tiny page (billing/tests/gated_urls.py)."""

import pytest

from accounts.services import user_set_plan
from billing.models import Plan

pytestmark = [pytest.mark.django_db, pytest.mark.urls("billing.tests.gated_urls")]


def test_a_free_user_gets_403_with_an_upgrade_hint(user_api):
    response = user_api.get("/api/pro-only")
    assert response.status_code == 403
    assert response.json() == {
        "error": {
            "code": "plan_required",
            "message": "This needs the Pro plan. Upgrade at /billing/.",
            "details": {"required_plan": "pro", "upgrade_url": "/billing/"},
        }
    }


def test_a_pro_user_passes(user_api, user):
    user_set_plan(user=user, plan="pro")
    assert user_api.get("/api/pro-only").json() == {"ok": True}


def test_a_higher_ranked_plan_includes_the_lower_ones_features(user_api, user):
    Plan.objects.create(code="team", name="Team", price_amount=4900, rank=2)
    user_set_plan(user=user, plan="team")
    assert user_api.get("/api/pro-only").status_code == 200


def test_signed_out_is_401_not_403(api):
    assert api.get("/api/pro-only").status_code == 401


def test_a_free_user_is_sent_to_the_billing_page_to_upgrade(client, user):
    client.force_login(user)
    response = client.get("/pro-only/")
    assert (response.status_code, response["Location"]) == (302, "/billing/?required_plan=pro")


def test_a_pro_user_sees_the_page(client, user):
    user_set_plan(user=user, plan="pro")
    client.force_login(user)
    assert client.get("/pro-only/").content == b"pro content"


def test_signed_out_page_visitors_are_sent_to_sign_in(client):
    response = client.get("/pro-only/")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/?next=/pro-only/")
