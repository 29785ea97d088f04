"""Design systems saved by engine 1 have the smaller set of theme roles (no X-text, X-subtle, on-X-subtle,
border-strong). Complete them as the engine solves them now, and recompute the report, so every saved
design system meets today's token contract and its exports carry every role."""

from django.db import migrations

STANDARD_THEMES = ("light", "dark")


def complete(apps, schema_editor):
    from designs.engine import build_report
    from designs.engine.themes import complete_theme

    DesignSystem = apps.get_model("designs", "DesignSystem")
    Generation = apps.get_model("designs", "Generation")
    for model in (DesignSystem, Generation):
        for row in model.objects.exclude(tokens=None).iterator():
            themes = (row.tokens or {}).get("themes")
            if not themes or all("border-strong" in themes.get(name, {}) for name in themes):
                continue
            colors = row.tokens.get("colors", {})
            row.tokens["themes"] = {
                name: complete_theme(roles, colors, name) if name in STANDARD_THEMES else roles
                for name, roles in themes.items()
            }
            row.report = build_report(row.tokens)
            row.save(update_fields=["tokens", "report"])


class Migration(migrations.Migration):
    dependencies = [("designs", "0002_design_system_intent")]
    operations = [migrations.RunPython(complete, migrations.RunPython.noop)]
