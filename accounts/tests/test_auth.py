"""Clerk session tokens: RS256 JWTs minted with a test key and verified by clerk-backend-api."""

import pytest

from accounts.models import User
from credits.selectors import balance_of

from .factories import ClerkSigner, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def signer():
    return ClerkSigner()


@pytest.fixture
def clerk(settings, signer):
    settings.CLERK_JWT_KEY = signer.public_pem
    settings.DEV_SIGN_IN = False
    return signer


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_bearer_token_signs_in_existing_user(client, clerk):
    user = UserFactory.create()
    response = client.get("/api/me", **bearer(clerk.token(user.clerk_id)))
    assert response.status_code == 200 and response.json()["clerk_id"] == user.clerk_id


def test_session_cookie_signs_in(client, clerk):
    user = UserFactory.create()
    client.cookies["__session"] = clerk.token(user.clerk_id)
    assert client.get("/api/me").json()["id"] == user.pk


def test_first_request_provisions_user_just_in_time(client, clerk):
    response = client.get("/api/me", **bearer(clerk.token("user_new", email="new@example.com")))
    assert response.status_code == 200
    assert response.json()["email"] == "new@example.com" and response.json()["credits"] == 10
    assert User.objects.filter(clerk_id="user_new").count() == 1


@pytest.mark.parametrize(
    "make_token",
    [
        lambda s: s.token("user_x", lifetime=-10),  # expired beyond the 5 s skew
        lambda s: s.token("user_x", issued_offset=60),  # not valid yet
        lambda s: s.token("user_x", key=ClerkSigner().key),  # signed by someone else
        lambda s: "not-a-jwt",
    ],
    ids=["expired", "not-yet-valid", "wrong-key", "garbage"],
)
def test_invalid_tokens_are_signed_out(client, clerk, make_token):
    response = client.get("/api/me", **bearer(make_token(clerk)))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not User.objects.filter(clerk_id="user_x").exists()


def test_clock_skew_of_a_few_seconds_is_tolerated(client, clerk):
    assert client.get("/api/me", **bearer(clerk.token("user_skew", issued_offset=3))).status_code == 200


def test_authorized_parties_are_enforced(client, clerk, settings):
    settings.CLERK_AUTHORIZED_PARTIES = ["https://app.designforge.io"]
    assert client.get("/api/me", **bearer(clerk.token("user_a", azp="https://evil.example"))).status_code == 401
    assert client.get("/api/me", **bearer(clerk.token("user_a", azp="https://app.designforge.io"))).status_code == 200


def test_closed_account_is_signed_out(client, clerk):
    from accounts import services

    user = UserFactory.create()
    services.user_close(clerk_id=user.clerk_id)
    assert client.get("/api/me", **bearer(clerk.token(user.clerk_id))).status_code == 401


def test_signed_out_admin_goes_to_sign_in(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1] == ("/sign-in/?next=%2Fadmin%2F", 302)


def test_staff_reach_admin_with_a_clerk_token(client, clerk):
    user = UserFactory.create()
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    client.cookies["__session"] = clerk.token(user.clerk_id)
    assert client.get("/admin/").status_code == 200


def test_cookie_authenticated_unsafe_api_requests_need_csrf(clerk):
    from django.test import Client

    user = UserFactory.create()
    browser = Client(enforce_csrf_checks=True)
    browser.cookies["__session"] = clerk.token(user.clerk_id)
    response = browser.patch("/api/me", data={"preferences": {"a": 1}}, content_type="application/json")
    assert response.status_code == 403
    scripted = Client(enforce_csrf_checks=True)
    response = scripted.patch(
        "/api/me", data={"preferences": {"a": 1}}, content_type="application/json", **bearer(clerk.token(user.clerk_id))
    )
    assert response.status_code == 200


def test_dev_sign_in_form_signs_in(client):
    response = client.post("/sign-in/", {"email": "dev@example.com", "next": "/api/me"})
    assert response.status_code == 302 and response["Location"] == "/api/me"
    me = client.get("/api/me").json()
    assert me["email"] == "dev@example.com" and balance_of(User.objects.get(pk=me["id"])) == 10


def test_dev_sign_in_refuses_offsite_next(client):
    response = client.post("/sign-in/", {"email": "dev@example.com", "next": "https://evil.example/"})
    assert response["Location"] == "/dashboard/"


def test_dev_sign_in_is_off_when_disabled(client, settings):
    settings.DEV_SIGN_IN = False
    assert client.post("/sign-in/", {"email": "dev@example.com"}).status_code == 404


def test_system_check_refuses_dev_sign_in_without_debug(settings):
    from accounts.checks import dev_sign_in_only_in_debug

    settings.DEBUG, settings.DEV_SIGN_IN = False, True
    assert [e.id for e in dev_sign_in_only_in_debug(None)] == ["accounts.E001"]
    settings.DEV_SIGN_IN = False
    assert dev_sign_in_only_in_debug(None) == []
