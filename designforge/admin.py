from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied

from . import inbox
from .models import WebhookEvent


class ReadOnlyAdminMixin:
    """For records only the system writes (the ledger, the inbox, Stripe's mirror): staff look, never
    add, edit or delete."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WebhookEvent)
class WebhookEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The webhook inbox: every delivery as received, read-only, with a replay action."""

    list_display = ["received_at", "source", "event_type", "event_id", "status", "attempts", "processed_at"]
    list_filter = ["source", "status", "event_type"]
    search_fields = ["event_id", "event_type", "error"]
    date_hierarchy = "received_at"
    readonly_fields = [f.name for f in WebhookEvent._meta.fields]
    actions = ["replay"]

    def has_replay_permission(self, request):
        return request.user.has_perm("designforge.replay_webhookevent")

    @admin.action(description="Replay the selected events", permissions=["replay"])
    def replay(self, request, queryset):
        if not self.has_replay_permission(request):  # checked again here, not only when listing actions
            raise PermissionDenied
        for event in queryset.order_by("received_at"):
            try:
                inbox.process(event, replay=True)
            except Exception as error:  # the failure is recorded on the event; report it and go on
                self.message_user(request, f"{event}: {error}", messages.ERROR)
        self.message_user(request, f"Replayed {queryset.count()} event(s).")
