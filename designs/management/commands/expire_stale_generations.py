from django.core.management.base import BaseCommand

from designs.services import STALE_AFTER, generations_expire_stale


class Command(BaseCommand):
    help = (
        "Fail and refund generations still pending after 10 minutes (their request was cut off, e.g. by a "
        "server restart). Safe to run at any time, e.g. from cron every few minutes."
    )

    def handle(self, *args, **options):
        count = generations_expire_stale(older_than=STALE_AFTER)
        self.stdout.write(f"Expired {count} stale generation(s); their credits were returned.")
