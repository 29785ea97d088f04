from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from designforge.serializing import representation

from . import selectors, services
from .errors import AccountClosed
from .serializers import (
    ApiKeyCreatedSerializer,
    ApiKeyCreateSerializer,
    ApiKeySerializer,
    MeSerializer,
    MeUpdateSerializer,
)

CLOSED = OpenApiResponse(description="`account_closed`: Clerk no longer knows this user, so the account was closed.")
KEYS_NEED_SIGN_IN = OpenApiResponse(
    description="`permission_denied`: API keys cannot manage API keys (sign in); `plan_required`: the plan has "
    "no API keys, or its number of active keys is reached (`details.upgrade_url`)."
)
_me = representation(MeSerializer)


class MeView(APIView):
    @extend_schema(responses=MeSerializer, tags=["account"], summary="The signed-in user")
    def get(self, request):
        # The user the authentication read, with its balance: no second query.
        return Response(_me(request.user))

    @extend_schema(
        request=MeUpdateSerializer,
        responses=MeSerializer,
        tags=["account"],
        summary="Update preferences",
        description="Merges the given `preferences` into the stored ones (JSON merge patch): `theme` "
        "(`system`, `light`, `dark`) and `export_format` (`css`, `scss`, `tailwind`, `dtcg`, `tokens-studio`, "
        "`style-dictionary`, `json`, `shadcn`). "
        '`{"preferences": {"theme": null}}` removes a key; an empty body changes nothing. Unknown keys, other '
        "values and any other field answer 400.",
    )
    def patch(self, request):
        serializer = MeUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        changes = serializer.validated_data.get("preferences", {})
        if changes:
            services.user_update_preferences(user=request.user, changes=changes)
        return Response(_me(request.user))


class MeSyncView(APIView):
    @extend_schema(
        request=None,
        responses={
            200: MeSerializer,
            403: CLOSED,
            502: OpenApiResponse(description="`provider_unavailable`: Clerk refused or could not be reached."),
            503: OpenApiResponse(description="`not_configured`: CLERK_SECRET_KEY is unset on this server."),
        },
        tags=["account"],
        summary="Re-read the user from Clerk",
    )
    def post(self, request):
        user = services.user_sync_from_clerk(user=request.user)
        if user.is_closed:
            raise AccountClosed("Clerk no longer knows this user, so the account has been closed.")
        return Response(_me(user))


class ApiKeysView(ListAPIView):
    """The user's active personal API keys, newest first."""

    accepts_api_keys = False
    serializer_class = ApiKeySerializer

    def get_queryset(self):
        return selectors.active_api_keys_of(self.request.user)

    @extend_schema(
        tags=["api keys"],
        summary="Your personal API keys",
        description="Active keys, newest first: name, the first characters of the key, when it was made and "
        "last used (to the minute). The whole key is never shown again after it is made.",
        responses={200: ApiKeySerializer(many=True), 403: KEYS_NEED_SIGN_IN},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=ApiKeyCreateSerializer,
        responses={201: ApiKeyCreatedSerializer, 403: KEYS_NEED_SIGN_IN},
        tags=["api keys"],
        summary="Make a personal API key",
        description="Answers the whole key (`dfk_...`) in `key`, this once: store it now. Needs a plan with API "
        "keys (Pro), up to its number of active keys. Send it as `Authorization: Bearer dfk_...`.",
    )
    def post(self, request):
        serializer = ApiKeyCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        key, secret = services.api_key_create(user=request.user, name=serializer.validated_data["name"])
        key.key = secret
        return Response(ApiKeyCreatedSerializer(key).data, status=status.HTTP_201_CREATED)


class ApiKeyView(APIView):
    accepts_api_keys = False

    @extend_schema(
        request=None,
        responses={
            204: None,
            403: OpenApiResponse(description="`permission_denied`: API keys cannot revoke API keys (sign in)."),
            404: OpenApiResponse(description="`not_found`: no such active key of yours."),
        },
        tags=["api keys"],
        summary="Revoke a personal API key",
        description="The key stops working at once.",
    )
    def delete(self, request, pk: int):
        services.api_key_revoke(user=request.user, key_id=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)
