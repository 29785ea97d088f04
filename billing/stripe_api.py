"""Every call we make to Stripe, through the official `stripe` client (`StripeClient`).

Nothing here touches the database, and callers never hold a transaction open across these calls.
Stripe's failures become our domain errors: a refused key is 503 `not_configured`, a reused
idempotency key with other parameters 409 `idempotency_conflict`, anything else (Stripe down, a
refused request) 502 `provider_unavailable`; the details are logged, never sent to the user.
Objects come back as plain dicts, read by the same functions as webhook payloads (`payloads.py`).
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import stripe
from django.conf import settings

from designforge.errors import NotConfigured, ProviderUnavailable

from .errors import IdempotencyConflict, StripeNotConfigured

logger = logging.getLogger("billing.stripe")

# One HTTP client for the process (its sessions are per thread): 5 s to connect, 20 s to answer.
_http_client = stripe.RequestsClient(timeout=(5, 20))
MAX_NETWORK_RETRIES = 2


def is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def client() -> stripe.StripeClient:
    """A client for STRIPE_SECRET_KEY, talking to STRIPE_API_BASE when set (tests: a local fake)."""
    if not settings.STRIPE_SECRET_KEY:
        raise StripeNotConfigured()
    base = settings.STRIPE_API_BASE.rstrip("/")
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": base} if base else None,
        max_network_retries=MAX_NETWORK_RETRIES,
        http_client=_http_client,
    )


@contextmanager
def _calling(action: str, *, outcome: str = "Nothing was charged; please try again."):
    try:
        yield
    except stripe.IdempotencyError as exc:
        logger.warning("Stripe refused a reused idempotency key while trying to %s: %s", action, exc)
        raise IdempotencyConflict()
    except (stripe.AuthenticationError, stripe.PermissionError) as exc:
        logger.error("Stripe refused our API key while trying to %s: %s", action, exc)
        raise NotConfigured("Payments are misconfigured on this server (Stripe refused the API key).")
    except stripe.StripeError as exc:
        logger.error("Stripe failed to %s: %s", action, exc, exc_info=True)
        raise ProviderUnavailable(f"Stripe could not {action}. {outcome}")


def create_customer(*, user_id: int, email: str | None, name: str, idempotency_key: str) -> str:
    """A new Stripe customer for one of our users; its id."""
    params = {"metadata": {"user_id": str(user_id)}}
    if email:
        params["email"] = email
    if name:
        params["name"] = name
    with _calling("create your billing account"):
        customer = client().v1.customers.create(params, {"idempotency_key": idempotency_key})
    return customer.id


def create_checkout_session(*, params: dict, idempotency_key: str) -> dict:
    """A Checkout Session (`params` as Stripe's API takes them); the session as a dict (`id`, `url`, …)."""
    with _calling("start the checkout"):
        session = client().v1.checkout.sessions.create(params, {"idempotency_key": idempotency_key})
    return session.to_dict()


def create_portal_session(*, customer_id: str, return_url: str) -> str:
    """A customer portal session for `customer_id`; its URL."""
    with _calling("open the billing portal"):
        session = client().v1.billing_portal.sessions.create({"customer": customer_id, "return_url": return_url})
    return session.url


def iter_subscriptions(*, page_size: int = 100) -> Iterator[dict]:
    """Every subscription of the account, whatever its status, a page at a time."""
    with _calling("list subscriptions"):
        page = client().v1.subscriptions.list({"status": "all", "limit": page_size})
        for subscription in page.auto_paging_iter():
            yield subscription.to_dict()


def retrieve_subscription(subscription_id: str) -> dict | None:
    """One subscription; None when Stripe has no such subscription."""
    with _calling("read a subscription"):
        try:
            return client().v1.subscriptions.retrieve(subscription_id).to_dict()
        except stripe.InvalidRequestError as exc:
            if exc.http_status == 404:
                return None
            raise


def cancel_subscription(subscription_id: str) -> dict | None:
    """Cancel a subscription at once (no proration, no final invoice); the subscription as Stripe has it
    now. Stripe answers 404 for one it already cancelled (or never had): it is then read back, None
    when Stripe has no such subscription."""
    with _calling("cancel a subscription", outcome="It will be tried again."):
        try:
            params = {"cancellation_details": {"comment": "The DesignForge account was closed."}}
            return client().v1.subscriptions.cancel(subscription_id, params).to_dict()
        except stripe.InvalidRequestError as exc:
            if exc.http_status != 404:
                raise
    return retrieve_subscription(subscription_id)
