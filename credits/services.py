"""Every change to a credit balance.

Each change locks the account row, checks the idempotency key and the balance, updates the balance
and appends a ledger entry, all or nothing. On PostgreSQL that is one statement (`_POST`: a CTE that
locks the row with `SELECT ... FOR UPDATE`, inserts the entry `ON CONFLICT DO NOTHING` where the
balance allows, and sets the balance from it); elsewhere (SQLite) one transaction of ORM statements
under the same lock. A repeated key returns the entry already written and changes nothing; the unique
(account, key) constraint and the `balance >= 0` check guarantee it in the database either way.

Lock order, everywhere: the user row (accounts) first, then the credit account row. Nothing here
makes a network call; callers must not hold a transaction open across one either (generation is:
spend in one transaction, call the provider, refund in another on failure).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction

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
    *,
    user: User,
    amount: int,
    kind: str,
    key: str,
    feature: str = "",
    description: str = "",
    actor: User | None = None,
    opening: bool = False,
) -> LedgerEntry:
    """Apply one signed change; the existing entry if `key` was used before. `opening` says the entry
    is most likely the account's first (the signup grant), so the account is created with it."""
    entry = LedgerEntry(
        account_id=user.pk,
        amount=amount,
        kind=kind,
        feature=feature,
        description=description[:255],
        idempotency_key=key,
        actor_id=actor.pk if actor else None,
    )
    if connection.vendor == "postgresql" and settings.CREDITS_ONE_STATEMENT:
        return _post_in_one_statement(entry, opening=opening)
    return _post_under_lock(entry)


_ENTRY_COLUMNS = "account_id, amount, balance_after, kind, feature, description, idempotency_key, actor_id, created_at"
# clock_timestamp(): the time of writing, after any wait for the lock, so entries sort in the order they were made.
_ENTRY_VALUES = "%(kind)s, %(feature)s, %(description)s, %(key)s, %(actor)s, clock_timestamp()"
# The account row is locked and read (the newest committed balance, even after waiting for another
# writer), the entry inserted unless its key exists (the unique constraint decides, no savepoint) or the
# balance would go below zero, and the balance set to the entry's balance_after: one statement.
_POST = f"""
WITH account AS (
    SELECT user_id, balance FROM credits_creditaccount WHERE user_id = %(account)s FOR UPDATE
), entry AS (
    INSERT INTO credits_ledgerentry ({_ENTRY_COLUMNS})
    SELECT user_id, %(amount)s, balance + %(amount)s, {_ENTRY_VALUES} FROM account WHERE balance + %(amount)s >= 0
    ON CONFLICT (account_id, idempotency_key) DO NOTHING
    RETURNING id, account_id, balance_after, created_at
), balance AS (
    UPDATE credits_creditaccount SET balance = entry.balance_after, updated_at = entry.created_at
    FROM entry WHERE credits_creditaccount.user_id = entry.account_id
)
SELECT id, balance_after, created_at FROM entry
"""
# The account's first entry: the account is created holding it (a row we insert is ours until commit).
_OPEN = f"""
WITH account AS (
    INSERT INTO credits_creditaccount (user_id, balance, updated_at) VALUES (%(account)s, %(amount)s, clock_timestamp())
    ON CONFLICT (user_id) DO NOTHING
    RETURNING user_id, balance
)
INSERT INTO credits_ledgerentry ({_ENTRY_COLUMNS})
SELECT user_id, %(amount)s, balance, {_ENTRY_VALUES} FROM account
RETURNING id, balance_after, created_at
"""


def _run(statement: str, entry: LedgerEntry) -> LedgerEntry | None:
    params = {
        "account": entry.account_id,
        "amount": entry.amount,
        "kind": entry.kind,
        "feature": entry.feature,
        "description": entry.description,
        "key": entry.idempotency_key,
        "actor": entry.actor_id,
    }
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        row = cursor.fetchone()
    if row is None:
        return None
    entry.pk, entry.balance_after, entry.created_at = row
    entry._state.adding, entry._state.db = False, connection.alias
    return entry


def _post_in_one_statement(entry: LedgerEntry, *, opening: bool) -> LedgerEntry:
    """PostgreSQL: the change in one statement (`_OPEN` for a first entry, else `_POST`). When it
    writes nothing, one read tells why: the key was used (that entry), too few credits (402), or no
    account yet (opened by a grant)."""
    if opening and entry.amount > 0 and (done := _run(_OPEN, entry)) is not None:
        return done
    for _ in range(3):  # a grant or an opening may land between the statement and the read: try again
        if (done := _run(_POST, entry)) is not None:
            return done
        existing = LedgerEntry.objects.filter(account_id=entry.account_id, idempotency_key=entry.idempotency_key)
        if (found := existing.first()) is not None:
            return found
        balance = CreditAccount.objects.filter(user_id=entry.account_id).values_list("balance", flat=True).first()
        if entry.amount < 0 and (balance or 0) + entry.amount < 0:
            raise InsufficientCredits(required=-entry.amount, available=balance or 0)
        if balance is None and (done := _run(_OPEN, entry)) is not None:
            return done
    raise RuntimeError(f"The credit account of user {entry.account_id} kept changing during one change.")


def _post_under_lock(entry: LedgerEntry) -> LedgerEntry:
    """Other databases (SQLite), or with `CREDITS_ONE_STATEMENT=False`: lock the account row, check the
    key and the balance, update, insert: the ORM statements of one transaction."""
    with transaction.atomic():
        account = CreditAccount.objects.select_for_update().filter(user_id=entry.account_id).first()
        opened = False
        if account is None:  # the first entry (the signup grant): the row we insert is ours until commit
            try:
                with transaction.atomic():
                    account, opened = CreditAccount.objects.create(user_id=entry.account_id), True
            except IntegrityError:  # opened concurrently: wait for it like any other writer
                account = CreditAccount.objects.select_for_update().filter(user_id=entry.account_id).first()
                if account is None:  # not that race: another constraint refused the row
                    raise
        used = LedgerEntry.objects.filter(account=account, idempotency_key=entry.idempotency_key)
        existing = None if opened else used.first()
        if existing is not None:
            return existing
        if account.balance + entry.amount < 0:
            raise InsufficientCredits(required=-entry.amount, available=account.balance)
        account.balance += entry.amount
        account.save(update_fields=["balance", "updated_at"])
        entry.balance_after = account.balance
        entry.save(force_insert=True)
        return entry


def credits_grant(
    *,
    user: User,
    amount: int,
    key: str,
    kind: str = LedgerEntry.Kind.GRANT,
    description: str = "",
    actor: User | None = None,
    opening: bool = False,
) -> LedgerEntry:
    """Add `amount` (> 0) credits once per `key` (e.g. `stripe:invoice:<id>`). `opening`: most likely
    the account's first entry (the signup grant), written together with the new account."""
    if _check_amount(amount) < 0:
        raise InvalidAmount("A grant must add credits.")
    return _post(user=user, amount=amount, kind=kind, key=key, description=description, actor=actor, opening=opening)


def grant_signup_credits(sender, user: User, **kwargs) -> LedgerEntry | None:
    """Receiver of `accounts.signals.user_created`: the signup grant, in the transaction that created the user.
    The amount is the one staff set on the plans (`plans.signup_credits()`); none when they set 0."""
    amount = plans.signup_credits()
    if amount == 0:
        return None
    return credits_grant(
        user=user, amount=amount, key=SIGNUP_KEY, kind=LedgerEntry.Kind.SIGNUP, description="Welcome credits",
        opening=True,
    )


#: What features cost is read on every spend: it is kept in the shared cache, forgotten when staff save a cost.
FEATURE_COSTS_CACHE_KEY = "credits:feature-costs"


def feature_cost(feature: str) -> int:
    """The credits `feature` costs (`UnknownFeature` for a code that has none)."""

    def read() -> dict[str, int]:
        return dict(FeatureCost.objects.values_list("code", "credits"))

    cost = cache.get_or_set(FEATURE_COSTS_CACHE_KEY, read, timeout=3600).get(feature)
    if cost is None:
        raise UnknownFeature(details={"feature": feature})
    return cost


def feature_cost_save(*, feature_cost: FeatureCost) -> FeatureCost:
    """Save staff's change to what a feature costs; spends read the new cost at once."""
    feature_cost.save()
    cache.delete(FEATURE_COSTS_CACHE_KEY)
    return feature_cost


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
