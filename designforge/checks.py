"""Deployment checks of the kernel's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, Tags, register

from .ratelimit import parse_rate


@register(Tags.security, deploy=True)
def shared_cache_in_production(app_configs, **kwargs):
    """Rate limits are counted in the cache: a per-process cache lets N processes allow N times the limit."""
    backend = settings.CACHES["default"]["BACKEND"]
    if not settings.DEBUG and backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Error(
                "The cache is local to each process, so rate limits do not hold across processes.",
                hint="Set REDIS_URL (the shared cache and task broker).",
                id="designforge.E001",
            )
        ]
    return []


@register()
def rate_limits_are_readable(app_configs, **kwargs):
    errors = []
    for name in ("GENERATION_RATE_LIMIT", "PREVIEW_RATE_LIMIT"):
        try:
            parse_rate(getattr(settings, name))
        except ValueError as exc:
            errors.append(Error(f"{name}: {exc}.", id="designforge.E002"))
    return errors
