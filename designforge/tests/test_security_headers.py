"""Content-Security-Policy and Permissions-Policy on pages, the API docs and admin."""

import re

import pytest

from accounts.models import User

pytestmark = pytest.mark.django_db
CLERK_KEY = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k"  # clerk.example.com$


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ") if part}


@pytest.fixture
def staff(client, user):
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize("path", ["/", "/showcase/", "/sign-in/", "/admin/", "/api/me"])
def test_every_answer_carries_a_strict_policy(staff, path):
    response = staff.get(path)
    csp = policy(response)
    assert csp["default-src"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["base-uri"] == ["'self'"] and csp["font-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp["style-src"] and csp["style-src-attr"] == ["'unsafe-inline'"]
    assert csp["form-action"] == ["'self'", "https://checkout.stripe.com", "https://billing.stripe.com"]
    assert not any(source.startswith("'nonce-") for source in csp["script-src"])  # no inline script here
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in permissions


def test_our_pages_have_no_inline_script(staff):
    for path in ("/", "/dashboard/", "/account/", "/billing/", "/generate/", "/sign-in/"):
        html = staff.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert "<style" not in html, path


def test_the_api_docs_inline_script_and_style_carry_the_nonce(client):
    response = client.get("/api/docs/")
    csp = policy(response)
    nonce = next(s for s in csp["script-src"] if s.startswith("'nonce-"))[len("'nonce-") : -1]
    assert f"'nonce-{nonce}'" in csp["style-src"]
    html = response.content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline_scripts == [f' nonce="{nonce}"'] and f'<style nonce="{nonce}">' in html
    assert policy(client.get("/api/docs/"))["script-src"] != csp["script-src"]  # a new nonce per request


def test_with_clerk_configured_its_frontend_api_is_allowed(client, settings):
    settings.CLERK_PUBLISHABLE_KEY = CLERK_KEY
    response = client.get("/sign-in/")
    csp = policy(response)
    assert "https://clerk.example.com" in csp["script-src"] and "https://clerk.example.com" in csp["connect-src"]
    assert csp["frame-src"] == ["https://clerk.example.com", "https://challenges.cloudflare.com"]
    assert "https://img.clerk.com" in csp["img-src"] and "blob:" in csp["worker-src"]
    nonce = next(s for s in csp["style-src"] if s.startswith("'nonce-"))[len("'nonce-") : -1]
    assert f'id="clerk-js" nonce="{nonce}"' in response.content.decode()  # Clerk's runtime styles use it


def test_without_clerk_no_third_party_host_is_allowed(client):
    csp = policy(client.get("/"))
    hosts = [s for sources in csp.values() for s in sources if s.startswith("https://")]
    assert hosts == ["https://checkout.stripe.com", "https://billing.stripe.com"]
    assert csp["frame-src"] == ["'none'"]
