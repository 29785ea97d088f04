from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from designforge.admin import ReadOnlyAdminMixin
from designforge.errors import DomainError

from . import services
from .models import ApiKey, User


class CloseAccountsForm(forms.Form):
    reason = forms.CharField(max_length=200, help_text="Kept on the closed account, e.g. the support ticket.")


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    """Users are owned by Clerk: staff browse them here and change them only through services.
    Each action needs its own permission, checked again when it runs."""

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
        "closed_reason",
        "plan",
        "preferences",
        "created_at",
        "updated_at",
        "last_login",
    ]
    fields = readonly_fields + ["is_staff", "is_superuser", "groups"]
    actions = ["sync_from_clerk", "close_accounts"]

    def has_add_permission(self, request):
        return False  # users come from Clerk

    def has_delete_permission(self, request, obj=None):
        return False  # a user is closed, never deleted: the ledger keeps its rows

    def has_close_permission(self, request):
        return request.user.has_perm("accounts.close_user")

    @admin.action(description="Re-read the selected users from Clerk", permissions=["change"])
    def sync_from_clerk(self, request, queryset):
        if not self.has_change_permission(request):
            raise PermissionDenied
        synced = 0
        for user in queryset.filter(closed_at__isnull=True):
            try:
                services.user_sync_from_clerk(user=user)
                synced += 1
            except DomainError as error:
                self.message_user(request, f"{user}: {error.message}", messages.ERROR)
                break
        self.message_user(request, f"Synced {synced} user(s) from Clerk.")

    @admin.action(description="Close the selected accounts…", permissions=["close"])
    def close_accounts(self, request, queryset):
        """The same closure as Clerk's `user.deleted`, with the staff member's reason."""
        if not self.has_close_permission(request):
            raise PermissionDenied
        queryset = queryset.filter(closed_at__isnull=True)
        form = CloseAccountsForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            for user in queryset.exclude(pk=request.user.pk):
                services.user_close(clerk_id=user.clerk_id, reason=form.cleaned_data["reason"])
                self.log_change(request, user, f"Closed the account: {form.cleaned_data['reason']}")
            if queryset.filter(pk=request.user.pk).exists():
                self.message_user(request, "You cannot close your own account here.", messages.ERROR)
            self.message_user(request, "Closed the selected accounts.")
            return None
        explanation = (
            "This is what a deletion in Clerk does: personal data is erased (here and in stored Clerk webhook "
            "payloads), API keys are revoked, sign-in is refused, design systems are removed and billing is "
            "cancelled. Credit ledger entries stay. It cannot be undone."
        )
        return self.render_action_form(request, queryset, action="close_accounts", form=form, title="Close accounts",
                                explanation=explanation)

    def render_action_form(self, request, queryset, *, action: str, form, title: str, explanation: str):
        """The page asking for an action's input (templates/admin/action_form.html)."""
        return render(
            request,
            "admin/action_form.html",
            {
                **self.admin_site.each_context(request),
                "form": form,
                "users": queryset,
                "title": title,
                "explanation": explanation,
                "action": action,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                "opts": self.model._meta,
            },
        )


@admin.register(ApiKey)
class ApiKeyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Personal API keys: prefix, owner and use; never the whole key (it is not stored)."""

    list_display = ["prefix", "name", "user", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["prefix", "name", "user__email", "user__clerk_id"]
    list_select_related = ["user"]
    date_hierarchy = "created_at"
    fields = readonly_fields = ["prefix", "name", "user", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_revoke_permission(self, request):
        return request.user.has_perm("accounts.revoke_apikey")

    @admin.action(description="Revoke the selected keys", permissions=["revoke"])
    def revoke(self, request, queryset):
        if not self.has_revoke_permission(request):
            raise PermissionDenied
        revoked = services.api_key_revoke_by_staff(keys=queryset)
        self.message_user(request, f"Revoked {revoked} key(s).")
