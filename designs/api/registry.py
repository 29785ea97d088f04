"""A design system as a shadcn registry item, for `npx shadcn@latest add <url>`."""

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import selectors
from ..engine.shadcn import registry_item
from .design_systems import AnyAccept, file_slug, patch_export_caching
from .schema import NOT_FOUND

REGISTRY_DESCRIPTION = (
    "The design system as a [shadcn registry item](https://ui.shadcn.com/schema/registry-item.json) of type "
    "`registry:theme`: `npx shadcn@latest add <this URL>` writes it into a project's Tailwind CSS v4 file. "
    "`cssVars.light` and `cssVars.dark` hold shadcn/ui's colour variables in `oklch()` (the same as the "
    "`shadcn` export), `cssVars.theme` the fonts (`font-sans`, `font-serif`, `font-mono`, `font-heading`) and "
    "radii; `css` holds the high-contrast themes under `@media (prefers-contrast: more)` and an `@import` of "
    "the stylesheet of our self-hosted fonts. Same access as the export: anyone may fetch a public design "
    "system; a private one answers only its owner (a session, or a personal API key as "
    "`Authorization: Bearer dfk_...`) and 404 to anyone else. Public: `Cache-Control: public, no-cache`; "
    "private: `private, no-cache` with `Vary: Authorization, Cookie`."
)


class RegistryItemView(APIView):
    permission_classes = [AllowAny]
    content_negotiation_class = AnyAccept

    @extend_schema(
        tags=["design systems"],
        operation_id="shadcn_registry_item",
        summary="A design system as a shadcn registry item",
        description=REGISTRY_DESCRIPTION,
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="A `registry:theme` item.",
                examples=[OpenApiExample("A theme", value={
                    "$schema": "https://ui.shadcn.com/schema/registry-item.json",
                    "name": "acme",
                    "type": "registry:theme",
                    "title": "Acme",
                    "description": "Acme: a DesignForge design system.",
                    "cssVars": {
                        "theme": {"font-sans": '"Inter", ui-sans-serif, sans-serif', "radius-sm": "0.25rem"},
                        "light": {"radius": "0.5rem", "background": "oklch(0.98 0.003 264.5)"},
                        "dark": {"background": "oklch(0.15 0.01 264.5)"},
                    },
                    "css": {
                        '@import url("https://designforge.example/static/fonts/fonts.css")': {},
                        "@media (prefers-contrast: more)": {":root": {"--background": "oklch(1 0 0)"}},
                    },
                })],
            ),
            404: NOT_FOUND,
        },
    )
    def get(self, request, pk):
        design_system = selectors.design_system_for_export(pk=pk, user=request.user)
        fonts = request.build_absolute_uri(settings.STATIC_URL + "fonts/fonts.css")
        item = registry_item(
            design_system.tokens,
            name=file_slug(design_system.name),
            title=design_system.name,
            description=f"{design_system.name}: a DesignForge design system, with light, dark "
            "and high-contrast themes that meet their contrast ratios.",
            fonts_stylesheet=fonts,
        )
        response = Response(item)
        patch_export_caching(response, design_system)
        return response
