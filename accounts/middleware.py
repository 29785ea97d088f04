from . import clerk, services


class ClerkSessionMiddleware:
    """Sign the request in from its Clerk session token (cookie `__session` or `Authorization: Bearer`).

    Runs after Django's AuthenticationMiddleware: a valid token replaces `request.user` with the
    Clerk user (provisioned just in time if needed), so `login_required`, DRF permissions and admin
    all see it. An invalid, expired or foreign token leaves the request signed out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.clerk_bearer = False
        claims = clerk.verify_session(request)
        if claims is not None:
            user = services.user_provision_from_claims(claims=claims)
            if user is not None:
                request.user = user
                request.clerk_bearer = request.headers.get("Authorization", "").startswith("Bearer ")
        return self.get_response(request)
