from rest_framework import serializers

from .models import User


class MeSerializer(serializers.ModelSerializer):
    credits = serializers.IntegerField(source="creditaccount.balance", default=0, read_only=True)

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


class MeUpdateSerializer(serializers.Serializer):
    """Only `preferences` can be changed (a JSON object, merged; a key set to null is removed)."""

    preferences = serializers.DictField(child=serializers.JSONField(), allow_empty=True)

    def to_internal_value(self, data):
        if isinstance(data, dict):
            read_only = sorted(set(data) - {"preferences"})
            if read_only:
                raise serializers.ValidationError({name: ["This field cannot be changed."] for name in read_only})
        return super().to_internal_value(data)
