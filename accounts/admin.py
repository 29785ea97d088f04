from django.contrib import admin, messages

from designforge.errors import DomainError

from . import services
from .models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    """Users are owned by Clerk: staff browse them here and change them only through services."""

    list_display = ["clerk_id", "email", "first_name", "last_name", "plan", "is_active", "is_staff", "created_at"]
    list_filter = ["plan", "is_active", "is_staff", ("closed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email", "clerk_id", "first_name", "last_name"]
    ordering = ["-created_at"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "clerk_id",
        "email",
        "first_name",
        "last_name",
        "image_url",
        "clerk_updated_at",
        "closed_at",
        "plan",
        "preferences",
        "created_at",
        "updated_at",
        "last_login",
    ]
    fields = readonly_fields + ["is_staff", "is_superuser", "groups"]
    actions = ["sync_from_clerk"]

    def has_add_permission(self, request):
        return False  # users come from Clerk

    def has_delete_permission(self, request, obj=None):
        return False  # a user is closed (by Clerk's user.deleted), never deleted: the ledger keeps its rows

    @admin.action(description="Re-read the selected users from Clerk")
    def sync_from_clerk(self, request, queryset):
        synced = 0
        for user in queryset.filter(closed_at__isnull=True):
            try:
                services.user_sync_from_clerk(user=user)
                synced += 1
            except DomainError as error:
                self.message_user(request, f"{user}: {error.message}", messages.ERROR)
                break
        self.message_user(request, f"Synced {synced} user(s) from Clerk.")
