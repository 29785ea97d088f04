"""`POST /api/generate/*`: paid generation from a sentence and/or a brand colour; `GET /api/generations/`
and `GET /api/generations/{id}`: the caller's generation records (what a queued generation is polled at)."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from designforge.serializing import representation

from .. import selectors, services
from ..models import Generation
from ..serializers import GenerationRecordSerializer, GenerationRequestSerializer, GenerationSerializer
from .schema import INVALID, SAVED_LIMIT, error

_generation_representation = representation(GenerationSerializer)  # needs `generation.balance` set
_record_representation = representation(GenerationRecordSerializer)

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="Any unique string (up to 255 characters), e.g. a UUID. Retrying with the same key and the same "
    "body returns the first result and charges once; the same key with a different body answers 409.",
)


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
        "provider fails, the answer is 502/503, the credits are returned in full and the failure is recorded.\n\n"
        "**201 or 202.** Without a worker (the server has no `REDIS_URL`) the generation runs within the request "
        "and the answer is `201` with the result. With workers, the request records the generation, takes the "
        "credits and answers `202` at once with `status: \"pending\"` and `Location: /api/generations/{id}`; poll "
        "that URL (every second or two) until `status` is `succeeded` (the same fields as a 201) or `failed` "
        "(`error` says why; the credits were returned). A retry with the same Idempotency-Key answers the same "
        "way: 202 while pending, then the result.",
        tags=["generation"],
        parameters=[IDEMPOTENCY_KEY],
        request=GenerationRequestSerializer,
        responses={
            201: GenerationSerializer,
            202: OpenApiResponse(
                GenerationSerializer,
                description="Queued for a worker: `status` is `pending`, the credits are taken, and the `Location` "
                "header names `/api/generations/{id}` to poll.",
            ),
            400: INVALID,
            402: error("`insufficient_credits`: `details.required` and `details.available`; nothing was charged."),
            403: SAVED_LIMIT,
            409: error(
                "`idempotency_conflict`: the Idempotency-Key was used with a different body, or (without workers) "
                "that request is still being processed."
            ),
            429: error(
                "`rate_limited`: too many generation requests (`GENERATION_RATE_LIMIT` per user, counted across the "
                "API, the dashboard and API keys); see the `Retry-After` header."
            ),
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
    """POST: parse, run the generation service, answer 201 with the result (or 202 with the pending
    generation and where to poll it) and the balance."""

    kind: str

    def generate(self, request):
        serializer = GenerationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        generation = services.generation_run(
            user=request.user,
            kind=self.kind,
            idempotency_key=request.headers.get("Idempotency-Key"),
            **serializer.validated_data,
        )
        data = _generation_representation(generation)
        if generation.status == Generation.Status.PENDING:
            return Response(data, status=202, headers={"Location": reverse("api-generation", args=[generation.pk])})
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


class GenerationListView(ListAPIView):
    serializer_class = GenerationRecordSerializer

    def get_queryset(self):
        return selectors.generations_of(self.request.user)

    @extend_schema(
        tags=["generation"],
        summary="Your generations, newest first",
        description="Every generation request you made, with its status, result or error; paginated.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class GenerationDetailView(APIView):
    @extend_schema(
        tags=["generation"],
        summary="One of your generations",
        description="Poll this after a `202` until `status` is `succeeded` or `failed`. `error` is the message "
        "for a failed one (its credits were returned); `tokens`, `report` and `intent` are null until it succeeds.",
        responses={
            200: GenerationRecordSerializer,
            404: error("`not_found`: no such generation, or it belongs to someone else."),
        },
    )
    def get(self, request, pk):
        return Response(_record_representation(selectors.generation_of(user=request.user, pk=pk)))
