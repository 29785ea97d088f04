"""`POST /api/webhooks/stripe`: Stripe's events about checkouts, subscriptions, invoices, refunds and disputes.

Verify the `Stripe-Signature` header with the `stripe` library (300 s tolerance) → check the event's
shape (`event_shapes`) → store it in the webhook inbox, unique on its event id → answer 200; a worker
applies it through the handler for its type, inside the inbox's transaction. A bad signature and any
malformed body are refused with 400 before anything is written; without STRIPE_WEBHOOK_SECRET the
endpoint answers 503 and writes nothing; our own failures while applying are retried with backoff.

Events arrive in any order (an invoice before the checkout session that created its subscription):
users are matched by the `metadata.user_id` our checkout sets (copied onto subscriptions, invoices and
pack payments), else by the stored subscription or customer id; subscription states are ordered by the
event's `created`, so an older state never overwrites a newer one. A completed checkout session is
honoured only if we created it (a `CheckoutSession` row) for the user both its `client_reference_id`
and its `metadata.user_id` name. Events for objects that are not ours (no match) are recorded as
ignored; staff can replay them from admin. Events about a closed account are ignored too, with their
personal data erased (`services.stripe_event_of_closed_account`).
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
from .models import CheckoutSession, Purchase
from .payloads import (
    SubscriptionState,
    expandable_id,
    invoice_state,
    metadata_user_id,
    metadata_value,
    object_refs,
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


def _distrust(session: dict, checkout: CheckoutSession | None) -> str:
    """Why a completed session must grant nothing ("" when it is one we created, for this user and item)."""
    if checkout is None:
        return "not a checkout session we created"
    metadata = session.get("metadata") or {}
    client_user_id = metadata_user_id({"user_id": session.get("client_reference_id")})
    if client_user_id is None or client_user_id != metadata_user_id(metadata):
        return "client_reference_id and metadata.user_id disagree"
    if client_user_id != checkout.user_id:
        return "created for another user"
    kind, code, mode = (
        ("plan", checkout.plan_id, "subscription") if checkout.plan_id else ("pack", checkout.pack_id, "payment")
    )
    if session.get("mode") != mode or metadata_value(metadata, kind) != code:
        return f"not the {kind} {code} it was created for"
    return ""


def _checkout_completed(session: dict, created: datetime) -> str:
    checkout = selectors.checkout_session_of(session["id"])
    reason = _distrust(session, checkout)
    if reason:
        return _ignored(reason, session)
    customer_id = expandable_id(session.get("customer"))
    if customer_id:
        services.customer_link(user=checkout.user, customer_id=customer_id)
    paid = session.get("payment_status") in ("paid", "no_payment_required")
    if checkout.plan is not None:
        subscription_id = expandable_id(session.get("subscription"))
        if not subscription_id:
            return _ignored("no subscription", session)
        state = SubscriptionState(
            subscription_id=subscription_id, customer_id=customer_id, status="active" if paid else None
        )
        services.subscription_apply(user=checkout.user, plan=checkout.plan, state=state, observed_at=created)
        return PROCESSED
    services.purchase_complete(
        checkout=checkout,
        payment_intent_id=expandable_id(session.get("payment_intent")),
        amount=session.get("amount_total"),
        currency=session.get("currency") or "",
        paid=paid,
    )
    return PROCESSED


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


def _disputed(dispute: dict) -> tuple[Purchase | None, int]:
    """The pack purchase a dispute is about (None for any other payment, e.g. a subscription's), and the
    amount disputed (the whole payment when Stripe does not say)."""
    payment_intent_id = expandable_id(dispute.get("payment_intent"))
    purchase = Purchase.objects.filter(payment_intent_id=payment_intent_id).first() if payment_intent_id else None
    amount = dispute.get("amount")
    if purchase is not None and not (isinstance(amount, int) and not isinstance(amount, bool) and amount > 0):
        amount = purchase.amount
    return purchase, amount


def _dispute_funds(apply):
    """The handler of `charge.dispute.funds_withdrawn` or `funds_reinstated`: `apply` is the service."""

    def handle(dispute: dict, created: datetime) -> str:
        purchase, amount = _disputed(dispute)
        if purchase is None:
            return _ignored("not a credit pack payment", dispute)
        apply(purchase=purchase, dispute_id=dispute["id"], amount=amount, currency=dispute.get("currency") or "")
        return PROCESSED

    return handle


HANDLERS = {
    "checkout.session.completed": _checkout_completed,
    "checkout.session.async_payment_succeeded": _checkout_completed,
    "customer.subscription.created": _subscription_changed,
    "customer.subscription.updated": _subscription_changed,
    "customer.subscription.deleted": _subscription_changed,
    "invoice.paid": _invoice_paid,
    "invoice.payment_failed": _invoice_payment_failed,
    "charge.refunded": _charge_refunded,
    "charge.dispute.funds_withdrawn": _dispute_funds(services.dispute_funds_withdrawn),
    "charge.dispute.funds_reinstated": _dispute_funds(services.dispute_funds_reinstated),
}


def process_stripe_event(event: WebhookEvent) -> str:
    """The inbox processor for source "stripe": unknown types are recorded and ignored, and so is any
    event about a closed account (its personal data erased; see `services.stripe_event_of_closed_account`)."""
    obj, created = event.payload["data"]["object"], timestamp(event.payload["created"])
    owner = selectors.owner_of(object_refs(obj))
    if owner is not None and owner.is_closed:
        services.stripe_event_of_closed_account(event=event, user=owner, observed_at=created)
        return IGNORED
    handler = HANDLERS.get(event.event_type)
    if handler is None:
        return IGNORED
    return handler(obj, created)


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
