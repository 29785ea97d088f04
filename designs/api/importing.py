"""`POST /api/design-systems/import`: an existing theme in; its tokens, failing pairs and minimal repair out."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import services
from ..serializers import ImportResultSerializer, ImportSerializer
from .preview import requester_key
from .schema import error

SHADCN_EXAMPLE = """:root {
  --background: oklch(1 0 0);
  --foreground: oklch(0.145 0 0);
  --primary: #e03131;
  --primary-foreground: #f8f8f8;
  --muted-foreground: oklch(0.65 0 0);
  --ring: oklch(0.708 0 0);
}
.dark {
  --background: oklch(0.145 0 0);
  --foreground: oklch(0.985 0 0);
  --primary: oklch(0.922 0 0);
  --primary-foreground: oklch(0.205 0 0);
  --border: oklch(1 0 0 / 10%);
}"""

DTCG_EXAMPLE = """{
  "color": {"$type": "color", "brand": {"$value": {"colorSpace": "oklch", "components": [0.55, 0.2, 264]}}},
  "theme": {"light": {"$type": "color", "background": {"$value": "#ffffff"}, "text": {"$value": "#9ca3af"},
                      "primary": {"$value": "{color.brand}"}}}
}"""


class ImportView(APIView):
    @extend_schema(
        tags=["design systems"],
        operation_id="design_systems_import",
        summary="Import a theme and repair it (free)",
        description="Reads an existing theme (shadcn/ui or Tailwind v4 CSS variables, a W3C DTCG file, or DesignForge "
        "JSON) into our roles and answers:\n\n"
        "- `tokens`: the input in our token contract. What it lacks is completed the way the engine would and "
        "listed in `completed` (roles such as success or `X-subtle` solved around its own colours, a missing "
        "dark or high-contrast theme from the engine, scales built around its fills, typography and spacing "
        "from the `intent` read from it); names we have no role for are listed in `unused`. shadcn's "
        "`foreground` is our `text`, `card` `surface`, `muted-foreground` `text-muted`, `X-foreground` `on-X`, "
        "`destructive` `danger`, `ring` `focus-ring`, and `input` (form field borders) `border-strong`, checked as "
        "a control boundary at 3:1; translucent colours are laid over their theme's background.\n"
        "- `report` and `failures`: every contrast pair, and those that fail (4.5:1 text and 3:1 non-text; 7:1 and "
        "4.5:1 in the high-contrast themes).\n"
        "- `repaired`: the same tokens with each failing colour moved as little as possible: the smallest ΔE-OK "
        "change, searched over lightness and chroma with the hue kept, that meets every ratio that colour must "
        "meet. Only the text side of a pair moves; fills (your brand colours) and backgrounds stay. `changes` lists "
        "every move; `unrepaired` any colour no colour of its hue can make pass (the background must change). Status "
        "fills the input gives that look alike under a colour-vision deficiency are reported, not moved.\n\n"
        "Nothing is saved and nothing is charged; save the repaired tokens with `POST /api/design-systems/` (free). "
        "Counted with the previews against `PREVIEW_RATE_LIMIT`. The source may be up to "
        f"{services.MAX_IMPORT_LENGTH} characters (the whole body up to the server's body limit, 413 past it). "
        "A source that cannot be read answers 400 with each problem's line and reason.",
        request=ImportSerializer,
        responses={
            200: ImportResultSerializer,
            400: error("`invalid`: the theme cannot be read. `details.source` says each problem's line and reason "
                       "(`Line 3, column 3: --primary: 'oklch(nope)' is not a colour`), `details.problems` gives them "
                       "as `{line, column, reason}`; or a field of the body is wrong."),
            401: error("`not_authenticated`: sign in (or send an API key)."),
            413: error("`payload_too_large`: the request body is larger than the server accepts."),
            429: error("`rate_limited`: too many previews and imports; see the `Retry-After` header."),
        },
        examples=[
            OpenApiExample("A shadcn theme", value={"source": SHADCN_EXAMPLE}, request_only=True),
            OpenApiExample("A DTCG file with an alias", value={"source": DTCG_EXAMPLE, "format": "dtcg"},
                           request_only=True),
            OpenApiExample(
                "What changed",
                response_only=True,
                status_codes=["200"],
                value={
                    "format": "css",
                    "changes": [{
                        "theme": "light", "role": "on-primary", "name": "primary-foreground", "from": "#f8f8f8",
                        "to": "#ffffff", "repaired": True, "delta_e_ok": 0.0188,
                        "pairs": [{"background": "primary", "background_name": "primary", "required": 4.5,
                                   "before": 4.24, "after": 4.51}],
                        "message": "primary-foreground #f8f8f8 -> #ffffff: 4.24 -> 4.51 on primary (light)",
                    }],
                    "unrepaired": [],
                    "completed": [{"part": "themes.light-high", "how": "the input has no such theme: the engine's, "
                                   "from the derived intent and these colour scales"}],
                    "unused": ["--chart-1"],
                },
            ),
            OpenApiExample(
                "Unreadable",
                response_only=True,
                status_codes=["400"],
                value={"error": {
                    "code": "invalid",
                    "message": "The theme cannot be read. Line 3, column 3: --primary: 'oklch(nope)' is not a colour",
                    "details": {"source": ["Line 3, column 3: --primary: 'oklch(nope)' is not a colour"],
                                "problems": [{"line": 3, "column": 3,
                                              "reason": "--primary: 'oklch(nope)' is not a colour"}]},
                }},
            ),
        ],
    )
    def post(self, request):
        serializer = ImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = services.theme_import(source=data["source"], file_format=data["format"],
                                       requester=requester_key(request))
        return Response(ImportResultSerializer(result).data)
