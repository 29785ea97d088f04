from .models import ApiKey, User


def active_api_keys_of(user: User):
    """The user's keys that still work, newest first."""
    return ApiKey.objects.filter(user=user, revoked_at__isnull=True).order_by("-created_at", "-pk")
