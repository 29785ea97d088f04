"""Pages for pricing and billing: the landing page with the pricing table, and the billing page with the
user's plan, credit packs and buttons that open Stripe Checkout or the customer portal.

The buttons post here; these views call the same services as `POST /api/billing/checkout|portal` and
send the browser to the URL Stripe returned. A `DomainError` (Stripe not configured, already
subscribed, no billing account yet, Stripe down) comes back as a message on the billing page.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from credits import selectors as credit_selectors
from designforge.errors import DomainError

from . import selectors, services, stripe_api
from .serializers import CheckoutRequestSerializer, price_list

CURRENCY_SYMBOLS = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥"}
ZERO_DECIMAL_CURRENCIES = {"jpy", "krw", "vnd", "clp", "isk", "huf", "twd", "ugx"}
CHECKOUT_MESSAGES = {
    "success": (
        messages.SUCCESS,
        "Thank you! Your payment went through. Your credits or plan appear here as soon "
        "as Stripe confirms it, usually within seconds.",
    ),
    "cancelled": (messages.INFO, "Checkout cancelled: nothing was charged."),
}


def money(amount: int, currency: str) -> str:
    """Minor units as a price people read: 1200 usd → "$12", 1250 usd → "$12.50"."""
    currency = currency.lower()
    major = amount if currency in ZERO_DECIMAL_CURRENCIES else amount / 100
    text = f"{major:,.0f}" if major == int(major) else f"{major:,.2f}"
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency.upper()}"


def plan_lines(plan: dict) -> list[dict]:
    """What the pricing table lists for a plan: its first feature (the credits), its limits, then the
    rest of its features."""
    saved, keys = plan["limits"]["design_systems"], plan["limits"]["api_keys"]
    limits = [f"Up to {saved} saved design systems" if saved is not None else "Unlimited saved design systems"]
    if keys:
        limits.append(f"Personal API keys for scripts (up to {keys})")
    features = plan["features"]
    return [
        *({"text": text, "is_limit": False} for text in features[:1]),
        *({"text": text, "is_limit": True} for text in limits),
        *({"text": text, "is_limit": False} for text in features[1:]),
    ]


def pricing() -> dict:
    """The plans, limits and packs exactly as `GET /api/plans` shows them, with readable prices."""
    data = price_list()
    plans = [
        {
            **plan,
            "price_display": money(plan["price"]["amount"], plan["price"]["currency"]),
            "is_free": plan["price"]["amount"] == 0,
            "lines": plan_lines(plan),
        }
        for plan in data["plans"]
    ]
    packs = [
        {**pack, "price_display": money(pack["price"]["amount"], pack["price"]["currency"])} for pack in data["packs"]
    ]
    return {"plans": plans, "packs": packs, "signup_credits": data["signup_credits"]}


def landing(request):
    """What DesignForge does, and what it costs."""
    return render(request, "billing/landing.html", {**pricing(), "feature_costs": credit_selectors.feature_costs()})


@login_required
def billing(request):
    """The user's plan and subscription, the plans and packs to buy, and the way to the Stripe portal."""
    outcome = CHECKOUT_MESSAGES.get(request.GET.get("checkout", ""))
    if outcome:
        messages.add_message(request, *outcome)
        return redirect("billing")  # so a reload does not repeat the message
    subscription = selectors.current_subscription(request.user)
    context = {
        **pricing(),
        "subscription": subscription,
        "subscription_status": subscription.status.replace("_", " ") if subscription else "",
        "balance": credit_selectors.balance_of(request.user),
        "stripe_configured": stripe_api.is_configured(),
        "request_key": uuid.uuid4(),
    }
    return render(request, "billing/billing.html", context)


@login_required
@require_POST
def checkout(request):
    """Start Stripe Checkout for a plan or a pack (the form's `plan` or `pack`) and go there."""
    serializer = CheckoutRequestSerializer(data={k: v for k, v in request.POST.items() if k in ("plan", "pack")})
    if not serializer.is_valid():
        errors = [str(message) for messages_ in serializer.errors.values() for message in messages_]
        messages.error(request, " ".join(errors) or "Choose a plan or a credit pack.")
        return redirect("billing")
    try:
        url = services.checkout_start(
            user=request.user,
            base_url=request.build_absolute_uri("/"),
            plan=serializer.validated_data.get("plan"),
            pack=serializer.validated_data.get("pack"),
            request_key=request.POST.get("request_key", "")[:200],
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("billing")
    return redirect(url)


@login_required
@require_POST
def portal(request):
    """Open the Stripe customer portal (card, invoices, cancel)."""
    try:
        url = services.portal_start(user=request.user, base_url=request.build_absolute_uri("/"))
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("billing")
    return redirect(url)
