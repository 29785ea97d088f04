"""The DesignForge MCP server: generate (paid, as the API), preview and remix (free), list, fetch, save
and export design systems, and import-and-repair an existing theme.

Every tool calls the same services as the API, as the signed-in user (`caller`, set by the endpoint for
each request), in the request's own thread (so Django's connection handling holds). A DomainError is
answered as a tool error (`isError`) whose text and structured content are the API's error body
(`{"error": {"code", "message", "details"}}`).
"""

import functools
import json
from contextvars import ContextVar
from typing import Annotated, Any, Literal

from asgiref.sync import sync_to_async
from django.conf import settings
from mcp.server.mcpserver import MCPServer
from mcp_types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field, WithJsonSchema

from accounts.models import User
from designforge.errors import DomainError, error_body

from .. import selectors, services
from ..api import export_filename
from ..engine import ENGINE_VERSION, EXPORT_FORMATS, LOCKABLE, MAX_VARIANT, export, intent_json_schema
from ..engine.importer import IMPORT_FORMATS
from ..serializers import DesignSystemSerializer, GenerationRecordSerializer, GenerationSerializer

#: Who is calling (the API key's user) and the app's absolute base URL, for the current request.
caller: ContextVar[User] = ContextVar("mcp_caller")
base_url: ContextVar[str] = ContextVar("mcp_base_url")

PAGE_SIZE = 20
MAX_REMIXES = 8
HEX = r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$"

INSTRUCTIONS = """DesignForge makes accessible design systems: colour scales, light, dark and high-contrast themes whose
every text and outline pair meets WCAG contrast (4.5:1 text, 3:1 non-text; 7:1 and 4.5:1 in the high-contrast
themes), typography, spacing, radii and shadows.

Typical flows:
- From a brief: `generate` (costs credits) reads a sentence and/or a brand colour into an intent and tokens.
- Explore for free: `preview` renders an intent; `remix` gives variations of it, keeping the parts you lock.
  Keep one with `save_design_system` (free).
- Apply: `export_design_system` gives CSS, SCSS, Tailwind v4, DTCG or JSON to write into the project.
- Fix an existing theme: `import_theme` reads shadcn/ui or Tailwind CSS variables, DTCG or our JSON, reports
  every failing contrast pair and returns a minimally repaired version with every change listed (free).
Only `generate` costs credits; everything else is free."""

#: The intent's JSON Schema, as the engine states it (OpenAPI's `nullable` spelled as JSON Schema's null type).
INTENT_SCHEMA = json.loads(json.dumps(intent_json_schema()))
for _property in INTENT_SCHEMA["properties"].values():
    if _property.pop("nullable", False):
        _property["type"] = [_property["type"], "null"]

IntentArgument = Annotated[
    dict[str, Any],
    WithJsonSchema(INTENT_SCHEMA),
    Field(description="An intent: `primary` (#rrggbb) is required; every other field has a default. Generation and "
          "previews return the intent they used, so edit one rather than writing it from scratch."),
]
Locks = Annotated[
    list[Literal[LOCKABLE]],
    Field(max_length=len(LOCKABLE), description="Intent fields the variations keep as they are (e.g. `primary`, "
          "`font_pairing`); every other part may change."),
]
DesignSystemId = Annotated[int, Field(ge=1, description="A design system's id (from `list_design_systems`).")]


def _free(fn):
    """A tool whose Django work runs in the request's thread, answering DomainErrors as tool errors."""

    @functools.wraps(fn)
    async def tool(*args, **kwargs):
        try:
            return await sync_to_async(fn, thread_sensitive=True)(*args, **kwargs)
        except DomainError as exc:
            body = error_body(exc.code, exc.message, exc.details)
            return CallToolResult(content=[TextContent(type="text", text=json.dumps(body))], structured_content=body,
                                  is_error=True)

    return tool


def _requester() -> str:
    return f"user:{caller.get().pk}"


server = MCPServer(
    name="designforge",
    title="DesignForge",
    instructions=INSTRUCTIONS,
    version=ENGINE_VERSION,
)

READS = ToolAnnotations(readOnlyHint=True, openWorldHint=False)
FREE_WRITE = ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=False, openWorldHint=False)


@server.tool(
    title="Generate a design system (costs credits)",
    annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=True, openWorldHint=True),
)
@_free
def generate(
    prompt: Annotated[str, Field(max_length=services.MAX_PROMPT_LENGTH, description="What the product is and how "
                                 "it should feel, e.g. 'calm, trustworthy fintech for families'.")] = "",
    seed_color: Annotated[str | None, Field(pattern=HEX, description="A brand colour #rrggbb, kept exactly as "
                                            "the light theme's primary fill.")] = None,
    kind: Annotated[Literal["design-system", "colors", "typography"], Field(
        description="`design-system` (everything; 2 credits by default), `colors` (scales and themes; 1 credit) or "
        "`typography` (type and spacing; 1 credit).")] = "design-system",
    save: Annotated[bool, Field(description="Also save the result as a design system.")] = False,
    name: Annotated[str, Field(max_length=services.MAX_NAME_LENGTH, description="Its name when saved.")] = "",
    idempotency_key: Annotated[str | None, Field(
        min_length=1, max_length=services.MAX_IDEMPOTENCY_KEY_LENGTH,
        description="Any unique string, e.g. a UUID. Retrying with the same key and the same arguments returns the "
        "first result and charges once; the same key with other arguments is refused (`idempotency_conflict`).",
    )] = None,
) -> dict[str, Any]:
    """Generate tokens from a sentence and/or a brand colour, charged exactly as `POST /api/generate/*` (see
    the credits in the answer's `credits_charged` and `balance`). Give at least a prompt or a seed colour.
    The answer holds the `intent` the brief was read into (free to vary with `preview` and `remix`), the
    `tokens`, the accessibility `report` and, with `save`, the saved `design_system`. When `status` is
    `pending` the generation runs on a worker: call `get_generation` with its `id` until it is `succeeded`.
    If the AI provider fails, the credits are returned in full and the error says so."""
    generation = services.generation_run(
        user=caller.get(), kind=kind, prompt=prompt, seed_color=seed_color, save=save, name=name,
        idempotency_key=idempotency_key,
    )
    return dict(GenerationSerializer(generation).data)


@server.tool(title="A generation's result", annotations=READS)
@_free
def get_generation(
    generation_id: Annotated[int, Field(ge=1, description="The `id` that `generate` answered.")],
) -> dict[str, Any]:
    """One of your generations: `status` (`pending`, `succeeded` or `failed`), and once succeeded its intent,
    tokens, report and saved design system; `error` says why a failed one failed (its credits were returned)."""
    return dict(GenerationRecordSerializer(selectors.generation_of(user=caller.get(), pk=generation_id)).data)


@server.tool(title="Preview an intent (free)", annotations=READS)
@_free
def preview(
    intent: IntentArgument,
    variant: Annotated[int, Field(ge=0, le=MAX_VARIANT, description="0 renders the intent itself; n > 0 its n-th "
                                  "deterministic variation (see `remix`).")] = 0,
    locks: Locks = [],  # noqa: B006 - pydantic copies defaults; the schema shows []
) -> dict[str, Any]:
    """Render an intent into tokens and its accessibility report, free: no AI call, no charge, nothing saved.
    The same intent always gives the same tokens. Answers `{intent, tokens, report}`."""
    return services.preview_run(intent=intent, requester=_requester(), variant_number=variant, locks=locks)


@server.tool(title="Variations of an intent (free)", annotations=READS)
@_free
def remix(
    intent: IntentArgument,
    locks: Locks = [],  # noqa: B006
    count: Annotated[int, Field(ge=1, le=MAX_REMIXES, description="How many variations.")] = 4,
    first_variant: Annotated[int, Field(ge=1, le=MAX_VARIANT - MAX_REMIXES, description="The first variation's "
                                        "number; ask for the next ones with first_variant + count.")] = 1,
) -> dict[str, Any]:
    """Deterministic variations of an intent, free: each changes every part not in `locks` (harmony, fonts,
    density, roundness, the brand colours turned...). Answers each variation's `intent` with its key colours,
    its fonts and whether its report passes; render one with `preview` (`variant` 0 and that intent) or keep
    it with `save_design_system`. Each variation counts as one preview against the rate limit."""
    variations = []
    for number in range(first_variant, first_variant + count):
        result = services.preview_run(intent=intent, requester=_requester(), variant_number=number, locks=locks)
        light = result["tokens"]["themes"]["light"]
        variations.append({
            "variant": number,
            "intent": result["intent"],
            "light": {role: light[role] for role in ("background", "text", "primary", "secondary", "accent")},
            "fonts": {role: family["name"] for role, family in result["tokens"]["typography"]["families"].items()},
            "passes": result["report"]["passes"],
        })
    return {"variations": variations}


@server.tool(title="Your design systems", annotations=READS)
@_free
def list_design_systems(
    page: Annotated[int, Field(ge=1, description="1 for the newest 20, 2 for the next 20...")] = 1,
) -> dict[str, Any]:
    """Your saved design systems, newest first, 20 a page: `id`, `name`, whether it is public, has an intent,
    and passes its accessibility report. Fetch one with `get_design_system`."""
    rows = list(selectors.design_systems_of(caller.get())[(page - 1) * PAGE_SIZE: page * PAGE_SIZE + 1])
    return {
        "page": page,
        "has_more": len(rows) > PAGE_SIZE,
        "results": [
            {"id": row.pk, "name": row.name, "is_public": row.is_public, "has_intent": row.intent is not None,
             "passes": bool(row.report.get("passes")), "created_at": row.created_at.isoformat(),
             "updated_at": row.updated_at.isoformat()}
            for row in rows[:PAGE_SIZE]
        ],
    }


@server.tool(title="One design system", annotations=READS)
@_free
def get_design_system(design_system_id: DesignSystemId) -> dict[str, Any]:
    """One of your design systems: `{id, name, prompt, intent, tokens, report, is_public, created_at,
    updated_at}`. Its `intent` (null for one saved from raw tokens) can be varied with `remix`."""
    return dict(DesignSystemSerializer(selectors.design_system_of(user=caller.get(), pk=design_system_id)).data)


@server.tool(title="Save a design system (free)", annotations=FREE_WRITE)
@_free
def save_design_system(
    name: Annotated[str, Field(min_length=1, max_length=services.MAX_NAME_LENGTH)],
    intent: Annotated[IntentArgument | None, Field(description="An intent (from `generate`, `preview` or `remix`): "
                                                   "the engine makes the tokens. Give this or `tokens`.")] = None,
    tokens: Annotated[dict[str, Any] | None, Field(description="Raw tokens (e.g. `repaired_tokens` from "
                                                   "`import_theme`), stored as given.")] = None,
) -> dict[str, Any]:
    """Save a design system in your list, free, within your plan's limit of saved design systems
    (`plan_required` past it). Answers it as `get_design_system` does."""
    design_system = services.design_system_create(owner=caller.get(), name=name, intent=intent, tokens=tokens)
    return dict(DesignSystemSerializer(design_system).data)


@server.tool(title="Export a design system", annotations=READS)
@_free
def export_design_system(
    design_system_id: DesignSystemId,
    format: Annotated[Literal[tuple(EXPORT_FORMATS)], Field(
        description="`css` (custom properties with light, dark and high-contrast themes), `scss`, `tailwind` (a "
        "Tailwind CSS v4 theme to import after Tailwind), `dtcg` (W3C design tokens JSON, themes as modes), "
        "`style-dictionary` (a Style Dictionary 5 build script for the dtcg file), `tokens-studio` (Tokens "
        "Studio JSON), `json` (the tokens) or `shadcn` (a shadcn/ui project's Tailwind v4 CSS file: its "
        "`:root`/`.dark` variables in oklch(), high contrast under `prefers-contrast: more`, fonts and "
        "`@theme inline`; write it over the project's globals.css theme).")] = "css",
) -> dict[str, Any]:
    """A design system (yours, or anyone's public one) as a file to write into a project: `{filename,
    content_type, content}`. The stylesheets load the self-hosted fonts from this server."""
    design_system = selectors.design_system_for_export(pk=design_system_id, user=caller.get())
    fonts = base_url.get() + settings.STATIC_URL + "fonts/"
    return {
        "filename": export_filename(design_system.name, format),
        "content_type": EXPORT_FORMATS[format][0],
        "content": export(design_system.tokens, format, name=design_system.name, font_base_url=fonts),
    }


@server.tool(title="Import and repair a theme (free)", annotations=FREE_WRITE)
@_free
def import_theme(
    source: Annotated[str, Field(max_length=services.MAX_IMPORT_LENGTH, description="The theme file's text: shadcn/ui "
                                 "or Tailwind v4 CSS variables (`:root` and `.dark`; oklch(), hsl(), hex or bare "
                                 "`h s% l%`), a W3C DTCG tokens file, or DesignForge JSON tokens.")],
    format: Annotated[Literal[IMPORT_FORMATS], Field(description="`auto` recognises the format.")] = "auto",
    save: Annotated[bool, Field(description="Also save the repaired version as a design system (free).")] = False,
    name: Annotated[str, Field(max_length=services.MAX_NAME_LENGTH, description="Its name when saved.")] = "",
) -> dict[str, Any]:
    """Check an existing theme and repair it with the smallest changes, free. Answers `failures` (each contrast
    pair that fails, in our role names), `changes` (each colour moved by the least ΔE-OK that passes, hue kept,
    with a `message` such as "primary-foreground #f8f8f8 -> #ffffff: 4.24 -> 4.51 on primary (light)"),
    `unrepaired` (colours whose background must change instead), `completed` (what the input lacked and how
    it was filled in), `unused` (names with no role here), `repaired_tokens` (apply these, or write the
    `changes` back into the user's own file) and, with `save`, the saved `design_system`. Fills (brand
    colours) and backgrounds never move. An unreadable file is an `invalid` error giving each problem's line."""
    result = services.theme_import(source=source, file_format=format, requester=_requester())
    saved = None
    if save:
        saved = services.design_system_create(owner=caller.get(), name=name or "Imported theme",
                                              tokens=result["repaired"]["tokens"])
    return {
        "format": result["format"],
        "failures": [{key: row[key] for key in ("theme", "foreground", "background", "ratio", "required")}
                     for row in result["failures"]],
        "changes": result["changes"],
        "unrepaired": result["unrepaired"],
        "completed": result["completed"],
        "unused": result["unused"],
        "passes_after_repair": result["repaired"]["report"]["passes"],
        "repaired_tokens": result["repaired"]["tokens"],
        "design_system": dict(DesignSystemSerializer(saved).data) if saved else None,
    }
