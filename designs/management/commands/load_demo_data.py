from django.core.management.base import BaseCommand

from accounts.services import user_sign_in_dev

DEMO_EMAIL = "demo@designforge.local"


class Command(BaseCommand):
    help = "Load demo data for local development: a demo user (sign in as demo@designforge.local). Safe to re-run."

    def handle(self, *args, **options):
        user = user_sign_in_dev(email=DEMO_EMAIL)
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready. Sign in at http://127.0.0.1:8000/sign-in/ as {user.email}.")
        )
