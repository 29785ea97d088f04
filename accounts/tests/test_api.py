import httpx
import pytest
import respx
from django.core.management import call_command

from accounts.models import User

from .factories import UserFactory, clerk_user_object

pytestmark = pytest.mark.django_db
CLERK_API = "https://api.clerk.com/v1"


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


def test_sync_without_clerk_is_503(user_api):
    response = user_api.post("/api/me/sync")
    assert response.status_code == 503 and response.json()["error"]["code"] == "not_configured"


@respx.mock
def test_sync_rereads_user_from_clerk(user_api, user, settings):
    settings.CLERK_SECRET_KEY = "sk_test_fake"
    route = respx.get(f"{CLERK_API}/users/{user.clerk_id}").mock(
        return_value=httpx.Response(200, json=clerk_user_object(user.clerk_id, email="synced@example.com"))
    )
    response = user_api.post("/api/me/sync")
    assert response.status_code == 200 and response.json()["email"] == "synced@example.com"
    assert route.calls.last.request.headers["Authorization"] == "Bearer sk_test_fake"


@respx.mock
def test_sync_of_a_user_clerk_no_longer_has_closes_it(user_api, user, settings):
    settings.CLERK_SECRET_KEY = "sk_test_fake"
    respx.get(f"{CLERK_API}/users/{user.clerk_id}").mock(
        return_value=httpx.Response(
            404, json={"errors": [{"message": "not found", "long_message": "not found", "code": "resource_not_found"}]}
        )
    )
    assert user_api.post("/api/me/sync").status_code == 403
    user.refresh_from_db()
    assert user.is_closed


@respx.mock
def test_sync_when_clerk_is_down_is_502(user_api, user, settings):
    settings.CLERK_SECRET_KEY = "sk_test_fake"
    respx.get(f"{CLERK_API}/users/{user.clerk_id}").mock(side_effect=httpx.ConnectError("down"))
    response = user_api.post("/api/me/sync")
    assert response.status_code == 502 and response.json()["error"]["code"] == "provider_unavailable"


@respx.mock
def test_jit_provisioning_reads_profile_from_clerk_when_secret_key_set(client, settings):
    from .factories import ClerkSigner

    signer = ClerkSigner()
    settings.CLERK_JWT_KEY, settings.CLERK_SECRET_KEY = signer.public_pem, "sk_test_fake"
    respx.get(f"{CLERK_API}/users/user_jit").mock(
        return_value=httpx.Response(200, json=clerk_user_object("user_jit", email="full@example.com"))
    )
    body = client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {signer.token('user_jit')}").json()
    assert (body["email"], body["first_name"]) == ("full@example.com", "Ada")


@respx.mock
def test_sync_clerk_users_backfills_reconciles_and_dry_runs(settings, capsys):
    settings.CLERK_SECRET_KEY = "sk_test_fake"
    stale = UserFactory.create(clerk_id="user_a", email="old@example.com")
    UserFactory.create(clerk_id="user_gone")
    pages = [
        [clerk_user_object("user_a", email="a@example.com"), clerk_user_object("user_b", email="b@example.com")],
        [clerk_user_object("user_c", email="c@example.com")],
    ]
    route = respx.get(f"{CLERK_API}/users").mock(
        side_effect=lambda request: httpx.Response(200, json=pages[int(request.url.params["offset"]) // 2])
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
    assert route.calls.last.request.url.params["order_by"] == "+created_at"
