"""Clerk session tokens: RS256 JWTs minted with a test key and verified by clerk-backend-api's
`verify_token`, read from exactly the `__session` cookie or the bearer header."""

import socket

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts import services
from accounts.models import User
from credits.selectors import balance_of

from .factories import ClerkSigner, UserFactory

pytestmark = pytest.mark.django_db


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


def test_a_planted_cookie_named_like_the_session_never_signs_in(client, clerk):
    """Cookie tossing: a sibling site sets `__session_x`; Clerk's SDK took the first cookie whose name
    starts with `__session`. Only the cookie named exactly `__session` counts."""
    victim, attacker = UserFactory.create(), UserFactory.create()
    client.cookies["__session_x"] = clerk.token(attacker.clerk_id)
    assert client.get("/api/me").status_code == 401
    client.cookies["__session"] = clerk.token(victim.clerk_id)
    client.cookies["__session_0"] = clerk.token(attacker.clerk_id)
    assert client.get("/api/me").json()["id"] == victim.pk


def test_first_request_provisions_user_just_in_time(client, clerk):
    response = client.get("/api/me", **bearer(clerk.token("user_new", email="new@example.com")))
    assert response.status_code == 200
    assert response.json()["email"] == "new@example.com" and response.json()["credits"] == 10
    assert User.objects.filter(clerk_id="user_new").count() == 1


def closed_port_url() -> str:
    """A localhost URL where nothing listens: connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.mark.parametrize("outage", ["connection refused", "500"])
def test_provisioning_falls_back_to_the_token_claims_when_clerk_is_down(client, clerk, fake_clerk, outage, settings):
    """Clerk's Backend API failing must not keep a signed-in user out: the token's claims are enough."""
    if outage == "500":
        fake_clerk.fail_with(500)
    else:
        settings.CLERK_API_URL = closed_port_url()
    response = client.get("/api/me", **bearer(clerk.token("user_new", email="new@example.com")))

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["clerk_id"], body["email"], body["credits"]) == ("user_new", "new@example.com", 10)
    assert User.objects.filter(clerk_id="user_new").count() == 1 and User.objects.count() == 1
    assert balance_of(User.objects.get(clerk_id="user_new")) == 10
    if outage == "500":  # it did ask Clerk first
        assert [r.path for r in fake_clerk.requests][0] == "/v1/users/user_new"


@pytest.mark.parametrize(
    "make_token",
    [
        lambda s: s.token("user_x", lifetime=-10),  # expired beyond the 5 s skew
        lambda s: s.token("user_x", issued_offset=60),  # not valid yet
        lambda s: s.token("user_x", key=ClerkSigner().key),  # signed by someone else
        lambda s: s.token("user_x", sts="pending"),  # a sign-in step (e.g. MFA) is unfinished
        lambda s: s.token("", sid="sess_1"),  # no subject
        lambda s: "not-a-jwt",
    ],
    ids=["expired", "not-yet-valid", "wrong-key", "pending", "no-sub", "garbage"],
)
def test_invalid_tokens_are_signed_out(client, clerk, make_token):
    response = client.get("/api/me", **bearer(make_token(clerk)))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not User.objects.filter(clerk_id="user_x").exists()


def signed_in_as(response) -> str:
    assert response.status_code == 200, response.content
    return response.json()["clerk_id"]


def test_an_active_session_status_signs_in(client, clerk):
    assert signed_in_as(client.get("/api/me", **bearer(clerk.token("user_active", sts="active")))) == "user_active"


def test_a_pending_session_cookie_is_signed_out_on_pages_too(client, clerk):
    user = UserFactory.create()
    client.cookies["__session"] = clerk.token(user.clerk_id, sts="pending")
    assert client.get("/dashboard/")["Location"] == "/sign-in/?next=/dashboard/"


def test_clock_skew_of_a_few_seconds_is_tolerated(client, clerk):
    assert signed_in_as(client.get("/api/me", **bearer(clerk.token("user_skew", issued_offset=3)))) == "user_skew"


def test_authorized_parties_are_enforced(client, clerk, settings):
    settings.CLERK_AUTHORIZED_PARTIES = ["https://app.designforge.io"]
    assert client.get("/api/me", **bearer(clerk.token("user_a", azp="https://evil.example"))).status_code == 401
    assert client.get("/api/me", **bearer(clerk.token("user_a"))).status_code == 401  # another azp
    assert signed_in_as(client.get("/api/me", **bearer(clerk.token("user_a", azp="https://app.designforge.io")))) == (
        "user_a"
    )
    assert User.objects.filter(clerk_id="user_a").count() == 1  # the refused tokens created no one


def test_with_a_jwt_key_verification_makes_no_network_call(client, clerk, fake_clerk):
    user = UserFactory.create()
    assert signed_in_as(client.get("/api/me", **bearer(clerk.token(user.clerk_id)))) == user.clerk_id
    assert fake_clerk.requests == []


def test_without_a_jwt_key_the_jwks_comes_from_clerk_api_url(client, fake_clerk, signer, settings):
    settings.DEV_SIGN_IN = False
    user = UserFactory.create()
    assert signed_in_as(client.get("/api/me", **bearer(signer.token(user.clerk_id)))) == user.clerk_id
    jwks = [r for r in fake_clerk.requests if r.path == "/v1/jwks"]
    assert len(jwks) == 1 and jwks[0].headers["Authorization"] == "Bearer sk_test_fake_clerk_0123456789"


@pytest.mark.parametrize("token", ["ak_0123456789abcdef", "oat_0123456789", "m2m_0123456789", "mt_0123456789"])
def test_clerk_machine_tokens_are_refused_without_asking_clerk(client, fake_clerk, token):
    """The SDK would send these to Clerk's verification endpoints (with our secret key) on every request."""
    assert client.get("/api/me", **bearer(token)).status_code == 401
    assert fake_clerk.requests == []


def test_closed_account_is_signed_out(client, clerk):
    user = UserFactory.create()
    services.user_close(clerk_id=user.clerk_id)
    assert client.get("/api/me", **bearer(clerk.token(user.clerk_id))).status_code == 401


def test_an_inactive_user_is_signed_out_on_pages_and_api_and_cannot_spend(clerk):
    user = UserFactory.create()
    User.objects.filter(pk=user.pk).update(is_active=False)
    browser = Client()
    browser.cookies["__session"] = clerk.token(user.clerk_id)
    assert browser.get("/dashboard/")["Location"] == "/sign-in/?next=/dashboard/"
    assert browser.post("/generate/", {"prompt": "calm fintech", "kind": "colors"})["Location"].startswith(
        "/sign-in/"
    )
    script = Client()
    generate = script.post(
        "/api/generate/colors", {"prompt": "calm fintech"}, content_type="application/json",
        **bearer(clerk.token(user.clerk_id)),
    )
    assert generate.status_code == 401
    assert balance_of(user) == 10


def test_an_inactive_user_with_a_django_session_is_signed_out(client, user):
    client.force_login(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert client.get("/dashboard/").status_code == 302
    assert client.get("/api/me").status_code == 401


def test_a_signed_in_api_request_reads_the_user_once(client, clerk, django_assert_num_queries):
    """The middleware reads the user with their balance; DRF and the view reuse that object."""
    user = UserFactory.create()
    token = clerk.token(user.clerk_id)
    with django_assert_num_queries(1):
        body = client.get("/api/me", **bearer(token)).json()
    assert (body["id"], body["credits"]) == (user.pk, 10)


def test_a_signed_in_page_reads_the_user_once(client, clerk):
    user = UserFactory.create()
    client.cookies["__session"] = clerk.token(user.clerk_id)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/account/").status_code == 200
    user_reads = [q["sql"] for q in queries if 'FROM "accounts_user"' in q["sql"]]
    assert len(user_reads) == 1 and "credits_creditaccount" in user_reads[0]


def test_signed_out_admin_goes_to_sign_in(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1] == ("/sign-in/?next=%2Fadmin%2F", 302)


def test_staff_reach_admin_with_a_clerk_token(client, clerk):
    user = UserFactory.create()
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    client.cookies["__session"] = clerk.token(user.clerk_id)
    response = client.get("/admin/")
    assert response.status_code == 200 and response.wsgi_request.user.clerk_id == user.clerk_id


def test_cookie_authenticated_unsafe_api_requests_need_csrf(clerk):
    user = UserFactory.create()
    browser = Client(enforce_csrf_checks=True)
    browser.cookies["__session"] = clerk.token(user.clerk_id)
    response = browser.patch("/api/me", data={"preferences": {"theme": "dark"}}, content_type="application/json")
    assert response.status_code == 403
    user.refresh_from_db()
    assert user.preferences == {}  # refused: nothing changed
    scripted = Client(enforce_csrf_checks=True)
    response = scripted.patch(
        "/api/me",
        data={"preferences": {"theme": "dark"}},
        content_type="application/json",
        **bearer(clerk.token(user.clerk_id)),
    )
    assert response.status_code == 200 and response.json()["clerk_id"] == user.clerk_id
    user.refresh_from_db()
    assert user.preferences == {"theme": "dark"}


def test_dev_sign_in_form_signs_in(client, dev_sign_in):
    response = client.post("/sign-in/", {"email": "dev@example.com", "next": "/api/me"})
    assert response.status_code == 302 and response["Location"] == "/api/me"
    me = client.get("/api/me").json()
    assert me["email"] == "dev@example.com" and balance_of(User.objects.get(pk=me["id"])) == 10


def test_dev_sign_in_refuses_offsite_next(client, dev_sign_in):
    response = client.post("/sign-in/", {"email": "dev@example.com", "next": "https://evil.example/"})
    assert response["Location"] == "/dashboard/"


def test_dev_sign_in_is_off_when_disabled(client, dev_sign_in, settings):
    settings.DEV_SIGN_IN = False
    assert client.post("/sign-in/", {"email": "dev@example.com"}).status_code == 404
    assert not User.objects.exists() and "_auth_user_id" not in client.session
    assert client.get("/api/me").status_code == 401


def test_dev_sign_in_is_off_without_debug_even_if_switched_on(client, dev_sign_in, settings):
    settings.DEBUG = False
    assert client.post("/sign-in/", {"email": "dev@example.com"}).status_code == 404
    assert 'name="email"' not in client.get("/sign-in/").content.decode()
    assert not User.objects.exists() and "_auth_user_id" not in client.session
    assert client.get("/api/me").status_code == 401


def test_dev_sign_in_never_takes_the_email_of_a_real_clerk_user(client, dev_sign_in):
    owner = UserFactory.create(clerk_id="user_real", email="owner@example.com")
    response = client.post("/sign-in/", {"email": "Owner@Example.com"})
    assert response.status_code == 200 and "belongs to a real account" in response.content.decode()
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"
    assert User.objects.filter(clerk_id__startswith="dev_").count() == 0
    assert client.get("/api/me").status_code == 401


def test_a_token_checked_once_is_still_refused_under_other_settings(client, clerk, settings):
    user = UserFactory.create()
    token = clerk.token(user.clerk_id)
    assert signed_in_as(client.get("/api/me", **bearer(token))) == user.clerk_id
    settings.CLERK_JWT_KEY = ClerkSigner().public_pem  # a key that did not sign it
    assert client.get("/api/me", **bearer(token)).status_code == 401
    settings.CLERK_JWT_KEY = clerk.public_pem
    settings.CLERK_AUTHORIZED_PARTIES = ["https://elsewhere.example"]
    assert client.get("/api/me", **bearer(token)).status_code == 401


def test_a_remembered_token_is_refused_once_it_expires_or_before_it_is_valid():
    import time

    from accounts.clerk import CLOCK_SKEW_MS, _VerifiedTokens

    memo, skew, now = _VerifiedTokens(size=2), CLOCK_SKEW_MS / 1000, time.time()
    memo.put(("expired",), {"sub": "user_a", "exp": now - skew - 1})
    memo.put(("future",), {"sub": "user_a", "nbf": now + skew + 60, "exp": now + 600})
    memo.put(("no expiry",), {"sub": "user_a"})
    assert memo.get(("expired",)) is None and memo.get(("future",)) is None and memo.get(("no expiry",)) is None
    memo.put(("fresh",), {"sub": "user_b", "nbf": now, "exp": now + 60})
    assert memo.get(("fresh",))["sub"] == "user_b"
    memo.put(("newer",), {"sub": "user_c", "exp": now + 60})
    memo.put(("newest",), {"sub": "user_d", "exp": now + 60})
    assert memo.get(("fresh",)) is None and len(memo.claims) == 2  # the least recently used went first
