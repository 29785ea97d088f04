import json

from django.contrib import admin
from django.utils.html import format_html

from designforge.admin import ReadOnlyAdminMixin

from . import services
from .models import DesignSystem, Generation


def _pretty(value) -> str:
    if value is None:
        return "-"
    return format_html('<pre style="max-height: 30em; overflow: auto">{}</pre>', json.dumps(value, indent=2))


@admin.register(DesignSystem)
class DesignSystemAdmin(admin.ModelAdmin):
    """Staff may rename, publish/unpublish and delete (through the services); tokens are read-only."""

    list_display = ["name", "owner", "is_public", "passes", "created_at", "updated_at"]
    list_filter = ["is_public", "created_at"]
    search_fields = ["name", "owner__email", "owner__clerk_id"]
    list_select_related = ["owner"]
    date_hierarchy = "created_at"
    fields = ["name", "is_public", "owner", "prompt", "seed_color", "created_at", "updated_at", "tokens_pretty",
              "report_pretty"]
    readonly_fields = ["owner", "prompt", "seed_color", "created_at", "updated_at", "tokens_pretty", "report_pretty"]

    def has_add_permission(self, request):
        return False

    @admin.display(boolean=True, description="Passes")
    def passes(self, design_system):
        return (design_system.report or {}).get("passes")

    @admin.display(description="Tokens")
    def tokens_pretty(self, design_system):
        return _pretty(design_system.tokens)

    @admin.display(description="Report")
    def report_pretty(self, design_system):
        return _pretty(design_system.report)

    def save_model(self, request, obj, form, change):
        services.design_system_update(design_system=obj, name=obj.name, is_public=obj.is_public)

    def delete_model(self, request, obj):
        services.design_system_delete(design_system=obj)

    def delete_queryset(self, request, queryset):
        for design_system in queryset:
            services.design_system_delete(design_system=design_system)


@admin.register(Generation)
class GenerationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Generations are a record: staff may look, never change them."""

    list_display = [
        "id", "created_at", "user", "kind", "provider", "model", "status", "credits_charged", "duration_ms",
    ]
    list_filter = ["status", "provider", "kind", "created_at"]
    search_fields = ["user__email", "user__clerk_id", "idempotency_key", "prompt"]
    list_select_related = ["user"]
    date_hierarchy = "created_at"
    exclude = ["intent", "tokens", "report"]
    readonly_fields = ["intent_pretty", "tokens_pretty", "report_pretty"]

    @admin.display(description="Intent")
    def intent_pretty(self, generation):
        return _pretty(generation.intent)

    @admin.display(description="Tokens")
    def tokens_pretty(self, generation):
        return _pretty(generation.tokens)

    @admin.display(description="Report")
    def report_pretty(self, generation):
        return _pretty(generation.report)
