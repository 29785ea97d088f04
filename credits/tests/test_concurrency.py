"""The balance can never be overdrawn, however many spends race (PostgreSQL, real threads)."""

import pytest

from accounts.tests.factories import UserFactory
from credits import services
from credits.errors import InsufficientCredits
from credits.models import LedgerEntry
from credits.selectors import audit_mismatches, balance_of
from designforge.testing import run_concurrently

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True, params=[True, False], ids=["one-statement", "orm"])
def spend_path(request, settings):
    """Every test runs on both paths of credits.services: the single-statement CTE and the ORM one."""
    settings.CREDITS_ONE_STATEMENT = request.param
    return request.param


def test_forty_concurrent_spends_of_one_on_ten_give_exactly_ten_successes():
    user = UserFactory.create()
    assert balance_of(user) == 10

    results = run_concurrently(lambda i: services.credits_spend(user=user, feature="colors", key=f"gen:{i}"), 40)
    successes = [r for r in results if isinstance(r, LedgerEntry)]
    refusals = [r for r in results if isinstance(r, InsufficientCredits)]
    assert (len(successes), len(refusals)) == (10, 30)
    assert balance_of(user) == 0
    assert sorted(e.balance_after for e in successes) == list(range(10))
    assert audit_mismatches() == []


def test_concurrent_retries_of_one_spend_charge_once():
    user = UserFactory.create()
    results = run_concurrently(lambda i: services.credits_spend(user=user, feature="design-system", key="gen:same"), 8)
    assert all(isinstance(r, LedgerEntry) for r in results)
    assert len({r.pk for r in results}) == 1
    assert balance_of(user) == 8
    assert audit_mismatches() == []


def test_mixed_grants_spends_and_refunds_keep_the_ledger_sound():
    user = UserFactory.create()

    def work(i):
        if i % 3 == 0:
            return services.credits_grant(user=user, amount=2, key=f"grant:{i}")
        if i % 3 == 1:
            return services.credits_spend(user=user, feature="colors", key=f"gen:{i}")
        return services.credits_refund(user=user, spend_key=f"gen:{i - 1}")

    results = run_concurrently(work, 30)
    # Each grant is written; a spend may find the balance empty (402); a refund may run before its spend (None).
    written = {"grant": ("grant", 2), "spend": ("spend", -1), "refund": ("refund", 1)}
    for i, result in enumerate(results):
        kind = ("grant", "spend", "refund")[i % 3]
        if isinstance(result, LedgerEntry):
            assert (result.kind, result.amount) == written[kind], (i, result)
        else:
            assert (kind, type(result)) in {("spend", InsufficientCredits), ("refund", type(None))}, (i, result)
    entries = [r for r in results if isinstance(r, LedgerEntry)]
    assert balance_of(user) == 10 + sum(e.amount for e in entries) >= 0
    stored = LedgerEntry.objects.filter(account__user=user).exclude(kind="signup")
    assert sorted(stored.values_list("pk", flat=True)) == sorted(e.pk for e in entries)
    assert audit_mismatches() == []
