"""Bring rows stored before the rules to them: preferences keep only known keys with allowed values
(a 900-level value once broke every admin page of its user), image URLs only https ones."""

from django.db import migrations


def clean_profiles(apps, schema_editor):
    from accounts.clerk import https_only
    from accounts.preferences import is_valid

    User = apps.get_model("accounts", "User")
    changed = []
    for user in User.objects.only("pk", "preferences", "image_url").iterator(chunk_size=500):
        stored = user.preferences if isinstance(user.preferences, dict) else {}
        preferences = {key: value for key, value in stored.items() if is_valid(key, value)}
        image_url = https_only(user.image_url)
        if preferences != user.preferences or image_url != user.image_url:
            user.preferences, user.image_url = preferences, image_url
            changed.append(user)
    User.objects.bulk_update(changed, ["preferences", "image_url"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_api_keys_and_closure")]
    operations = [migrations.RunPython(clean_profiles, migrations.RunPython.noop)]
