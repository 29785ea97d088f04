from rest_framework import serializers

from .models import FeatureCost, LedgerEntry


class FeatureSerializer(serializers.ModelSerializer):
    class Meta:
        model = FeatureCost
        fields = ["code", "name", "description", "credits"]


class LedgerEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = LedgerEntry
        fields = ["id", "amount", "balance_after", "kind", "feature", "description", "created_at"]


class CreditsSerializer(serializers.Serializer):
    balance = serializers.IntegerField()
    plan = serializers.CharField()
    usage = serializers.DictField(
        child=serializers.IntegerField(), help_text="Credits spent per feature, last 30 days."
    )
    recent = LedgerEntrySerializer(many=True)
