from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from designforge.serializers import StrictSerializer

from . import selectors
from .models import CreditPack, Plan


class PlanPriceSerializer(serializers.Serializer):
    amount = serializers.IntegerField(source="price_amount", help_text="Minor units (cents).")
    currency = serializers.CharField()
    interval = serializers.CharField()


class PackPriceSerializer(serializers.Serializer):
    amount = serializers.IntegerField(source="price_amount", help_text="Minor units (cents).")
    currency = serializers.CharField()


class PlanLimitsSerializer(serializers.Serializer):
    design_systems = serializers.IntegerField(
        source="max_design_systems",
        allow_null=True,
        min_value=1,
        help_text="Saved design systems allowed; null for unlimited. Past it, saving answers 403 `plan_required`.",
    )
    api_keys = serializers.IntegerField(
        source="max_api_keys", min_value=0, help_text="Active personal API keys allowed; 0: the plan has none."
    )


class PlanSerializer(serializers.ModelSerializer):
    price = PlanPriceSerializer(source="*")
    limits = PlanLimitsSerializer(source="*")
    features = serializers.SerializerMethodField()

    class Meta:
        model = Plan
        fields = ["code", "name", "price", "monthly_credits", "limits", "features"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_features(self, plan):
        """The plan's sentences, with `{monthly_credits}` and `{signup_credits}` filled in."""
        numbers = {
            "{monthly_credits}": str(plan.monthly_credits),
            "{signup_credits}": str(self.context["signup_credits"]),
        }
        features = []
        for feature in plan.features or []:
            text = str(feature)
            for placeholder, value in numbers.items():
                text = text.replace(placeholder, value)
            features.append(text)
        return features


class PackSerializer(serializers.ModelSerializer):
    price = PackPriceSerializer(source="*")

    class Meta:
        model = CreditPack
        fields = ["code", "name", "credits", "price"]


class PlansSerializer(serializers.Serializer):
    plans = PlanSerializer(many=True)
    packs = PackSerializer(many=True)
    signup_credits = serializers.IntegerField(
        min_value=0, help_text="Credits every new user is granted once, whatever the plan (set by staff)."
    )


def price_list() -> dict:
    """The body of `GET /api/plans`, which the pricing tables show too: every plan with its limits, the
    credit packs for sale and the signup grant, all read from the rows staff edit."""
    plans = list(selectors.plans())
    signup = next((plan.signup_credits for plan in plans if plan.code == selectors.FREE_PLAN), 0)
    instance = {"plans": plans, "packs": selectors.packs_for_sale(), "signup_credits": signup}
    return PlansSerializer(instance, context={"signup_credits": signup}).data


class CheckoutRequestSerializer(StrictSerializer):
    """Exactly one of `plan` (a paid plan's code) and `pack` (a credit pack's code)."""

    plan = serializers.CharField(required=False, help_text='A paid plan\'s code, e.g. "pro".')
    pack = serializers.CharField(required=False, help_text='A credit pack\'s code, e.g. "small".')

    def validate_plan(self, code):
        plan = Plan.objects.filter(code=code).first()
        if plan is None:
            raise serializers.ValidationError(f'There is no plan "{code}".')
        if plan.price_amount == 0:
            raise serializers.ValidationError(f"The {plan.name} plan is free: there is nothing to buy.")
        return plan

    def validate_pack(self, code):
        pack = CreditPack.objects.filter(code=code, is_active=True).first()
        if pack is None:
            raise serializers.ValidationError(f'There is no credit pack "{code}" for sale.')
        return pack

    def validate(self, attrs):
        if ("plan" in attrs) == ("pack" in attrs):
            raise serializers.ValidationError("Give exactly one of plan and pack.")
        return attrs


class UrlSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="Where to send the browser (a page hosted by Stripe).")


class SubscriptionSerializer(serializers.Serializer):
    plan = serializers.CharField(help_text="The plan the user is on now (`free` without a paying subscription).")
    status = serializers.CharField(
        allow_null=True, help_text="Stripe's status of the subscription shown (null when there has never been one)."
    )
    current_period_start = serializers.DateTimeField(
        allow_null=True, help_text="When the paid period began (null when unknown or never subscribed)."
    )
    current_period_end = serializers.DateTimeField(
        allow_null=True, help_text="When the paid period ends: the subscription renews, or ends if cancelling."
    )
    cancel_at_period_end = serializers.BooleanField()
