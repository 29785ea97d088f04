"""Every write to users. The webhook, just-in-time provisioning, manual sync, the backfill command and
development sign-in all go through `user_upsert_from_clerk`, so whichever arrives first, however often,
there is exactly one user per Clerk id and one signup grant.

Lock order (shared with credits): the user row first, then the user's credit account.
"""

import hashlib
import logging

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from designforge.errors import ProviderUnavailable
from designforge.inserts import insert_if_absent

from . import clerk
from .clerk import ClerkProfile
from .errors import AccountClosed, InvalidPreferences
from .models import User
from .signals import user_closed, user_created

logger = logging.getLogger("accounts")

PREFERENCES_MAX_KEYS = 50
PREFERENCES_MAX_BYTES = 16 * 1024


def _release_email(*, email: str | None, keep_clerk_id: str) -> None:
    """Clerk keeps e-mails unique across its users, so an address held here by another Clerk id is a
    stale copy (that user changed or lost it and we have not heard yet): the newer claim wins."""
    if email:
        # Compared through Lower() so the query uses the case-insensitive unique index.
        stale = User.objects.alias(email_lower=Lower("email")).filter(email_lower=email.lower())
        stale = stale.exclude(clerk_id=keep_clerk_id)
        if stale.update(email=None):
            logger.warning("E-mail moved to Clerk user %s from an older local copy", keep_clerk_id)


def _profile_fields(profile: ClerkProfile) -> dict:
    return {
        "email": profile.email,
        "first_name": profile.first_name[:150],
        "last_name": profile.last_name[:150],
        "image_url": profile.image_url[:1000],
        "clerk_updated_at": profile.updated_at,
    }


def user_upsert_from_clerk(*, profile: ClerkProfile) -> tuple[User, bool]:
    """Create or update the user with `profile.clerk_id`; returns (user, created).

    A new user starts on plan `free` and `user_created` is sent in the same transaction (credits
    answers with the signup grant). An existing user is updated only when the profile is at least as
    new as the stored copy (by Clerk's `updated_at`); a closed account is never changed or reopened.
    Safe under concurrency: racing callers for one Clerk id are told apart by the unique key (one
    INSERT ... ON CONFLICT DO NOTHING, no savepoint) and then queue on the row lock.
    """
    with transaction.atomic(savepoint=False):  # inside a caller's transaction (the inbox), no savepoint
        existing = User.objects.select_for_update().filter(clerk_id=profile.clerk_id).first()
        if existing is None:
            _release_email(email=profile.email, keep_clerk_id=profile.clerk_id)
            # The password is unusable: people sign in through Clerk.
            user = User(clerk_id=profile.clerk_id, password=make_password(None), **_profile_fields(profile))
            if insert_if_absent(user, unique=("clerk_id",)):
                user_created.send(sender=User, user=user)
                return user, True
            # A concurrent caller created this Clerk id first: wait for it, then update theirs.
            existing = User.objects.select_for_update().get(clerk_id=profile.clerk_id)
        if existing.is_closed or _is_older(profile, existing):
            return existing, False
        _release_email(email=profile.email, keep_clerk_id=profile.clerk_id)
        for field, value in _profile_fields(profile).items():
            setattr(existing, field, value)
        existing.save()
        return existing, False


def _is_older(profile: ClerkProfile, user: User) -> bool:
    if user.clerk_updated_at is None:
        return False
    return profile.updated_at is None or profile.updated_at < user.clerk_updated_at


def user_close(*, clerk_id: str) -> User:
    """Close the account for good (Clerk deleted the user): personal data erased, sign-in refused,
    the e-mail freed, `user_closed` sent (design systems go); credit ledger rows stay. An unknown Clerk
    id leaves a closed placeholder, so a late `user.created` cannot bring the user back."""
    with transaction.atomic(savepoint=False):
        placeholder = {"closed_at": timezone.now(), "is_active": False, "password": make_password(None)}
        user, created = User.objects.get_or_create(clerk_id=clerk_id, defaults=placeholder)
        if created:
            return user
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.is_closed:
            return user
        user.email = None
        user.first_name = user.last_name = user.image_url = ""
        user.preferences = {}
        user.closed_at = timezone.now()
        user.is_active = user.is_staff = user.is_superuser = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        user_closed.send(sender=User, user=user)
        return user


def user_provision_from_claims(*, claims: dict) -> User | None:
    """The user behind a verified session token, created on the spot if the webhook has not arrived
    yet (just in time). Reads the full profile from Clerk when CLERK_SECRET_KEY is set, else uses the
    token's claims. Returns None for a closed account (it is signed out)."""
    user = User.objects.filter(clerk_id=claims["sub"]).first()
    if user is None:
        profile = None
        if clerk.is_backend_api_configured():
            try:
                profile = clerk.fetch_profile(claims["sub"])
            except ProviderUnavailable:  # Clerk being down must not keep a signed-in user out.
                logger.warning("Clerk look-up failed during provisioning; using token claims", exc_info=True)
        user, _ = user_upsert_from_clerk(profile=profile or clerk.profile_from_claims(claims))
    return None if user.is_closed else user


def user_sync_from_clerk(*, user: User) -> User:
    """Re-read one user from the Clerk Backend API (manual sync). A user Clerk no longer knows is closed."""
    if user.is_closed:
        raise AccountClosed()
    profile = clerk.fetch_profile(user.clerk_id)  # network: outside any transaction
    if profile is None:
        return user_close(clerk_id=user.clerk_id)
    return user_upsert_from_clerk(profile=profile)[0]


def user_update_preferences(*, user: User, changes: dict) -> User:
    """Merge `changes` into the user's preferences (JSON merge patch: a key set to null is removed)."""
    if not isinstance(changes, dict):
        raise InvalidPreferences(details={"preferences": ["Must be a JSON object."]})
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        merged = {**user.preferences, **changes}
        merged = {key: value for key, value in merged.items() if value is not None}
        if len(merged) > PREFERENCES_MAX_KEYS or len(str(merged).encode()) > PREFERENCES_MAX_BYTES:
            raise InvalidPreferences(
                details={"preferences": [f"At most {PREFERENCES_MAX_KEYS} keys and {PREFERENCES_MAX_BYTES} bytes."]}
            )
        user.preferences = merged
        user.save(update_fields=["preferences", "updated_at"])
        return user


def user_set_plan(*, user: User, plan: str) -> User:
    """Record the user's current plan code (billing decides which)."""
    User.objects.filter(pk=user.pk).update(plan=plan, updated_at=timezone.now())
    user.plan = plan
    return user


def dev_clerk_id(email: str) -> str:
    return "dev_" + hashlib.sha256(email.strip().lower().encode()).hexdigest()[:24]


def user_sign_in_dev(*, email: str) -> User:
    """Development sign-in: the user for this e-mail, created like a Clerk user with a `dev_` id."""
    email = email.strip().lower()
    local = email.split("@")[0].replace(".", " ").title()
    user, _ = user_upsert_from_clerk(profile=ClerkProfile(clerk_id=dev_clerk_id(email), email=email, first_name=local))
    if user.is_closed:
        raise AccountClosed()
    return user
