"""Saved design systems: list, create, read, change, delete, export, and the public showcase."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import slugify
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import selectors, services
from ..engine import EXPORT_FORMATS, export
from ..errors import DesignSystemNotFound
from ..serializers import DesignSystemCreateSerializer, DesignSystemSerializer, DesignSystemUpdateSerializer
from .schema import INVALID, NOT_FOUND, SAVED_LIMIT, error

TOKENS_RULES = (
    "Give `tokens` or an `intent`. Raw tokens are validated against the token contract (400 with a "
    "`tokens.<path>` key per problem) and stored as sent, never silently repaired: the report, recomputed from "
    "them, shows any contrast pair that fails. An intent (400 with `intent.<field>` per problem) is turned into "
    "tokens by the engine, with every contrast guarantee, and stays editable. Saving costs no credits."
)


class DesignSystemListView(ListAPIView):
    serializer_class = DesignSystemSerializer

    def get_queryset(self):
        return selectors.design_systems_of(self.request.user)

    @extend_schema(tags=["design systems"], summary="Your design systems, newest first")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=["design systems"],
        summary="Save a design system from tokens",
        description=TOKENS_RULES,
        request=DesignSystemCreateSerializer,
        responses={
            201: DesignSystemSerializer,
            400: INVALID,
            403: SAVED_LIMIT,
            429: error("`rate_limited`: too many saved (`DESIGN_SYSTEM_RATE_LIMIT` per user); see `Retry-After`."),
        },
    )
    def post(self, request):
        serializer = DesignSystemCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        design_system = services.design_system_create(owner=request.user, **serializer.validated_data)
        return Response(DesignSystemSerializer(design_system).data, status=201)


class DesignSystemDetailView(APIView):
    @extend_schema(
        tags=["design systems"],
        summary="One of your design systems",
        responses={200: DesignSystemSerializer, 404: NOT_FOUND},
    )
    def get(self, request, pk):
        return Response(DesignSystemSerializer(selectors.design_system_of(user=request.user, pk=pk)).data)

    @extend_schema(
        tags=["design systems"],
        summary="Rename, publish, or change the intent or tokens (free)",
        description="Changes `name`, `is_public`, and `intent` or `tokens` (not both); any other field answers 400. "
        "A new `intent` regenerates the tokens (a colours-only design system stays colours-only); new raw `tokens` "
        "leave the design system without an intent. Publishing shows the design system, its prompt included, to "
        "anyone. " + TOKENS_RULES,
        request=DesignSystemUpdateSerializer,
        responses={200: DesignSystemSerializer, 400: INVALID, 404: NOT_FOUND},
    )
    def patch(self, request, pk):
        design_system = selectors.design_system_of(user=request.user, pk=pk)
        serializer = DesignSystemUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        design_system = services.design_system_update(design_system=design_system, **serializer.validated_data)
        return Response(DesignSystemSerializer(design_system).data)

    @extend_schema(
        tags=["design systems"], summary="Delete a design system", responses={204: None, 404: NOT_FOUND}
    )
    def delete(self, request, pk):
        services.design_system_delete(design_system=selectors.design_system_of(user=request.user, pk=pk))
        return Response(status=204)


class DuplicateView(APIView):
    @extend_schema(
        tags=["design systems"],
        summary="Duplicate a design system (free)",
        description="A private copy in your own list: of one of yours, or of anyone's public one. The copy keeps the "
        "intent, tokens and report; it is yours to edit.",
        request=None,
        responses={
            201: DesignSystemSerializer,
            403: SAVED_LIMIT,
            404: NOT_FOUND,
            429: error("`rate_limited`: too many saved (`DESIGN_SYSTEM_RATE_LIMIT` per user); see `Retry-After`."),
        },
    )
    def post(self, request, pk):
        source = selectors.design_system_for_export(pk=pk, user=request.user)
        copy = services.design_system_duplicate(design_system=source, owner=request.user)
        return Response(DesignSystemSerializer(copy).data, status=201)


class AnyAccept(BaseContentNegotiation):
    """A download is what it is whatever the `Accept` header says; errors are still JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def patch_export_caching(response, design_system) -> None:
    """A public design system's download may be kept by any cache (revalidated, since it can change); a
    private one only by the owner's browser, and per credentials: it varies with who asks."""
    if design_system.is_public:
        patch_cache_control(response, public=True, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ("Authorization", "Cookie"))


def file_slug(name: str) -> str:
    """A design system's name as a file or registry item name (ASCII; letters of other scripts transliterated
    where they can be, else left out)."""
    return slugify(name)[:80] or "design-system"


def export_filename(name: str, file_format: str) -> str:
    slug = file_slug(name)
    extension = EXPORT_FORMATS[file_format][1]
    if file_format in ("tailwind", "shadcn"):
        return f"{slug}-{file_format}.{extension}"
    return f"{slug}.{extension}"


class ExportView(APIView):
    permission_classes = [AllowAny]
    content_negotiation_class = AnyAccept

    @extend_schema(
        tags=["design systems"],
        summary="Download a design system",
        description="`css` (custom properties: light, dark and high contrast, by preference or `data-theme`), "
        "`scss` (variables and maps), `tailwind` (a Tailwind CSS v4 theme to `@import` after Tailwind), `dtcg` "
        "(W3C design tokens JSON, the themes as modes), `tokens-studio` (the Tokens Studio plugin's JSON, a token "
        "set per theme), `style-dictionary` (a Style Dictionary 5 build script for the `dtcg` file), `json` "
        "(the tokens) or `shadcn` (shadcn/ui's CSS variables for Tailwind CSS v4, in `oklch()`, `:root` and "
        "`.dark`, high contrast under `prefers-contrast: more`). The owner may download any of theirs; anyone may "
        "download a public one. An unknown format answers 404. A public design system's file answers "
        "`Cache-Control: public, no-cache`; a private one's `private, no-cache` with `Vary: Authorization, Cookie`.",
        parameters=[
            OpenApiParameter("file_format", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(EXPORT_FORMATS)),
        ],
        responses={
            (200, "text/css"): OpenApiTypes.STR,
            (200, "text/x-scss"): OpenApiTypes.STR,
            (200, "application/design-tokens+json"): OpenApiTypes.OBJECT,
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, "text/javascript"): OpenApiTypes.STR,
            404: NOT_FOUND,
        },
    )
    def get(self, request, pk, file_format):
        if file_format not in EXPORT_FORMATS:
            raise DesignSystemNotFound(f"There is no export format {file_format[:20]!r}.")
        design_system = selectors.design_system_for_export(pk=pk, user=request.user)
        content_type = EXPORT_FORMATS[file_format][0]
        fonts = request.build_absolute_uri(settings.STATIC_URL + "fonts/")
        response = HttpResponse(
            export(design_system.tokens, file_format, name=design_system.name, font_base_url=fonts),
            content_type=f"{content_type}; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{export_filename(design_system.name, file_format)}"'
        patch_export_caching(response, design_system)
        return response


class ShowcaseView(ListAPIView):
    """Public design systems for anyone, without anything about their owners."""

    permission_classes = [AllowAny]
    authentication_classes = []
    serializer_class = DesignSystemSerializer

    def get_queryset(self):
        return selectors.showcase()

    @extend_schema(tags=["design systems"], summary="Public design systems, newest first", auth=[])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
