from django import forms
from django.contrib import admin

from designforge.admin import ReadOnlyAdminMixin, messages
from designforge.errors import DomainError

from . import selectors, services
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


class PriceIdMixin:
    @admin.display(description="Price id in use")
    def price_in_use(self, obj):
        price_id = selectors.price_id_of(obj)
        if not price_id:
            return "— (not for sale)"
        return f"{price_id} (from the environment)" if price_id != obj.stripe_price_id else price_id


def _at_least(a: int | None, b: int | None) -> bool:
    """Whether limit `a` allows at least as much as `b` (None is unlimited)."""
    return a is None or (b is not None and a >= b)


LIMITS = {"max_design_systems": "saved design systems", "max_api_keys": "API keys"}


class PlanForm(forms.ModelForm):
    """A plan's price, allowances and limits. Besides each field's own rules: the free plan costs nothing
    and is the only one whose signup credits count; a plan without a price has no invoices, so no monthly
    credits; and a plan allows at least what every lower-ranked plan allows (upgrading never takes away)."""

    class Meta:
        model = Plan
        fields = [
            "code",
            "name",
            "price_amount",
            "currency",
            "interval",
            "monthly_credits",
            "signup_credits",
            "max_design_systems",
            "max_api_keys",
            "features",
            "rank",
            "stripe_price_id",
        ]

    def clean_features(self):
        features = self.cleaned_data["features"]
        if not isinstance(features, list) or not all(isinstance(f, str) and f.strip() for f in features):
            raise forms.ValidationError('Give a list of sentences, e.g. ["100 credits every month", "…"].')
        return features

    def clean_max_design_systems(self):
        value = self.cleaned_data["max_design_systems"]
        if value == 0:
            raise forms.ValidationError("Allow at least 1, or leave it empty for unlimited.")
        return value

    def clean(self):
        data = super().clean()
        code = self.instance.code if self.instance.pk else data.get("code")
        is_free = code == selectors.FREE_PLAN
        if is_free and data.get("price_amount"):
            self.add_error("price_amount", "The free plan costs nothing.")
        if not is_free and data.get("signup_credits"):
            self.add_error("signup_credits", "Only the free plan's signup credits are granted: set them there.")
        if data.get("price_amount") == 0 and data.get("monthly_credits"):
            self.add_error("monthly_credits", "A plan without a price is never invoiced: it grants no monthly credits.")
        if "rank" in data:
            self._check_ranks(code, data)
        return data

    def _check_ranks(self, code: str, data: dict) -> None:
        others = list(Plan.objects.exclude(code=code).exclude(rank=data["rank"]))
        for field, what in LIMITS.items():
            if field not in data:
                continue
            for other in others:
                theirs, below = getattr(other, field), other.rank < data["rank"]
                if not (_at_least(data[field], theirs) if below else _at_least(theirs, data[field])):
                    allows = "unlimited" if theirs is None else theirs
                    self.add_error(
                        field,
                        f"{other.name}, ranked {'below' if below else 'above'} this plan, allows {allows} {what}: "
                        "a plan must allow at least what every plan ranked below it allows.",
                    )
                    break


@admin.register(Plan)
class PlanAdmin(PriceIdMixin, admin.ModelAdmin):
    """Plans are referenced by users and subscriptions by code: they are edited, never deleted."""

    form = PlanForm
    list_display = [
        "code",
        "name",
        "price_amount",
        "currency",
        "interval",
        "monthly_credits",
        "max_design_systems",
        "max_api_keys",
        "rank",
        "price_in_use",
    ]
    readonly_fields = ["price_in_use", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields + (["code"] if obj else [])

    def save_model(self, request, obj, form, change):
        services.plan_save(plan=obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CreditPack)
class CreditPackAdmin(PriceIdMixin, admin.ModelAdmin):
    """Packs are retired by unticking "is active" (purchases keep referring to them), never deleted."""

    list_display = ["code", "name", "credits", "price_amount", "currency", "is_active", "price_in_use"]
    list_filter = ["is_active"]
    readonly_fields = ["price_in_use", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields + (["code"] if obj else [])

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "stripe_subscription_id",
        "user",
        "plan",
        "status",
        "current_period_end",
        "cancel_at_period_end",
        "state_at",
    ]
    list_filter = ["status", "plan", "cancel_at_period_end"]
    search_fields = ["stripe_subscription_id", "stripe_customer_id", "user__email", "user__clerk_id"]
    list_select_related = ["user", "plan"]
    date_hierarchy = "created_at"
    actions = ["refresh_from_stripe"]

    @admin.action(description="Re-read the selected subscriptions from Stripe")
    def refresh_from_stripe(self, request, queryset):
        refreshed = 0
        for subscription in queryset.select_related("user"):
            try:
                services.subscription_refresh(subscription=subscription)
                refreshed += 1
            except DomainError as error:
                self.message_user(request, f"{subscription}: {error.message}", messages.ERROR)
                break
        self.message_user(request, f"Re-read {refreshed} subscription(s) from Stripe.")


@admin.register(Purchase)
class PurchaseAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "created_at",
        "user",
        "pack",
        "credits",
        "amount",
        "currency",
        "status",
        "amount_refunded",
        "credits_revoked",
    ]
    list_filter = ["status", "pack"]
    search_fields = ["checkout_session_id", "payment_intent_id", "user__email", "user__clerk_id"]
    list_select_related = ["user", "pack"]
    date_hierarchy = "created_at"


@admin.register(StripeCancellation)
class StripeCancellationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Closed accounts' subscriptions to cancel at Stripe; pending ones are sent again every few minutes."""

    list_display = ["created_at", "subscription", "attempts", "attempted_at", "done_at", "last_error"]
    list_filter = [("done_at", admin.EmptyFieldListFilter)]
    search_fields = ["subscription__stripe_subscription_id", "subscription__user__clerk_id"]
    list_select_related = ["subscription"]
    date_hierarchy = "created_at"


@admin.register(Dispute)
class DisputeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "stripe_dispute_id", "purchase", "amount", "currency", "credits_taken",
                    "funds_withdrawn_at", "funds_reinstated_at"]
    search_fields = ["stripe_dispute_id", "purchase__payment_intent_id", "purchase__user__email"]
    list_select_related = ["purchase__user", "purchase__pack"]
    date_hierarchy = "created_at"


@admin.register(CheckoutSession)
class CheckoutSessionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Every Checkout Session we created: only these are honoured when Stripe says one completed."""

    list_display = ["created_at", "stripe_session_id", "user", "plan", "pack"]
    list_filter = ["plan", "pack"]
    search_fields = ["stripe_session_id", "user__email", "user__clerk_id"]
    list_select_related = ["user", "plan", "pack"]
    date_hierarchy = "created_at"


@admin.register(StripeCustomer)
class StripeCustomerAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["stripe_customer_id", "user", "created_at"]
    search_fields = ["stripe_customer_id", "user__email", "user__clerk_id"]
    list_select_related = ["user"]
