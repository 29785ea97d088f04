"""In a real browser: personal API keys on the account page, and the API docs under our
Content-Security-Policy (the `page` fixture fails any test that meets a CSP violation)."""

import pytest
from playwright.sync_api import expect

from accounts import services
from accounts.models import ApiKey, User

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_pro_user_makes_copies_and_revokes_an_api_key(page, live_server, shoot):
    sign_in(page, "kai@example.com", "/account/")
    services.user_set_plan(user=User.objects.get(email="kai@example.com"), plan="pro")
    page.reload()
    page.get_by_label("Key name").fill("CI exports")
    page.get_by_role("button", name="Create key").click()
    key = page.get_by_test_id("new-api-key")
    expect(key).to_contain_text("dfk_")
    secret = key.inner_text()
    shoot(page, "account-new-api-key")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy").click()
    expect(page.locator("#copy-status")).to_have_text("Copied the key")
    assert page.evaluate("navigator.clipboard.readText()") == secret

    me = page.request.get(f"{live_server.url}/api/me", headers={"Authorization": f"Bearer {secret}"})
    assert me.status == 200 and me.json()["email"] == "kai@example.com"

    page.reload()
    expect(page.get_by_test_id("new-api-key")).to_have_count(0)  # shown once
    expect(page.locator("table")).to_contain_text("CI exports")
    shoot(page, "account-api-keys")
    page.get_by_role("button", name="Revoke CI exports").click()
    expect(page.locator(".messages")).to_contain_text("is revoked")
    assert ApiKey.objects.get().revoked_at is not None
    assert page.request.get(f"{live_server.url}/api/me", headers={"Authorization": f"Bearer {secret}"}).status == 401


def test_the_api_docs_render_under_the_policy(page, shoot):
    page.goto("/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("DesignForge API")
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    shoot(page, "api-docs", ours=False)  # Swagger UI's own markup (drf-spectacular-sidecar), not our pages
