from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import SessionAuthentication


class ClerkAuthentication(SessionAuthentication):
    """DRF's view of the user that `ClerkSessionMiddleware` (or development sign-in) signed in.

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
        return 'Bearer realm="api"'


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
