"""Admin actions on users and API keys: each needs its own permission, checked again when it runs."""

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import PermissionDenied

from accounts import services
from accounts.models import ApiKey, User

from .factories import UserFactory, clerk_user_object, staff_user

pytestmark = pytest.mark.django_db
USERS = "/admin/accounts/user/"
KEYS = "/admin/accounts/apikey/"


def test_view_only_staff_cannot_re_read_users_from_clerk(client, user, fake_clerk):
    fake_clerk.add(clerk_user_object(user.clerk_id, email="changed@example.com"))
    client.force_login(staff_user("accounts.view_user"))
    assert b'value="sync_from_clerk"' not in client.get(USERS).content
    client.post(USERS, {"action": "sync_from_clerk", "_selected_action": [user.pk]})
    user.refresh_from_db()
    assert user.email != "changed@example.com" and fake_clerk.requests == []


def test_re_reading_from_clerk_needs_the_change_permission(client, user, fake_clerk):
    fake_clerk.add(clerk_user_object(user.clerk_id, email="changed@example.com"))
    client.force_login(staff_user("accounts.view_user", "accounts.change_user"))
    client.post(USERS, {"action": "sync_from_clerk", "_selected_action": [user.pk]})
    user.refresh_from_db()
    assert user.email == "changed@example.com"


@pytest.mark.parametrize(
    ("action", "permission"),
    [("sync_from_clerk", "accounts.view_user"), ("close_accounts", "accounts.change_user")],
)
def test_user_actions_check_their_permission_themselves(rf, user, action, permission):
    request = rf.post(USERS, {"apply": "1", "reason": "x"})
    request.user = staff_user(permission)
    with pytest.raises(PermissionDenied):
        getattr(site._registry[User], action)(request, User.objects.filter(pk=user.pk))
    user.refresh_from_db()
    assert not user.is_closed


def test_staff_close_an_account_with_a_reason_through_the_closure_service(client, user):
    secret = services.api_key_create(user=services.user_set_plan(user=user, plan="pro"), name="CI")[1]
    closer = staff_user("accounts.view_user", "accounts.close_user")
    client.force_login(closer)
    form = client.post(USERS, {"action": "close_accounts", "_selected_action": [user.pk, closer.pk]})
    assert form.status_code == 200 and b"reason" in form.content
    client.post(USERS, {"action": "close_accounts", "_selected_action": [user.pk], "apply": "1", "reason": ""})
    user.refresh_from_db()
    assert not user.is_closed  # a reason is required
    client.post(
        USERS,
        {"action": "close_accounts", "_selected_action": [user.pk, closer.pk], "apply": "1", "reason": "Ticket 42"},
    )
    user.refresh_from_db()
    closer.refresh_from_db()
    assert user.is_closed and user.closed_reason == "Ticket 42" and user.email is None
    assert not closer.is_closed  # nobody closes their own account here
    assert ApiKey.objects.get(user=user).revoked_at is not None
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_key_admin_lists_prefix_owner_and_use_never_the_key(client):
    owner = services.user_set_plan(user=UserFactory.create(), plan="pro")
    secret = services.api_key_create(user=owner, name="CI exports")[1]
    client.force_login(staff_user("accounts.view_apikey"))
    listing = client.get(KEYS).content.decode()
    assert secret[:12] in listing and "CI exports" in listing and str(owner) in listing
    assert secret not in listing and ApiKey.objects.get().hashed not in listing
    key = ApiKey.objects.get()
    detail = client.get(f"{KEYS}{key.pk}/change/").content.decode()
    assert secret not in detail and key.hashed not in detail


def test_revoking_keys_in_admin_needs_its_permission(client, rf):
    owner = services.user_set_plan(user=UserFactory.create(), plan="pro")
    services.api_key_create(user=owner, name="CI")
    key = ApiKey.objects.get()
    client.force_login(staff_user("accounts.view_apikey"))
    assert b'value="revoke"' not in client.get(KEYS).content
    client.post(KEYS, {"action": "revoke", "_selected_action": [key.pk]})
    key.refresh_from_db()
    assert key.revoked_at is None
    request = rf.post(KEYS)
    request.user = staff_user("accounts.view_apikey")
    with pytest.raises(PermissionDenied):
        site._registry[ApiKey].revoke(request, ApiKey.objects.all())

    client.force_login(staff_user("accounts.view_apikey", "accounts.revoke_apikey"))
    client.post(KEYS, {"action": "revoke", "_selected_action": [key.pk]})
    key.refresh_from_db()
    assert key.revoked_at is not None
