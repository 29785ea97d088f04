from django.core.management.base import BaseCommand

from accounts import clerk, services
from accounts.models import User


class Command(BaseCommand):
    help = (
        "Backfill and reconcile users from the Clerk Backend API (needs CLERK_SECRET_KEY). Creates missing "
        "users, updates stale ones, closes local users Clerk no longer has. --dry-run prints the drift only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print what would change; write nothing.")
        parser.add_argument("--page-size", type=int, default=100)

    def handle(self, *args, dry_run, page_size, **options):
        local = {
            u.clerk_id: u for u in User.objects.filter(closed_at__isnull=True).exclude(clerk_id__startswith="dev_")
        }
        seen, counts = set(), {"created": 0, "updated": 0, "unchanged": 0, "closed": 0}
        for profile in clerk.iter_profiles(page_size=page_size):
            seen.add(profile.clerk_id)
            drift = self._drift(local.get(profile.clerk_id), profile)
            if drift is None:
                counts["unchanged"] += 1
                continue
            kind = "created" if profile.clerk_id not in local else "updated"
            counts[kind] += 1
            self.stdout.write(f"{'would ' if dry_run else ''}{kind[:-1]} {profile.clerk_id}: {drift}")
            if not dry_run:
                services.user_upsert_from_clerk(profile=profile)
        for clerk_id in sorted(set(local) - seen):
            counts["closed"] += 1
            self.stdout.write(f"{'would ' if dry_run else ''}close {clerk_id}: not in Clerk")
            if not dry_run:
                services.user_close(clerk_id=clerk_id)
        summary = ", ".join(f"{n} {k}" for k, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"{'Dry run: ' if dry_run else ''}{summary}."))

    @staticmethod
    def _drift(user: User | None, profile: clerk.ClerkProfile) -> str | None:
        """What differs between our copy and Clerk's, or None when nothing would change."""
        if user is None:
            return "missing locally"
        if user.clerk_updated_at and profile.updated_at and profile.updated_at < user.clerk_updated_at:
            return None  # ours is newer (a webhook overtook the listing)
        fields = ("email", "first_name", "last_name", "image_url")
        changed = [f for f in fields if (getattr(user, f) or "") != (getattr(profile, f) or "")]
        if not changed and profile.updated_at != user.clerk_updated_at:
            changed = ["updated_at"]
        return ", ".join(changed) or None
