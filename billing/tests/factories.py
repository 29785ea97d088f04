"""Stripe's wire formats for tests: events and the objects inside them, shaped as the installed library's
API version (`stripe.api_version`) sends them, and `Stripe-Signature` headers made by `stripe` itself."""

import itertools
import json
import time
from datetime import UTC, datetime

import stripe

WEBHOOK_SECRET = "whsec_test_c2VjcmV0LWZvci10ZXN0cy1vbmx5"
PRICE_PRO = "price_pro_test"
PRICE_SMALL = "price_small_test"
PRICE_LARGE = "price_large_test"
DAY = 86_400

_ids = itertools.count(1)


def new_id(prefix: str) -> str:
    return f"{prefix}_test{next(_ids):06d}"


def now() -> int:
    return int(time.time())


def at(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, tz=UTC)


def stored_status(body: str) -> str:
    """The inbox status of the event a webhook body carries, once delivered (the answer is always "received")."""
    from designforge.models import WebhookEvent

    return WebhookEvent.objects.get(source="stripe", event_id=json.loads(body)["id"]).status


def stripe_event(event_type: str, obj: dict, *, event_id: str | None = None, created: int | None = None) -> str:
    """A webhook body, as Stripe sends it (snapshot event)."""
    return json.dumps(
        {
            "id": event_id or new_id("evt"),
            "object": "event",
            "api_version": stripe.api_version,
            "created": created or now(),
            "data": {"object": obj},
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": event_type,
        }
    )


def signature_header(body: str, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    """`Stripe-Signature` (`t=<ts>,v1=<HMAC-SHA256 of "<ts>.<body>">`), computed by the stripe library."""
    return stripe.WebhookSignature.generate_signature_header(body, secret, timestamp)


def metadata(user_id: int | None, **extra) -> dict:
    return {**({"user_id": str(user_id)} if user_id is not None else {}), **extra}


def subscription_object(
    *,
    subscription_id: str,
    customer: str,
    user_id: int | None,
    status: str = "active",
    plan: str | None = "pro",
    price: str = PRICE_PRO,
    period_start: int | None = None,
    period_end: int | None = None,
    cancel_at_period_end: bool = False,
    legacy: bool = False,
) -> dict:
    """A subscription; its period on its items (current API), or on itself (`legacy`, before 2025-03-31)."""
    start = period_start or now()
    end = period_end or start + 30 * DAY
    item = {
        "id": new_id("si"),
        "object": "subscription_item",
        "price": {"id": price, "object": "price", "type": "recurring", "unit_amount": 1200, "currency": "usd"},
        "quantity": 1,
        "subscription": subscription_id,
    }
    subscription = {
        "id": subscription_id,
        "object": "subscription",
        "customer": customer,
        "status": status,
        "cancel_at_period_end": cancel_at_period_end,
        "cancel_at": end if cancel_at_period_end else None,
        "canceled_at": now() if status == "canceled" else None,
        "ended_at": now() if status == "canceled" else None,
        "collection_method": "charge_automatically",
        "created": start,
        "start_date": start,
        "livemode": False,
        "metadata": metadata(user_id, **({"plan": plan} if plan else {})),
        "items": {"object": "list", "data": [item], "has_more": False, "url": "/v1/subscription_items"},
    }
    if legacy:
        subscription.update(current_period_start=start, current_period_end=end)
    else:
        item.update(current_period_start=start, current_period_end=end)
    return subscription


def invoice_object(
    *,
    invoice_id: str,
    customer: str,
    subscription_id: str,
    user_id: int | None,
    plan: str | None = "pro",
    price: str = PRICE_PRO,
    billing_reason: str = "subscription_cycle",
    status: str = "paid",
    amount: int = 1200,
    period_end: int | None = None,
    legacy: bool = False,
) -> dict:
    """A subscription's invoice; its subscription under `parent.subscription_details` (current API), or
    top-level with the line's price under `price` (`legacy`)."""
    end = period_end or now() + 30 * DAY
    sub_metadata = metadata(user_id, **({"plan": plan} if plan else {}))
    line = {
        "id": new_id("il"),
        "object": "line_item",
        "amount": amount,
        "currency": "usd",
        "period": {"start": end - 30 * DAY, "end": end},
        "quantity": 1,
        "metadata": sub_metadata,
    }
    invoice = {
        "id": invoice_id,
        "object": "invoice",
        "customer": customer,
        "billing_reason": billing_reason,
        "status": status,
        "currency": "usd",
        "amount_due": amount,
        "amount_paid": amount if status == "paid" else 0,
        "attempt_count": 1,
        "livemode": False,
        "lines": {"object": "list", "data": [line], "has_more": False},
    }
    if legacy:
        line["price"] = {"id": price, "object": "price"}
        invoice["subscription"] = subscription_id
    else:
        line["pricing"] = {"type": "price_details", "price_details": {"price": price, "product": "prod_pro"}}
        line["parent"] = {
            "type": "subscription_item_details",
            "subscription_item_details": {"subscription": subscription_id, "subscription_item": new_id("si")},
        }
        invoice["parent"] = {
            "type": "subscription_details",
            "quote_details": None,
            "subscription_details": {"metadata": sub_metadata, "subscription": subscription_id},
        }
    return invoice


def checkout_session_object(
    *,
    session_id: str,
    customer: str,
    user_id: int | None,
    plan: str | None = None,
    pack: str | None = None,
    subscription_id: str | None = None,
    payment_intent: str | None = None,
    payment_status: str = "paid",
    amount_total: int = 1200,
) -> dict:
    return {
        "id": session_id,
        "object": "checkout.session",
        "mode": "subscription" if plan else "payment",
        "status": "complete",
        "payment_status": payment_status,
        "customer": customer,
        "client_reference_id": str(user_id) if user_id is not None else None,
        "metadata": metadata(user_id, **({"plan": plan} if plan else {"pack": pack})),
        "subscription": subscription_id,
        "payment_intent": payment_intent,
        "amount_total": amount_total,
        "currency": "usd",
        "livemode": False,
    }


def charge_object(
    *, charge_id: str, payment_intent: str, amount: int, amount_refunded: int, user_id: int | None, pack: str | None
) -> dict:
    """A refunded charge. Stripe copies the payment intent's metadata (set by our checkout) onto it."""
    return {
        "id": charge_id,
        "object": "charge",
        "amount": amount,
        "amount_captured": amount,
        "amount_refunded": amount_refunded,
        "refunded": amount_refunded >= amount,
        "currency": "usd",
        "customer": "cus_x",
        "payment_intent": payment_intent,
        "status": "succeeded",
        "paid": True,
        "captured": True,
        "livemode": False,
        "metadata": metadata(user_id, **({"pack": pack} if pack else {})),
    }


def dispute_object(*, dispute_id: str, payment_intent: str, amount: int, status: str = "needs_response") -> dict:
    """A dispute of a charge, as `charge.dispute.*` events carry it."""
    return {
        "id": dispute_id,
        "object": "dispute",
        "amount": amount,
        "currency": "usd",
        "charge": new_id("ch"),
        "payment_intent": payment_intent,
        "reason": "fraudulent",
        "status": status,
        "is_charge_refundable": False,
        "balance_transactions": [],
        "created": now(),
        "livemode": False,
        "metadata": {},
    }
