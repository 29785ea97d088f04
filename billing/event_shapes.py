"""The shape of every Stripe event we apply: the fields our handlers read, strictly typed and bounded
by what we store. A signed event that breaks its shape is refused with 400 before it is stored, so a
malformed body can never fail later in a worker (or answer 5xx, which Stripe would retry for days).

Fields are optional where Stripe may leave them out, and everything else in the object is kept as
sent (`extra="allow"`). A new handler in `billing/webhooks.py` adds the shape of what it reads to
`OBJECT_SHAPES` under the same event type.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

Id = Annotated[StrictStr, Field(min_length=1, max_length=255)]
Text = Annotated[StrictStr, Field(max_length=255)] | None
Amount = Annotated[StrictInt, Field(ge=0, le=2_147_483_647)]  # minor units, as our columns hold them
Timestamp = Annotated[StrictInt, Field(ge=0, le=253_402_300_799)]  # seconds, up to the year 9999
Metadata = dict[StrictStr, Annotated[StrictStr, Field(max_length=500)]] | None  # Stripe's own limit


class Shape(BaseModel):
    model_config = ConfigDict(extra="allow")


class Expanded(Shape):
    id: Id


Expandable = Id | Expanded | None


class CheckoutSession(Shape):
    id: Id
    client_reference_id: Text = None
    metadata: Metadata = None
    customer: Expandable = None
    payment_status: Text = None
    mode: Text = None
    subscription: Expandable = None
    payment_intent: Expandable = None
    amount_total: Amount | None = None
    currency: Annotated[StrictStr, Field(max_length=3)] | None = None


class SubscriptionItem(Shape):
    price: Expandable = None
    current_period_end: Timestamp | None = None


class SubscriptionItems(Shape):
    data: list[SubscriptionItem] | None = None


class Subscription(Shape):
    id: Id
    customer: Expandable = None
    status: Annotated[StrictStr, Field(max_length=32)] | None = None
    metadata: Metadata = None
    items: SubscriptionItems | None = None
    current_period_end: Timestamp | None = None
    cancel_at_period_end: StrictBool | None = None
    cancel_at: Timestamp | None = None


class PriceDetails(Shape):
    price: Expandable = None


class Pricing(Shape):
    price_details: PriceDetails | None = None


class Period(Shape):
    end: Timestamp | None = None


class InvoiceLine(Shape):
    metadata: Metadata = None
    pricing: Pricing | None = None
    price: Expandable = None
    plan: Expandable = None
    period: Period | None = None


class InvoiceLines(Shape):
    data: list[InvoiceLine] | None = None


class SubscriptionDetails(Shape):
    subscription: Expandable = None
    metadata: Metadata = None


class InvoiceParent(Shape):
    subscription_details: SubscriptionDetails | None = None


class Invoice(Shape):
    id: Id
    customer: Expandable = None
    billing_reason: Text = None
    parent: InvoiceParent | None = None
    subscription: Expandable = None
    lines: InvoiceLines | None = None


class Charge(Shape):
    id: Id
    payment_intent: Expandable = None
    amount_refunded: Amount | None = None
    metadata: Metadata = None


class Dispute(Shape):
    id: Id
    payment_intent: Expandable = None
    charge: Expandable = None
    amount: Amount | None = None
    currency: Annotated[StrictStr, Field(max_length=3)] | None = None


OBJECT_SHAPES: dict[str, type[Shape]] = {
    "checkout.session.completed": CheckoutSession,
    "checkout.session.async_payment_succeeded": CheckoutSession,
    "customer.subscription.created": Subscription,
    "customer.subscription.updated": Subscription,
    "customer.subscription.deleted": Subscription,
    "invoice.paid": Invoice,
    "invoice.payment_failed": Invoice,
    "charge.refunded": Charge,
    "charge.dispute.funds_withdrawn": Dispute,
    "charge.dispute.funds_reinstated": Dispute,
}


class EventData(Shape):
    object: Expanded  # every event's object has an id


class Event(Shape):
    id: Id
    object: Literal["event"]
    type: Annotated[StrictStr, Field(min_length=1, max_length=100)]
    created: Timestamp
    data: EventData


def well_formed(payload: dict) -> bool:
    """True when the event, and its object for the types we apply, have the shapes we read."""
    try:
        event = Event.model_validate(payload)
        if event.type in OBJECT_SHAPES:
            OBJECT_SHAPES[event.type].model_validate(payload["data"]["object"])
    except ValidationError:
        return False
    return True
