from django.core.management.base import BaseCommand

from accounts.services import user_sign_in_dev
from designs import selectors, services
from designs.engine import interpret

DEMO_EMAIL = "demo@designforge.local"

# (name, prompt, seed colour, public): saved for the demo user, free of charge.
DEMO_DESIGN_SYSTEMS = [
    ("Harbor Bank", "calm, trustworthy fintech for families", "#1d4ed8", True),
    ("Sprout Kids", "playful, friendly reading app for children, rounded", "#f97316", False),
    ("Atelier Noir", "elegant, minimal luxury fashion boutique", None, False),
]


class Command(BaseCommand):
    help = (
        "Load demo data for local development: a demo user (sign in as demo@designforge.local) with three "
        "design systems, one of them public. Safe to re-run."
    )

    def handle(self, *args, **options):
        user = user_sign_in_dev(email=DEMO_EMAIL)
        existing = set(selectors.design_systems_of(user).values_list("name", flat=True))
        created = 0
        for name, prompt, seed_color, is_public in DEMO_DESIGN_SYSTEMS:
            if name in existing:
                continue
            services.design_system_create(
                owner=user,
                name=name,
                prompt=prompt,
                seed_color=seed_color or "",
                intent=interpret(prompt, seed_color).to_dict(),  # editable in the editor
                is_public=is_public,
            )
            created += 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready ({created} design systems added). "
                f"Sign in at http://127.0.0.1:8000/sign-in/ as {user.email}."
            )
        )
