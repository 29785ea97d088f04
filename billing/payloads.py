"""Reading Stripe objects: a webhook event's `data.object`, or an API answer turned into a dict.

Written for the API version of the installed `stripe` library (`stripe.api_version`, 2026-10-28),
and tolerant of the older shapes an endpoint pinned to an earlier version still sends:

- a subscription's billing period lives on its items (`items.data[].current_period_end`); before
  2025-03-31 it was on the subscription itself;
- an invoice names its subscription at `parent.subscription_details.subscription`, with a snapshot
  of the subscription's metadata beside it; before 2025-03-31 it was `invoice.subscription`;
- an invoice line's price is `pricing.price_details.price`; earlier it was `price.id`.

Expandable fields arrive either as an id or as the expanded object. Pure functions, no database.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

# Statuses ordered by how far along a subscription's life they are. Among states stamped with the
# same second, the later stage wins; a terminal subscription is never brought back by Stripe.
_STAGE = {"incomplete": 0, "canceled": 2, "incomplete_expired": 2}
TERMINAL_STATUSES = frozenset({"canceled", "incomplete_expired"})


def stage(status: str | None) -> int:
    return _STAGE.get(status, 1) if status else 1


@dataclass(frozen=True)
class SubscriptionState:
    """What one Stripe object says about a subscription. None means "not said here": keep what we have."""

    subscription_id: str
    customer_id: str = ""
    status: str | None = None
    plan_code: str | None = None
    price_ids: tuple[str, ...] = ()
    user_id: int | None = None
    current_period_start: datetime | None = None
    current_period_end: datetime | None = None
    cancel_at_period_end: bool | None = None


def expandable_id(value) -> str:
    """The id of an expandable field (an id string, or the expanded object), "" when absent."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) else ""


def timestamp(value) -> datetime | None:
    return datetime.fromtimestamp(value, tz=UTC) if isinstance(value, int | float) and value > 0 else None


def metadata_user_id(metadata) -> int | None:
    """Our user id from an object's metadata (`{"user_id": "42"}`), None when absent or malformed."""
    value = (metadata or {}).get("user_id") if isinstance(metadata, dict) else None
    # ASCII digits only, and short enough to be a database id (a longer number is nobody's).
    return int(value) if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19 else None


def metadata_value(metadata, key: str) -> str | None:
    value = metadata.get(key) if isinstance(metadata, dict) else None
    return value if isinstance(value, str) and value else None


def _list_data(value) -> list[dict]:
    data = value.get("data") if isinstance(value, dict) else None
    return [item for item in data or [] if isinstance(item, dict)]


def subscription_state(subscription: dict) -> SubscriptionState:
    """The full state of a subscription object (`customer.subscription.*`, or a read from the API)."""
    items = _list_data(subscription.get("items"))

    def period(bound: str) -> list[datetime]:
        on_items = [t for t in (timestamp(item.get(bound)) for item in items) if t]
        return on_items or [t for t in [timestamp(subscription.get(bound))] if t]

    status = subscription.get("status") or None
    cancelling = bool(subscription.get("cancel_at_period_end")) or (
        subscription.get("cancel_at") is not None and status not in TERMINAL_STATUSES
    )
    metadata = subscription.get("metadata")
    return SubscriptionState(
        subscription_id=subscription["id"],
        customer_id=expandable_id(subscription.get("customer")),
        status=status,
        plan_code=metadata_value(metadata, "plan"),
        price_ids=tuple(pid for pid in (expandable_id(item.get("price")) for item in items) if pid),
        user_id=metadata_user_id(metadata),
        current_period_start=min(period("current_period_start"), default=None),
        current_period_end=max(period("current_period_end"), default=None),
        cancel_at_period_end=cancelling,
    )


def _invoice_subscription_details(invoice: dict) -> dict:
    parent = invoice.get("parent")
    details = parent.get("subscription_details") if isinstance(parent, dict) else None
    return details if isinstance(details, dict) else {}


def invoice_subscription_id(invoice: dict) -> str:
    """The subscription an invoice bills, "" for an invoice outside any subscription."""
    details = _invoice_subscription_details(invoice)
    return expandable_id(details.get("subscription")) or expandable_id(invoice.get("subscription"))


def invoice_metadata(invoice: dict) -> dict:
    """The snapshot of the subscription's metadata an invoice carries (older versions: on its lines)."""
    metadata = _invoice_subscription_details(invoice).get("metadata")
    if isinstance(metadata, dict) and metadata:
        return metadata
    for line in _list_data(invoice.get("lines")):
        if isinstance(line.get("metadata"), dict) and line["metadata"].get("user_id"):
            return line["metadata"]
    return {}


def _line_price_id(line: dict) -> str:
    pricing = line.get("pricing")
    details = pricing.get("price_details") if isinstance(pricing, dict) else None
    if isinstance(details, dict) and expandable_id(details.get("price")):
        return expandable_id(details.get("price"))
    return expandable_id(line.get("price")) or expandable_id(line.get("plan"))


def invoice_price_ids(invoice: dict) -> tuple[str, ...]:
    return tuple(pid for pid in (_line_price_id(line) for line in _list_data(invoice.get("lines"))) if pid)


def invoice_period(invoice: dict) -> tuple[datetime | None, datetime | None]:
    """The start and end of the period the invoice's subscription lines pay for."""
    periods = [line.get("period") or {} for line in _list_data(invoice.get("lines"))]
    starts = [t for t in (timestamp(p.get("start")) for p in periods if isinstance(p, dict)) if t]
    ends = [t for t in (timestamp(p.get("end")) for p in periods if isinstance(p, dict)) if t]
    return min(starts, default=None), max(ends, default=None)


def invoice_state(invoice: dict, *, status: str | None) -> SubscriptionState:
    """What an invoice says about its subscription (`status` as the event implies it)."""
    metadata = invoice_metadata(invoice)
    start, end = invoice_period(invoice) if status == "active" else (None, None)
    return SubscriptionState(
        subscription_id=invoice_subscription_id(invoice),
        customer_id=expandable_id(invoice.get("customer")),
        status=status,
        plan_code=metadata_value(metadata, "plan"),
        price_ids=invoice_price_ids(invoice),
        user_id=metadata_user_id(metadata),
        current_period_start=start,
        current_period_end=end,
    )


@dataclass(frozen=True)
class StripeRefs:
    """The ids any Stripe object carries that can tie it to one of our users."""

    user_id: int | None = None
    customer_id: str = ""
    subscription_id: str = ""
    payment_intent_id: str = ""


def object_refs(obj: dict) -> StripeRefs:
    """What ties an object of any type (session, subscription, invoice, charge, dispute, customer,
    payment intent…) to a user: our metadata, the customer, the subscription, the payment intent."""
    kind = obj.get("object")
    own_id = obj.get("id") if isinstance(obj.get("id"), str) else ""
    user_id = (
        metadata_user_id(obj.get("metadata"))
        or metadata_user_id({"user_id": obj.get("client_reference_id")})
        or metadata_user_id(invoice_metadata(obj))
    )
    return StripeRefs(
        user_id=user_id,
        customer_id=own_id if kind == "customer" else expandable_id(obj.get("customer")),
        subscription_id=own_id if kind == "subscription" else invoice_subscription_id(obj),
        payment_intent_id=own_id if kind == "payment_intent" else expandable_id(obj.get("payment_intent")),
    )


#: What a stored event keeps once the personal data in it is erased: enough to audit that it came.
EVENT_AUDIT_KEYS = ("id", "object", "type", "created", "api_version", "livemode")
OBJECT_AUDIT_KEYS = ("id", "object", "created")


def erased(payload: dict, *, erased_at: datetime) -> dict:
    """A webhook event's payload without any personal data (e-mail, name, address, phone, card, metadata…
    wherever Stripe put them): the event's id, type and timestamps, its object's id and type, and when
    it was erased."""
    data = payload.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    obj = obj if isinstance(obj, dict) else {}
    return {
        **{key: payload[key] for key in EVENT_AUDIT_KEYS if key in payload},
        "data": {"object": {key: obj[key] for key in OBJECT_AUDIT_KEYS if key in obj}},
        "erased_at": erased_at.isoformat(),
    }
