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

    run_concurrently(work, 30)
    assert audit_mismatches() == []
    assert balance_of(user) >= 0
