"""`POST /api/generate/*`: paid generation from a sentence and/or a brand colour."""

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle
from rest_framework.views import APIView

from credits.selectors import balance_of

from .. import services
from ..models import Generation
from ..serializers import GenerationRequestSerializer, GenerationSerializer
from .schema import INVALID, SAVED_LIMIT, error

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="Any unique string (up to 255 characters), e.g. a UUID. Retrying with the same key and the same "
    "body returns the first result and charges once; the same key with a different body answers 409.",
)


class GenerationThrottle(UserRateThrottle):
    """Per-user limit on generation requests, `GENERATION_RATE_LIMIT` (DRF rate syntax, e.g. `30/min`).

    The rate is read from the setting on every request (not frozen at import like DRF's
    `DEFAULT_THROTTLE_RATES`), so it follows the configuration the process is running with.
    """

    scope = "generation"

    def get_rate(self):
        return settings.GENERATION_RATE_LIMIT


def _generation_schema(kind: str, summary: str, contents: str):
    cost = {"colors": 1, "typography": 1, "design-system": 2}[kind]
    return extend_schema(
        operation_id=f"generate_{kind.replace('-', '_')}",
        summary=summary,
        description=f"Generates {contents} from a sentence and/or a brand colour and charges the `{kind}` feature "
        f"({cost} credit{'s' if cost > 1 else ''} by default, see `GET /api/features`). In both themes the "
        "text, on-colour, primary and focus-ring contrast is checked and repaired to WCAG 2.x (4.5:1 for text, "
        "3:1 for non-text); the `report` lists every pair. The `provider` field says who read the prompt: the "
        "built-in offline engine, or an OpenAI-compatible model when the server has `OPENAI_API_KEY`. When the "
        "provider fails, the answer is 502/503, the credits are returned in full and the failure is recorded.",
        tags=["generation"],
        parameters=[IDEMPOTENCY_KEY],
        request=GenerationRequestSerializer,
        responses={
            201: GenerationSerializer,
            400: INVALID,
            402: error("`insufficient_credits`: `details.required` and `details.available`; nothing was charged."),
            403: SAVED_LIMIT,
            409: error(
                "`idempotency_conflict`: the Idempotency-Key was used with a different body, or that request "
                "is still being processed."
            ),
            429: error("`rate_limited`: too many generation requests; see the `Retry-After` header."),
            502: error("`provider_unavailable`: the AI provider answered unusably; the credits were returned."),
            503: error("`provider_unavailable`: the AI provider could not be reached in time; credits returned."),
        },
        examples=[
            OpenApiExample(
                "From a sentence, saved",
                value={"prompt": "calm, trustworthy fintech for families", "save": True, "name": "Acme Bank"},
                request_only=True,
            ),
            OpenApiExample("From a brand colour", value={"seed_color": "#2563EB"}, request_only=True),
            OpenApiExample(
                "Both",
                value={"prompt": "playful children's reading app, rounded", "seed_color": "#F97316", "save": False},
                request_only=True,
            ),
        ],
    )


class GenerateView(APIView):
    """POST: parse, run the generation service, answer 201 with the result and the balance."""

    kind: str
    throttle_classes = [GenerationThrottle]

    def generate(self, request):
        serializer = GenerationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        generation = services.generation_run(
            user=request.user,
            kind=self.kind,
            idempotency_key=request.headers.get("Idempotency-Key"),
            **serializer.validated_data,
        )
        data = GenerationSerializer(generation, context={"balance": balance_of(request.user)}).data
        return Response(data, status=201)


class GenerateColorsView(GenerateView):
    kind = Generation.Kind.COLORS

    @_generation_schema(kind, "Generate colours", "tonal colour scales and light/dark themes (`colors`, `themes`)")
    def post(self, request):
        return self.generate(request)


class GenerateTypographyView(GenerateView):
    kind = Generation.Kind.TYPOGRAPHY

    @_generation_schema(
        kind, "Generate typography", "font families, a type scale and spacing (`typography`, `spacing`)"
    )
    def post(self, request):
        return self.generate(request)


class GenerateDesignSystemView(GenerateView):
    kind = Generation.Kind.DESIGN_SYSTEM

    @_generation_schema(
        kind, "Generate a design system", "a whole design system (colours, themes, typography, spacing, radii, shadows)"
    )
    def post(self, request):
        return self.generate(request)
