from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from designforge.serializers import StrictSerializer

from .engine import LOCKABLE, MAX_VARIANT, EngineInputError, intent_json_schema, normalise_hex
from .engine.importer import IMPORT_FORMATS
from .models import DesignSystem, Generation
from .services import MAX_IMPORT_LENGTH, MAX_NAME_LENGTH, MAX_PROMPT_LENGTH, user_message

SECTIONS = {
    "colors": "Tonal scales 50-950 of primary, secondary, accent, neutral, success, warning, danger, info (#rrggbb).",
    "themes": "`light` and `dark`: semantic roles, each #rrggbb: background, surface, text, text-muted, border, "
    "border-strong, focus-ring, and for each X of primary, secondary, accent, success, warning, danger, info: X "
    "(the fill), on-X (text on it), X-text (text in that colour on the page), X-subtle (a tinted background) "
    "and on-X-subtle (text on the tint).",
    "typography": "Font families with fallbacks, a modular type scale, weights and line heights.",
    "spacing": "A base size in px and a spacing scale.",
    "radii": "Corner radii.",
    "shadows": "Box shadows.",
}
TOKENS_SCHEMA = {
    "type": "object",
    "description": "Design tokens: any of the sections below; each section given must be complete.",
    "properties": {name: {"type": "object", "description": text} for name, text in SECTIONS.items()},
    "additionalProperties": False,
}
REPORT_SCHEMA = {
    "type": "object",
    "description": "The accessibility report, recomputed from the tokens: every checked contrast pair with its "
    "measured WCAG 2.x ratio, the distances between status colours under colour-vision deficiencies, and "
    "whether everything passes.",
    "properties": {
        "contrast": {
            "type": "array",
            "description": "Every pair the contract checks, per theme: `foreground`, `background`, `kind` (`text` or "
            "`non-text`), `ratio` (rounded down), `required`, `passes`.",
            "items": {"type": "object"},
        },
        "status_distances": {
            "type": "array",
            "description": "CIEDE2000 distances between status fills under protan, deutan and tritan simulation.",
            "items": {"type": "object"},
        },
        "brand": {
            "type": "array",
            "description": "Where each brand colour's fill sits in its scale in the light and dark theme, and why "
            "the dark theme uses another step when it does.",
            "items": {"type": "object"},
        },
        "warnings": {
            "type": "array",
            "description": "Roles people must tell apart that look alike (e.g. primary and danger with a red brand): "
            "one per pair, with `roles`, the `themes` where they do, the smallest `delta_e_ok` (OKLab distance) "
            "and a `message`.",
            "items": {"type": "object"},
        },
        "passes": {"type": "boolean"},
    },
}
INTENT_SCHEMA = intent_json_schema()


@extend_schema_field(TOKENS_SCHEMA)
class TokensField(serializers.JSONField):
    pass


@extend_schema_field(REPORT_SCHEMA)
class ReportField(serializers.JSONField):
    pass


@extend_schema_field(INTENT_SCHEMA)
class IntentField(serializers.JSONField):
    """An intent as JSON; the engine validates it (400 with `intent.<field>` per problem)."""

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            self.fail("invalid")
        return data


class WholeNumberField(serializers.IntegerField):
    """A JSON integer only (DRF's IntegerField would also read "3" and 3.0)."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class TextField(serializers.CharField):
    """A JSON string only (DRF's CharField would also turn numbers into text)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class FlagField(serializers.BooleanField):
    """A JSON `true` or `false` only (DRF's BooleanField would also read "yes", "0"...)."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class GenerationRequestSerializer(StrictSerializer):
    prompt = TextField(
        max_length=MAX_PROMPT_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text="What the design system is for, in plain words. May be empty when a seed colour is given "
        "(with neither, a calm blue default is generated).",
    )
    seed_color = serializers.RegexField(
        r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$",
        required=False,
        allow_null=True,
        allow_blank=True,
        default=None,
        help_text="A brand colour, #RRGGBB (#RGB is accepted too). It appears unchanged in the primary scale.",
    )
    save = FlagField(default=False, help_text="Also save the result as a design system.")
    name = TextField(
        max_length=MAX_NAME_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text="Name of the saved design system (default: taken from the prompt).",
    )

    def validate_seed_color(self, value):
        try:
            return normalise_hex(value) if value else None
        except EngineInputError:
            raise serializers.ValidationError("Must be a colour written #RRGGBB (or #RGB).")


class DesignSystemSerializer(serializers.ModelSerializer):
    intent = IntentField(
        allow_null=True,
        help_text="The intent the tokens are generated from (edit it with PATCH), "
        "or null for a design system saved from raw tokens.",
    )
    tokens = TokensField()
    report = ReportField()

    class Meta:
        model = DesignSystem
        fields = ["id", "name", "prompt", "intent", "tokens", "report", "is_public", "created_at", "updated_at"]
        read_only_fields = fields


class GenerationResult(serializers.ModelSerializer):
    """What every view of a generation shows; the result is null until it has succeeded (a queued
    generation is answered `pending`)."""

    tokens = TokensField(allow_null=True, help_text="The generated tokens; null until it succeeds.")
    report = ReportField(allow_null=True, help_text="The accessibility report; null until it succeeds.")
    intent = IntentField(
        allow_null=True,
        help_text="How the provider read the prompt: the intent the tokens were generated from (send it to "
        "`POST /api/preview` to try variations for free); null until then.",
    )
    design_system = DesignSystemSerializer(
        allow_null=True, help_text="The saved design system (`save: true`, once succeeded), or null."
    )
    FIELDS = ["id", "kind", "status", "intent", "tokens", "report", "credits_charged", "design_system"]

    class Meta:
        model = Generation
        fields = read_only_fields = ["id"]
        extra_kwargs = {"credits_charged": {"help_text": "Credits taken, net of any refund (0 once refunded)."}}


class GenerationSerializer(GenerationResult):
    """The answer to `POST /api/generate/*`: the result (201) or the pending generation (202)."""

    balance = serializers.IntegerField(read_only=True, help_text="The user's credit balance now.")

    class Meta(GenerationResult.Meta):
        fields = read_only_fields = [*GenerationResult.FIELDS, "provider", "model", "balance"]
        extra_kwargs = {
            **GenerationResult.Meta.extra_kwargs,
            "provider": {"help_text": "Who read the prompt: `offline` (the built-in engine) or `openai`."},
            "model": {"help_text": "The engine version, or the AI model that answered."},
        }


class GenerationRecordSerializer(GenerationResult):
    """A generation as its owner polls it: pending, then succeeded with the result or failed with why."""

    error = serializers.SerializerMethodField(help_text="Why it failed (its credits were returned), or null.")

    class Meta(GenerationResult.Meta):
        fields = read_only_fields = [*GenerationResult.FIELDS, "error", "created_at", "finished_at"]

    def get_error(self, generation) -> str | None:
        return user_message(generation) if generation.status == Generation.Status.FAILED else None


PUBLIC_HELP = "Public: listed in the showcase; anyone can view, export and duplicate it, its prompt included."


class DesignSystemCreateSerializer(StrictSerializer):
    name = TextField(max_length=MAX_NAME_LENGTH)
    prompt = TextField(max_length=MAX_PROMPT_LENGTH, required=False, allow_blank=True, default="")
    tokens = TokensField(required=False, help_text="Raw tokens, stored as sent (give these or an intent).")
    intent = IntentField(required=False, help_text="An intent: the engine makes the tokens (give this or tokens).")
    is_public = FlagField(default=False, help_text=PUBLIC_HELP)


class DesignSystemUpdateSerializer(StrictSerializer):
    name = TextField(max_length=MAX_NAME_LENGTH, required=False)
    is_public = FlagField(required=False, help_text=PUBLIC_HELP)
    tokens = TokensField(required=False, help_text="New raw tokens; the design system then has no intent.")
    intent = IntentField(required=False, help_text="A new intent: the tokens are regenerated from it, free.")


class PreviewRequestSerializer(StrictSerializer):
    intent = IntentField(help_text="The intent to render (only `primary` is required).")
    variant = WholeNumberField(
        min_value=0,
        max_value=MAX_VARIANT,
        default=0,
        help_text="0 for the intent itself; n for its n-th deterministic alternative (the same n always gives the "
        "same alternative).",
    )
    locks = serializers.ListField(
        child=serializers.ChoiceField(choices=LOCKABLE),
        default=list,
        max_length=len(LOCKABLE),
        help_text="The intent fields a variation keeps as they are.",
    )


class PreviewSerializer(serializers.Serializer):
    intent = IntentField(help_text="The intent rendered: the variation, when `variant` > 0.")
    tokens = TokensField()
    report = ReportField()


class ImportSerializer(StrictSerializer):
    source = TextField(
        max_length=MAX_IMPORT_LENGTH, trim_whitespace=False,
        help_text="The theme as text: shadcn/ui or Tailwind v4 CSS (`:root` and `.dark` blocks of custom properties, "
        "in oklch(), hsl(), hex, rgb() or shadcn's bare `h s% l%`), a W3C DTCG tokens file (2025.10 colour objects "
        "or CSS colour strings, aliases `{group.token}` and `$ref`, also the older `value`/`type` keys), or "
        "DesignForge JSON tokens (the `json` export).",
    )
    format = serializers.ChoiceField(
        choices=IMPORT_FORMATS, default="auto",
        help_text="`auto` tells JSON (DTCG or ours) from CSS by itself; name one to insist on it.",
    )


_CHANGE_SCHEMA = {
    "type": "object",
    "properties": {
        "theme": {"type": "string"},
        "role": {"type": "string", "description": "Our role (`on-primary`)."},
        "name": {"type": "string", "description": "The input's own name for it (`primary-foreground`)."},
        "from": {"type": "string"},
        "to": {"type": "string"},
        "repaired": {"type": "boolean"},
        "delta_e_ok": {"type": "number", "description": "How far it moved (OKLab distance; 0.02 is just noticeable)."},
        "pairs": {
            "type": "array",
            "description": "Each pair it failed: `background` (our role), `background_name` (the input's), "
            "`required`, and the ratio `before` and `after` (rounded down).",
            "items": {"type": "object"},
        },
        "message": {"type": "string", "example": "primary-foreground #f8f8f8 -> #ffffff: 4.24 -> 4.51 on primary "
                    "(light)"},
    },
}


@extend_schema_field({"type": "array", "items": _CHANGE_SCHEMA})
class ChangesField(serializers.JSONField):
    pass


class RepairedSerializer(serializers.Serializer):
    tokens = TokensField(help_text="The parsed tokens with every failing colour moved (save them with POST "
                         "/api/design-systems/, free).")
    report = ReportField()


class ImportResultSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=("css", "dtcg", "json"), help_text="What the source was read as.")
    intent = IntentField(help_text="The intent the engine read from the input and completed the rest from.")
    tokens = TokensField(help_text="The input in our roles, every theme and section complete.")
    report = ReportField(help_text="The report of the parsed tokens.")
    failures = serializers.ListField(child=serializers.DictField(), help_text="The report's failing contrast pairs.")
    repaired = RepairedSerializer()
    changes = ChangesField(help_text="Every colour the repair moved, the least ΔE-OK that passes, hue kept.")
    unrepaired = ChangesField(help_text="Colours no colour of their hue can make pass (the colour behind them must "
                              "change); left as they were.")
    completed = serializers.ListField(
        child=serializers.DictField(),
        help_text="What the input lacked and how it was completed: `part` (`themes.dark`, `colors.success`, "
        "`typography.families.body`), `roles` when some roles of a theme, and `how`.",
    )
    unused = serializers.ListField(child=serializers.CharField(), help_text="Names in the input we have no role for "
                                   "(`--chart-1`, `--sidebar`).")
