"""Credit spends: spends/s of `credits.services.credits_spend` on PostgreSQL, on one hot account and on many.

Django runs in this process with the production settings (DEBUG=False) on its own database. `--threads`
threads, each with its own database connection, make `--spends` spends of the "colors" feature
(1 credit), each with its own idempotency key: (a) all on one account with a large balance, where
every spend queues on that account's row lock, and (b) spread round-robin over `--accounts` accounts.

The baseline does the same work in raw SQL with psycopg, one transaction per spend, same threads and
counts: the conditional update `UPDATE credits_creditaccount SET balance = balance - 1 WHERE user_id = %s
AND balance >= 1 RETURNING balance`, then the ledger INSERT. The ratio is the price of the service
(the feature's cost looked up, the row lock, the idempotency check, the ORM).

Afterwards the ledger must be sound (`audit_mismatches()` empty) and every balance exactly what the
grants and spends make it.

Run from the repository root: `.venv/bin/python bench/credit_spends.py` (needs only the local
PostgreSQL; creates and drops the database `df_bench_spends`).
"""

import argparse
import math
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import psycopg
from common import (
    Run,
    exit_cleanly_on_sigterm,
    migrate,
    positive_int,
    production_env,
    scratch_database,
    setup_django,
    timed,
)

DATABASE = "df_bench_spends"
FEATURE = "colors"  # seeded at 1 credit, the amount the raw SQL takes
RAW_UPDATE = (
    "UPDATE credits_creditaccount SET balance = balance - 1, updated_at = clock_timestamp()"
    " WHERE user_id = %s AND balance >= 1 RETURNING balance"
)
# clock_timestamp(), not now(): taken under the row lock, so entries sort in the order they were applied.
RAW_INSERT = (
    "INSERT INTO credits_ledgerentry (account_id, amount, balance_after, kind, feature, description,"
    " idempotency_key, created_at) VALUES (%s, -1, %s, 'spend', %s, '', %s, clock_timestamp())"
)

Spend = Callable[[int], None]


def result(run: Run, label: str, note: str) -> str:
    return run.line(f"credit spends  {label:<30}", "spends/s", note)


def designforge_session(users: list, tag: str) -> Callable[[], AbstractContextManager[Spend]]:
    from django.db import connection

    from credits.services import credits_spend

    @contextmanager
    def session() -> Iterator[Spend]:
        try:
            connection.ensure_connection()
            yield lambda i: credits_spend(user=users[i % len(users)], feature=FEATURE, key=f"bench:{tag}:{i}")
        finally:
            connection.close()

    return session


def raw_sql_session(url: str, user_ids: list[int], tag: str) -> Callable[[], AbstractContextManager[Spend]]:
    @contextmanager
    def session() -> Iterator[Spend]:
        with psycopg.connect(url, autocommit=True) as conn:

            def spend(i: int) -> None:
                user_id = user_ids[i % len(user_ids)]
                with conn.transaction():
                    row = conn.execute(RAW_UPDATE, (user_id,)).fetchone()
                    if row is None:
                        raise RuntimeError(f"account {user_id} has no credit left")
                    conn.execute(RAW_INSERT, (user_id, row[0], FEATURE, f"bench:{tag}:{i}"))

            yield spend

    return session


def make_users(count: int, grant: int, prefix: str) -> list:
    from accounts.clerk import ClerkProfile
    from accounts.services import user_upsert_from_clerk
    from credits.services import credits_grant

    users = []
    for i in range(count):
        clerk_id = f"user_{prefix}{i:04d}"
        user, _ = user_upsert_from_clerk(profile=ClerkProfile(clerk_id=clerk_id, email=f"{clerk_id}@example.com"))
        credits_grant(user=user, amount=grant, key="bench:grant", description="Benchmark credits")
        users.append(user)
    return users


def check_ledger(expected_balances: dict[int, int], spend_entries: int) -> None:
    from credits.models import CreditAccount, LedgerEntry
    from credits.selectors import audit_mismatches

    mismatches = audit_mismatches()
    if mismatches:
        raise RuntimeError(f"the ledger does not add up for {len(mismatches)} account(s): {mismatches[:3]}")
    balances = dict(CreditAccount.objects.filter(user_id__in=expected_balances).values_list("user_id", "balance"))
    wrong = {pk: (balances.get(pk), want) for pk, want in expected_balances.items() if balances.get(pk) != want}
    if wrong:
        raise RuntimeError(f"{len(wrong)} balance(s) differ (found, expected): {list(wrong.items())[:3]}")
    found = LedgerEntry.objects.filter(kind=LedgerEntry.Kind.SPEND).count()
    if found != spend_entries:
        raise RuntimeError(f"expected {spend_entries} spend entries, found {found}")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spends", type=positive_int, default=2000, help="spends per run (default 2000)")
    parser.add_argument("--threads", type=positive_int, default=8, help="concurrent threads (default 8)")
    parser.add_argument("--accounts", type=positive_int, default=200, help="accounts the spread run uses (default 200)")
    args = parser.parse_args()
    exit_cleanly_on_sigterm()

    with scratch_database(DATABASE) as url:
        env = production_env(url)
        migrate(env)
        setup_django(env)
        from django.db import connection

        from designforge.plans import signup_credits

        try:
            # Each account gets enough for both runs (designforge, then raw SQL) that spend from it.
            (hot,) = make_users(1, 2 * args.spends, "bench_hot_")
            per_account = math.ceil(args.spends / args.accounts)
            many = make_users(args.accounts, 2 * per_account, "bench_many_")

            runs = {
                ("designforge", "hot"): timed(args.threads, args.spends, designforge_session([hot], "df:hot")),
                ("raw SQL", "hot"): timed(args.threads, args.spends, raw_sql_session(url, [hot.pk], "raw:hot")),
                ("designforge", "many"): timed(args.threads, args.spends, designforge_session(many, "df:many")),
                ("raw SQL", "many"): timed(
                    args.threads, args.spends, raw_sql_session(url, [u.pk for u in many], "raw:many")
                ),
            }

            grant = signup_credits()  # every user's first entry
            expected = {hot.pk: grant}
            for n, user in enumerate(many):
                spent = len(range(n, args.spends, args.accounts))  # spends i with i % accounts == n, per run
                expected[user.pk] = grant + 2 * per_account - 2 * spent
            check_ledger(expected, spend_entries=4 * args.spends)
        finally:
            connection.close()

    where = {"hot": "one hot account", "many": f"{args.accounts} accounts"}
    for (who, scenario), run in runs.items():
        accounts = 1 if scenario == "hot" else args.accounts
        note = f"n={args.spends}, {plural(args.threads, 'thread')}, {plural(accounts, 'account')}, PostgreSQL"
        print(result(run, f"{who:<12} {where[scenario]}:", note))
    ratios = ", ".join(
        f"{where[s]} {runs['designforge', s].rate / runs['raw SQL', s].rate:.2f}x" for s in ("hot", "many")
    )
    print(f"credit spends  ratio: {ratios} throughput (designforge / raw SQL)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
