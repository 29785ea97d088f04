from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors, services, stripe_api
from .errors import StripeNotConfigured
from .serializers import (
    CheckoutRequestSerializer,
    PlansSerializer,
    SubscriptionSerializer,
    UrlSerializer,
    price_list,
)

NOT_CONFIGURED = OpenApiResponse(
    description="`not_configured`: payments are off on this server (STRIPE_SECRET_KEY is unset, or Stripe refused it)."
)
STRIPE_FAILED = OpenApiResponse(description="`provider_unavailable`: Stripe failed or could not be reached.")


def _base_url(request) -> str:
    """The origin the request came to, for Stripe to send the browser back to."""
    return request.build_absolute_uri("/")


def _require_stripe() -> None:
    if not stripe_api.is_configured():
        raise StripeNotConfigured()


class PlansView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        responses=PlansSerializer,
        auth=[],
        tags=["billing"],
        summary="Plans and credit packs",
        description="Every plan (`free` and `pro` always exist) with its price, monthly credits and limits "
        "(saved design systems, personal API keys), the credit packs for sale, and the credits every new user "
        "is granted. Prices are in minor units (cents). Staff edit all of it in admin; the pricing table shows "
        "the same numbers.",
    )
    def get(self, request):
        return Response(price_list())


class CheckoutView(APIView):
    accepts_api_keys = False  # personal API keys cannot spend money or see billing (403)

    @extend_schema(
        request=CheckoutRequestSerializer,
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                str,
                OpenApiParameter.HEADER,
                required=False,
                description="Retrying with the same key returns the same Checkout Session.",
            )
        ],
        responses={
            200: UrlSerializer,
            400: OpenApiResponse(description="`invalid`: neither or both of plan and pack, or an unknown code."),
            409: OpenApiResponse(
                description="`conflict`: already on a paid plan (manage it in the portal); "
                "`idempotency_conflict`: the Idempotency-Key was used for another checkout."
            ),
            429: OpenApiResponse(
                description="`rate_limited`: too many checkouts (`CHECKOUT_RATE_LIMIT` per user); see `Retry-After`."
            ),
            502: STRIPE_FAILED,
            503: NOT_CONFIGURED,
        },
        tags=["billing"],
        summary="Start a Stripe Checkout",
        description='`{"plan": "pro"}` subscribes (Checkout in subscription mode); `{"pack": "<code>"}` buys a '
        "credit pack (payment mode). Answers the Checkout URL to send the browser to; Stripe returns it to "
        "`/billing/?checkout=success` or `/billing/?checkout=cancelled`. Credits and the plan follow from "
        "Stripe's webhook once the payment succeeds.",
    )
    def post(self, request):
        _require_stripe()
        serializer = CheckoutRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        url = services.checkout_start(
            user=request.user,
            base_url=_base_url(request),
            plan=serializer.validated_data.get("plan"),
            pack=serializer.validated_data.get("pack"),
            request_key=request.headers.get("Idempotency-Key", "")[:200],
        )
        return Response(UrlSerializer({"url": url}).data)


class PortalView(APIView):
    accepts_api_keys = False  # personal API keys cannot spend money or see billing (403)

    @extend_schema(
        request=None,
        responses={
            200: UrlSerializer,
            409: OpenApiResponse(description="`conflict`: no billing account yet (nothing bought so far)."),
            502: STRIPE_FAILED,
            503: NOT_CONFIGURED,
        },
        tags=["billing"],
        summary="Open the Stripe customer portal",
        description="Answers the URL of a Stripe customer portal session (change card, cancel, invoices) that "
        "returns to `/billing/`.",
    )
    def post(self, request):
        return Response(
            UrlSerializer({"url": services.portal_start(user=request.user, base_url=_base_url(request))}).data
        )


class SubscriptionView(APIView):
    accepts_api_keys = False  # personal API keys cannot spend money or see billing (403)

    @extend_schema(
        responses={200: SubscriptionSerializer},
        tags=["billing"],
        summary="The current plan and subscription",
        description="The user's plan and the subscription behind it (or their latest one), from our own "
        "records (kept by Stripe's webhook; no Stripe call, so it answers without Stripe keys too): Stripe's "
        "status, the paid period's start and end, and whether it is set to cancel at the end. A user who "
        "never subscribed gets `status: null`.",
    )
    def get(self, request):
        subscription = selectors.current_subscription(request.user)
        data = {
            "plan": request.user.plan,
            "status": subscription.status if subscription else None,
            "current_period_start": subscription.current_period_start if subscription else None,
            "current_period_end": subscription.current_period_end if subscription else None,
            "cancel_at_period_end": subscription.cancel_at_period_end if subscription else False,
        }
        return Response(SubscriptionSerializer(data).data)
