import uuid

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied

from accounts.admin import UserAdmin
from accounts.models import User
from designforge.admin import ReadOnlyAdminMixin, messages
from designforge.errors import DomainError

from . import services
from .models import FeatureCost, LedgerEntry


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "account", "amount", "balance_after", "kind", "feature", "description", "actor"]
    list_filter = ["kind", "feature", "created_at"]
    search_fields = ["account__user__email", "account__user__clerk_id", "idempotency_key", "description"]
    list_select_related = ["account__user", "actor"]
    date_hierarchy = "created_at"


@admin.register(FeatureCost)
class FeatureCostAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "credits", "updated_at"]
    list_editable = ["credits"]
    search_fields = ["code", "name"]

    def save_model(self, request, obj, form, change):
        services.feature_cost_save(feature_cost=obj)


class GrantCreditsForm(forms.Form):
    amount = forms.IntegerField(min_value=1, max_value=100_000)
    reason = forms.CharField(max_length=200)
    # One token per form, so submitting the same form twice grants once.
    token = forms.CharField(widget=forms.HiddenInput)


class UserWithCreditsAdmin(UserAdmin):
    """The accounts user admin, plus the user's balance, ledger and a grant action."""

    list_display = UserAdmin.list_display + ["balance"]
    actions = UserAdmin.actions + ["grant_credits"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("creditaccount")

    @admin.display(description="Credits", ordering="creditaccount__balance")
    def balance(self, user):
        return getattr(getattr(user, "creditaccount", None), "balance", 0)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The ledger hangs off the credit account, not the user, so it is listed by the template.
        entries = LedgerEntry.objects.filter(account__user_id=object_id).select_related("actor")[:50]
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "ledger_entries": entries})

    def has_grant_credits_permission(self, request):
        return request.user.has_perm("credits.grant_credits")

    @admin.action(description="Grant credits to the selected users…", permissions=["grant_credits"])
    def grant_credits(self, request, queryset):
        """Needs `credits.grant_credits` (checked again here, not only when listing actions); nobody
        grants credits to themselves: another staff member must."""
        if not self.has_grant_credits_permission(request):
            raise PermissionDenied
        form = GrantCreditsForm(request.POST if "apply" in request.POST else None, initial={"token": uuid.uuid4().hex})
        if form.is_valid():
            granted = 0
            for user in queryset:
                try:
                    services.credits_adjust(
                        user=user,
                        amount=form.cleaned_data["amount"],
                        reason=form.cleaned_data["reason"],
                        actor=request.user,
                        key=f"admin:{form.cleaned_data['token']}",
                    )
                    granted += 1
                except DomainError as error:
                    self.message_user(request, f"{user}: {error.message}", messages.ERROR)
            self.message_user(request, f"Granted {form.cleaned_data['amount']} credits to {granted} user(s).")
            return None
        explanation = "Each grant is written to the ledger with your name and the reason."
        return self.render_action_form(request, queryset, action="grant_credits", form=form, title="Grant credits",
                                explanation=explanation)


admin.site.unregister(User)
admin.site.register(User, UserWithCreditsAdmin)
