from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors
from .serializers import CreditsSerializer, FeatureSerializer, LedgerEntrySerializer

RECENT_ENTRIES = 10


class FeaturesView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        responses=FeatureSerializer(many=True), auth=[], tags=["credits"], summary="Billable features and their cost"
    )
    def get(self, request):
        return Response(FeatureSerializer(selectors.feature_costs(), many=True).data)


class CreditsView(APIView):
    @extend_schema(responses=CreditsSerializer, tags=["credits"], summary="Balance, plan and 30-day usage")
    def get(self, request):
        user = request.user
        data = {
            "balance": selectors.balance_of(user),
            "plan": user.plan,
            "usage": selectors.usage_by_feature(user),
            "recent": selectors.ledger_of(user)[:RECENT_ENTRIES],
        }
        return Response(CreditsSerializer(data).data)


class LedgerView(ListAPIView):
    """The user's ledger entries, newest first, paginated."""

    serializer_class = LedgerEntrySerializer

    @extend_schema(tags=["credits"], summary="Ledger entries, newest first")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.ledger_of(self.request.user)
