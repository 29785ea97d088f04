from datetime import UTC, datetime, timedelta

import pytest

from accounts import services
from accounts.clerk import ClerkProfile, profile_from_user_object
from accounts.errors import InvalidPreferences
from accounts.models import User
from credits.models import LedgerEntry
from credits.selectors import balance_of

from .factories import UserFactory, clerk_user_object

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def test_new_user_starts_free_with_one_signup_grant():
    user, created = services.user_upsert_from_clerk(
        profile=ClerkProfile("user_1", "a@example.com", "Ada", updated_at=T0)
    )
    assert created and user.plan == "free" and not user.has_usable_password()
    assert balance_of(user) == 10
    assert list(LedgerEntry.objects.filter(account__user=user).values_list("idempotency_key", "amount")) == [
        ("signup", 10)
    ]


def test_repeated_upsert_is_one_user_and_one_grant():
    for _ in range(3):
        services.user_upsert_from_clerk(profile=ClerkProfile("user_1", "a@example.com", updated_at=T0))
    assert User.objects.filter(clerk_id="user_1").count() == 1
    assert LedgerEntry.objects.count() == 1


def test_newer_profile_updates_and_older_changes_nothing():
    services.user_upsert_from_clerk(profile=ClerkProfile("user_1", "a@example.com", "Ada", updated_at=T0))
    services.user_upsert_from_clerk(
        profile=ClerkProfile("user_1", "new@example.com", "Grace", updated_at=T0 + timedelta(seconds=5))
    )
    services.user_upsert_from_clerk(
        profile=ClerkProfile("user_1", "old@example.com", "Old", updated_at=T0 + timedelta(seconds=1))
    )
    user = User.objects.get(clerk_id="user_1")
    assert (user.email, user.first_name) == ("new@example.com", "Grace")
    assert user.clerk_updated_at == T0 + timedelta(seconds=5)


def test_a_profile_exactly_as_new_as_the_stored_copy_applies():
    """"At least as new": Clerk can send two changes within one millisecond (same `updated_at`)."""
    services.user_upsert_from_clerk(profile=ClerkProfile("user_1", "a@example.com", "Ada", updated_at=T0))
    services.user_upsert_from_clerk(profile=ClerkProfile("user_1", "b@example.com", "Grace", updated_at=T0))
    user = User.objects.get(clerk_id="user_1")
    assert (user.email, user.first_name, user.clerk_updated_at) == ("b@example.com", "Grace", T0)


def test_a_profile_without_updated_at_never_overwrites_a_timestamped_copy():
    """A profile read from token claims has no `updated_at`: it cannot tell it is newer, so it loses."""
    services.user_upsert_from_clerk(profile=ClerkProfile("user_1", "a@example.com", "Ada", updated_at=T0))
    _, created = services.user_upsert_from_clerk(profile=ClerkProfile("user_1", "claims@example.com", "Claims"))
    user = User.objects.get(clerk_id="user_1")
    assert not created
    assert (user.email, user.first_name, user.clerk_updated_at) == ("a@example.com", "Ada", T0)
    # A copy without a timestamp (made from claims) takes the first timestamped profile, and then any other.
    services.user_upsert_from_clerk(profile=ClerkProfile("user_2", "c@example.com", "From claims"))
    services.user_upsert_from_clerk(profile=ClerkProfile("user_2", "c@example.com", "Carol", updated_at=T0))
    services.user_upsert_from_clerk(profile=ClerkProfile("user_2", "c@example.com", "Untimed"))
    assert User.objects.values_list("first_name", "clerk_updated_at").get(clerk_id="user_2") == ("Carol", T0)


def test_primary_email_is_the_one_named_by_primary_email_address_id():
    profile = profile_from_user_object(clerk_user_object("user_1", email="primary@example.com"))
    assert profile.email == "primary@example.com"


def test_user_without_email_is_valid():
    user, _ = services.user_upsert_from_clerk(profile=profile_from_user_object(clerk_user_object("user_1", email=None)))
    assert user.email is None and balance_of(user) == 10


def test_email_is_unique_case_insensitively_and_moves_to_the_newer_claim():
    first = UserFactory.create(email="Same@Example.com")
    second = UserFactory.create(email="same@example.com")
    first.refresh_from_db()
    assert first.email is None and second.email == "same@example.com"


def test_close_erases_personal_data_keeps_ledger_and_frees_email():
    user = UserFactory.create(email="gone@example.com")
    services.user_update_preferences(user=user, changes={"theme": "dark"})
    closed = services.user_close(clerk_id=user.clerk_id)
    assert closed.is_closed and not closed.is_active
    assert (closed.email, closed.first_name, closed.last_name, closed.image_url, closed.preferences) == (
        None,
        "",
        "",
        "",
        {},
    )
    assert LedgerEntry.objects.filter(account__user=closed).count() == 1
    other = UserFactory.create(email="gone@example.com")
    assert other.email == "gone@example.com"


def test_closed_account_is_never_reopened_by_a_later_event():
    user = UserFactory.create()
    services.user_close(clerk_id=user.clerk_id)
    services.user_upsert_from_clerk(
        profile=ClerkProfile(user.clerk_id, "back@example.com", updated_at=datetime.now(UTC))
    )
    user.refresh_from_db()
    assert user.is_closed and user.email is None


def test_delete_before_create_leaves_a_closed_placeholder_without_credits():
    services.user_close(clerk_id="user_ghost")
    user, created = services.user_upsert_from_clerk(
        profile=ClerkProfile("user_ghost", "ghost@example.com", updated_at=T0)
    )
    assert not created and user.is_closed and user.email is None
    assert balance_of(user) == 0


def test_preferences_merge_and_null_removes():
    user = UserFactory.create()
    services.user_update_preferences(user=user, changes={"theme": "dark", "export_format": "scss"})
    user = services.user_update_preferences(user=user, changes={"theme": None, "export_format": "css"})
    user.refresh_from_db()
    assert user.preferences == {"export_format": "css"}


def test_preferences_outside_the_schema_are_refused_and_legacy_ones_dropped_on_write():
    user = UserFactory.create()
    for changes in ({"lang": "en"}, {"theme": "neon"}, {"theme": {"a": 1}}, ["theme"]):
        with pytest.raises(InvalidPreferences):
            services.user_update_preferences(user=user, changes=changes)
    deep = current = []
    for _ in range(900):
        current.append([])
        current = current[0]
    User.objects.filter(pk=user.pk).update(preferences={"theme": "light", "junk": deep})
    services.user_update_preferences(user=user, changes={"export_format": "json"})
    user.refresh_from_db()
    assert user.preferences == {"theme": "light", "export_format": "json"}


def test_provision_from_claims_uses_claims_without_secret_key():
    user = services.user_provision_from_claims(claims={"sub": "user_jit", "email": "jit@example.com"})
    assert user.clerk_id == "user_jit" and user.email == "jit@example.com" and balance_of(user) == 10


def test_provision_refuses_closed_accounts():
    services.user_close(clerk_id="user_gone")
    assert services.user_provision_from_claims(claims={"sub": "user_gone"}) is None


def test_dev_sign_in_is_one_user_per_email():
    a = services.user_sign_in_dev(email="Dev@Example.com")
    b = services.user_sign_in_dev(email="dev@example.com")
    assert a.pk == b.pk and a.clerk_id.startswith("dev_")


def test_the_data_migration_cleans_profiles_stored_before_the_rules():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("accounts.migrations.0003_clean_stored_profiles")
    deep = current = []
    for _ in range(900):
        current.append([])
        current = current[0]
    legacy = UserFactory.create()
    User.objects.filter(pk=legacy.pk).update(
        preferences={"theme": "dark", "junk": deep, "export_format": "pdf"}, image_url="javascript:alert(1)"
    )
    clean = UserFactory.create()
    User.objects.filter(pk=clean.pk).update(preferences={"theme": "light"}, image_url="https://img.clerk.com/a.png")
    migration.clean_profiles(apps, None)
    legacy.refresh_from_db()
    clean.refresh_from_db()
    assert (legacy.preferences, legacy.image_url) == ({"theme": "dark"}, "")
    assert (clean.preferences, clean.image_url) == ({"theme": "light"}, "https://img.clerk.com/a.png")


def test_closing_an_unknown_clerk_id_erases_its_stored_events_too():
    from designforge.models import WebhookEvent

    WebhookEvent.objects.create(
        source="clerk", event_id="msg_failed", event_type="user.created", status="failed",
        payload={"type": "user.created", "data": clerk_user_object("user_never_seen", email="ghost@example.com")},
    )
    services.user_close(clerk_id="user_never_seen")
    assert WebhookEvent.objects.get().payload == {"data": {"id": "user_never_seen"}, "erased": True}
