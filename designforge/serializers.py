"""Serializer bases every app's API can share."""

from drf_spectacular.extensions import OpenApiSerializerExtension
from rest_framework import serializers


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know (400, "Unknown field."), and says so in the OpenAPI schema
    (`additionalProperties: false`), so the schema accepts exactly what validation accepts."""

    unknown_field_message = "Unknown field."

    def to_internal_value(self, data):
        if isinstance(data, dict):  # anything else is refused by DRF itself
            unknown = sorted(set(data) - {name for name, field in self.fields.items() if not field.read_only})
            if unknown:
                raise serializers.ValidationError({name: [self.unknown_field_message] for name in unknown})
        return super().to_internal_value(data)


class StrictSerializerSchema(OpenApiSerializerExtension):
    target_class = StrictSerializer
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        if direction == "request":
            schema["additionalProperties"] = False
        return schema
