"""Every write of billing: Stripe customers, checkout, subscriptions, credit-pack purchases and refunds.

Network calls to Stripe (customer, checkout, portal) happen before any transaction opens; what they
return is then stored in a short transaction of its own. The webhook's writes run inside the inbox's
transaction for the event and never call Stripe.

Lock order (shared with accounts and credits): the user row, then the user's subscription or
purchase row (then its cancellation or dispute row), then the credit account row (taken by
`credits.services`).
Credits change only through `credits.services`, each with an idempotency key (`stripe:invoice:<id>`,
`stripe:checkout:<session id>`, `stripe:refund:<charge id>:<amount refunded>`,
`stripe:dispute:<dispute id>:withdrawn|reinstated`), so replays and duplicate deliveries change nothing.
"""

import logging
import uuid
from datetime import datetime
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from accounts.models import User
from accounts.services import user_set_plan
from credits.models import LedgerEntry
from credits.services import credits_grant, credits_revoke
from designforge.errors import DomainError, ProviderUnavailable
from designforge.models import WebhookEvent
from designforge.ratelimit import rate_limit_hit

from . import selectors, stripe_api, tasks
from .errors import AlreadySubscribed, NoBillingAccount, StripeNotConfigured
from .models import (
    CheckoutSession,
    CreditPack,
    Dispute,
    Plan,
    Purchase,
    StripeCancellation,
    StripeCustomer,
    Subscription,
)
from .payloads import TERMINAL_STATUSES, SubscriptionState, erased, stage, subscription_state

logger = logging.getLogger("billing")

CHECKOUT_SUCCESS_PATH = "/billing/?checkout=success"
CHECKOUT_CANCEL_PATH = "/billing/?checkout=cancelled"
PORTAL_RETURN_PATH = "/billing/"
MONTHS_PER_INTERVAL = {Plan.Interval.MONTH: 1, Plan.Interval.YEAR: 12}


# --- Plans -----------------------------------------------------------------------------------


def plan_save(*, plan: Plan) -> Plan:
    """Save staff's changes to a plan; what is cached of the plans is read from the rows again."""
    plan.save()
    cache.delete(selectors.SIGNUP_CREDITS_CACHE_KEY)
    return plan


# --- Stripe customers -------------------------------------------------------------------------


def customer_link(*, user: User, customer_id: str) -> StripeCustomer:
    """Record `customer_id` as the user's Stripe customer. The first one recorded stays: a user has one
    customer, so a later, different id is logged and left alone. Safe when callers race."""
    with transaction.atomic():
        customer, _ = StripeCustomer.objects.get_or_create(
            user_id=user.pk, defaults={"stripe_customer_id": customer_id}
        )
    if customer.stripe_customer_id != customer_id:
        logger.warning("User %s already has Stripe customer %s; not linking %s", user.pk, customer, customer_id)
    return customer


def customer_ensure(*, user: User) -> str:
    """The user's Stripe customer id, creating the customer at Stripe on first use (outside any
    transaction, idempotency key `customer:<user id>`, so racing requests get the same customer)."""
    existing = selectors.customer_id_of(user)
    if existing:
        return existing
    name = f"{user.first_name} {user.last_name}".strip()
    customer_id = stripe_api.create_customer(
        user_id=user.pk, email=user.email, name=name, idempotency_key=f"customer:{user.pk}"
    )
    return customer_link(user=user, customer_id=customer_id).stripe_customer_id


# --- Checkout and portal ----------------------------------------------------------------------


def _require_stripe() -> None:
    if not stripe_api.is_configured():
        raise StripeNotConfigured()


def line_item(item: Plan | CreditPack) -> dict:
    """What Checkout sells for a plan or a pack: its Stripe price when one is configured (the environment's
    or admin's), else our own amount and currency inline (`price_data`, monthly or yearly for a plan), so
    the price shown is the price charged and only STRIPE_SECRET_KEY is needed."""
    price_id = selectors.price_id_of(item)
    if price_id:
        return {"price": price_id, "quantity": 1}
    if isinstance(item, Plan):
        product = f"DesignForge {item.name} plan"
        recurring = {"recurring": {"interval": item.interval}}
    else:
        product, recurring = f"DesignForge {item.name}: {item.credits} credits", {}
    price_data = {"currency": item.currency, "unit_amount": item.price_amount, "product_data": {"name": product}}
    return {"price_data": {**price_data, **recurring}, "quantity": 1}


def checkout_start(
    *, user: User, base_url: str, plan: Plan | None = None, pack: CreditPack | None = None, request_key: str = ""
) -> str:
    """A Stripe Checkout Session for a paid plan (subscription mode) or a credit pack (payment mode); its URL.

    Exactly one of `plan` and `pack`. Refuses a user who already holds a paid plan (409, they manage it
    in the portal). The item is sold at its Stripe price, or inline at our own amount (`line_item`). The
    session carries `client_reference_id` = user id and `metadata` = {user_id, plan|pack}, copied onto the
    subscription or payment, so every later event can be matched without calling Stripe. `request_key`
    (the caller's Idempotency-Key) makes a retried request return the same session; without one each
    call opens a new session. The session is recorded (`CheckoutSession`, and for a pack a pending
    `Purchase` with the credits and price the buyer saw) before its URL is answered: only recorded
    sessions are honoured when they complete. Raises `RateLimited` (429) past the user's
    `CHECKOUT_RATE_LIMIT`.
    """
    _require_stripe()
    rate_limit_hit(scope="checkout", key=str(user.pk), rate=settings.CHECKOUT_RATE_LIMIT)
    if (plan is None) == (pack is None):
        raise ValueError("Give exactly one of plan and pack.")
    if plan is not None:
        current = selectors.entitled_subscription(user)
        if current is not None:
            raise AlreadySubscribed(plan=current.plan_id, plan_name=current.plan.name)
        metadata = {"user_id": str(user.pk), "plan": plan.code}
        params = {"mode": "subscription", "subscription_data": {"metadata": metadata}}
    else:
        metadata = {"user_id": str(user.pk), "pack": pack.code}
        params = {"mode": "payment", "payment_intent_data": {"metadata": metadata}}
    base_url = base_url.rstrip("/")
    params.update(
        customer=customer_ensure(user=user),
        client_reference_id=str(user.pk),
        metadata=metadata,
        line_items=[line_item(plan or pack)],
        success_url=base_url + CHECKOUT_SUCCESS_PATH,
        cancel_url=base_url + CHECKOUT_CANCEL_PATH,
    )
    kind = f"plan:{plan.code}" if plan is not None else f"pack:{pack.code}"
    key = f"checkout:{user.pk}:{request_key}" if request_key else f"checkout:{user.pk}:{kind}:{uuid.uuid4().hex}"
    session = stripe_api.create_checkout_session(params=params, idempotency_key=key)
    checkout_record(user=user, session_id=session["id"], plan=plan, pack=pack)
    return session["url"]


def checkout_record(
    *, user: User, session_id: str, plan: Plan | None = None, pack: CreditPack | None = None
) -> CheckoutSession:
    """Record a Checkout Session Stripe created for us (once per session id: a retried request that
    Stripe answered with the same session records nothing new); for a pack, also its pending purchase
    with the credits and price the buyer sees."""
    with transaction.atomic():
        checkout, _ = CheckoutSession.objects.get_or_create(
            stripe_session_id=session_id, defaults={"user": user, "plan": plan, "pack": pack}
        )
        if pack is not None:
            Purchase.objects.get_or_create(
                checkout_session_id=session_id,
                defaults={
                    "user": user,
                    "pack": pack,
                    "credits": pack.credits,
                    "amount": pack.price_amount,
                    "currency": pack.currency,
                },
            )
    return checkout


def portal_start(*, user: User, base_url: str) -> str:
    """A Stripe customer portal session (change card, cancel, invoices) returning to the billing page; its URL.
    A user who never checked out has no Stripe customer yet: 409."""
    _require_stripe()
    customer_id = selectors.customer_id_of(user)
    if not customer_id:
        raise NoBillingAccount()
    return stripe_api.create_portal_session(
        customer_id=customer_id, return_url=base_url.rstrip("/") + PORTAL_RETURN_PATH
    )


# --- Subscriptions ----------------------------------------------------------------------------


def _is_newer(subscription: Subscription, state: SubscriptionState, observed_at: datetime) -> bool:
    if subscription.status in TERMINAL_STATUSES and state.status not in TERMINAL_STATUSES:
        return False  # Stripe never brings a canceled or expired subscription back
    if observed_at != subscription.state_at:
        return observed_at > subscription.state_at
    return stage(state.status) >= stage(subscription.status)


def _merge(subscription: Subscription, *, plan: Plan | None, state: SubscriptionState, observed_at: datetime) -> None:
    if _is_newer(subscription, state, observed_at):
        if state.status:
            subscription.status = state.status
        if plan is not None:
            subscription.plan = plan
        if state.current_period_end is not None:
            subscription.current_period_start = state.current_period_start
            subscription.current_period_end = state.current_period_end
        if state.cancel_at_period_end is not None:
            subscription.cancel_at_period_end = state.cancel_at_period_end
        subscription.state_at = observed_at
    elif subscription.current_period_end is None and state.current_period_end is not None:
        # older, but better than unknown
        subscription.current_period_start = state.current_period_start
        subscription.current_period_end = state.current_period_end
    if state.customer_id and not subscription.stripe_customer_id:
        subscription.stripe_customer_id = state.customer_id


def _refresh_user_plan(user: User) -> None:
    """Set the user's plan from their subscriptions: the best entitled one's, else `free`."""
    entitled = selectors.entitled_subscription(user)
    plan = entitled.plan_id if entitled is not None else selectors.FREE_PLAN
    if user.plan != plan:
        user_set_plan(user=user, plan=plan)


def _apply(*, user: User, plan: Plan | None, state: SubscriptionState, observed_at: datetime) -> Subscription | None:
    """The body of `subscription_apply`, for callers already inside its transaction with the user row locked."""
    subscription = Subscription.objects.select_for_update().filter(stripe_subscription_id=state.subscription_id).first()
    if subscription is None:
        if plan is None:
            logger.warning("Subscription %s is for none of our plans; not recorded", state.subscription_id)
            return None
        subscription = Subscription(
            user=user,
            stripe_subscription_id=state.subscription_id,
            stripe_customer_id=state.customer_id,
            plan=plan,
            status=state.status or "incomplete",
            current_period_start=state.current_period_start,
            current_period_end=state.current_period_end,
            cancel_at_period_end=bool(state.cancel_at_period_end),
            state_at=observed_at,
        )
    else:
        _merge(subscription, plan=plan, state=state, observed_at=observed_at)
    subscription.save()
    _refresh_user_plan(subscription.user if subscription.user_id != user.pk else user)
    return subscription


def subscription_apply(
    *, user: User, plan: Plan | None, state: SubscriptionState, observed_at: datetime
) -> Subscription | None:
    """Apply what Stripe said about a subscription at `observed_at` (an event's `created`, or the time of
    a direct read), then set the user's plan from their subscriptions.

    Only a state newer than the stored one changes status, plan, period and cancel-at-period-end
    (at the same second, the later stage of a subscription's life wins; a canceled or expired one is never
    revived); fields the state leaves unknown (None) are kept. A subscription for none of our plans is
    not recorded (None). A subscription that is canceled, unpaid, paused or incomplete gives no paid plan:
    with no other, the user is back on `free`.
    """
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        return _apply(user=locked, plan=plan, state=state, observed_at=observed_at)


def subscription_apply_object(*, subscription: dict, observed_at: datetime) -> Subscription | None:
    """Apply a Stripe subscription object (a `customer.subscription.*` event's, or one read from the API by
    `sync_stripe`) to the user it belongs to. None when it is not ours (no user or plan matches)."""
    state = subscription_state(subscription)
    user = selectors.user_for_stripe(
        user_id=state.user_id, customer_id=state.customer_id, subscription_id=state.subscription_id
    )
    if user is None:
        logger.warning("Subscription %s matches none of our users; not recorded", state.subscription_id)
        return None
    plan = selectors.plan_for(plan_code=state.plan_code, price_ids=state.price_ids)
    return subscription_apply(user=user, plan=plan, state=state, observed_at=observed_at)


def subscription_refresh(*, subscription: Subscription) -> Subscription | None:
    """Re-read one subscription from Stripe (a network call: never inside a transaction) and apply it. One
    Stripe no longer knows is recorded as canceled."""
    read_at = timezone.now()
    data = stripe_api.retrieve_subscription(subscription.stripe_subscription_id)
    if data is None:
        gone = SubscriptionState(subscription_id=subscription.stripe_subscription_id, status="canceled")
        return subscription_apply(user=subscription.user, plan=None, state=gone, observed_at=read_at)
    return subscription_apply_object(subscription=data, observed_at=read_at)


def subscription_invoice_paid(
    *,
    user: User,
    plan: Plan | None,
    state: SubscriptionState,
    observed_at: datetime,
    invoice_id: str,
    grants_allowance: bool,
) -> LedgerEntry | None:
    """A subscription's invoice was paid: record the subscription as active (if that is news), and grant
    the plan's credits for the period once per invoice (key `stripe:invoice:<id>`): `monthly_credits`
    per month the plan's interval covers. No grant when `grants_allowance` is false (a mid-period
    change, not a new period) or when the plan has no monthly credits. Returns the grant, if any."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        subscription = _apply(user=locked, plan=plan, state=state, observed_at=observed_at)
        plan = plan or (subscription.plan if subscription is not None else None)
        if plan is None or not grants_allowance or plan.monthly_credits == 0:
            return None
        amount = plan.monthly_credits * MONTHS_PER_INTERVAL.get(plan.interval, 1)
        return credits_grant(
            user=locked,
            amount=amount,
            key=f"stripe:invoice:{invoice_id}",
            kind=LedgerEntry.Kind.SUBSCRIPTION,
            description=f"{plan.name} plan: {amount} credits (invoice {invoice_id})",
        )


# --- Credit packs -----------------------------------------------------------------------------


def purchase_complete(
    *, checkout: CheckoutSession, payment_intent_id: str, amount: int | None, currency: str, paid: bool
) -> Purchase:
    """A pack's checkout session (one we created) completed. Records the payment intent (to match later
    refunds and disputes) and, once `paid`, grants the credits recorded at checkout (key
    `stripe:checkout:<session id>`, kind purchase)."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=checkout.user_id)
        purchase = Purchase.objects.select_for_update().select_related("pack").get(
            checkout_session_id=checkout.stripe_session_id
        )
        if payment_intent_id:
            purchase.payment_intent_id = payment_intent_id
        if amount is not None:
            purchase.amount, purchase.currency = amount, currency or purchase.currency
        if paid and purchase.status == Purchase.Status.PENDING:
            purchase.status, purchase.paid_at = Purchase.Status.PAID, timezone.now()
        purchase.save()
        if purchase.status != Purchase.Status.PENDING:
            credits_grant(
                user=locked,
                amount=purchase.credits,
                key=f"stripe:checkout:{checkout.stripe_session_id}",
                kind=LedgerEntry.Kind.PURCHASE,
                description=f"{purchase.pack.name}: {purchase.credits} credits",
            )
        return purchase


def purchase_refund(*, purchase: Purchase, charge_id: str, amount_refunded: int) -> LedgerEntry | None:
    """The pack's charge was refunded, in part or in full (`amount_refunded` is Stripe's running total).

    Takes back the refunded share of the pack's credits, rounded down (all of them for a full refund),
    less what earlier refunds already took, as one reversal per step (key
    `stripe:refund:<charge id>:<amount refunded>`), never below zero: credits already spent are not
    taken from elsewhere, and the shortfall is not carried to a later refund. An older or repeated
    notice (a running total we have seen) changes nothing. Returns the reversal, if credits were left.
    """
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=purchase.user_id)
        purchase = Purchase.objects.select_for_update().select_related("pack").get(pk=purchase.pk)
        if amount_refunded <= purchase.amount_refunded:
            return None
        refunded_all = amount_refunded >= purchase.amount
        share = purchase.credits if refunded_all else purchase.credits * amount_refunded // purchase.amount
        take = share - purchase.credits_revoked
        purchase.amount_refunded = amount_refunded
        purchase.credits_revoked = max(share, purchase.credits_revoked)
        purchase.status = Purchase.Status.REFUNDED if refunded_all else Purchase.Status.PARTIALLY_REFUNDED
        purchase.save(update_fields=["amount_refunded", "credits_revoked", "status", "updated_at"])
        if take <= 0:
            return None
        return credits_revoke(
            user=locked,
            amount=take,
            key=f"stripe:refund:{charge_id}:{amount_refunded}",
            description=f"Refund of {purchase.pack.name} ({charge_id})",
        )


def _locked_dispute(
    *, purchase: Purchase, dispute_id: str, amount: int, currency: str
) -> tuple[User, Purchase, Dispute]:
    locked_user = User.objects.select_for_update().get(pk=purchase.user_id)
    locked = Purchase.objects.select_for_update().select_related("pack").get(pk=purchase.pk)
    dispute, _ = Dispute.objects.select_for_update().get_or_create(
        stripe_dispute_id=dispute_id, defaults={"purchase": locked, "amount": amount, "currency": currency}
    )
    return locked_user, locked, dispute


def dispute_funds_withdrawn(*, purchase: Purchase, dispute_id: str, amount: int, currency: str) -> LedgerEntry | None:
    """Stripe withdrew `amount` of the pack's payment for a dispute: take back the pack's credits, their
    share of the disputed amount (all of them for the whole payment) less what refunds and other open
    disputes already took, as far as the balance allows (key `stripe:dispute:<id>:withdrawn`). Once per
    dispute; nothing if its funds were already reinstated. Returns the reversal, if any credits were
    left to take."""
    with transaction.atomic():
        user, purchase, dispute = _locked_dispute(
            purchase=purchase, dispute_id=dispute_id, amount=amount, currency=currency
        )
        if dispute.funds_withdrawn_at is not None or dispute.funds_reinstated_at is not None:
            return None
        share = purchase.credits if amount >= purchase.amount else purchase.credits * amount // purchase.amount
        taken_by_others = purchase.disputes.filter(funds_reinstated_at__isnull=True).aggregate(n=Sum("credits_taken"))
        share = min(share, purchase.credits - purchase.credits_revoked - (taken_by_others["n"] or 0))
        entry = None
        if share > 0:
            entry = credits_revoke(
                user=user,
                amount=share,
                key=f"stripe:dispute:{dispute_id}:withdrawn",
                description=f"Disputed payment of {purchase.pack.name} ({dispute_id})",
            )
        dispute.credits_taken = -entry.amount if entry is not None else 0
        dispute.funds_withdrawn_at = timezone.now()
        dispute.save()
        return entry


def dispute_funds_reinstated(*, purchase: Purchase, dispute_id: str, amount: int, currency: str) -> LedgerEntry | None:
    """Stripe gave the disputed funds back (the dispute was won): give back exactly the credits the
    withdrawal took (key `stripe:dispute:<id>:reinstated`), once. Seen before the withdrawal, it is
    recorded, so the late withdrawal then takes nothing. Returns the grant, if any."""
    with transaction.atomic():
        user, purchase, dispute = _locked_dispute(
            purchase=purchase, dispute_id=dispute_id, amount=amount, currency=currency
        )
        if dispute.funds_reinstated_at is not None:
            return None
        dispute.funds_reinstated_at = timezone.now()
        dispute.save()
        if dispute.credits_taken == 0:
            return None
        return credits_grant(
            user=user,
            amount=dispute.credits_taken,
            key=f"stripe:dispute:{dispute_id}:reinstated",
            kind=LedgerEntry.Kind.PURCHASE,
            description=f"Dispute won: {purchase.pack.name} credits back ({dispute_id})",
        )


# --- Closed accounts --------------------------------------------------------------------------


def _cancellation_queue(subscription: Subscription) -> None:
    """Record that `subscription` must be cancelled at Stripe, and send the task once the transaction
    commits (a failed send is logged: the periodic re-queue picks the row up)."""
    cancellation, _ = StripeCancellation.objects.get_or_create(subscription=subscription)
    if cancellation.done_at is None:
        transaction.on_commit(partial(tasks.cancel_stripe_subscription.delay, cancellation.pk), robust=True)


def account_close_billing(sender, user: User, **kwargs) -> None:
    """Receiver of `accounts.signals.user_closed`, inside the closing transaction: every subscription of the
    user still alive at Stripe is to be cancelled at once (a `StripeCancellation` row, sent by a task after
    the commit), and the personal data in the stored Stripe webhook payloads about the user is erased."""
    for subscription in Subscription.objects.filter(user_id=user.pk).exclude(status__in=TERMINAL_STATUSES):
        _cancellation_queue(subscription)
    stripe_events_erase(user=user)


def stripe_events_erase(*, user: User) -> int:
    """Erase the personal data of the stored Stripe events about `user` (`selectors.stripe_events_of`),
    keeping each event's id, type and timestamps for audit (`payloads.erased`). Returns how many."""
    erased_at = timezone.now()
    events = list(selectors.stripe_events_of(user).exclude(payload__has_key="erased_at").only("pk", "payload"))
    for event in events:
        event.payload = erased(event.payload, erased_at=erased_at)
    WebhookEvent.objects.bulk_update(events, ["payload"], batch_size=500)
    return len(events)


def stripe_event_of_closed_account(*, event: WebhookEvent, user: User, observed_at: datetime) -> None:
    """An event about an account already closed changes nothing (the webhook of our own cancellation
    among them), and its personal data is erased like that of the events stored before the closure. One
    exception: a subscription still alive at Stripe (paid for just as the account closed) is recorded and
    cancelled like the others."""
    obj = event.payload["data"]["object"]
    if obj.get("object") == "subscription":
        state = subscription_state(obj)
        if state.status and state.status not in TERMINAL_STATUSES:
            plan = selectors.plan_for(plan_code=state.plan_code, price_ids=state.price_ids)
            with transaction.atomic():
                subscription = subscription_apply(user=user, plan=plan, state=state, observed_at=observed_at)
                if subscription is not None and subscription.status not in TERMINAL_STATUSES:
                    _cancellation_queue(subscription)
    event.payload = erased(event.payload, erased_at=timezone.now())
    WebhookEvent.objects.filter(pk=event.pk).update(payload=event.payload)


def stripe_cancellation_send(*, cancellation_id: int) -> StripeCancellation:
    """Cancel a closed account's subscription at Stripe (a network call, outside any transaction) and record
    the cancelled state, and so the user's plan; a no-op once done, so running it twice is safe. A failed
    call (Stripe down, the key refused) is recorded on the row (attempts, last error) and re-raised, for
    the caller to try again later."""
    cancellation = StripeCancellation.objects.select_related("subscription").get(pk=cancellation_id)
    if cancellation.done_at is not None:
        return cancellation
    subscription = cancellation.subscription
    pending = StripeCancellation.objects.filter(pk=cancellation.pk)
    pending.update(attempts=F("attempts") + 1, attempted_at=timezone.now())
    read_at = timezone.now()
    try:
        data = stripe_api.cancel_subscription(subscription.stripe_subscription_id)
        state = subscription_state(data) if data is not None else None
        if state is not None and state.status not in TERMINAL_STATUSES:
            raise ProviderUnavailable(f"Stripe still has the subscription {state.status}.")
    except DomainError as error:
        pending.update(last_error=error.message)
        raise
    state = state or SubscriptionState(subscription_id=subscription.stripe_subscription_id, status="canceled")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=subscription.user_id)
        Subscription.objects.select_for_update().get(pk=subscription.pk)
        locked = StripeCancellation.objects.select_for_update().get(pk=cancellation.pk)
        if locked.done_at is None:
            _apply(user=user, plan=None, state=state, observed_at=read_at)
            locked.done_at, locked.last_error = timezone.now(), ""
            locked.save(update_fields=["done_at", "last_error"])
        return locked
