from django.conf import settings
from django.core.checks import Error, register


@register()
def dev_sign_in_only_in_debug(app_configs, **kwargs):
    """Development sign-in lets anyone be anyone: it must never run with DEBUG=False."""
    if settings.DEV_SIGN_IN and not settings.DEBUG:
        return [
            Error(
                "DEV_SIGN_IN is on while DEBUG=False.",
                hint="Unset DEV_SIGN_IN and configure Clerk (see the README).",
                id="accounts.E001",
            )
        ]
    return []
