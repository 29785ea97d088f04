from csp.middleware import CSPMiddleware
from django.conf import settings

from . import clerk, services
from .authentication import API_KEY_PREFIX
from .clerk import frontend_api_host

CLERK_BOT_CHECK = "https://challenges.cloudflare.com"
CLERK_IMAGES = "https://img.clerk.com"


class ClerkSessionMiddleware:
    """Sign the request in from its Clerk session token (exactly the `__session` cookie, or
    `Authorization: Bearer`).

    Runs after Django's AuthenticationMiddleware: a valid token replaces `request.user` with the
    Clerk user (provisioned just in time if needed), read once, with its credit balance, so pages, DRF
    (which reuses this object) and admin all see it without another query. An invalid, expired,
    foreign or pending token, or a closed or inactive user, leaves the request signed out. Personal
    API keys (`Bearer dfk_...`) are left to the API's own authentication: they never sign in pages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.clerk_bearer = False
        found = clerk.session_token(request)
        if found is not None and not found[0].startswith(API_KEY_PREFIX):
            token, from_header = found
            claims = clerk.verify_session_token(token)
            user = services.user_provision_from_claims(claims=claims) if claims is not None else None
            if user is not None:
                request.user = user
                request.clerk_bearer = from_header
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's header, plus what Clerk's sign-in UI needs when Clerk is configured: its Frontend
    API host (read from the publishable key, as the pages do) for the script, its API calls and its
    frames, Cloudflare's bot check that Clerk embeds, Clerk's image host (avatars) and blob: workers."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        host = frontend_api_host(settings.CLERK_PUBLISHABLE_KEY) if settings.CLERK_PUBLISHABLE_KEY else ""
        if host and not report_only:
            fapi = f"https://{host}"
            added = {
                "script-src": [fapi, CLERK_BOT_CHECK],
                "connect-src": [fapi],
                "img-src": [CLERK_IMAGES],
                "worker-src": ["blob:"],
            }
            update = dict(parts.update or {})
            for directive, sources in added.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
            # frame-src is 'none' without Clerk; 'none' cannot stand beside a host, so it is replaced.
            parts.replace = {**(parts.replace or {}), "frame-src": [fapi, CLERK_BOT_CHECK]}
        return parts
