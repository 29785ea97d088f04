import pytest
from django.core.management import call_command

from accounts.models import User

from .factories import UserFactory, clerk_user_object

pytestmark = pytest.mark.django_db


def test_me_shape(user_api, user):
    body = user_api.get("/api/me").json()
    assert set(body) == {
        "id",
        "clerk_id",
        "email",
        "first_name",
        "last_name",
        "image_url",
        "plan",
        "credits",
        "preferences",
        "created_at",
    }
    assert (body["id"], body["plan"], body["credits"], body["preferences"]) == (user.pk, "free", 10, {})


def test_signed_out_me_is_401_envelope(api):
    response = api.get("/api/me")
    assert response.status_code == 401
    assert response.json() == {
        "error": {"code": "not_authenticated", "message": "Sign in to use this endpoint.", "details": {}}
    }


def test_patch_me_updates_preferences_only(user_api):
    response = user_api.patch("/api/me", {"preferences": {"theme": "dark"}}, format="json")
    assert response.status_code == 200 and response.json()["preferences"] == {"theme": "dark"}
    response = user_api.patch("/api/me", {"email": "x@example.com", "plan": "pro"}, format="json")
    assert response.status_code == 400
    assert set(response.json()["error"]["details"]) == {"email", "plan"}
    assert user_api.get("/api/me").json()["plan"] == "free"


def test_patch_me_rejects_non_object_preferences(user_api):
    response = user_api.patch("/api/me", {"preferences": [1, 2]}, format="json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"


def test_patch_me_removes_a_key_set_to_null(user_api):
    user_api.patch("/api/me", {"preferences": {"theme": "dark", "export_format": "scss"}}, format="json")
    response = user_api.patch("/api/me", {"preferences": {"theme": None}}, format="json")
    assert response.status_code == 200 and response.json()["preferences"] == {"export_format": "scss"}


@pytest.mark.parametrize(
    "preferences",
    [{"editor": "vim"}, {"theme": "neon"}, {"theme": {"nested": "object"}}, {"export_format": ["css"]}],
    ids=["unknown-key", "unknown-value", "object-value", "array-value"],
)
def test_patch_me_refuses_what_the_preferences_schema_does_not_allow(user_api, user, preferences):
    response = user_api.patch("/api/me", {"preferences": preferences}, format="json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"
    assert set(response.json()["error"]["details"]["preferences"]) == set(preferences)
    user.refresh_from_db()
    assert user.preferences == {}


def test_deeply_nested_json_is_a_400_not_a_500(user_api, user):
    for depth in (40, 900, 5000):
        body = '{"preferences": ' + "[" * depth + "]" * depth + "}"
        response = user_api.generic("PATCH", "/api/me", body, content_type="application/json")
        assert response.status_code == 400, depth
        assert response.json()["error"]["code"] == "invalid"
    user.refresh_from_db()
    assert user.preferences == {}


def test_me_shows_only_known_preferences_stored_before_the_schema(user_api, user):
    User.objects.filter(pk=user.pk).update(preferences={"theme": "dark", "legacy": {"deep": [1]}})
    assert user_api.get("/api/me").json()["preferences"] == {"theme": "dark"}
    user_api.patch("/api/me", {"preferences": {"export_format": "css"}}, format="json")
    user.refresh_from_db()
    assert user.preferences == {"theme": "dark", "export_format": "css"}


def test_sync_without_clerk_is_503(user_api):
    response = user_api.post("/api/me/sync")
    assert response.status_code == 503 and response.json()["error"]["code"] == "not_configured"
    assert response.json()["error"]["message"] == "Syncing from Clerk is not configured on this server yet."


def test_sync_rereads_user_from_clerk(user_api, user, fake_clerk):
    fake_clerk.add(clerk_user_object(user.clerk_id, email="synced@example.com"))
    response = user_api.post("/api/me/sync")
    assert response.status_code == 200 and response.json()["email"] == "synced@example.com"
    assert fake_clerk.requests[-1].path == f"/v1/users/{user.clerk_id}"


def test_sync_of_a_user_clerk_no_longer_has_closes_it(user_api, user, fake_clerk):
    response = user_api.post("/api/me/sync")
    assert response.status_code == 403 and response.json()["error"]["code"] == "account_closed"
    user.refresh_from_db()
    assert user.is_closed


def test_sync_when_clerk_refuses_is_502(user_api, user, fake_clerk, settings):
    settings.CLERK_SECRET_KEY = "sk_test_revoked"
    response = user_api.post("/api/me/sync")
    assert response.status_code == 502 and response.json()["error"]["code"] == "provider_unavailable"


def test_image_urls_are_kept_only_when_https(user_api, user, fake_clerk):
    for url, kept in [
        ("javascript:alert(1)", ""),
        ("http://img.example/a.png", ""),
        ("data:image/png;base64,AAAA", ""),
        ("https://img.clerk.com/ada.png", "https://img.clerk.com/ada.png"),
    ]:
        fake_clerk.add(clerk_user_object(user.clerk_id, image_url=url))
        assert user_api.post("/api/me/sync").json()["image_url"] == kept, url


def test_jit_provisioning_reads_profile_from_clerk_when_secret_key_set(client, fake_clerk, signer, settings):
    settings.CLERK_JWT_KEY = signer.public_pem
    fake_clerk.add(clerk_user_object("user_jit", email="full@example.com"))
    body = client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {signer.token('user_jit')}").json()
    assert (body["email"], body["first_name"]) == ("full@example.com", "Ada")


def test_sync_clerk_users_backfills_reconciles_and_dry_runs(fake_clerk, capsys):
    stale = UserFactory.create(clerk_id="user_a", email="old@example.com")
    UserFactory.create(clerk_id="user_gone")
    fake_clerk.add(
        clerk_user_object("user_a", email="a@example.com"),
        clerk_user_object("user_b", email="b@example.com"),
        clerk_user_object("user_c", email="c@example.com"),
    )
    call_command("sync_clerk_users", "--dry-run", "--page-size=2")
    out = capsys.readouterr().out
    assert "would update user_a" in out and "would create user_b" in out and "would close user_gone" in out
    assert not User.objects.filter(clerk_id="user_b").exists()

    call_command("sync_clerk_users", "--page-size=2")
    stale.refresh_from_db()
    assert stale.email == "a@example.com"
    assert set(User.objects.filter(closed_at__isnull=True).values_list("clerk_id", flat=True)) == {
        "user_a",
        "user_b",
        "user_c",
    }
    assert User.objects.get(clerk_id="user_gone").is_closed
    listed = [r for r in fake_clerk.requests if r.path == "/v1/users"]
    assert [r.args["offset"] for r in listed] == ["0", "2", "0", "2"]
    assert {r.args["order_by"] for r in listed} == {"+created_at"}
