import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from accounts.tests.factories import UserFactory
from credits import services
from credits.errors import InsufficientCredits, InvalidAmount, UnknownFeature
from credits.models import CreditAccount, FeatureCost, LedgerEntry
from credits.selectors import audit_mismatches, balance_of, usage_by_feature
from designforge.testing import inserts_refused

pytestmark = pytest.mark.django_db


def test_spend_uses_the_feature_cost_and_records_balance_after(user):
    entry = services.credits_spend(user=user, feature="design-system", key="gen:1")
    assert (entry.amount, entry.balance_after, entry.kind, entry.feature) == (-2, 8, "spend", "design-system")
    assert balance_of(user) == 8


def test_spend_is_idempotent_by_key(user):
    first = services.credits_spend(user=user, feature="colors", key="gen:1")
    again = services.credits_spend(user=user, feature="colors", key="gen:1")
    assert first.pk == again.pk and balance_of(user) == 9


def test_overdraw_raises_402_with_required_and_available_and_changes_nothing(user):
    services.credits_spend(user=user, feature="colors", key="gen:0", amount=9)
    with pytest.raises(InsufficientCredits) as error:
        services.credits_spend(user=user, feature="design-system", key="gen:1")
    assert error.value.status_code == 402
    assert error.value.details == {"required": 2, "available": 1}
    assert error.value.message == "This action costs 2 credits; you have 1."
    assert balance_of(user) == 1 and LedgerEntry.objects.filter(idempotency_key="gen:1").count() == 0


def test_costs_come_from_the_database_and_follow_what_staff_save(user):
    assert services.credits_spend(user=user, feature="colors", key="gen:1").amount == -1
    cost = FeatureCost.objects.get(code="colors")
    cost.credits = 3
    services.feature_cost_save(feature_cost=cost)
    assert services.credits_spend(user=user, feature="colors", key="gen:2").amount == -3


def test_unknown_feature_is_refused(user):
    with pytest.raises(UnknownFeature):
        services.credits_spend(user=user, feature="nope", key="gen:1")


def test_refund_returns_a_spend_once(user):
    services.credits_spend(user=user, feature="design-system", key="gen:1")
    refund = services.credits_refund(user=user, spend_key="gen:1")
    services.credits_refund(user=user, spend_key="gen:1")
    assert (refund.amount, refund.kind, refund.feature) == (2, "refund", "design-system")
    assert balance_of(user) == 10
    assert services.credits_refund(user=user, spend_key="gen:missing") is None


def test_grant_and_adjust(user):
    staff = UserFactory.create()
    services.credits_grant(user=user, amount=5, key="stripe:invoice:in_1", kind=LedgerEntry.Kind.SUBSCRIPTION)
    services.credits_grant(user=user, amount=5, key="stripe:invoice:in_1", kind=LedgerEntry.Kind.SUBSCRIPTION)
    entry = services.credits_adjust(user=user, amount=-3, reason="Duplicate charge", actor=staff, key="admin:1")
    assert (entry.actor, entry.description, balance_of(user)) == (staff, "Duplicate charge", 12)
    with pytest.raises(InvalidAmount):
        services.credits_adjust(user=user, amount=1, reason="  ", actor=staff, key="admin:2")
    with pytest.raises(InsufficientCredits):
        services.credits_adjust(user=user, amount=-100, reason="Too much", actor=staff, key="admin:3")


@pytest.mark.parametrize("amount", [0, -1, 1.5, True, "3"])
def test_grant_rejects_bad_amounts(user, amount):
    with pytest.raises(InvalidAmount):
        services.credits_grant(user=user, amount=amount, key="x")


def test_revoke_takes_back_what_is_left_never_below_zero(user):
    services.credits_spend(user=user, feature="colors", key="gen:1", amount=7)
    entry = services.credits_revoke(user=user, amount=5, key="stripe:refund:ch_1")
    assert (entry.amount, balance_of(user)) == (-3, 0)
    assert services.credits_revoke(user=user, amount=5, key="stripe:refund:ch_1").pk == entry.pk
    assert services.credits_revoke(user=user, amount=5, key="stripe:refund:ch_2") is None


def test_usage_is_net_of_refunds_per_feature(user):
    services.credits_spend(user=user, feature="colors", key="gen:1")
    services.credits_spend(user=user, feature="design-system", key="gen:2")
    services.credits_spend(user=user, feature="design-system", key="gen:3")
    services.credits_refund(user=user, spend_key="gen:3")
    assert usage_by_feature(user) == {"colors": 1, "design-system": 2}


def test_database_refuses_a_negative_balance_and_duplicate_keys(user):
    with pytest.raises(IntegrityError), transaction.atomic():
        CreditAccount.objects.filter(user=user).update(balance=-1)
    account = CreditAccount.objects.get(user=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(account=account, amount=1, balance_after=11, kind="grant", idempotency_key="signup")


def test_audit_command_passes_on_a_sound_ledger_and_fails_on_drift(user, capsys):
    call_command("audit_credits")
    assert "balance" in capsys.readouterr().out
    CreditAccount.objects.filter(user=user).update(balance=3)
    assert audit_mismatches()[0]["sum_of_entries"] == 10
    with pytest.raises(Exception, match="do not balance"):
        call_command("audit_credits")


def test_the_signup_grant_is_what_staff_set_on_the_free_plan():
    from billing.models import Plan
    from billing.services import plan_save

    free = Plan.objects.get(code="free")
    free.signup_credits = 3
    plan_save(plan=free)
    assert [(e.kind, e.amount) for e in LedgerEntry.objects.filter(account__user=UserFactory.create())] == [
        ("signup", 3)
    ]
    free.signup_credits = 0
    plan_save(plan=free)
    nothing = UserFactory.create()
    assert balance_of(nothing) == 0 and not LedgerEntry.objects.filter(account__user=nothing).exists()


# --- all or nothing: a ledger insert that fails leaves the balance as it was ------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # each change commits on its own, as in production
@pytest.mark.parametrize("one_statement", [True, False], ids=["one-statement", "orm"])
@pytest.mark.parametrize(
    "change",
    [
        lambda user: services.credits_spend(user=user, feature="design-system", key="gen:1"),
        lambda user: services.credits_grant(user=user, amount=5, key="grant:1"),
        lambda user: services.credits_revoke(user=user, amount=3, key="revoke:1"),
    ],
    ids=["spend", "grant", "revoke"],
)
def test_a_change_whose_ledger_entry_is_refused_leaves_the_balance_unchanged(settings, one_statement, change):
    """The balance and its entry are written together or not at all: with the database refusing the
    entry (a trigger), the balance the service had already set must be rolled back too."""
    settings.CREDITS_ONE_STATEMENT = one_statement  # the single statement exists only on PostgreSQL
    user = UserFactory.create()
    with inserts_refused("credits_ledgerentry"), pytest.raises(IntegrityError):
        change(user)
    assert balance_of(user) == 10
    assert list(LedgerEntry.objects.filter(account__user=user).values_list("kind", flat=True)) == ["signup"]
    assert audit_mismatches() == []
    assert services.credits_spend(user=user, feature="colors", key="gen:2").balance_after == 9  # and it still works
