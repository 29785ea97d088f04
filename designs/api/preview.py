"""The free side of the engine: `POST /api/preview` and `GET /api/engine`."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import services
from ..engine.catalogue import describe
from ..serializers import PreviewRequestSerializer, PreviewSerializer
from .schema import INVALID, error


def requester_key(request) -> str:
    """Who a free request is counted against: the signed-in user, else the client's address."""
    user = request.user
    return f"user:{user.pk}" if user and user.is_authenticated else f"ip:{request.META.get('REMOTE_ADDR', '')}"


class PreviewView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["engine"],
        summary="Preview an intent (free)",
        description="Runs the engine on an explicit intent: tokens and the accessibility report, with every contrast "
        "guarantee of a generation, but no AI call, no charge and nothing saved. `variant: n` gives the n-th "
        "deterministic alternative of every part not named in `locks` (another harmony, neutral tint, pairing..., "
        "the brand colours turned on the wheel), so a page can show variations at no cost. Open to anyone, "
        "limited by `PREVIEW_RATE_LIMIT` per user (per IP address when signed out).",
        request=PreviewRequestSerializer,
        responses={
            200: PreviewSerializer,
            400: INVALID,
            429: error("`rate_limited`: too many previews; see the `Retry-After` header."),
        },
        examples=[
            OpenApiExample("A brand colour", value={"intent": {"primary": "#FFD400"}}, request_only=True),
            OpenApiExample(
                "The third variation, keeping the colours",
                value={"intent": {"primary": "#1e40af", "harmony": "triadic"}, "variant": 3,
                       "locks": ["primary", "secondary", "accent"]},
                request_only=True,
            ),
        ],
    )
    def post(self, request):
        serializer = PreviewRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = services.preview_run(
            intent=data["intent"], requester=requester_key(request), variant_number=data["variant"],
            locks=data["locks"],
        )
        return Response(PreviewSerializer(result).data)


class EngineView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        tags=["engine"],
        summary="What an intent may hold",
        description="Every intent field with its range or choices and default, the font pairings (each family with "
        "its fallbacks, the weights we ship and its licence), the named type-scale ratios, the parts a variation "
        "can lock, and the engine version.",
        auth=[],
        responses={200: OpenApiResponse(response=OpenApiTypes.OBJECT, description="The engine's options.")},
    )
    def get(self, request):
        return Response(describe())
