from django.db import migrations

FEATURES = [
    ("colors", "Colour palette", "Colour scales and light/dark themes", 1),
    ("typography", "Typography", "Font pairing, type scale and spacing", 1),
    ("design-system", "Design system", "Colours, typography, spacing, radii and shadows", 2),
]


def seed(apps, schema_editor):
    FeatureCost = apps.get_model("credits", "FeatureCost")
    for code, name, description, credits in FEATURES:
        FeatureCost.objects.get_or_create(code=code, defaults={"name": name, "description": description, "credits": credits})


class Migration(migrations.Migration):
    dependencies = [("credits", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
