"""Reads of plans, packs, subscriptions and the Stripe ids that tie them to our users."""

from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce

from accounts.models import User
from designforge.models import WebhookEvent
from designforge.plans import PlanLimits

from .models import CheckoutSession, CreditPack, Plan, Purchase, StripeCancellation, StripeCustomer, Subscription
from .payloads import StripeRefs

FREE_PLAN = "free"
# Subscriptions in these statuses give their plan. `past_due` keeps it while Stripe retries the
# payment; `unpaid`, `paused`, `incomplete` and the terminal statuses do not.
ENTITLED_STATUSES = ("active", "trialing", "past_due")


def plans() -> QuerySet[Plan]:
    return Plan.objects.order_by("rank", "code")


def packs_for_sale() -> QuerySet[CreditPack]:
    return CreditPack.objects.filter(is_active=True).order_by("credits", "code")


def env_price_ids() -> dict[tuple[str, str], str]:
    """Price ids set by the environment, which win over those stored in admin."""
    return {
        ("plan", "pro"): settings.STRIPE_PRICE_PRO,
        ("pack", "small"): settings.STRIPE_PRICE_PACK_SMALL,
        ("pack", "large"): settings.STRIPE_PRICE_PACK_LARGE,
    }


def price_id_of(item: Plan | CreditPack) -> str:
    """The Stripe price id used at checkout: the environment's when set, else the one in admin ("" if none)."""
    kind = "plan" if isinstance(item, Plan) else "pack"
    return env_price_ids().get((kind, item.code)) or item.stripe_price_id


def plan_for(*, plan_code: str | None = None, price_ids: tuple[str, ...] = ()) -> Plan | None:
    """The plan a Stripe object is for: by our metadata's plan code, else by its price ids."""
    if plan_code:
        plan = Plan.objects.filter(code=plan_code).first()
        if plan is not None:
            return plan
    for plan in plans():
        if price_ids and price_id_of(plan) in price_ids:
            return plan
    return None


def checkout_session_of(session_id: str) -> CheckoutSession | None:
    """The checkout session we created with this Stripe id, with its user, plan or pack; None if not ours."""
    return CheckoutSession.objects.select_related("user", "plan", "pack").filter(stripe_session_id=session_id).first()


def customer_id_of(user: User) -> str | None:
    return StripeCustomer.objects.filter(user_id=user.pk).values_list("stripe_customer_id", flat=True).first()


def user_for_stripe(*, user_id: int | None = None, customer_id: str = "", subscription_id: str = "") -> User | None:
    """The user a Stripe object belongs to: the user id our metadata carries, else the user of the stored
    subscription, else of the stored customer. None when nothing matches (not one of our objects)."""
    if user_id is not None:
        user = User.objects.filter(pk=user_id).first()
        if user is not None:
            return user
    if subscription_id:
        user = User.objects.filter(subscriptions__stripe_subscription_id=subscription_id).first()
        if user is not None:
            return user
    if customer_id:
        return User.objects.filter(stripe_customer__stripe_customer_id=customer_id).first()
    return None


def entitled_subscription(user: User) -> Subscription | None:
    """The user's subscription that gives them a paid plan (the highest-ranked one), if any."""
    return (
        Subscription.objects.filter(user_id=user.pk, status__in=ENTITLED_STATUSES)
        .select_related("plan")
        .order_by("-plan__rank", "-created_at")
        .first()
    )


def current_subscription(user: User) -> Subscription | None:
    """The subscription to show the user: the one that gives their plan, else their latest one."""
    return entitled_subscription(user) or (
        Subscription.objects.filter(user_id=user.pk).select_related("plan").order_by("-created_at", "-id").first()
    )


def user_has_plan(user: User, plan_code: str) -> bool:
    """Whether the user's plan is `plan_code` or ranks above it (a higher plan includes a lower one)."""
    ranks = dict(Plan.objects.values_list("code", "rank"))
    if plan_code not in ranks:
        return False
    return ranks.get(user.plan, -1) >= ranks[plan_code]


def plan_limits(code: str) -> PlanLimits:
    """The limits of plan `code` (the free plan's for an unknown code), and the next plan up to offer."""
    plans = list(Plan.objects.order_by("rank", "code"))
    plan = next((p for p in plans if p.code == code), None) or next(p for p in plans if p.code == FREE_PLAN)
    higher = next((p for p in plans if p.rank > plan.rank), None)
    return PlanLimits(
        plan=plan.code,
        plan_name=plan.name,
        max_design_systems=plan.max_design_systems,
        api_keys=plan.max_api_keys,
        upgrade_plan=higher.code if higher else "",
    )


#: The signup grant is read on every new user: it is kept in the shared cache, forgotten when a plan is saved.
SIGNUP_CREDITS_CACHE_KEY = "billing:signup-credits"


def signup_credits() -> int:
    """The credits every new user is granted: the free plan's `signup_credits` (cached until a plan is saved)."""

    def read() -> int:
        return Plan.objects.filter(code=FREE_PLAN).values_list("signup_credits", flat=True).first() or 0

    return cache.get_or_set(SIGNUP_CREDITS_CACHE_KEY, read, timeout=3600)


def owner_of(refs: StripeRefs) -> User | None:
    """The user, closed accounts included, a Stripe object belongs to (`user_for_stripe`, else the buyer of
    the pack paid with its payment intent)."""
    user = user_for_stripe(user_id=refs.user_id, customer_id=refs.customer_id, subscription_id=refs.subscription_id)
    if user is None and refs.payment_intent_id:
        user = User.objects.filter(purchases__payment_intent_id=refs.payment_intent_id).first()
    return user


def stripe_events_of(user: User) -> QuerySet[WebhookEvent]:
    """The stored Stripe events about `user`: their object carries our metadata for them, or is (or names)
    one of their customers, subscriptions, checkout sessions or pack payments."""
    subscriptions = list(Subscription.objects.filter(user_id=user.pk).values_list("stripe_subscription_id", flat=True))
    customers = {
        *StripeCustomer.objects.filter(user_id=user.pk).values_list("stripe_customer_id", flat=True),
        *Subscription.objects.filter(user_id=user.pk).exclude(stripe_customer_id="").values_list(
            "stripe_customer_id", flat=True
        ),
    }
    payments = list(
        Purchase.objects.filter(user_id=user.pk, payment_intent_id__isnull=False).values_list(
            "payment_intent_id", flat=True
        )
    )
    sessions = list(CheckoutSession.objects.filter(user_id=user.pk).values_list("stripe_session_id", flat=True))
    obj, uid = "payload__data__object__", str(user.pk)
    about = (
        Q(**{f"{obj}metadata__user_id": uid})
        | Q(**{f"{obj}client_reference_id": uid})
        | Q(**{f"{obj}parent__subscription_details__metadata__user_id": uid})
    )
    if ids := [*customers, *subscriptions, *payments, *sessions]:
        about |= Q(**{f"{obj}id__in": ids})
    if customers:
        about |= Q(**{f"{obj}customer__in": list(customers)}) | Q(**{f"{obj}customer__id__in": list(customers)})
    if subscriptions:
        about |= Q(**{f"{obj}subscription__in": subscriptions})
        about |= Q(**{f"{obj}parent__subscription_details__subscription__in": subscriptions})
    if payments:
        about |= Q(**{f"{obj}payment_intent__in": payments})
    return WebhookEvent.objects.filter(about, source="stripe")


def cancellations_to_retry(*, last_tried_before: datetime) -> QuerySet[StripeCancellation]:
    """Cancellations not done yet whose last attempt (or creation, if never tried) is older than the cut-off."""
    return (
        StripeCancellation.objects.filter(done_at__isnull=True)
        .alias(last_try=Coalesce("attempted_at", "created_at"))
        .filter(last_try__lt=last_tried_before)
        .order_by("created_at")
    )
