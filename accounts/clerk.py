"""Everything we read from Clerk: session tokens, user objects, and the Backend API.

A Clerk user object looks the same in a webhook's `data` and in a Backend API answer, so both are
read by `profile_from_user_object`. Session tokens are verified by `clerk-backend-api`; with
`CLERK_JWT_KEY` set that is a local signature check with no network call.
"""

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from clerk_backend_api import Clerk, models
from clerk_backend_api.security import authenticate_request
from clerk_backend_api.security.types import AuthenticateRequestOptions
from clerk_backend_api.utils import BackoffStrategy, RetryConfig
from django.conf import settings

from designforge.errors import NotConfigured, ProviderUnavailable

CLOCK_SKEW_MS = 5000


def _retries(budget_ms: int) -> RetryConfig:
    """Back off and retry on rate limits (429), Clerk's own failures and connection errors."""
    return RetryConfig(
        "backoff", BackoffStrategy(200, 8000, 2.0, budget_ms), True, status_codes_override=["429", "5XX"]
    )


# A person is waiting on look-ups; the backfill command can afford to wait out a rate limit.
INTERACTIVE_RETRIES = _retries(2_000)
BACKFILL_RETRIES = _retries(60_000)


@dataclass(frozen=True)
class ClerkProfile:
    """What we keep of a Clerk user."""

    clerk_id: str
    email: str | None = None
    first_name: str = ""
    last_name: str = ""
    image_url: str = ""
    updated_at: datetime | None = None


def _from_millis(value) -> datetime | None:
    return datetime.fromtimestamp(value / 1000, tz=UTC) if isinstance(value, int | float) else None


def profile_from_user_object(data: dict) -> ClerkProfile:
    """Read a Clerk user object (webhook `data` or Backend API JSON). The primary e-mail is the
    address whose `id` is `primary_email_address_id`; a user without one has no e-mail."""
    primary_id = data.get("primary_email_address_id")
    email = next(
        (a.get("email_address") for a in data.get("email_addresses") or [] if primary_id and a.get("id") == primary_id),
        None,
    )
    return ClerkProfile(
        clerk_id=data["id"],
        email=email or None,
        first_name=data.get("first_name") or "",
        last_name=data.get("last_name") or "",
        image_url=data.get("image_url") or data.get("profile_image_url") or "",
        updated_at=_from_millis(data.get("updated_at")),
    )


def profile_from_claims(claims: dict) -> ClerkProfile:
    """The little a session token says about its user (`sub`, and `email` when the instance adds it)."""
    email = claims.get("email")
    return ClerkProfile(clerk_id=claims["sub"], email=email if isinstance(email, str) and email else None)


def is_session_auth_configured() -> bool:
    return bool(settings.CLERK_JWT_KEY or settings.CLERK_SECRET_KEY)


def is_backend_api_configured() -> bool:
    return bool(settings.CLERK_SECRET_KEY)


def verify_session(request) -> dict | None:
    """The verified claims of the request's Clerk session token (cookie `__session` or
    `Authorization: Bearer`), or None when there is none or it is invalid, expired or not ours."""
    if not is_session_auth_configured():
        return None
    if not (request.headers.get("Authorization", "").startswith("Bearer ") or "__session" in request.COOKIES):
        return None
    # With a PEM key only the key is passed, so verification never touches the network.
    options = AuthenticateRequestOptions(
        jwt_key=settings.CLERK_JWT_KEY or None,
        secret_key=None if settings.CLERK_JWT_KEY else settings.CLERK_SECRET_KEY,
        authorized_parties=settings.CLERK_AUTHORIZED_PARTIES or None,
        clock_skew_in_ms=CLOCK_SKEW_MS,
        accepts_token=["session_token"],
    )
    state = authenticate_request(request, options)
    if not state.is_signed_in or not state.payload or not state.payload.get("sub"):
        return None
    return state.payload


def _client(retries: RetryConfig = INTERACTIVE_RETRIES) -> Clerk:
    if not settings.CLERK_SECRET_KEY:
        raise NotConfigured("Clerk is not configured on this server (CLERK_SECRET_KEY is unset).")
    return Clerk(bearer_auth=settings.CLERK_SECRET_KEY, retry_config=retries, timeout_ms=5_000)


def _as_profile(user: models.User) -> ClerkProfile:
    return profile_from_user_object(user.model_dump(mode="json"))


def fetch_profile(clerk_id: str) -> ClerkProfile | None:
    """One user from the Backend API; None when Clerk says it does not exist."""
    try:
        return _as_profile(_client().users.get(user_id=clerk_id))
    except models.ClerkErrors as exc:
        if exc.raw_response.status_code == 404:
            return None
        raise ProviderUnavailable("Clerk refused the user look-up.") from exc
    except (models.ClerkBaseError, httpx.HTTPError) as exc:
        raise ProviderUnavailable("Clerk could not be reached.") from exc


def iter_profiles(*, page_size: int = 100, pause_seconds: float = 0.2) -> Iterator[ClerkProfile]:
    """Every Clerk user, oldest first, a page at a time (Clerk's list is offset-paginated). The pause
    between pages and the client's backoff on 429 keep us inside Clerk's rate limits."""
    client, offset = _client(BACKFILL_RETRIES), 0
    while True:
        page = client.users.list(request={"limit": page_size, "offset": offset, "order_by": "+created_at"})
        yield from (_as_profile(user) for user in page)
        if len(page) < page_size:
            return
        offset += page_size
        time.sleep(pause_seconds)
