"""Reads of balances, usage and the ledger."""

from datetime import timedelta

from django.db.models import OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from accounts.models import User

from .models import CreditAccount, FeatureCost, LedgerEntry

USAGE_KINDS = (LedgerEntry.Kind.SPEND, LedgerEntry.Kind.REFUND)


def balance_of(user: User) -> int:
    return CreditAccount.objects.filter(user_id=user.pk).values_list("balance", flat=True).first() or 0


def ledger_of(user: User) -> QuerySet[LedgerEntry]:
    """The user's entries, newest first."""
    return LedgerEntry.objects.filter(account__user_id=user.pk).order_by("-created_at", "-id")


def usage_by_feature(user: User, *, days: int = 30) -> dict[str, int]:
    """Credits spent per feature over the last `days` days, net of refunds."""
    since = timezone.now() - timedelta(days=days)
    rows = (
        ledger_of(user)
        .filter(kind__in=USAGE_KINDS, created_at__gte=since)
        .values("feature")
        .annotate(total=Sum("amount"))
        .order_by("feature")
    )
    return {row["feature"]: -row["total"] for row in rows if row["total"]}


def daily_spend(user: User, *, days: int = 30) -> list[tuple]:
    """(date, credits spent net of refunds) for each of the last `days` days, oldest first, zeros included."""
    today = timezone.localdate()
    start = today - timedelta(days=days - 1)
    rows = (
        ledger_of(user)
        .filter(kind__in=USAGE_KINDS, created_at__date__gte=start)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    spent = {row["day"]: -row["total"] for row in rows}
    return [(start + timedelta(days=i), spent.get(start + timedelta(days=i), 0)) for i in range(days)]


def feature_costs() -> QuerySet[FeatureCost]:
    return FeatureCost.objects.order_by("credits", "code")


def audit_mismatches() -> list[dict]:
    """Accounts whose balance differs from the sum of their entries (or whose latest entry's
    `balance_after` differs from the balance). An empty list means the ledger is sound."""
    latest = LedgerEntry.objects.filter(account=OuterRef("pk")).order_by("-created_at", "-id")
    accounts = CreditAccount.objects.annotate(
        total=Coalesce(Sum("entries__amount"), 0), last=Subquery(latest.values("balance_after")[:1])
    ).order_by("pk")
    return [
        {"user_id": a.user_id, "balance": a.balance, "sum_of_entries": a.total, "last_balance_after": a.last}
        for a in accounts.iterator()
        if a.total != a.balance or (a.last is not None and a.last != a.balance)
    ]
