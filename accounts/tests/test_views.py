"""The sign-in, sign-out and account pages."""

import hashlib
import re

import pytest

from accounts import services
from accounts.models import ApiKey
from accounts.preferences import EXPORT_FORMAT_CHOICES
from designs.engine import EXPORT_FORMATS

from .factories import UserFactory, clerk_user_object

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def test_sign_in_page_offers_development_sign_in(client, dev_sign_in, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get("/sign-in/?next=/generate/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_email">E-mail</label>' in html and 'value="/generate/"' in html
    assert "clerk-js" not in html


def test_sign_in_page_loads_clerk_when_configured(client, settings):
    settings.CLERK_PUBLISHABLE_KEY = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k"  # clerk.example.com$
    html = client.get("/sign-in/").content.decode()
    assert 'id="clerk-sign-in"' in html
    assert 'src="https://clerk.example.com/npm/@clerk/clerk-js@5/dist/clerk.browser.js"' in html
    assert 'name="email"' not in html


def test_signed_in_pages_load_clerk_so_sign_out_ends_the_clerk_session_too(signed_in, settings):
    settings.CLERK_PUBLISHABLE_KEY = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k"
    html = signed_in.get("/account/").content.decode()
    assert 'id="clerk-js"' in html and "data-sign-out" in html and "js/app.js" in html


def test_sign_out_signs_out_and_clears_the_clerk_cookie(signed_in):
    response = signed_in.post("/sign-out/")
    assert response.status_code == 302 and response.cookies["__session"].value == ""
    assert signed_in.get("/account/").status_code == 302


def test_account_needs_sign_in(client):
    assert client.get("/account/")["Location"] == "/sign-in/?next=/account/"


def test_account_shows_the_profile_and_preferences(signed_in, user, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # session, user, plan limits, API keys
        response = signed_in.get("/account/")
    html = response.content.decode()
    assert response.status_code == 200
    assert user.email in html and "Ada Lovelace" in html and user.clerk_id in html
    assert re.search(r'value="system"[^>]*checked', html) and not re.search(r'value="dark"[^>]*checked', html)
    assert "Sync from Clerk" in html and 'action="/account/sync/"' in html


def test_preferences_are_saved_and_the_theme_applies_to_every_page(signed_in, user):
    response = signed_in.post("/account/", {"theme": "dark", "export_format": "scss"}, follow=True)
    assert response.redirect_chain == [("/account/", 302)] and "Preferences saved." in response.content.decode()
    user.refresh_from_db()
    assert user.preferences == {"theme": "dark", "export_format": "scss"}
    assert re.search(r'value="dark"[^>]*checked', response.content.decode())
    assert '<html lang="en" data-theme="dark">' in signed_in.get("/dashboard/").content.decode()
    signed_in.post("/account/", {"theme": "system", "export_format": "scss"})
    assert '<html lang="en">' in signed_in.get("/dashboard/").content.decode()


def test_saving_one_form_keeps_preferences_set_through_the_api(signed_in, user):
    from accounts.services import user_update_preferences

    user_update_preferences(user=user, changes={"export_format": "dtcg"})
    signed_in.post("/account/", {"theme": "light", "export_format": "dtcg"})
    user.refresh_from_db()
    assert user.preferences == {"theme": "light", "export_format": "dtcg"}


def test_invalid_preferences_are_refused_with_field_errors(signed_in, user):
    response = signed_in.post("/account/", {"theme": "neon", "export_format": "pdf"})
    assert response.status_code == 200
    assert response.content.decode().count('class="field-error"') == 2
    user.refresh_from_db()
    assert user.preferences == {}


def test_export_format_choices_match_the_engine():
    assert [code for code, _ in EXPORT_FORMAT_CHOICES] == list(EXPORT_FORMATS)


def test_sync_without_clerk_shows_the_message(signed_in):
    response = signed_in.post("/account/sync/", follow=True)
    assert "Syncing from Clerk is not configured on this server yet." in response.content.decode()


def test_sync_rereads_the_profile_from_clerk(signed_in, user, fake_clerk):
    fake_clerk.add(clerk_user_object(user.clerk_id, email="synced@example.com"))
    response = signed_in.post("/account/sync/", follow=True)
    html = response.content.decode()
    assert "Your profile was updated from Clerk." in html and "synced@example.com" in html


def test_sync_of_an_account_clerk_deleted_signs_out(signed_in, user, fake_clerk):
    response = signed_in.post("/account/sync/")
    assert response["Location"] == "/"
    user.refresh_from_db()
    assert user.is_closed and signed_in.get("/account/").status_code == 302


def test_a_free_user_is_offered_the_upgrade_instead_of_keys(signed_in):
    html = signed_in.get("/account/").content.decode()
    assert "Personal API keys come with the Pro plan" in html and 'action="/account/keys/"' not in html
    response = signed_in.post("/account/keys/", {"name": "CI"}, follow=True)
    assert "not part of the Free plan" in response.content.decode()
    assert not ApiKey.objects.exists()


def test_the_account_page_makes_a_key_shows_it_once_and_revokes_it(signed_in, user):
    services.user_set_plan(user=user, plan="pro")
    response = signed_in.post("/account/keys/", {"name": "CI exports"})
    assert response.status_code == 302 and response["Location"] == "/account/"
    html = signed_in.get("/account/").content.decode()
    secret = re.search(r'data-testid="new-api-key">(dfk_[^<]+)<', html).group(1)
    assert f'data-copy="{secret}"' in html
    key = ApiKey.objects.get(user=user)
    assert key.hashed == hashlib.sha256(secret.encode()).hexdigest()
    again = signed_in.get("/account/").content.decode()
    assert secret not in again and f"{key.prefix}…" in again and "CI exports" in again
    assert signed_in.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200

    revoked = signed_in.post(f"/account/keys/{key.pk}/revoke/", follow=True).content.decode()
    assert "is revoked" in revoked and "<table" not in revoked  # no active key left to list
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_a_key_needs_a_name_on_the_page_too(signed_in, user):
    services.user_set_plan(user=user, plan="pro")
    response = signed_in.post("/account/keys/", {"name": ""})
    assert response.status_code == 400 and 'class="field-error"' in response.content.decode()
    assert not ApiKey.objects.exists()


def test_another_users_key_cannot_be_revoked_from_the_page(signed_in):
    owner = services.user_set_plan(user=UserFactory.create(), plan="pro")
    services.api_key_create(user=owner, name="theirs")
    key = ApiKey.objects.get()
    response = signed_in.post(f"/account/keys/{key.pk}/revoke/", follow=True)
    assert "No such API key" in response.content.decode()
    key.refresh_from_db()
    assert key.revoked_at is None
