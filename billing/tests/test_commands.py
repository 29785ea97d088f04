"""`manage.py sync_stripe` against the local fake Stripe API."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.services import user_set_plan
from accounts.tests.factories import UserFactory
from billing.models import StripeCustomer, Subscription

from .factories import DAY, at, now, subscription_object

pytestmark = pytest.mark.django_db


def sync(*args) -> str:
    out = StringIO()
    call_command("sync_stripe", *args, "--page-size", "2", stdout=out)
    return out.getvalue()


@pytest.fixture
def drifted(fake_stripe):
    """Ada: stored active, Stripe says cancelling at a later period end. Bob: subscribed, never recorded
    (a lost webhook). Cy: stored active, gone from Stripe. Plus someone else's subscription."""
    ada, bob, cy = UserFactory.create(), UserFactory.create(), UserFactory.create()
    end = now() + 20 * DAY
    for user, sub_id in ((ada, "sub_a"), (cy, "sub_c")):
        Subscription.objects.create(
            user=user, stripe_subscription_id=sub_id, plan_id="pro", status="active", state_at=timezone.now()
        )
        user_set_plan(user=user, plan="pro")
    StripeCustomer.objects.create(user=bob, stripe_customer_id="cus_b")
    fake_stripe.add_subscription(
        subscription_object(
            subscription_id="sub_a", customer="cus_a", user_id=ada.pk, period_end=end, cancel_at_period_end=True
        )
    )
    fake_stripe.add_subscription(subscription_object(subscription_id="sub_b", customer="cus_b", user_id=None))
    fake_stripe.add_subscription(
        subscription_object(subscription_id="sub_x", customer="cus_x", user_id=None, plan=None)
    )
    return ada, bob, cy, end


def state():
    return sorted(
        Subscription.objects.values_list("stripe_subscription_id", "status", "cancel_at_period_end", "user__plan")
    )


def test_dry_run_prints_the_drift_and_changes_nothing(drifted, fake_stripe, prices):
    before = state()
    out = sync("--dry-run")
    assert "would update sub_a: period start unknown → " in out and "period end unknown → " in out
    assert "cancel at period end False → True" in out
    assert "would record sub_b: missing here (active, plan pro)" in out
    assert "would cancel sub_c: no longer in Stripe" in out
    assert "Dry run: 1 recorded, 1 updated, 0 unchanged, 1 not ours, 1 canceled." in out
    assert state() == before


def test_sync_applies_the_drift_through_the_webhooks_service_and_then_finds_none(drifted, fake_stripe, prices):
    ada, bob, cy, end = drifted
    sync()
    assert state() == [
        ("sub_a", "active", True, "pro"),
        ("sub_b", "active", False, "pro"),
        ("sub_c", "canceled", False, "free"),
    ]
    assert Subscription.objects.get(stripe_subscription_id="sub_a").current_period_end == at(end)
    lists = fake_stripe.calls("GET", "/v1/subscriptions")
    assert [call.params for call in lists] == [
        {"status": "all", "limit": "2"},
        {"status": "all", "limit": "2", "starting_after": "sub_b"},
    ]
    assert fake_stripe.calls("GET", "/v1/subscriptions/sub_c")

    assert "0 recorded, 0 updated, 2 unchanged, 1 not ours, 0 canceled." in sync()


def test_a_user_plan_out_of_step_with_the_subscriptions_is_drift(fake_stripe):
    user = UserFactory.create()
    fake_stripe.add_subscription(subscription_object(subscription_id="sub_u", customer="cus_u", user_id=user.pk))
    sync()
    user_set_plan(user=user, plan="free")  # changed behind billing's back
    assert "update sub_u: user's plan free → pro" in sync()
    user.refresh_from_db()
    assert user.plan == "pro"


def test_without_stripe_keys_the_command_fails_clearly():
    with pytest.raises(CommandError, match="STRIPE_SECRET_KEY"):
        sync()
