"""What staff see first on the admin index: recent signups, recent generations and failed webhooks.

Lives in designs because it reads generations and the apps below designs (accounts, the kernel's
webhook inbox); nothing below may import designs. A fixed number of small, bounded queries.
"""

from datetime import timedelta

from django import template
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from designforge.models import WebhookEvent
from designs.models import Generation

register = template.Library()

ROWS = 8


def _admin_url(name: str, *args) -> str | None:
    try:
        return reverse(f"admin:{name}", args=args)
    except NoReverseMatch:  # that model is not registered in admin
        return None


@register.inclusion_tag("admin/_overview.html")
def admin_overview() -> dict:
    user_model = get_user_model()
    since = timezone.now() - timedelta(days=7)
    signups = list(user_model.objects.order_by("-created_at")[:ROWS])
    generations = list(Generation.objects.select_related("user").order_by("-created_at")[:ROWS])
    failed = list(WebhookEvent.objects.filter(status=WebhookEvent.Status.FAILED).order_by("-received_at")[:ROWS])
    meta = user_model._meta
    return {
        "signups": [(user, _admin_url(f"{meta.app_label}_{meta.model_name}_change", user.pk)) for user in signups],
        "signups_week": user_model.objects.filter(created_at__gte=since).count(),
        "generations": [(g, _admin_url("designs_generation_change", g.pk)) for g in generations],
        "generations_week": Generation.objects.filter(created_at__gte=since).count(),
        "failed_generations_week": Generation.objects.filter(
            created_at__gte=since, status=Generation.Status.FAILED
        ).count(),
        "failed_webhooks": [(e, _admin_url("designforge_webhookevent_change", e.pk)) for e in failed],
        "failed_webhooks_total": WebhookEvent.objects.filter(status=WebhookEvent.Status.FAILED).count(),
        "users_url": _admin_url(f"{meta.app_label}_{meta.model_name}_changelist"),
        "generations_url": _admin_url("designs_generation_changelist"),
        "webhooks_url": _admin_url("designforge_webhookevent_changelist"),
    }
