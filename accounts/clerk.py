"""Everything we read from Clerk: session tokens, user objects, and the Backend API.

A Clerk user object looks the same in a webhook's `data` and in a Backend API answer, so both are
read by `profile_from_user_object`. Session tokens are taken from exactly the `__session` cookie or
the `Authorization: Bearer` header, by us, and that one token is verified by `clerk-backend-api`'s
`verify_token`; with `CLERK_JWT_KEY` set that is a local signature check with no network call.
`CLERK_API_URL` points every Backend API call (look-ups, the backfill, JWKS) at another base.
"""

import base64
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx
from clerk_backend_api import Clerk, models
from clerk_backend_api.security import verify_token
from clerk_backend_api.security.machine import get_token_type
from clerk_backend_api.security.types import TokenType, TokenVerificationError, VerifyTokenOptions
from clerk_backend_api.utils import BackoffStrategy, RetryConfig
from django.conf import settings

from designforge.errors import NotConfigured, ProviderUnavailable

logger = logging.getLogger("accounts.clerk")

CLOCK_SKEW_MS = 5000
SESSION_COOKIE = "__session"
API_VERSION = "v1"


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


def https_only(url) -> str:
    """An image URL we will put in an `<img src>`: https only (never `javascript:`, `data:` or plain http)."""
    if not isinstance(url, str):
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme.lower() == "https" and parts.netloc else ""


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
        image_url=https_only(data.get("image_url") or data.get("profile_image_url")),
        updated_at=_from_millis(data.get("updated_at")),
    )


def profile_from_claims(claims: dict) -> ClerkProfile:
    """The little a session token says about its user (`sub`, and `email` when the instance adds it)."""
    email = claims.get("email")
    return ClerkProfile(clerk_id=claims["sub"], email=email if isinstance(email, str) and email else None)


def frontend_api_host(publishable_key: str) -> str:
    """The Frontend API host encoded in a publishable key (`pk_test_<base64("host$")>`), or ""."""
    encoded = publishable_key.split("_", 2)[-1]
    try:
        return base64.b64decode(encoded + "=" * (-len(encoded) % 4)).decode().rstrip("$")
    except ValueError:
        return ""


def is_session_auth_configured() -> bool:
    return bool(settings.CLERK_JWT_KEY or settings.CLERK_SECRET_KEY)


def is_backend_api_configured() -> bool:
    return bool(settings.CLERK_SECRET_KEY)


def session_token(request) -> tuple[str, bool] | None:
    """The one token this request carries and whether it came in the header: the `Authorization:
    Bearer` header if present, else exactly the `__session` cookie. No other cookie is read, so a
    planted `__session_x` (cookie tossing) can never stand in for the real one."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[len("Bearer ") :].strip(), True
    cookie = request.COOKIES.get(SESSION_COOKIE)
    return (cookie, False) if cookie else None


def _verify_options() -> VerifyTokenOptions:
    common = {"authorized_parties": settings.CLERK_AUTHORIZED_PARTIES or None, "clock_skew_in_ms": CLOCK_SKEW_MS}
    if settings.CLERK_JWT_KEY:  # only the key: verification never touches the network
        return VerifyTokenOptions(jwt_key=settings.CLERK_JWT_KEY, **common)
    return VerifyTokenOptions(secret_key=settings.CLERK_SECRET_KEY, api_url=settings.CLERK_API_URL, **common)


class _VerifiedTokens:
    """Tokens whose signature and claims were already checked, with their claims: a client sends the same
    session token with every request for the minute it lives, so its RSA check and decoding are done
    once per process. A remembered token is still refused the moment it expires (or before it is
    valid), and the memo is keyed by the verification settings, so changing them checks again."""

    def __init__(self, size: int = 4096):
        self.size = size
        self.claims: OrderedDict[tuple, dict] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple) -> dict | None:
        with self.lock:
            claims = self.claims.get(key)
            if claims is not None:
                self.claims.move_to_end(key)
        if claims is None:
            return None
        now, skew = time.time(), CLOCK_SKEW_MS / 1000
        in_time = claims.get("nbf", 0) - skew <= now < claims["exp"] + skew
        return claims if in_time else None

    def put(self, key: tuple, claims: dict) -> None:
        if not isinstance(claims.get("exp"), int | float):
            return  # nothing to expire it by: never remembered
        with self.lock:
            self.claims[key] = claims
            if len(self.claims) > self.size:
                self.claims.popitem(last=False)


_verified = _VerifiedTokens()


def verify_session_token(token: str) -> dict | None:
    """The verified claims of a Clerk session token, or None when it is invalid, expired, not yet
    valid, for another authorized party, or its session is still pending (`sts: "pending"`: a sign-in
    step is unfinished). Clerk's machine tokens and API keys are never accepted here (the SDK would
    verify those over the network)."""
    if not token or not is_session_auth_configured() or get_token_type(token) is not TokenType.SESSION_TOKEN:
        return None
    key = (token, settings.CLERK_JWT_KEY, settings.CLERK_SECRET_KEY, tuple(settings.CLERK_AUTHORIZED_PARTIES))
    remembered = _verified.get(key)
    if remembered is not None:
        return remembered
    claims = _verify(token)
    if claims is not None:
        _verified.put(key, claims)
    return claims


def _verify(token: str) -> dict | None:
    try:
        claims = verify_token(token, _verify_options())
    except TokenVerificationError:
        return None
    except httpx.HTTPError:  # the JWKS could not be fetched: signed out, not a server error
        logger.warning("Clerk's JWKS could not be fetched; the request is signed out", exc_info=True)
        return None
    if not isinstance(claims.get("sub"), str) or not claims["sub"] or claims.get("sts", "active") != "active":
        return None
    return claims


def _client(retries: RetryConfig = INTERACTIVE_RETRIES) -> Clerk:
    if not settings.CLERK_SECRET_KEY:
        raise NotConfigured("Syncing from Clerk is not configured on this server yet.")
    return Clerk(
        bearer_auth=settings.CLERK_SECRET_KEY,
        server_url=f"{settings.CLERK_API_URL.rstrip('/')}/{API_VERSION}",
        retry_config=retries,
        timeout_ms=5_000,
    )


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
