"""Services, selectors and the readers of Stripe objects, on the real database."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.services import user_set_plan
from accounts.tests.factories import UserFactory
from billing import payloads, selectors, services
from billing.models import CreditPack, Plan, Purchase, StripeCustomer, Subscription
from billing.payloads import SubscriptionState
from credits.selectors import balance_of, ledger_of
from credits.services import credits_spend

from .factories import PRICE_PRO, at, checkout_session_object, invoice_object, now, subscription_object

# --- reading Stripe objects -----------------------------------------------------------------------


def test_subscription_state_reads_the_period_from_items_and_our_metadata():
    obj = subscription_object(subscription_id="sub_1", customer="cus_1", user_id=7, period_end=now() + 99)
    state = payloads.subscription_state(obj)
    assert state == SubscriptionState(
        subscription_id="sub_1",
        customer_id="cus_1",
        status="active",
        plan_code="pro",
        price_ids=(PRICE_PRO,),
        user_id=7,
        current_period_start=at(obj["items"]["data"][0]["current_period_start"]),
        current_period_end=at(obj["items"]["data"][0]["current_period_end"]),
        cancel_at_period_end=False,
    )


def test_subscription_state_reads_the_older_shape_and_expanded_fields():
    obj = subscription_object(subscription_id="sub_1", customer="cus_1", user_id=None, plan=None, legacy=True)
    obj["customer"] = {"id": "cus_1", "object": "customer"}
    state = payloads.subscription_state(obj)
    assert state.customer_id == "cus_1" and state.user_id is None and state.plan_code is None
    assert (state.current_period_start, state.current_period_end) == (
        at(obj["current_period_start"]),
        at(obj["current_period_end"]),
    )


def test_a_cancel_at_date_counts_as_cancelling():
    obj = subscription_object(subscription_id="sub_1", customer="cus_1", user_id=1)
    obj["cancel_at"] = now() + 1000
    assert payloads.subscription_state(obj).cancel_at_period_end is True


@pytest.mark.parametrize("legacy", [False, True])
def test_invoice_readers_find_subscription_metadata_and_price_in_both_shapes(legacy):
    invoice = invoice_object(
        invoice_id="in_1", customer="cus_1", subscription_id="sub_1", user_id=3, legacy=legacy, period_end=now() + 50
    )
    state = payloads.invoice_state(invoice, status="active")
    assert (state.subscription_id, state.customer_id, state.user_id, state.plan_code) == ("sub_1", "cus_1", 3, "pro")
    assert state.price_ids == (PRICE_PRO,)
    assert state.current_period_end == at(invoice["lines"]["data"][0]["period"]["end"])


def test_an_invoice_outside_any_subscription_names_none():
    invoice = invoice_object(invoice_id="in_1", customer="cus_1", subscription_id="sub_1", user_id=3)
    invoice["parent"] = None
    assert payloads.invoice_subscription_id(invoice) == ""


@pytest.mark.parametrize("value", [None, "", "abc", "12a", 5, {"user_id": "x"}])
def test_malformed_user_ids_in_metadata_are_ignored(value):
    assert payloads.metadata_user_id({"user_id": value}) is None


# --- subscriptions --------------------------------------------------------------------------------


@pytest.mark.django_db
class TestSubscriptionApply:
    def state(self, **kw):
        return SubscriptionState(subscription_id="sub_1", customer_id="cus_1", **kw)

    def apply(self, user, seconds, **kw):
        plan = Plan.objects.get(code="pro")
        return services.subscription_apply(
            user=user, plan=plan, state=self.state(**kw), observed_at=self.t0 + timedelta(seconds=seconds)
        )

    @pytest.fixture(autouse=True)
    def _t0(self):
        self.t0 = timezone.now().replace(microsecond=0)

    def test_a_newer_state_replaces_an_older_one_field_by_field(self, user):
        end = self.t0 + timedelta(days=30)
        self.apply(user, 0, status="active", current_period_end=end, cancel_at_period_end=False)
        sub = self.apply(user, 10, status="past_due")
        assert (sub.status, sub.current_period_end, sub.cancel_at_period_end) == ("past_due", end, False)
        user.refresh_from_db()
        assert user.plan == "pro"  # past due keeps the plan while Stripe retries

    def test_an_older_state_only_fills_what_is_unknown(self, user):
        end = self.t0 + timedelta(days=30)
        self.apply(user, 10, status="active")
        sub = self.apply(user, 0, status="incomplete", current_period_end=end, cancel_at_period_end=True)
        assert (sub.status, sub.current_period_end, sub.cancel_at_period_end) == ("active", end, False)

    def test_terminal_states_are_final(self, user):
        self.apply(user, 0, status="incomplete_expired")
        sub = self.apply(user, 10, status="active")
        assert sub.status == "incomplete_expired"
        assert Subscription.objects.get().user.plan == "free"

    def test_a_subscription_for_none_of_our_plans_is_not_recorded(self, user):
        result = services.subscription_apply(
            user=user, plan=None, state=self.state(status="active"), observed_at=self.t0
        )
        assert result is None and not Subscription.objects.exists()

    def test_the_highest_ranked_entitled_plan_is_the_users(self, user):
        Plan.objects.create(code="team", name="Team", price_amount=4900, rank=2)
        services.subscription_apply(
            user=user, plan=Plan.objects.get(code="team"), state=self.state(status="active"), observed_at=self.t0
        )
        services.subscription_apply(
            user=user,
            plan=Plan.objects.get(code="pro"),
            state=SubscriptionState(subscription_id="sub_2", status="active"),
            observed_at=self.t0,
        )
        user.refresh_from_db()
        assert user.plan == "team" and selectors.current_subscription(user).stripe_subscription_id == "sub_1"


# --- purchases ------------------------------------------------------------------------------------


def small_pack_checkout(user, *, payment_intent_id="pi_1", paid=True):
    """The checkout of the 50-credit pack (500 USD cents) by `user`, as its webhook records it."""
    checkout = services.checkout_record(user=user, session_id="cs_1", pack=CreditPack.objects.get(code="small"))
    return services.purchase_complete(
        checkout=checkout,
        payment_intent_id=payment_intent_id,
        amount=500,
        currency="usd",
        paid=paid,
    )


@pytest.mark.django_db
def test_partial_refund_takes_back_its_share_rounded_down(user):
    purchase = small_pack_checkout(user)
    entry = services.purchase_refund(purchase=purchase, charge_id="ch_1", amount_refunded=170)  # 34% of 50 = 17
    assert entry.amount == -17 and balance_of(user) == 43
    assert services.purchase_refund(purchase=purchase, charge_id="ch_1", amount_refunded=170) is None
    assert services.purchase_refund(purchase=purchase, charge_id="ch_1", amount_refunded=100) is None
    purchase.refresh_from_db()
    assert (purchase.status, purchase.amount_refunded, purchase.credits_revoked) == ("partially_refunded", 170, 17)
    assert [e.idempotency_key for e in ledger_of(user)][:2] == ["stripe:refund:ch_1:170", "stripe:checkout:cs_1"]


@pytest.mark.django_db
def test_a_refund_when_no_credits_are_left_takes_nothing_and_is_still_recorded(user):
    purchase = small_pack_checkout(user)
    credits_spend(user=user, feature="colors", key="gen:all", amount=60)
    assert services.purchase_refund(purchase=purchase, charge_id="ch_1", amount_refunded=500) is None
    purchase.refresh_from_db()
    assert (purchase.status, purchase.credits_revoked, balance_of(user)) == ("refunded", 50, 0)


@pytest.mark.django_db
def test_a_checkout_session_completed_without_payment_grants_nothing(user):
    small_pack_checkout(user, payment_intent_id="", paid=False)
    assert balance_of(user) == 10 and Purchase.objects.get().payment_intent_id is None


# --- customers, prices, plans ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_first_stripe_customer_linked_to_a_user_stays(user):
    services.customer_link(user=user, customer_id="cus_first")
    services.customer_link(user=user, customer_id="cus_second")
    assert StripeCustomer.objects.get(user=user).stripe_customer_id == "cus_first"


@pytest.mark.django_db
def test_customer_ensure_reuses_the_stored_customer_without_calling_stripe(user, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # would fail if called
    StripeCustomer.objects.create(user=user, stripe_customer_id="cus_kept")
    assert services.customer_ensure(user=user) == "cus_kept"


@pytest.mark.django_db
def test_price_ids_from_the_environment_win_over_admin(settings):
    pro, large = Plan.objects.get(code="pro"), CreditPack.objects.get(code="large")
    pro.stripe_price_id = large.stripe_price_id = "price_admin"
    assert selectors.price_id_of(pro) == selectors.price_id_of(large) == "price_admin"
    settings.STRIPE_PRICE_PRO = "price_env_pro"
    settings.STRIPE_PRICE_PACK_LARGE = "price_env_large"
    assert (selectors.price_id_of(pro), selectors.price_id_of(large)) == ("price_env_pro", "price_env_large")


@pytest.mark.django_db
def test_user_has_plan_by_rank():
    user = UserFactory.create()
    assert selectors.user_has_plan(user, "free") and not selectors.user_has_plan(user, "pro")
    assert not selectors.user_has_plan(user, "no-such-plan")
    user_set_plan(user=user, plan="pro")
    assert selectors.user_has_plan(user, "pro") and selectors.user_has_plan(user, "free")


@pytest.mark.django_db
def test_users_are_matched_by_metadata_then_subscription_then_customer():
    ada, bob = UserFactory.create(), UserFactory.create()
    StripeCustomer.objects.create(user=bob, stripe_customer_id="cus_bob")
    assert selectors.user_for_stripe(user_id=ada.pk, customer_id="cus_bob") == ada
    assert selectors.user_for_stripe(user_id=999_999, customer_id="cus_bob") == bob
    assert selectors.user_for_stripe(customer_id="cus_nobody") is None
    session = checkout_session_object(session_id="cs_1", customer="cus_bob", user_id=None, pack="small")
    assert payloads.metadata_user_id(session["metadata"]) is None
