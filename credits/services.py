"""Every change to a credit balance.

Each change is one transaction that locks the account row (`SELECT ... FOR UPDATE`), checks the
idempotency key, updates the balance and appends a ledger entry. A repeated key returns the entry
already written and changes nothing; the unique (account, key) constraint and the `balance >= 0`
check back this up in the database.

Lock order, everywhere: the user row (accounts) first, then the credit account row. Nothing here
makes a network call; callers must not hold a transaction open across one either (generation is:
spend in one transaction, call the provider, refund in another on failure).
"""

from django.db import IntegrityError, transaction

from accounts.models import User
from designforge import plans

from .errors import InsufficientCredits, InvalidAmount, SelfGrant, UnknownFeature
from .models import CreditAccount, FeatureCost, LedgerEntry

SIGNUP_KEY = "signup"


def _check_amount(amount) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount == 0:
        raise InvalidAmount()
    return amount


def _post(
    *, user: User, amount: int, kind: str, key: str, feature: str = "", description: str = "", actor: User | None = None
) -> LedgerEntry:
    """Apply one signed change under the account lock; the existing entry if `key` was used before."""
    with transaction.atomic():
        account = CreditAccount.objects.select_for_update().filter(user_id=user.pk).first()
        opened = False
        if account is None:  # the first entry (the signup grant): the row we insert is ours until commit
            try:
                with transaction.atomic():
                    account, opened = CreditAccount.objects.create(user_id=user.pk), True
            except IntegrityError:  # opened concurrently: wait for it like any other writer
                account = CreditAccount.objects.select_for_update().filter(user_id=user.pk).first()
                if account is None:  # not that race: another constraint refused the row
                    raise
        existing = None if opened else LedgerEntry.objects.filter(account=account, idempotency_key=key).first()
        if existing is not None:
            return existing
        if account.balance + amount < 0:
            raise InsufficientCredits(required=-amount, available=account.balance)
        account.balance += amount
        account.save(update_fields=["balance", "updated_at"])
        return LedgerEntry.objects.create(
            account=account,
            amount=amount,
            balance_after=account.balance,
            kind=kind,
            feature=feature,
            description=description[:255],
            idempotency_key=key,
            actor=actor,
        )


def credits_grant(
    *,
    user: User,
    amount: int,
    key: str,
    kind: str = LedgerEntry.Kind.GRANT,
    description: str = "",
    actor: User | None = None,
) -> LedgerEntry:
    """Add `amount` (> 0) credits once per `key` (e.g. `stripe:invoice:<id>`)."""
    if _check_amount(amount) < 0:
        raise InvalidAmount("A grant must add credits.")
    return _post(user=user, amount=amount, kind=kind, key=key, description=description, actor=actor)


def grant_signup_credits(sender, user: User, **kwargs) -> LedgerEntry | None:
    """Receiver of `accounts.signals.user_created`: the signup grant, in the transaction that created the user.
    The amount is the one staff set on the plans (`plans.signup_credits()`); none when they set 0."""
    amount = plans.signup_credits()
    if amount == 0:
        return None
    return credits_grant(
        user=user, amount=amount, key=SIGNUP_KEY, kind=LedgerEntry.Kind.SIGNUP, description="Welcome credits"
    )


def feature_cost(feature: str) -> int:
    cost = FeatureCost.objects.filter(code=feature).values_list("credits", flat=True).first()
    if cost is None:
        raise UnknownFeature(details={"feature": feature})
    return cost


def credits_spend(
    *, user: User, feature: str, key: str, description: str = "", amount: int | None = None
) -> LedgerEntry:
    """Take the feature's cost (or `amount`) once per `key`. Raises `InsufficientCredits` (402, with
    `required` and `available`) and changes nothing when the balance is too low."""
    cost = feature_cost(feature) if amount is None else _check_amount(amount)
    return _post(
        user=user, amount=-cost, kind=LedgerEntry.Kind.SPEND, key=key, feature=feature, description=description
    )


def credits_refund(*, user: User, spend_key: str, description: str = "") -> LedgerEntry | None:
    """Return a spend in full, once (key `refund:<spend key>`). None if there was no such spend."""
    spend = LedgerEntry.objects.filter(
        account__user_id=user.pk, idempotency_key=spend_key, kind=LedgerEntry.Kind.SPEND
    ).first()
    if spend is None:
        return None
    return _post(
        user=user,
        amount=-spend.amount,
        kind=LedgerEntry.Kind.REFUND,
        key=f"refund:{spend_key}",
        feature=spend.feature,
        description=description or "Refund",
    )


def credits_revoke(*, user: User, amount: int, key: str, description: str = "") -> LedgerEntry | None:
    """Take back up to `amount` credits once per `key`, never below zero (e.g. a refunded credit pack
    whose credits were partly spent). None when there was nothing left to take."""
    if _check_amount(amount) < 0:
        raise InvalidAmount("Give the number of credits to take back as a positive number.")
    with transaction.atomic():
        account = CreditAccount.objects.select_for_update().filter(user_id=user.pk).first()
        existing = LedgerEntry.objects.filter(account=account, idempotency_key=key).first() if account else None
        if account is None or existing is not None or account.balance == 0:
            return existing
        take = min(amount, account.balance)
        return _post(user=user, amount=-take, kind=LedgerEntry.Kind.REVERSAL, key=key, description=description)


def credits_adjust(*, user: User, amount: int, reason: str, actor: User, key: str) -> LedgerEntry:
    """A staff adjustment (positive or negative) with a reason, recorded with who made it. Staff
    cannot add credits to their own account (another staff member must)."""
    amount = _check_amount(amount)
    if actor.pk == user.pk and amount > 0:
        raise SelfGrant()
    if not reason.strip():
        raise InvalidAmount("An adjustment needs a reason.", details={"reason": ["This field is required."]})
    return _post(
        user=user,
        amount=amount,
        kind=LedgerEntry.Kind.ADJUSTMENT,
        key=key,
        description=reason.strip(),
        actor=actor,
    )
