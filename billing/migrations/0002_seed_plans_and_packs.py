from django.db import migrations

# "{signup_credits}" and "{monthly_credits}" in a feature are filled in when plans are shown (billing.serializers).
PLANS = [
    {
        "code": "free",
        "name": "Free",
        "price_amount": 0,
        "monthly_credits": 0,
        "rank": 0,
        "features": [
            "{signup_credits} credits when you sign up",
            "Colour palettes, typography and full design systems",
            "Export to CSS, SCSS, Tailwind and design tokens",
        ],
    },
    {
        "code": "pro",
        "name": "Pro",
        "price_amount": 1200,
        "monthly_credits": 100,
        "rank": 1,
        "features": [
            "{monthly_credits} credits every paid month",
            "Unused credits never expire",
            "Everything in Free",
            "Manage or cancel any time in the billing portal",
        ],
    },
]

PACKS = [
    {"code": "small", "name": "Small pack", "credits": 50, "price_amount": 500},
    {"code": "large", "name": "Large pack", "credits": 200, "price_amount": 1500},
]


def seed(apps, schema_editor):
    Plan = apps.get_model("billing", "Plan")
    CreditPack = apps.get_model("billing", "CreditPack")
    for plan in PLANS:
        Plan.objects.get_or_create(code=plan["code"], defaults={**plan, "currency": "usd", "interval": "month"})
    for pack in PACKS:
        CreditPack.objects.get_or_create(code=pack["code"], defaults={**pack, "currency": "usd"})


class Migration(migrations.Migration):
    dependencies = [("billing", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
