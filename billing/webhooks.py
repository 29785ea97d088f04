"""`POST /api/webhooks/stripe`: Stripe's events about checkouts, subscriptions, invoices and refunds.

Verify the `Stripe-Signature` header with the `stripe` library (300 s tolerance) → check the event's
shape (`event_shapes`) → store it in the webhook inbox, unique on its event id → answer 200; a worker
applies it through the handler for its type, inside the inbox's transaction. A bad signature and any
malformed body are refused with 400 before anything is written; without STRIPE_WEBHOOK_SECRET the
endpoint answers 503 and writes nothing; our own failures while applying are retried with backoff.

Events arrive in any order (an invoice before the checkout session that created its subscription):
users are matched by the `metadata.user_id` our checkout sets (copied onto subscriptions, invoices and
pack payments), else by the stored subscription or customer id; subscription states are ordered by the
event's `created`, so an older state never overwrites a newer one. Events for objects that are not
ours (no match) are recorded as ignored; staff can replay them from admin.
"""

import logging
from datetime import datetime

import stripe
from django.conf import settings
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.models import User
from designforge import webhooks as endpoint
from designforge.models import WebhookEvent

from . import event_shapes, selectors, services
from .models import Purchase
from .payloads import (
    SubscriptionState,
    expandable_id,
    invoice_state,
    metadata_user_id,
    metadata_value,
    timestamp,
)

logger = logging.getLogger("billing.webhooks")
TOLERANCE_SECONDS = 300
PROCESSED, IGNORED = WebhookEvent.Status.PROCESSED, WebhookEvent.Status.IGNORED
# Invoices that open a new billing period; others (prorations after a change, manual invoices) grant nothing.
ALLOWANCE_BILLING_REASONS = {"subscription_create", "subscription_cycle", None}


class PurchaseNotRecordedYet(Exception):
    """A refund for a pack payment whose checkout we have not applied yet: fail, so Stripe retries it later."""


def _ignored(reason: str, obj: dict) -> str:
    logger.warning("Stripe %s %s ignored: %s", obj.get("object"), obj.get("id"), reason)
    return IGNORED


def _checkout_completed(session: dict, created: datetime) -> str:
    metadata = session.get("metadata") or {}
    customer_id = expandable_id(session.get("customer"))
    user_id = metadata_user_id({"user_id": session.get("client_reference_id")}) or metadata_user_id(metadata)
    user = selectors.user_for_stripe(user_id=user_id, customer_id=customer_id)
    if user is None:
        return _ignored("no user matches", session)
    if customer_id:
        services.customer_link(user=user, customer_id=customer_id)
    paid = session.get("payment_status") in ("paid", "no_payment_required")
    if session.get("mode") == "subscription":
        subscription_id = expandable_id(session.get("subscription"))
        if not subscription_id:
            return _ignored("no subscription", session)
        plan = selectors.plan_for(plan_code=metadata_value(metadata, "plan"))
        state = SubscriptionState(
            subscription_id=subscription_id, customer_id=customer_id, status="active" if paid else None
        )
        services.subscription_apply(user=user, plan=plan, state=state, observed_at=created)
        return PROCESSED
    if session.get("mode") == "payment":
        pack = selectors.pack_for(pack_code=metadata_value(metadata, "pack"))
        if pack is None:
            return _ignored("not a credit pack", session)
        services.purchase_complete(
            user=user,
            pack=pack,
            checkout_session_id=session["id"],
            payment_intent_id=expandable_id(session.get("payment_intent")),
            amount=session.get("amount_total"),
            currency=session.get("currency") or "",
            paid=paid,
        )
        return PROCESSED
    return _ignored(f"mode {session.get('mode')}", session)


def _subscription_changed(subscription: dict, created: datetime) -> str:
    recorded = services.subscription_apply_object(subscription=subscription, observed_at=created)
    return PROCESSED if recorded is not None else IGNORED


def _invoice_user(state: SubscriptionState) -> User | None:
    return selectors.user_for_stripe(
        user_id=state.user_id, customer_id=state.customer_id, subscription_id=state.subscription_id
    )


def _invoice_paid(invoice: dict, created: datetime) -> str:
    state = invoice_state(invoice, status="active")
    if not state.subscription_id:
        return _ignored("not a subscription invoice", invoice)
    user = _invoice_user(state)
    if user is None:
        return _ignored("no user matches", invoice)
    plan = selectors.plan_for(plan_code=state.plan_code, price_ids=state.price_ids)
    services.subscription_invoice_paid(
        user=user,
        plan=plan,
        state=state,
        observed_at=created,
        invoice_id=invoice["id"],
        grants_allowance=invoice.get("billing_reason") in ALLOWANCE_BILLING_REASONS,
    )
    return PROCESSED


def _invoice_payment_failed(invoice: dict, created: datetime) -> str:
    # A failed first payment leaves the subscription incomplete (no plan); a failed renewal makes it past due.
    status = "incomplete" if invoice.get("billing_reason") == "subscription_create" else "past_due"
    state = invoice_state(invoice, status=status)
    if not state.subscription_id:
        return _ignored("not a subscription invoice", invoice)
    user = _invoice_user(state)
    if user is None:
        return _ignored("no user matches", invoice)
    plan = selectors.plan_for(plan_code=state.plan_code, price_ids=state.price_ids)
    recorded = services.subscription_apply(user=user, plan=plan, state=state, observed_at=created)
    return PROCESSED if recorded is not None else IGNORED


def _charge_refunded(charge: dict, created: datetime) -> str:
    payment_intent_id = expandable_id(charge.get("payment_intent"))
    purchase = Purchase.objects.filter(payment_intent_id=payment_intent_id).first() if payment_intent_id else None
    if purchase is None or purchase.status == Purchase.Status.PENDING:
        if metadata_value(charge.get("metadata"), "pack"):
            raise PurchaseNotRecordedYet(f"No paid purchase for payment {payment_intent_id or '?'} yet.")
        return _ignored("not a credit pack payment", charge)
    services.purchase_refund(
        purchase=purchase, charge_id=charge["id"], amount_refunded=charge.get("amount_refunded") or 0
    )
    return PROCESSED


HANDLERS = {
    "checkout.session.completed": _checkout_completed,
    "checkout.session.async_payment_succeeded": _checkout_completed,
    "customer.subscription.created": _subscription_changed,
    "customer.subscription.updated": _subscription_changed,
    "customer.subscription.deleted": _subscription_changed,
    "invoice.paid": _invoice_paid,
    "invoice.payment_failed": _invoice_payment_failed,
    "charge.refunded": _charge_refunded,
}


def process_stripe_event(event: WebhookEvent) -> str:
    """The inbox processor for source "stripe": unknown types are recorded and ignored."""
    handler = HANDLERS.get(event.event_type)
    if handler is None:
        return IGNORED
    return handler(event.payload["data"]["object"], timestamp(event.payload["created"]))


def _verify(body: bytes, headers, secret: str) -> bool:
    try:
        stripe.WebhookSignature.verify_header(body, headers.get("Stripe-Signature"), secret, TOLERANCE_SECONDS)
    except (stripe.SignatureVerificationError, ValueError):  # ValueError: not UTF-8, a malformed header
        return False
    return True


def _parse(body: bytes, headers) -> tuple[str, str, dict] | None:
    payload = endpoint.load_json_object(body)
    if payload is None or not event_shapes.well_formed(payload):
        return None
    return payload["id"], payload["type"], payload


@csrf_exempt
@require_POST
def stripe_webhook(request):
    return endpoint.webhook_response(
        request, source="stripe", secret=settings.STRIPE_WEBHOOK_SECRET, verify=_verify, parse=_parse
    )
