from django.core.validators import RegexValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from designforge.serializers import StrictSerializer

from . import preferences
from .models import ApiKey, User


class PreferencesSerializer(StrictSerializer):
    """The known preferences (`accounts.preferences`); in a change, null removes a key."""

    unknown_field_message = f"Unknown preference; known: {', '.join(preferences.PREFERENCES)}."

    def get_fields(self):
        return {
            key: serializers.ChoiceField(choices=choices, allow_null=True, required=False, help_text=label)
            for key, (label, choices) in preferences.PREFERENCES.items()
        }


class MeSerializer(serializers.ModelSerializer):
    credits = serializers.IntegerField(source="creditaccount.balance", default=0, read_only=True)
    image_url = serializers.CharField(
        read_only=True, help_text='The profile picture, an https: URL, or "" when there is none.'
    )
    preferences = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "clerk_id",
            "email",
            "first_name",
            "last_name",
            "image_url",
            "plan",
            "credits",
            "preferences",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(PreferencesSerializer)
    def get_preferences(self, user) -> dict:
        stored = user.preferences if isinstance(user.preferences, dict) else {}
        return {key: value for key, value in stored.items() if preferences.is_valid(key, value)}


class MeUpdateSerializer(StrictSerializer):
    """Only `preferences` can be changed: known keys, merged; a key set to null is removed. An empty
    body changes nothing."""

    unknown_field_message = "This field cannot be changed."
    preferences = PreferencesSerializer(required=False)


class ApiKeySerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiKey
        fields = ["id", "name", "prefix", "created_at", "last_used_at"]
        read_only_fields = fields


class ApiKeyCreatedSerializer(ApiKeySerializer):
    key = serializers.CharField(read_only=True, help_text="The whole key: shown this once, never again.")

    class Meta(ApiKeySerializer.Meta):
        fields = ApiKeySerializer.Meta.fields + ["key"]
        read_only_fields = fields


class StringField(serializers.CharField):
    """A JSON string only (DRF's CharField would also take 5 and turn it into "5")."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ApiKeyCreateSerializer(StrictSerializer):
    name = StringField(
        max_length=100,
        validators=[RegexValidator(r"\S", "Give the key a name.")],
        help_text='What the key is for, e.g. "CI exports" (surrounding spaces are dropped).',
    )
