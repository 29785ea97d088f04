from django.conf import settings
from django.core.checks import Error, Tags, register

from . import clerk


@register(Tags.security, deploy=True)
def clerk_authorized_parties_in_production(app_configs, **kwargs):
    """Without CLERK_AUTHORIZED_PARTIES a session token minted for any other site of the same Clerk
    instance (any `azp`) signs in here."""
    if clerk.is_session_auth_configured() and not settings.CLERK_AUTHORIZED_PARTIES:
        return [
            Error(
                "CLERK_AUTHORIZED_PARTIES is unset, so session tokens of any origin (azp) are accepted.",
                hint="Set CLERK_AUTHORIZED_PARTIES to your site's origins, e.g. https://designforge.example.com.",
                id="accounts.E002",
            )
        ]
    return []
