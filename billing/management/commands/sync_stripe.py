from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from billing import selectors, services, stripe_api
from billing.errors import StripeNotConfigured
from billing.models import Plan, Subscription
from billing.payloads import TERMINAL_STATUSES, SubscriptionState, subscription_state
from designforge.errors import DomainError


def _day(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d}" if value else "unknown"


class Command(BaseCommand):
    help = (
        "Re-read every subscription from Stripe (needs STRIPE_SECRET_KEY) and correct ours where they drifted: "
        "status, plan, period, cancel at period end, and so the user's plan. A subscription we hold that "
        "Stripe no longer has is recorded as canceled. --dry-run prints the drift only; run it first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print what would change; write nothing.")
        parser.add_argument("--page-size", type=int, default=100)

    def handle(self, *args, dry_run, page_size, **options):
        try:
            self._sync(dry_run=dry_run, page_size=page_size)
        except StripeNotConfigured as error:
            raise CommandError("STRIPE_SECRET_KEY is unset: set it to the account's secret key.") from error
        except DomainError as error:  # Stripe unreachable, or refusing the key
            raise CommandError(error.message) from error

    def _sync(self, *, dry_run: bool, page_size: int) -> None:
        self.dry_run = dry_run
        self.counts = {"recorded": 0, "updated": 0, "unchanged": 0, "not ours": 0, "canceled": 0}
        # States read from here on are at least as new as any event Stripe created before this instant.
        read_at, seen = timezone.now(), set()
        for data in stripe_api.iter_subscriptions(page_size=page_size):
            seen.add(data["id"])
            self._reconcile(data, read_at)
        unseen = Subscription.objects.exclude(status__in=TERMINAL_STATUSES).exclude(stripe_subscription_id__in=seen)
        for stored in unseen.select_related("user"):
            data = stripe_api.retrieve_subscription(stored.stripe_subscription_id)
            if data is not None:
                self._reconcile(data, read_at)
                continue
            self.counts["canceled"] += 1
            self._say(f"cancel {stored.stripe_subscription_id}: no longer in Stripe")
            if not dry_run:
                services.subscription_refresh(subscription=stored)
        summary = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        self.stdout.write(self.style.SUCCESS(f"{'Dry run: ' if dry_run else ''}{summary}."))

    def _say(self, line: str) -> None:
        self.stdout.write(("would " if self.dry_run else "") + line)

    def _reconcile(self, data: dict, read_at: datetime) -> None:
        state = subscription_state(data)
        stored = (
            Subscription.objects.select_related("user").filter(stripe_subscription_id=state.subscription_id).first()
        )
        user = selectors.user_for_stripe(
            user_id=state.user_id, customer_id=state.customer_id, subscription_id=state.subscription_id
        )
        plan = selectors.plan_for(plan_code=state.plan_code, price_ids=state.price_ids)
        if user is None or (stored is None and plan is None):
            self.counts["not ours"] += 1
            return
        drift = self._drift(stored, state, plan)
        if drift is None:
            self.counts["unchanged"] += 1
            return
        self.counts["recorded" if stored is None else "updated"] += 1
        self._say(f"{'record' if stored is None else 'update'} {state.subscription_id}: {drift}")
        if not self.dry_run:
            services.subscription_apply_object(subscription=data, observed_at=read_at)

    @staticmethod
    def _drift(stored: Subscription | None, state: SubscriptionState, plan: Plan | None) -> str | None:
        """What differs between our copy and Stripe's, or None when nothing would change."""
        if stored is None:
            return f"missing here ({state.status}, plan {plan.code})"
        changes = []
        if state.status and state.status != stored.status:
            changes.append(f"status {stored.status} → {state.status}")
        if plan is not None and plan.pk != stored.plan_id:
            changes.append(f"plan {stored.plan_id} → {plan.pk}")
        if state.current_period_start and state.current_period_start != stored.current_period_start:
            changes.append(f"period start {_day(stored.current_period_start)} → {_day(state.current_period_start)}")
        if state.current_period_end and state.current_period_end != stored.current_period_end:
            changes.append(f"period end {_day(stored.current_period_end)} → {_day(state.current_period_end)}")
        if state.cancel_at_period_end is not None and state.cancel_at_period_end != stored.cancel_at_period_end:
            changes.append(f"cancel at period end {stored.cancel_at_period_end} → {state.cancel_at_period_end}")
        if not changes:
            entitled = selectors.entitled_subscription(stored.user)
            expected = entitled.plan_id if entitled is not None else selectors.FREE_PLAN
            if stored.user.plan != expected:
                changes.append(f"user's plan {stored.user.plan} → {expected}")
        return ", ".join(changes) or None
