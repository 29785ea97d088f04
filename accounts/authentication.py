"""How API requests are signed in: a personal API key, or the user the Clerk middleware (or
development sign-in) already signed in. Either way the user is read once per request.

DRF imports this module (DEFAULT_AUTHENTICATION_CLASSES) while `rest_framework.views` itself is
being imported, which the kernel's error module does: so our services are imported when a request
is authenticated, not when this module loads.
"""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.exceptions import AuthenticationFailed, PermissionDenied

API_KEY_PREFIX = "dfk_"
AUTHENTICATE_HEADER = 'Bearer realm="api"'


def accepts_api_keys(view) -> bool:
    """Views that manage API keys or billing set `accepts_api_keys = False`: a key cannot mint keys,
    nor spend money, so a leaked key is worth less than a session."""
    return getattr(view, "accepts_api_keys", True)


class ApiKeyAuthentication(BaseAuthentication):
    """`Authorization: Bearer dfk_...`: a personal API key. An unknown or revoked key, or one of a
    closed or inactive account, answers 401; a key of a user whose plan no longer includes API keys
    answers 403 `plan_required` (with where to upgrade); on key and billing endpoints, 403."""

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header.startswith("Bearer " + API_KEY_PREFIX):
            return None
        from designforge.plans import PlanRequired, limits_for

        from . import services

        key = services.api_key_authenticate(secret=header[len("Bearer ") :].strip())
        if key is None or not key.user.is_active or key.user.is_closed:
            raise AuthenticationFailed("This API key is unknown or revoked.")
        view = request.parser_context.get("view") if request.parser_context else None
        if view is not None and not accepts_api_keys(view):
            raise PermissionDenied("API keys cannot manage API keys or billing: sign in to do this.")
        limits = limits_for(key.user)
        if limits.api_keys == 0:
            # Not an APIException: DRF lets it through to the API error handler, which answers 403.
            raise PlanRequired(
                required_plan=limits.upgrade_plan or limits.plan,
                plan_name=limits.upgrade_plan.title(),
                message=f"API keys are not part of the {limits.plan_name} plan any more. Upgrade to use them again.",
            )
        return (key.user, key)

    def authenticate_header(self, request):
        return AUTHENTICATE_HEADER


class ClerkAuthentication(SessionAuthentication):
    """DRF's view of the user that `ClerkSessionMiddleware` (or development sign-in) signed in: the
    same object, so no second read.

    A bearer token is sent deliberately by a script, so it needs no CSRF token; a cookie is sent by
    the browser on its own, so cookie-authenticated unsafe requests must carry Django's CSRF token.
    Signed-out requests answer 401 (`WWW-Authenticate: Bearer`), not 403.
    """

    def authenticate(self, request):
        user = getattr(request._request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        if not getattr(request._request, "clerk_bearer", False):
            self.enforce_csrf(request)
        return (user, None)

    def authenticate_header(self, request):
        return AUTHENTICATE_HEADER


class ClerkAuthenticationScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes Clerk sign-in."""

    target_class = ClerkAuthentication
    name = "ClerkSession"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": "A Clerk session token, sent as `Authorization: Bearer <token>` (scripts) or as the "
            "`__session` cookie (browsers; unsafe methods then also need Django's CSRF token).",
        }


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    """Personal API keys, on every operation that accepts them."""

    target_class = ApiKeyAuthentication
    name = "ApiKey"

    def get_security_requirement(self, auto_schema):
        return {self.name: []} if accepts_api_keys(auto_schema.view) else None

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "dfk_...",
            "description": "A personal API key (Pro plan; made at `POST /api/keys` or on the account page), sent "
            "as `Authorization: Bearer dfk_...`. Works on every endpoint a signed-in user can call except "
            "`/api/keys` and billing (403 there).",
        }
