"""`POST /api/webhooks/stripe`: real payloads signed with Stripe's scheme, through the whole stack.

After every test the ledger audit must hold (see `_ledger_stays_sound` in conftest)."""

import json

import pytest

from accounts.models import User
from accounts.tests.factories import UserFactory
from billing.models import CreditPack, Dispute, Plan, Purchase, StripeCustomer, Subscription
from credits import services as credits
from credits.models import LedgerEntry
from credits.selectors import audit_mismatches, balance_of, ledger_of
from designforge import inbox
from designforge.models import WebhookEvent

from .conftest import WEBHOOK_URL, started_checkout
from .factories import (
    DAY,
    WEBHOOK_SECRET,
    at,
    charge_object,
    checkout_session_object,
    dispute_object,
    invoice_object,
    new_id,
    now,
    signature_header,
    stored_status,
    stripe_event,
    subscription_object,
)

pytestmark = pytest.mark.django_db


def plan_of(user) -> str:
    return User.objects.get(pk=user.pk).plan


def subscribed(send_event, user, *, created=None):
    """A user who went through Checkout for Pro: (customer id, subscription id)."""
    customer, sub = new_id("cus"), new_id("sub")
    session = checkout_session_object(
        session_id=started_checkout(user, plan="pro"),
        customer=customer,
        user_id=user.pk,
        plan="pro",
        subscription_id=sub,
    )
    assert send_event(stripe_event("checkout.session.completed", session, created=created)).status_code == 200
    return customer, sub


def invoice_paid(user, customer, sub, *, invoice_id=None, created=None, **kwargs):
    invoice = invoice_object(
        invoice_id=invoice_id or new_id("in"), customer=customer, subscription_id=sub, user_id=user.pk, **kwargs
    )
    return stripe_event("invoice.paid", invoice, created=created)


def subscription_event(event_type, user, customer, sub, *, created=None, **kwargs):
    obj = subscription_object(subscription_id=sub, customer=customer, user_id=user.pk, **kwargs)
    return stripe_event(event_type, obj, created=created)


# --- verification ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        lambda body: signature_header(body, secret="whsec_someone_else"),
        lambda body: signature_header(body + " "),
        lambda body: signature_header(body, timestamp=now() - 301),
        lambda body: "t=1,v1=deadbeef",
        lambda body: None,
    ],
    ids=["wrong-secret", "other-body", "stale", "garbage", "missing"],
)
def test_bad_signature_is_400_and_writes_nothing(client, settings, user, header):
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    body = invoice_paid(user, "cus_1", "sub_1")
    headers = {} if header(body) is None else {"HTTP_STRIPE_SIGNATURE": header(body)}
    response = client.post(WEBHOOK_URL, data=body, content_type="application/json", **headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_signature"
    assert not WebhookEvent.objects.exists() and balance_of(user) == 10


def test_without_a_signing_secret_the_webhook_answers_503_and_writes_nothing(client, user):
    body = invoice_paid(user, "cus_1", "sub_1")
    response = client.post(
        WEBHOOK_URL, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature_header(body)
    )
    assert response.status_code == 503 and response.json()["error"]["code"] == "not_configured"
    assert not WebhookEvent.objects.exists()


@pytest.mark.parametrize("body", ["not json", json.dumps({"id": "evt_1", "object": "event"}), json.dumps([1])])
def test_signed_body_that_is_not_a_stripe_event_is_400(send_event, body):
    response = send_event(body)
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"
    assert not WebhookEvent.objects.exists()


def test_unknown_event_type_is_recorded_and_answered_200(send_event):
    response = send_event(stripe_event("customer.created", {"id": "cus_1", "object": "customer"}, event_id="evt_x"))
    assert response.status_code == 200
    assert response.json() == {"status": "received"}
    event = WebhookEvent.objects.get()
    assert (event.source, event.event_id, event.status) == ("stripe", "evt_x", "ignored")


# --- subscriptions --------------------------------------------------------------------------------


def test_checkout_for_the_plan_makes_the_user_pro(send_event, user):
    customer, sub = subscribed(send_event, user)
    assert plan_of(user) == "pro"
    assert StripeCustomer.objects.get(user=user).stripe_customer_id == customer
    subscription = Subscription.objects.get()
    assert (subscription.stripe_subscription_id, subscription.status, subscription.plan_id) == (sub, "active", "pro")
    event = WebhookEvent.objects.get()
    assert (event.status, event.attempts) == ("processed", 1)
    assert balance_of(user) == 10  # the allowance comes with the paid invoice


def test_invoice_paid_grants_the_monthly_credits_once_per_invoice(send_event, user):
    customer, sub = subscribed(send_event, user)
    body = invoice_paid(user, customer, sub, invoice_id="in_1", billing_reason="subscription_create")
    assert send_event(body).status_code == 200
    assert send_event(body).status_code == 200  # the same event again
    # Another event about the same invoice (a resend) grants nothing more either.
    assert send_event(invoice_paid(user, customer, sub, invoice_id="in_1")).status_code == 200
    assert balance_of(user) == 110
    entry = ledger_of(user).first()
    assert (entry.kind, entry.amount, entry.idempotency_key) == ("subscription", 100, "stripe:invoice:in_1")

    send_event(invoice_paid(user, customer, sub, invoice_id="in_2"))  # next month
    assert balance_of(user) == 210
    assert audit_mismatches() == []


def test_invoice_paid_in_the_older_api_shape_is_read_too(send_event, user, prices):
    customer, sub = new_id("cus"), new_id("sub")
    send_event(invoice_paid(user, customer, sub, invoice_id="in_old", plan=None, legacy=True))
    assert balance_of(user) == 110
    assert Subscription.objects.get(stripe_subscription_id=sub).plan_id == "pro"  # found by its price id
    assert plan_of(user) == "pro"


def test_an_invoice_for_a_mid_period_change_grants_nothing(send_event, user):
    customer, sub = subscribed(send_event, user)
    send_event(invoice_paid(user, customer, sub, billing_reason="subscription_update"))
    assert balance_of(user) == 10


def test_a_yearly_plan_grants_twelve_months_of_credits(send_event, user):
    Plan.objects.filter(code="pro").update(interval="year", price_amount=12000)
    customer, sub = subscribed(send_event, user)
    send_event(invoice_paid(user, customer, sub))
    assert balance_of(user) == 10 + 1200


# --- which completed checkouts are trusted -------------------------------------------------------


def completed(user_id, session_id, **kwargs):
    return checkout_session_object(session_id=session_id, customer="cus_x", user_id=user_id, **kwargs)


@pytest.mark.parametrize(
    "recorded, change",
    [
        (False, {}),
        (True, {"client_reference_id": None}),
        (True, {"client_reference_id": "999999"}),
        (True, {"metadata": "another user"}),
    ],
    ids=["not-created-by-us", "no-client-reference", "client-reference-differs", "metadata-user-differs"],
)
@pytest.mark.parametrize("item", [{"plan": "pro", "subscription_id": "sub_t"}, {"pack": "large"}], ids=["plan", "pack"])
def test_a_completed_session_we_cannot_trust_grants_nothing(send_event, user, recorded, change, item):
    session_id = new_id("cs")
    if recorded:
        started_checkout(user, session_id=session_id, **{k: v for k, v in item.items() if k in ("plan", "pack")})
    session = completed(user.pk, session_id, **item)
    if change.get("metadata"):
        change = {"metadata": {**session["metadata"], "user_id": "999999"}}
    body = stripe_event("checkout.session.completed", {**session, **change})
    assert send_event(body).status_code == 200 and stored_status(body) == "ignored"
    assert plan_of(user) == "free" and balance_of(user) == 10
    assert not Subscription.objects.exists() and not Purchase.objects.filter(status="paid").exists()


def test_a_session_for_another_user_or_item_than_we_recorded_grants_nothing(send_event, user):
    other = UserFactory.create()
    for_other = started_checkout(other, pack="small")
    send_event(stripe_event("checkout.session.completed", completed(user.pk, for_other, pack="small")))
    small = started_checkout(user, pack="small")
    send_event(stripe_event("checkout.session.completed", completed(user.pk, small, pack="large", amount_total=1500)))
    as_plan = started_checkout(user, pack="small")
    send_event(
        stripe_event("checkout.session.completed", completed(user.pk, as_plan, plan="pro", subscription_id="sub_x"))
    )
    assert [e.status for e in WebhookEvent.objects.order_by("received_at")] == ["ignored"] * 3
    assert balance_of(user) == balance_of(other) == 10 and plan_of(user) == "free"
    assert not Purchase.objects.filter(status="paid").exists()


def test_events_in_any_order_end_in_the_same_state(send_event, user):
    """Stripe sends subscription.created, invoice.paid, checkout.session.completed and subscription.updated
    for one purchase; here they arrive backwards: an invoice before its checkout session."""
    t0, customer, sub = now() - 60, new_id("cus"), new_id("sub")
    period_end = t0 + 30 * DAY
    send_event(invoice_paid(user, customer, sub, invoice_id="in_1", created=t0 + 2, period_end=period_end))
    assert plan_of(user) == "pro" and balance_of(user) == 110
    session = checkout_session_object(
        session_id=started_checkout(user, plan="pro"),
        customer=customer,
        user_id=user.pk,
        plan="pro",
        subscription_id=sub,
    )
    send_event(stripe_event("checkout.session.completed", session, created=t0 + 3))
    send_event(
        subscription_event("customer.subscription.created", user, customer, sub, status="incomplete", created=t0)
    )

    subscription = Subscription.objects.get()
    assert (subscription.status, subscription.current_period_end) == ("active", at(period_end))
    assert plan_of(user) == "pro" and balance_of(user) == 110
    assert StripeCustomer.objects.get(user=user).stripe_customer_id == customer
    assert WebhookEvent.objects.filter(status="processed").count() == 3


def test_an_older_subscription_state_never_overwrites_a_newer_one(send_event, user):
    customer, sub = subscribed(send_event, user, created=now() - 100)
    t = now() - 50
    send_event(
        subscription_event("customer.subscription.updated", user, customer, sub, cancel_at_period_end=True, created=t)
    )
    send_event(
        subscription_event("customer.subscription.updated", user, customer, sub, status="past_due", created=t - 5)
    )
    subscription = Subscription.objects.get()
    assert (subscription.status, subscription.cancel_at_period_end) == ("active", True)


def test_at_the_same_second_the_later_stage_wins(send_event, user):
    t, customer, sub = now() - 10, new_id("cus"), new_id("sub")
    send_event(subscription_event("customer.subscription.updated", user, customer, sub, status="active", created=t))
    send_event(subscription_event("customer.subscription.created", user, customer, sub, status="incomplete", created=t))
    assert Subscription.objects.get().status == "active" and plan_of(user) == "pro"


def test_subscription_update_records_period_end_and_cancellation_at_period_end(send_event, user, user_api, settings):
    customer, sub = subscribed(send_event, user, created=now() - 100)
    period_end = now() + 20 * DAY
    send_event(
        subscription_event(
            "customer.subscription.updated", user, customer, sub, period_end=period_end, cancel_at_period_end=True
        )
    )
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    body = user_api.get("/api/billing/subscription").json()
    assert body["plan"] == "pro" and body["status"] == "active" and body["cancel_at_period_end"] is True
    assert Subscription.objects.get().current_period_end == at(period_end)


def test_period_end_on_the_subscription_itself_older_api_is_read_too(send_event, user):
    customer, sub = subscribed(send_event, user, created=now() - 100)
    period_end = now() + 9 * DAY
    send_event(
        subscription_event("customer.subscription.updated", user, customer, sub, period_end=period_end, legacy=True)
    )
    assert Subscription.objects.get().current_period_end == at(period_end)


def test_deleted_subscription_returns_the_user_to_free_for_good(send_event, user):
    customer, sub = subscribed(send_event, user, created=now() - 100)
    send_event(invoice_paid(user, customer, sub, created=now() - 90))
    send_event(subscription_event("customer.subscription.deleted", user, customer, sub, status="canceled"))
    assert plan_of(user) == "free" and Subscription.objects.get().status == "canceled"
    assert balance_of(user) == 110  # credits already granted stay

    # A late, older update, and even a newer "active" one, do not revive a canceled subscription.
    send_event(subscription_event("customer.subscription.updated", user, customer, sub, created=now() - 80))
    send_event(subscription_event("customer.subscription.updated", user, customer, sub, created=now() + 5))
    assert plan_of(user) == "free" and Subscription.objects.get().status == "canceled"


def test_unpaid_subscription_returns_the_user_to_free_and_a_paid_invoice_brings_pro_back(send_event, user):
    customer, sub = subscribed(send_event, user, created=now() - 100)
    send_event(
        subscription_event("customer.subscription.updated", user, customer, sub, status="unpaid", created=now() - 50)
    )
    assert plan_of(user) == "free"
    send_event(invoice_paid(user, customer, sub, created=now() - 10))
    assert plan_of(user) == "pro" and Subscription.objects.get().status == "active"


def test_failed_renewal_marks_past_due_and_keeps_pro_while_stripe_retries(send_event, user):
    customer, sub = subscribed(send_event, user, created=now() - 100)
    invoice = invoice_object(
        invoice_id=new_id("in"), customer=customer, subscription_id=sub, user_id=user.pk, status="open"
    )
    assert send_event(stripe_event("invoice.payment_failed", invoice, created=now() - 50)).status_code == 200
    assert Subscription.objects.get().status == "past_due" and plan_of(user) == "pro"
    assert balance_of(user) == 10
    send_event(invoice_paid(user, customer, sub, created=now() - 10))
    assert Subscription.objects.get().status == "active" and balance_of(user) == 110


def test_failed_first_payment_gives_no_plan(send_event, user):
    customer, sub = new_id("cus"), new_id("sub")
    invoice = invoice_object(
        invoice_id=new_id("in"),
        customer=customer,
        subscription_id=sub,
        user_id=user.pk,
        status="open",
        billing_reason="subscription_create",
    )
    send_event(stripe_event("invoice.payment_failed", invoice))
    assert Subscription.objects.get().status == "incomplete" and plan_of(user) == "free"


def test_subscription_without_metadata_is_matched_by_stored_customer_and_price(send_event, user, prices):
    StripeCustomer.objects.create(user=user, stripe_customer_id="cus_known")
    obj = subscription_object(subscription_id="sub_dash", customer="cus_known", user_id=None, plan=None)
    send_event(stripe_event("customer.subscription.created", obj))
    assert plan_of(user) == "pro" and Subscription.objects.get().user == user


def test_events_for_objects_that_are_not_ours_are_ignored(send_event, user):
    obj = subscription_object(subscription_id="sub_other", customer="cus_other", user_id=None, plan=None)
    send_event(stripe_event("customer.subscription.created", obj))
    invoice = invoice_object(
        invoice_id="in_other", customer="cus_other", subscription_id="sub_other", user_id=None, plan=None
    )
    send_event(stripe_event("invoice.paid", invoice))
    assert list(WebhookEvent.objects.values_list("status", flat=True)) == ["ignored", "ignored"]
    assert not Subscription.objects.exists() and balance_of(user) == 10


def test_replaying_a_processed_event_from_admin_changes_nothing(send_event, user):
    customer, sub = subscribed(send_event, user)
    send_event(invoice_paid(user, customer, sub, invoice_id="in_1"))
    for event in WebhookEvent.objects.all():
        inbox.process(event, replay=True)
    assert balance_of(user) == 110 and plan_of(user) == "pro"
    assert WebhookEvent.objects.filter(attempts=2).count() == 2


# --- credit packs ---------------------------------------------------------------------------------


def pack_completed(user, *, session_id=None, pack="small", payment_intent=None, amount=500, **kwargs):
    """`checkout.session.completed` for a pack checkout our checkout started (recorded here if not yet)."""
    session = checkout_session_object(
        session_id=started_checkout(user, pack=pack, session_id=session_id),
        customer="cus_pack",
        user_id=user.pk,
        pack=pack,
        payment_intent=payment_intent or new_id("pi"),
        amount_total=amount,
        **kwargs,
    )
    return stripe_event("checkout.session.completed", session)


def refund(user, *, payment_intent, amount, refunded, charge_id="ch_1", pack="small", event_id=None):
    charge = charge_object(
        charge_id=charge_id,
        payment_intent=payment_intent,
        amount=amount,
        amount_refunded=refunded,
        user_id=user.pk,
        pack=pack,
    )
    return stripe_event("charge.refunded", charge, event_id=event_id)


def test_pack_checkout_grants_the_credits_once(send_event, user):
    body = pack_completed(user, session_id="cs_pack", payment_intent="pi_1")
    send_event(body)
    send_event(body)
    assert balance_of(user) == 60
    entry = ledger_of(user).first()
    assert (entry.kind, entry.amount, entry.idempotency_key) == ("purchase", 50, "stripe:checkout:cs_pack")
    purchase = Purchase.objects.get()
    assert (purchase.status, purchase.payment_intent_id, purchase.credits, purchase.amount) == ("paid", "pi_1", 50, 500)


def test_pack_checkout_grants_what_the_buyer_saw_at_checkout(send_event, user):
    started_checkout(user, pack="small", session_id="cs_seen")
    CreditPack.objects.filter(code="small").update(credits=40)  # changed after the checkout began
    send_event(pack_completed(user, session_id="cs_seen"))
    assert balance_of(user) == 60 and Purchase.objects.count() == 1


def test_delayed_payment_grants_once_it_succeeds(send_event, user):
    session_id = new_id("cs")
    send_event(pack_completed(user, session_id=session_id, payment_intent="pi_slow", payment_status="unpaid"))
    assert balance_of(user) == 10 and Purchase.objects.get().status == "pending"
    session = checkout_session_object(
        session_id=session_id, customer="cus_pack", user_id=user.pk, pack="small", payment_intent="pi_slow"
    )
    send_event(stripe_event("checkout.session.async_payment_succeeded", session))
    assert balance_of(user) == 60 and Purchase.objects.get().status == "paid"


def test_full_refund_takes_back_what_is_left_of_the_pack_never_below_zero(send_event, user):
    send_event(pack_completed(user, payment_intent="pi_1"))
    credits.credits_spend(user=user, feature="colors", key="gen:big", amount=55)
    assert balance_of(user) == 5
    send_event(refund(user, payment_intent="pi_1", amount=500, refunded=500))
    assert balance_of(user) == 0
    entry = ledger_of(user).first()
    assert (entry.kind, entry.amount, entry.idempotency_key) == ("reversal", -5, "stripe:refund:ch_1:500")
    purchase = Purchase.objects.get()
    assert (purchase.status, purchase.amount_refunded, purchase.credits_revoked) == ("refunded", 500, 50)


@pytest.mark.parametrize("order", [("half", "full"), ("full", "half")], ids=["in-order", "out-of-order"])
def test_partial_refunds_take_back_their_share_in_any_order(send_event, user, order):
    send_event(pack_completed(user, pack="large", payment_intent="pi_l", amount=1500))
    assert balance_of(user) == 210
    bodies = {
        "half": refund(user, payment_intent="pi_l", amount=1500, refunded=750, pack="large"),
        "full": refund(user, payment_intent="pi_l", amount=1500, refunded=1500, pack="large"),
    }
    send_event(bodies[order[0]])
    assert balance_of(user) == (110 if order[0] == "half" else 10)
    send_event(bodies[order[1]])
    send_event(bodies[order[1]])  # duplicate
    assert balance_of(user) == 10
    assert ledger_of(user).filter(kind=LedgerEntry.Kind.REVERSAL).count() == (2 if order[0] == "half" else 1)
    assert Purchase.objects.get().status == "refunded"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # inline, outside a test transaction
def test_a_refund_that_arrives_before_its_checkout_is_retried_until_it_applies(send_event, client, user):
    client.raise_request_exception = False  # answered as in production: 500, so Stripe retries
    body = refund(user, payment_intent="pi_early", amount=500, refunded=500, event_id="evt_refund")
    response = send_event(body)
    assert response.status_code == 500 and response.json()["error"]["code"] == "server_error"
    assert WebhookEvent.objects.get(event_id="evt_refund").status == "failed" and balance_of(user) == 10

    send_event(pack_completed(user, payment_intent="pi_early"))
    assert balance_of(user) == 60
    assert send_event(body).status_code == 200  # Stripe's retry
    assert balance_of(user) == 10 and WebhookEvent.objects.get(event_id="evt_refund").status == "processed"


def test_refund_of_a_charge_that_is_not_a_pack_is_ignored(send_event, user):
    charge = charge_object(
        charge_id="ch_sub", payment_intent="pi_sub", amount=1200, amount_refunded=1200, user_id=user.pk, pack=None
    )
    send_event(stripe_event("charge.refunded", charge))
    assert WebhookEvent.objects.get().status == "ignored"
    assert balance_of(user) == 10


# --- disputes ----------------------------------------------------------------------------------------


def dispute(event_type, *, payment_intent, amount, dispute_id="dp_1", event_id=None):
    obj = dispute_object(dispute_id=dispute_id, payment_intent=payment_intent, amount=amount)
    return stripe_event(f"charge.dispute.{event_type}", obj, event_id=event_id)


def test_a_disputed_pack_loses_its_credits_and_gets_them_back_when_the_dispute_is_won(send_event, user):
    send_event(pack_completed(user, pack="large", payment_intent="pi_d", amount=1500))
    assert balance_of(user) == 210
    withdrawn = dispute("funds_withdrawn", payment_intent="pi_d", amount=1500, event_id="evt_w")
    assert send_event(withdrawn).status_code == 200 and stored_status(withdrawn) == "processed"
    send_event(withdrawn)  # the same event again
    send_event(dispute("funds_withdrawn", payment_intent="pi_d", amount=1500))  # another event, same dispute
    assert balance_of(user) == 10
    taken = ledger_of(user).first()
    assert (taken.kind, taken.amount, taken.idempotency_key) == ("reversal", -200, "stripe:dispute:dp_1:withdrawn")

    reinstated = dispute("funds_reinstated", payment_intent="pi_d", amount=1500)
    send_event(reinstated)
    send_event(dispute("funds_reinstated", payment_intent="pi_d", amount=1500))
    assert balance_of(user) == 210
    back = ledger_of(user).first()
    assert (back.kind, back.amount, back.idempotency_key) == ("purchase", 200, "stripe:dispute:dp_1:reinstated")
    recorded = Dispute.objects.get()
    assert (recorded.purchase.payment_intent_id, recorded.credits_taken, recorded.amount) == ("pi_d", 200, 1500)
    assert recorded.funds_withdrawn_at and recorded.funds_reinstated_at


def test_a_dispute_never_takes_below_zero_and_gives_back_only_what_it_took(send_event, user):
    send_event(pack_completed(user, payment_intent="pi_spent"))
    credits.credits_spend(user=user, feature="colors", key="gen:most", amount=52)
    send_event(dispute("funds_withdrawn", payment_intent="pi_spent", amount=500))
    assert balance_of(user) == 0 and Dispute.objects.get().credits_taken == 8
    send_event(dispute("funds_reinstated", payment_intent="pi_spent", amount=500))
    assert balance_of(user) == 8


def test_a_partial_dispute_takes_its_share_less_what_a_refund_took(send_event, user):
    send_event(pack_completed(user, pack="large", payment_intent="pi_p", amount=1500))
    send_event(refund(user, payment_intent="pi_p", amount=1500, refunded=300, pack="large"))  # 40 credits back
    assert balance_of(user) == 170
    send_event(dispute("funds_withdrawn", payment_intent="pi_p", amount=1200))  # the rest: 160 credits
    assert balance_of(user) == 10
    send_event(dispute("funds_withdrawn", payment_intent="pi_p", amount=1500, dispute_id="dp_2"))
    assert balance_of(user) == 10  # nothing of the pack is left to take


def test_a_reinstatement_seen_first_makes_the_late_withdrawal_take_nothing(send_event, user):
    send_event(pack_completed(user, payment_intent="pi_late"))
    send_event(dispute("funds_reinstated", payment_intent="pi_late", amount=500))
    send_event(dispute("funds_withdrawn", payment_intent="pi_late", amount=500))
    assert balance_of(user) == 60
    assert not ledger_of(user).filter(idempotency_key__startswith="stripe:dispute:").exists()


def test_a_disputed_subscription_payment_changes_no_credits(send_event, user):
    customer, sub = subscribed(send_event, user)
    send_event(invoice_paid(user, customer, sub))
    assert balance_of(user) == 110
    for event_type in ("funds_withdrawn", "funds_reinstated"):
        body = dispute(event_type, payment_intent="pi_subscription", amount=1200)
        assert send_event(body).status_code == 200 and stored_status(body) == "ignored"
    assert balance_of(user) == 110 and not Dispute.objects.exists()
