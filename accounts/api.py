from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from designforge.serializing import representation

from . import services
from .errors import AccountClosed
from .models import User
from .serializers import MeSerializer, MeUpdateSerializer

_me_representation = representation(MeSerializer)


def _me(user) -> dict:
    return _me_representation(User.objects.select_related("creditaccount").get(pk=user.pk))


class MeView(APIView):
    @extend_schema(responses=MeSerializer, tags=["account"], summary="The signed-in user")
    def get(self, request):
        return Response(_me(request.user))

    @extend_schema(
        request=MeUpdateSerializer,
        responses=MeSerializer,
        tags=["account"],
        summary="Update preferences",
        description="Merges the given `preferences` into the stored ones; a key set to `null` is removed. "
        "No other field can be changed (400).",
    )
    def patch(self, request):
        serializer = MeUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.user_update_preferences(user=request.user, changes=serializer.validated_data["preferences"])
        return Response(_me(request.user))


class MeSyncView(APIView):
    @extend_schema(
        request=None,
        responses=MeSerializer,
        tags=["account"],
        summary="Re-read the user from Clerk",
        description="Answers 503 `not_configured` when CLERK_SECRET_KEY is unset and 502 when Clerk cannot be reached.",
    )
    def post(self, request):
        user = services.user_sync_from_clerk(user=request.user)
        if user.is_closed:
            raise AccountClosed("Clerk no longer knows this user, so the account has been closed.")
        return Response(_me(user))
