from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .engine import EngineInputError, normalise_hex
from .models import DesignSystem, Generation
from .services import MAX_NAME_LENGTH, MAX_PROMPT_LENGTH, user_message

SECTIONS = {
    "colors": "Tonal scales 50-950 of primary, secondary, accent, neutral, success, warning, danger, info (#rrggbb).",
    "themes": "`light` and `dark`: semantic roles (background, surface, text, text-muted, border, focus-ring, "
    "X and on-X for each brand and status colour), each #rrggbb.",
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
        "contrast": {"type": "array", "items": {"type": "object"}},
        "status_distances": {"type": "array", "items": {"type": "object"}},
        "passes": {"type": "boolean"},
    },
}


@extend_schema_field(TOKENS_SCHEMA)
class TokensField(serializers.JSONField):
    pass


@extend_schema_field(REPORT_SCHEMA)
class ReportField(serializers.JSONField):
    pass


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


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, so a misspelt `seed_colour` is an error rather than ignored.
    Its text and flag fields take JSON strings and booleans only."""

    def validate(self, attrs):
        writable = {name for name, field in self.fields.items() if not field.read_only}
        unknown = sorted(set(self.initial_data) - writable)
        if unknown:
            raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return attrs


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
    tokens = TokensField()
    report = ReportField()

    class Meta:
        model = DesignSystem
        fields = ["id", "name", "prompt", "tokens", "report", "is_public", "created_at", "updated_at"]
        read_only_fields = fields


class GenerationResult(serializers.ModelSerializer):
    """What every view of a generation shows; the result is null until it has succeeded (a queued
    generation is answered `pending`)."""

    tokens = TokensField(allow_null=True, help_text="The generated tokens; null until it succeeds.")
    report = ReportField(allow_null=True, help_text="The accessibility report; null until it succeeds.")
    intent = serializers.JSONField(
        allow_null=True, help_text="How the provider read the prompt (hues, mood, keywords...); null until then."
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


class DesignSystemCreateSerializer(StrictSerializer):
    name = TextField(max_length=MAX_NAME_LENGTH)
    prompt = TextField(max_length=MAX_PROMPT_LENGTH, required=False, allow_blank=True, default="")
    tokens = TokensField()
    is_public = FlagField(default=False)


class DesignSystemUpdateSerializer(StrictSerializer):
    name = TextField(max_length=MAX_NAME_LENGTH, required=False)
    is_public = FlagField(required=False)
    tokens = TokensField(required=False)
