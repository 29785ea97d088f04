from django.conf import settings

from .clerk import frontend_api_host
from .views import dev_sign_in_enabled


def sign_in(request):
    """What the page templates need to offer sign-in: Clerk's UI, or the development form."""
    key = settings.CLERK_PUBLISHABLE_KEY
    return {
        "clerk_publishable_key": key,
        "clerk_frontend_api": frontend_api_host(key) if key else "",
        "dev_sign_in": dev_sign_in_enabled(),
    }
