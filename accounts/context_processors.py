import base64

from django.conf import settings


def _clerk_frontend_api(publishable_key: str) -> str:
    """The Frontend API host encoded in a publishable key (`pk_test_<base64("host$")>`)."""
    encoded = publishable_key.split("_", 2)[-1]
    try:
        return base64.b64decode(encoded + "=" * (-len(encoded) % 4)).decode().rstrip("$")
    except ValueError:
        return ""


def sign_in(request):
    """What the page templates need to offer sign-in: Clerk's UI, or the development form."""
    key = settings.CLERK_PUBLISHABLE_KEY
    return {
        "clerk_publishable_key": key,
        "clerk_frontend_api": _clerk_frontend_api(key) if key else "",
        "dev_sign_in": settings.DEV_SIGN_IN,
    }
