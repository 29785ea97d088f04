"""Personal API keys: made once, stored as a hash, used as `Authorization: Bearer dfk_...` on every
endpoint a user can call except keys and billing, stopped by revocation, closure or plan loss."""

import hashlib
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import services
from accounts.models import ApiKey, User
from credits.selectors import balance_of
from designforge.testing import run_concurrently

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pro(db):
    user = UserFactory.create()
    return services.user_set_plan(user=user, plan="pro")


@pytest.fixture
def pro_api(pro):
    api = APIClient()
    api.force_login(pro)
    return api


def with_key(secret: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return api


def make_key(user, name="CI") -> str:
    return services.api_key_create(user=user, name=name)[1]


def test_a_pro_user_makes_a_key_shown_once_and_stored_as_a_hash(pro_api, pro):
    response = pro_api.post("/api/keys", {"name": "  CI exports "}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "name", "prefix", "created_at", "last_used_at", "key"}
    secret = body["key"]
    assert secret.startswith("dfk_") and len(secret) >= 4 + 43  # 32 random bytes, urlsafe base64
    assert body["name"] == "CI exports" and body["prefix"] == secret[:12] and body["last_used_at"] is None
    stored = ApiKey.objects.get(pk=body["id"])
    assert stored.hashed == hashlib.sha256(secret.encode()).hexdigest() and stored.user == pro
    assert secret not in str(list(ApiKey.objects.values_list()))
    listed = pro_api.get("/api/keys").json()
    assert listed["results"] == [{k: v for k, v in body.items() if k != "key"}]
    assert listed["next"] is None and listed["previous"] is None


def test_keys_are_different_every_time(pro):
    assert len({make_key(pro) for _ in range(5)}) == 5


def test_a_free_user_cannot_make_a_key(user_api, user):
    response = user_api.post("/api/keys", {"name": "CI"}, format="json")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "plan_required" and error["details"]["upgrade_url"] == "/billing/"
    assert not ApiKey.objects.exists()


def test_a_key_name_is_required_and_unknown_fields_are_refused(pro_api):
    for body in ({}, {"name": "   "}, {"name": "x" * 101}, {"name": "CI", "scopes": ["all"]}, {"name": 5}):
        assert pro_api.post("/api/keys", body, format="json").status_code == 400, body
    assert not ApiKey.objects.exists()


def test_at_most_the_plans_number_of_active_keys(pro_api, pro):
    for i in range(10):
        assert pro_api.post("/api/keys", {"name": f"key {i}"}, format="json").status_code == 201
    refused = pro_api.post("/api/keys", {"name": "eleventh"}, format="json")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "plan_required"
    assert refused.json()["error"]["details"]["limit"] == 10
    first = ApiKey.objects.filter(user=pro).order_by("pk").first()
    assert pro_api.delete(f"/api/keys/{first.pk}").status_code == 204
    assert pro_api.post("/api/keys", {"name": "eleventh"}, format="json").status_code == 201
    assert ApiKey.objects.filter(user=pro, revoked_at__isnull=True).count() == 10


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_racing_creations_never_pass_the_limit(pro):
    results = run_concurrently(lambda i: services.api_key_create(user=pro, name=f"race {i}"), 14)
    made = [r for r in results if isinstance(r, tuple)]
    assert len(made) == 10 and ApiKey.objects.filter(user=pro).count() == 10
    assert {type(r).__name__ for r in results if not isinstance(r, tuple)} == {"PlanRequired"}


def test_a_key_signs_in_on_what_a_user_can_call(pro):
    api = with_key(make_key(pro))
    assert api.get("/api/me").json()["id"] == pro.pk
    assert api.get("/api/credits").status_code == 200
    assert api.get("/api/design-systems/").status_code == 200
    generated = api.post("/api/generate/colors", {"prompt": "calm fintech", "save": True}, format="json")
    assert generated.status_code == 201 and generated.json()["balance"] == 9
    assert api.get("/api/design-systems/").json()["results"][0]["id"] == generated.json()["design_system"]["id"]
    assert balance_of(pro) == 9


def test_a_key_needs_no_csrf_token(pro):
    api = APIClient(enforce_csrf_checks=True)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {make_key(pro)}")
    assert api.patch("/api/me", {"preferences": {"theme": "dark"}}, format="json").status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/keys"),
        ("post", "/api/keys"),
        ("delete", "/api/keys/{id}"),
        ("post", "/api/billing/checkout"),
        ("post", "/api/billing/portal"),
        ("get", "/api/billing/subscription"),
    ],
)
def test_a_key_cannot_manage_keys_or_billing(pro, method, path):
    secret = make_key(pro)
    key = ApiKey.objects.get(user=pro)
    response = getattr(with_key(secret), method)(path.format(id=key.pk), {"name": "x", "plan": "pro"}, format="json")
    assert response.status_code == 403 and response.json()["error"]["code"] == "permission_denied"
    assert ApiKey.objects.filter(user=pro).count() == 1 and key.revoked_at is None


def test_a_revoked_key_stops_working_at_once(pro_api, pro):
    secret = make_key(pro)
    key = ApiKey.objects.get(user=pro)
    assert with_key(secret).get("/api/me").status_code == 200
    assert pro_api.delete(f"/api/keys/{key.pk}").status_code == 204
    response = with_key(secret).get("/api/me")
    assert response.status_code == 401 and response.json()["error"]["code"] == "not_authenticated"
    assert pro_api.delete(f"/api/keys/{key.pk}").status_code == 404
    assert pro_api.get("/api/keys").json()["results"] == []


def test_another_users_key_cannot_be_revoked(pro, user_api):
    make_key(pro)
    key = ApiKey.objects.get(user=pro)
    assert user_api.delete(f"/api/keys/{key.pk}").status_code == 404
    key.refresh_from_db()
    assert key.revoked_at is None


@pytest.mark.parametrize("secret", ["dfk_unknown0123456789", "dfk_", "dfk_" + "A" * 43])
def test_an_unknown_key_is_401(secret):
    response = with_key(secret).get("/api/me")
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")


def test_a_key_of_a_user_back_on_free_answers_plan_required(pro):
    secret = make_key(pro)
    services.user_set_plan(user=pro, plan="free")
    response = with_key(secret).get("/api/me")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "plan_required" and error["details"]["upgrade_url"] == "/billing/"
    services.user_set_plan(user=pro, plan="pro")
    assert with_key(secret).get("/api/me").status_code == 200


def test_keys_of_a_closed_account_stop_working(pro):
    secret = make_key(pro)
    services.user_close(clerk_id=pro.clerk_id)
    assert with_key(secret).get("/api/me").status_code == 401
    assert ApiKey.objects.get(user=pro).revoked_at is not None


def test_keys_of_an_inactive_user_stop_working(pro):
    secret = make_key(pro)
    User.objects.filter(pk=pro.pk).update(is_active=False)
    assert with_key(secret).get("/api/me").status_code == 401


def test_a_key_never_signs_in_pages(pro, client):
    response = client.get("/dashboard/", HTTP_AUTHORIZATION=f"Bearer {make_key(pro)}")
    assert response["Location"] == "/sign-in/?next=/dashboard/"


def test_last_used_is_written_at_most_once_a_minute(pro):
    api = with_key(make_key(pro))
    key = ApiKey.objects.get(user=pro)
    api.get("/api/me")
    key.refresh_from_db()
    first = key.last_used_at
    assert first is not None
    with CaptureQueriesContext(connection) as queries:
        api.get("/api/me")
    assert not [q for q in queries if q["sql"].startswith("UPDATE")]
    key.refresh_from_db()
    assert key.last_used_at == first
    ApiKey.objects.filter(pk=key.pk).update(last_used_at=first - timedelta(seconds=61))
    api.get("/api/me")
    key.refresh_from_db()
    assert key.last_used_at > first - timedelta(seconds=1)
    assert timezone.now() - key.last_used_at < timedelta(seconds=30)


def test_a_key_request_reads_the_key_with_its_user_once(pro, django_assert_num_queries):
    api = with_key(make_key(pro))
    api.get("/api/me")  # the first use writes last_used_at
    with django_assert_num_queries(2):  # the key with its user and balance, then the plan's allowance
        body = api.get("/api/me").json()
    assert (body["id"], body["credits"]) == (pro.pk, 10)


def test_key_traffic_shares_the_users_rate_limit(pro, pro_api, settings):
    settings.GENERATION_RATE_LIMIT = "2/day"
    api = with_key(make_key(pro))
    body = {"prompt": "calm fintech"}
    assert pro_api.post("/api/generate/colors", body, format="json").status_code == 201
    assert api.post("/api/generate/colors", body, format="json").status_code == 201
    limited = api.post("/api/generate/colors", body, format="json")
    assert limited.status_code == 429 and limited.json()["error"]["code"] == "rate_limited"
    assert pro_api.post("/api/generate/colors", body, format="json").status_code == 429
    assert balance_of(pro) == 8
