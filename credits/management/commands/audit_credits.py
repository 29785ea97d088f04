from django.core.management.base import BaseCommand, CommandError

from credits.models import CreditAccount
from credits.selectors import audit_mismatches


class Command(BaseCommand):
    help = "Prove that every credit balance equals the sum of its ledger entries; exit 1 otherwise."

    def handle(self, *args, **options):
        mismatches = audit_mismatches()
        for m in mismatches:
            self.stderr.write(
                f"user {m['user_id']}: balance {m['balance']}, entries sum to {m['sum_of_entries']}, "
                f"latest balance_after {m['last_balance_after']}"
            )
        if mismatches:
            raise CommandError(f"{len(mismatches)} account(s) do not balance.")
        self.stdout.write(self.style.SUCCESS(f"All {CreditAccount.objects.count()} accounts balance."))
