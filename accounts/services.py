"""Every write to users. The webhook, just-in-time provisioning, manual sync, the backfill command and
development sign-in all go through `user_upsert_from_clerk`, so whichever arrives first, however often,
there is exactly one user per Clerk id and one signup grant.

Lock order (shared with credits): the user row first, then the user's credit account.
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from designforge.errors import NotFound, ProviderUnavailable
from designforge.inserts import insert_if_absent
from designforge.models import WebhookEvent
from designforge.plans import UPGRADE_URL, PlanRequired, limits_for

from . import clerk, preferences
from .authentication import API_KEY_PREFIX
from .clerk import ClerkProfile
from .errors import AccountClosed, EmailTaken, InvalidPreferences
from .models import ApiKey, User
from .signals import user_closed, user_created

logger = logging.getLogger("accounts")

DEV_PREFIX = "dev_"
CLERK_DELETED = "Deleted in Clerk."


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
            created = _insert_user(profile)
            if created is not None:
                return created, True
            # A concurrent caller created this Clerk id first: wait for it, then update theirs.
            existing = User.objects.select_for_update().get(clerk_id=profile.clerk_id)
        if existing.is_closed or _is_older(profile, existing):
            return existing, False
        _release_email(email=profile.email, keep_clerk_id=profile.clerk_id)
        for field, value in _profile_fields(profile).items():
            setattr(existing, field, value)
        existing.save()
        return existing, False


def _insert_user(profile: ClerkProfile) -> User | None:
    """The new user of a Clerk id not stored yet, with `user_created` sent; None if a racing caller
    inserted that Clerk id first. A row clashing on any unique key inserts nothing (racing callers
    for one Clerk id carry the same e-mail, and PostgreSQL may find either clash first); when the
    clash was another Clerk id taking the same e-mail at that moment, the e-mail is released once more
    and the insert tried again."""
    # The password is unusable: people sign in through Clerk.
    user = User(clerk_id=profile.clerk_id, password=make_password(None), **_profile_fields(profile))
    for _ in range(2):
        _release_email(email=profile.email, keep_clerk_id=profile.clerk_id)
        if insert_if_absent(user, unique=None):
            user_created.send(sender=User, user=user)
            return user
        if User.objects.filter(clerk_id=profile.clerk_id).exists():
            return None
    raise IntegrityError(f"Clerk user {profile.clerk_id} could not be stored: its e-mail is still held by another")


def _is_older(profile: ClerkProfile, user: User) -> bool:
    if user.clerk_updated_at is None:
        return False
    return profile.updated_at is None or profile.updated_at < user.clerk_updated_at


def user_close(*, clerk_id: str, reason: str = CLERK_DELETED) -> User:
    """Close the account for good (Clerk deleted the user, or staff closed it, with a reason):
    personal data erased, here and in the stored Clerk webhook payloads of that user (the inbox keeps
    the events' ids, types and times), API keys revoked, sign-in refused, the e-mail freed,
    `user_closed` sent (design systems go; billing cancels the subscription); credit ledger rows stay.
    An unknown Clerk id leaves a closed placeholder, so a late `user.created` cannot bring the user back."""
    with transaction.atomic(savepoint=False):  # inside a caller's transaction (the inbox), no savepoint
        now = timezone.now()
        placeholder = {"closed_at": now, "closed_reason": reason, "is_active": False, "password": make_password(None)}
        user, created = User.objects.get_or_create(clerk_id=clerk_id, defaults=placeholder)
        if created:
            _erase_clerk_payloads(clerk_id=clerk_id)  # e.g. a user.created that failed and waits for a replay
            return user
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.is_closed:
            return user
        user.email = None
        user.first_name = user.last_name = user.image_url = ""
        user.preferences = {}
        user.closed_at, user.closed_reason = now, reason[:200]
        user.is_active = user.is_staff = user.is_superuser = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        ApiKey.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
        _erase_clerk_payloads(clerk_id=clerk_id)
        user_closed.send(sender=User, user=user)
        return user


def _erase_clerk_payloads(*, clerk_id: str) -> None:
    """The stored Clerk events of this user keep only the user's Clerk id (enough to replay them
    harmlessly: a closed account is never changed); their id, type and times stay on the row."""
    events = WebhookEvent.objects.filter(source="clerk", payload__data__id=clerk_id)
    events.update(payload={"data": {"id": clerk_id}, "erased": True}, error="")


def user_provision_from_claims(*, claims: dict) -> User | None:
    """The user behind a verified session token, read once with their credit balance, or created on
    the spot if the webhook has not arrived yet (just in time): from Clerk's Backend API when
    CLERK_SECRET_KEY is set, else from the token's claims. None for a closed or inactive account (it
    is signed out)."""
    try:
        user = User.objects.select_related("creditaccount").get(clerk_id=claims["sub"])
    except User.DoesNotExist:
        profile = None
        if clerk.is_backend_api_configured():
            try:
                profile = clerk.fetch_profile(claims["sub"])
            except ProviderUnavailable:  # Clerk being down must not keep a signed-in user out.
                logger.warning("Clerk look-up failed during provisioning; using token claims", exc_info=True)
        user, _ = user_upsert_from_clerk(profile=profile or clerk.profile_from_claims(claims))
    return user if user.is_active and not user.is_closed else None


def user_sync_from_clerk(*, user: User) -> User:
    """Re-read one user from the Clerk Backend API (manual sync). A user Clerk no longer knows is closed."""
    if user.is_closed:
        raise AccountClosed()
    profile = clerk.fetch_profile(user.clerk_id)  # network: outside any transaction
    if profile is None:
        return user_close(clerk_id=user.clerk_id)
    return user_upsert_from_clerk(profile=profile)[0]


def user_update_preferences(*, user: User, changes: dict) -> User:
    """Merge `changes` into the user's preferences (JSON merge patch: a key set to null is removed).
    Only known keys with their allowed values are accepted (`accounts.preferences`); anything stored
    before that rule existed and breaks it is dropped on the next change. Updates `user` in place."""
    if not isinstance(changes, dict):
        raise InvalidPreferences(details={"preferences": ["Must be a JSON object."]})
    errors = preferences.errors_in(changes)
    if errors:
        raise InvalidPreferences(details={"preferences": errors})
    with transaction.atomic():
        stored = User.objects.select_for_update().values_list("preferences", flat=True).get(pk=user.pk)
        kept = {key: value for key, value in (stored if isinstance(stored, dict) else {}).items()
                if preferences.is_valid(key, value)}
        merged = {key: value for key, value in {**kept, **changes}.items() if value is not None}
        user.preferences = merged
        User.objects.filter(pk=user.pk).update(preferences=merged, updated_at=timezone.now())
        return user


def user_set_plan(*, user: User, plan: str) -> User:
    """Record the user's current plan code (billing decides which)."""
    User.objects.filter(pk=user.pk).update(plan=plan, updated_at=timezone.now())
    user.plan = plan
    return user


def dev_clerk_id(email: str) -> str:
    return DEV_PREFIX + hashlib.sha256(email.strip().lower().encode()).hexdigest()[:24]


def user_sign_in_dev(*, email: str) -> User:
    """Development sign-in: the user for this e-mail, created like a Clerk user with a `dev_` id. An
    e-mail held by a real Clerk user stays theirs: signing in with it is refused."""
    email = email.strip().lower()
    holders = User.objects.alias(email_lower=Lower("email")).filter(email_lower=email)
    if holders.exclude(clerk_id__startswith=DEV_PREFIX).exists():
        raise EmailTaken()
    local = email.split("@")[0].replace(".", " ").title()
    user, _ = user_upsert_from_clerk(profile=ClerkProfile(clerk_id=dev_clerk_id(email), email=email, first_name=local))
    if user.is_closed or not user.is_active:
        raise AccountClosed()
    return user


# --- Personal API keys ----------------------------------------------------------------------------

_SHOWN_PREFIX = 12  # "dfk_" and 8 characters of the secret: enough to tell keys apart in a list
LAST_USED_EVERY = timedelta(minutes=1)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_key_create(*, user: User, name: str) -> tuple[ApiKey, str]:
    """A new key for `user`; returns (key, the whole secret), the only time the secret exists.

    Needs a plan with API keys (`limits_for(user).api_keys` > 0) and fewer active keys than it allows:
    else 403 `plan_required`. Counted under the user's row lock, so racing requests cannot pass the limit."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).values_list("pk").get()
        limits = limits_for(user)
        if limits.api_keys == 0:
            raise PlanRequired(
                required_plan=limits.upgrade_plan or limits.plan,
                plan_name=limits.upgrade_plan.title(),
                message=f"Personal API keys are not part of the {limits.plan_name} plan. Upgrade at {UPGRADE_URL}.",
            )
        if ApiKey.objects.filter(user=user, revoked_at__isnull=True).count() >= limits.api_keys:
            raise PlanRequired(
                required_plan=limits.upgrade_plan or limits.plan,
                plan_name=limits.plan_name,
                message=f"Your plan allows {limits.api_keys} active API keys: revoke one before making another.",
                details={"limit": limits.api_keys},
            )
        secret = API_KEY_PREFIX + secrets.token_urlsafe(32)
        key = ApiKey.objects.create(user=user, name=name.strip()[:100], prefix=secret[:_SHOWN_PREFIX],
                                    hashed=_digest(secret))
        return key, secret


def api_key_revoke(*, user: User, key_id: int) -> ApiKey:
    """Revoke one of the user's own active keys at once (another's, or a revoked one: 404)."""
    revoked = ApiKey.objects.filter(pk=key_id, user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    if not revoked:
        raise NotFound("No such API key.")
    return ApiKey.objects.get(pk=key_id)


def api_key_revoke_by_staff(*, keys) -> int:
    """Revoke the given keys (admin); returns how many were still active."""
    return keys.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


def api_key_authenticate(*, secret: str) -> ApiKey | None:
    """The active key with this secret, read with its user and their balance in one query, or None.
    `last_used_at` is written only when the stored value is a minute old or more (the conditional
    UPDATE lets one of many concurrent requests write it), never on every request."""
    if not secret.startswith(API_KEY_PREFIX):
        return None
    key = (
        ApiKey.objects.select_related("user", "user__creditaccount")
        .filter(hashed=_digest(secret), revoked_at__isnull=True)
        .first()
    )
    if key is None:
        return None
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_EVERY:
        stale = Q(last_used_at__isnull=True) | Q(last_used_at__lte=now - LAST_USED_EVERY)
        ApiKey.objects.filter(stale, pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
    return key
