"""Account closure, Stripe's side: the closed account's subscription is cancelled at Stripe at once (a row,
then a task; Stripe being down delays it, never loses it), the webhook of that cancellation changes
nothing, and the personal data in the stored Stripe webhook payloads about the user is erased.

Stripe is the local fake speaking its protocol to the real `stripe` client; Clerk's `user.deleted`
arrives signed with the real `svix` library."""

from datetime import timedelta

import pytest
from celery.exceptions import Retry
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from accounts.models import User
from accounts.services import user_close
from accounts.tests.factories import UserFactory, clerk_event, svix_headers
from billing import services, tasks
from billing.models import StripeCancellation, Subscription
from credits.selectors import balance_of
from designforge.celery import app as celery_app
from designforge.models import WebhookEvent

from .conftest import started_checkout
from .factories import (
    charge_object,
    checkout_session_object,
    invoice_object,
    new_id,
    stored_status,
    stripe_event,
    subscription_object,
)

pytestmark = pytest.mark.django_db

CLERK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
REQUEUE_TASK = "billing.tasks.requeue_stripe_cancellations"
# Personal data Stripe puts in the objects it sends about a customer.
EMAIL, NAME, PHONE, STREET = "ada.private@example.com", "Ada Lovelace", "+44 20 7946 0000", "12 St James's Square"
ADDRESS = {"line1": STREET, "city": "London", "postal_code": "SW1Y 4JH", "country": "GB"}
CONTACT = {"email": EMAIL, "name": NAME, "phone": PHONE, "address": ADDRESS}


@pytest.fixture
def pro(send_event, fake_stripe):
    """A Pro subscriber whose checkout, invoice, refund and customer events are stored, full of personal data:
    (user, customer id, subscription id)."""
    user = UserFactory.create()
    customer, sub = new_id("cus"), new_id("sub")
    session_id = started_checkout(user, plan="pro")
    session = checkout_session_object(
        session_id=session_id, customer=customer, user_id=user.pk, plan="pro", subscription_id=sub
    )
    session.update(customer_email=EMAIL, customer_details={**CONTACT, "tax_ids": []})
    invoice = invoice_object(invoice_id=new_id("in"), customer=customer, subscription_id=sub, user_id=user.pk)
    invoice.update(
        customer_email=EMAIL, customer_name=NAME, customer_phone=PHONE, customer_address=ADDRESS, receipt_number="1"
    )
    charge = charge_object(
        charge_id=new_id("ch"), payment_intent=new_id("pi"), amount=1200, amount_refunded=0, user_id=None, pack=None
    )
    charge.update(customer=customer, billing_details=CONTACT, receipt_email=EMAIL)
    for event_type, obj in [
        ("checkout.session.completed", session),
        ("invoice.paid", invoice),
        ("charge.succeeded", charge),
        ("customer.updated", {"id": customer, "object": "customer", **CONTACT, "shipping": {"name": NAME}}),
    ]:
        assert send_event(stripe_event(event_type, obj)).status_code == 200
    fake_stripe.add_subscription(subscription_object(subscription_id=sub, customer=customer, user_id=user.pk))
    assert User.objects.get(pk=user.pk).plan == "pro"
    return user, customer, sub


def close(user, capture):
    """Close the account as `user.deleted` does, running what is sent once the closing transaction commits."""
    with capture(execute=True):
        user_close(clerk_id=user.clerk_id)


def stored_text(event: WebhookEvent) -> str:
    return WebhookEvent.objects.annotate(text=Cast("payload", TextField())).get(pk=event.pk).text


def deletes(fake_stripe, sub):
    return fake_stripe.calls("DELETE", f"/v1/subscriptions/{sub}")


def time_passes(minutes=11):
    """The periodic job re-sends what was last tried a while ago: make the last attempt that old."""
    past = timezone.now() - timedelta(minutes=minutes)
    StripeCancellation.objects.update(attempted_at=past, created_at=past)


# --- the subscription is cancelled at Stripe ------------------------------------------------------------


def test_user_deleted_in_clerk_cancels_the_subscription_at_stripe_at_once(
    pro, fake_stripe, client, settings, django_capture_on_commit_callbacks
):
    user, customer, sub = pro
    settings.CLERK_WEBHOOK_SIGNING_SECRET = CLERK_SECRET
    body = clerk_event("user.deleted", {"id": user.clerk_id, "object": "user", "deleted": True})
    with django_capture_on_commit_callbacks(execute=True):
        headers = svix_headers(CLERK_SECRET, body, msg_id="msg_closed")
        response = client.post("/api/webhooks/clerk", data=body, content_type="application/json", **headers)
    assert response.status_code == 200

    (call,) = deletes(fake_stripe, sub)
    assert call.params == {"cancellation_details[comment]": "The DesignForge account was closed."}
    cancellation = StripeCancellation.objects.get()
    assert (cancellation.subscription.stripe_subscription_id, cancellation.attempts) == (sub, 1)
    assert cancellation.done_at is not None and cancellation.last_error == ""
    assert Subscription.objects.get().status == "canceled"
    assert User.objects.get(pk=user.pk).plan == "free"


@pytest.mark.parametrize("outage", ["answers 500", "refuses connections"])
def test_stripe_down_delays_the_cancellation_and_never_loses_it(
    pro, fake_stripe, settings, django_capture_on_commit_callbacks, outage
):
    user, _, sub = pro
    if outage == "answers 500":
        fake_stripe.fail_next(500, "api_error", "Stripe is down.")
    else:
        settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there
    close(user, django_capture_on_commit_callbacks)

    cancellation = StripeCancellation.objects.get()
    assert cancellation.done_at is None and cancellation.attempts == 1
    assert "could not cancel a subscription" in cancellation.last_error
    assert Subscription.objects.get().status == "active"  # Stripe still bills it: we keep trying
    assert tasks.requeue_stripe_cancellations.delay().get() == 0  # too soon to try again

    settings.STRIPE_API_BASE = fake_stripe.url  # Stripe is back
    time_passes()
    assert tasks.requeue_stripe_cancellations.delay().get() == 1
    cancellation.refresh_from_db()
    assert cancellation.done_at is not None and cancellation.attempts == 2 and cancellation.last_error == ""
    assert fake_stripe.subscriptions[sub]["status"] == "canceled"
    assert Subscription.objects.get().status == "canceled" and User.objects.get(pk=user.pk).plan == "free"
    time_passes()
    assert tasks.requeue_stripe_cancellations.delay().get() == 0  # done is done


def test_a_worker_retries_with_growing_backoff_while_stripe_fails(
    pro, fake_stripe, django_capture_on_commit_callbacks, monkeypatch
):
    user, _, sub = pro
    fake_stripe.fail_next(503, "api_error", "Stripe is down.")
    close(user, django_capture_on_commit_callbacks)
    cancellation = StripeCancellation.objects.get()

    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)  # as on a worker: retries go to the broker
    task, waits = tasks.cancel_stripe_subscription, {}
    for retries in (0, 3, 20):
        fake_stripe.fail_next(503, "api_error", "Still down.")
        request = {"id": f"task-{retries}", "args": [cancellation.pk], "kwargs": {}, "retries": retries}
        task.push_request(**request, is_eager=False, called_directly=False)  # as a worker runs its n-th retry
        try:
            with pytest.raises(Retry) as retry:
                task.run(cancellation.pk)
        finally:
            task.pop_request()
        waits[retries] = retry.value.when
    assert waits == {0: 30, 3: 240, 20: 3600}  # seconds: doubling, then hourly
    cancellation.refresh_from_db()
    assert cancellation.done_at is None and cancellation.attempts == 4 and len(deletes(fake_stripe, sub)) == 4


def test_cancelling_twice_calls_stripe_once_and_closing_twice_queues_once(
    pro, fake_stripe, django_capture_on_commit_callbacks
):
    user, _, sub = pro
    close(user, django_capture_on_commit_callbacks)
    close(user, django_capture_on_commit_callbacks)  # user.deleted delivered again
    services.stripe_cancellation_send(cancellation_id=StripeCancellation.objects.get().pk)  # a task run twice
    assert len(deletes(fake_stripe, sub)) == 1 and StripeCancellation.objects.count() == 1


def test_a_subscription_stripe_already_cancelled_is_done_without_an_error(
    pro, fake_stripe, django_capture_on_commit_callbacks
):
    user, _, sub = pro
    fake_stripe.subscriptions[sub]["status"] = "canceled"  # e.g. cancelled in the portal a moment ago
    close(user, django_capture_on_commit_callbacks)
    assert deletes(fake_stripe, sub)[0].response["error"]["code"] == "resource_missing"  # as Stripe answers
    cancellation = StripeCancellation.objects.get()
    assert cancellation.done_at is not None and cancellation.last_error == ""
    assert Subscription.objects.get().status == "canceled"


def test_an_account_without_a_live_subscription_calls_stripe_for_nothing(
    send_event, fake_stripe, django_capture_on_commit_callbacks
):
    user = UserFactory.create()
    Subscription.objects.create(
        user=user, stripe_subscription_id="sub_old", plan_id="pro", status="canceled", state_at=timezone.now()
    )
    close(user, django_capture_on_commit_callbacks)
    assert not StripeCancellation.objects.exists() and fake_stripe.requests == []


def test_the_scheduler_runs_the_re_queue():
    (job,) = [job for job in celery_app.conf.beat_schedule.values() if job["task"] == REQUEUE_TASK]
    assert job["task"] in celery_app.tasks and job["schedule"] <= tasks.REQUEUE_AFTER.total_seconds()


# --- Stripe's events afterwards -------------------------------------------------------------------------


def test_the_webhook_of_that_cancellation_changes_nothing(
    pro, send_event, fake_stripe, django_capture_on_commit_callbacks
):
    user, customer, sub = pro
    close(user, django_capture_on_commit_callbacks)
    before = list(Subscription.objects.values())
    deleted = subscription_object(subscription_id=sub, customer=customer, user_id=user.pk, status="canceled")
    body = stripe_event("customer.subscription.deleted", deleted, event_id="evt_deleted")
    assert send_event(body).status_code == 200 and stored_status(body) == "ignored"
    assert list(Subscription.objects.values()) == before and User.objects.get(pk=user.pk).plan == "free"
    assert set(WebhookEvent.objects.get(event_id="evt_deleted").payload) >= {"erased_at"}


def test_later_events_about_the_closed_account_are_erased_and_grant_nothing(
    pro, send_event, fake_stripe, django_capture_on_commit_callbacks
):
    user, customer, sub = pro
    close(user, django_capture_on_commit_callbacks)
    balance = balance_of(user)
    invoice = invoice_object(invoice_id=new_id("in"), customer=customer, subscription_id=sub, user_id=user.pk)
    invoice.update(customer_email=EMAIL, customer_name=NAME)
    body = stripe_event("invoice.paid", invoice, event_id="evt_late")
    assert send_event(body).status_code == 200 and stored_status(body) == "ignored" and balance_of(user) == balance
    late = WebhookEvent.objects.get(event_id="evt_late")
    assert EMAIL not in stored_text(late) and NAME not in stored_text(late)
    assert (late.event_type, late.payload["id"], late.payload["type"]) == ("invoice.paid", "evt_late", "invoice.paid")


def test_a_subscription_paid_for_as_the_account_closed_is_cancelled_too(
    send_event, fake_stripe, django_capture_on_commit_callbacks
):
    user = UserFactory.create()
    close(user, django_capture_on_commit_callbacks)
    late = subscription_object(subscription_id="sub_late", customer="cus_late", user_id=user.pk)
    fake_stripe.add_subscription(late)
    with django_capture_on_commit_callbacks(execute=True):
        send_event(stripe_event("customer.subscription.created", late))
    assert len(deletes(fake_stripe, "sub_late")) == 1
    assert Subscription.objects.get(stripe_subscription_id="sub_late").status == "canceled"
    assert StripeCancellation.objects.get().done_at is not None


# --- personal data in the stored payloads ---------------------------------------------------------------


def test_personal_data_is_erased_from_the_stored_stripe_events_and_their_audit_trail_kept(
    pro, send_event, django_capture_on_commit_callbacks
):
    user, customer, _ = pro
    other = UserFactory.create()
    theirs = charge_object(
        charge_id="ch_other", payment_intent="pi_other", amount=500, amount_refunded=0, user_id=other.pk, pack="small"
    )
    theirs["billing_details"] = {**CONTACT, "email": "someone.else@example.com"}
    send_event(stripe_event("charge.succeeded", theirs, event_id="evt_other"))
    stored = {e.event_id: (e.event_type, e.received_at, e.status) for e in WebhookEvent.objects.all()}
    assert len(stored) == 5

    close(user, django_capture_on_commit_callbacks)

    for event in WebhookEvent.objects.exclude(event_id="evt_other"):
        text = stored_text(event)
        for personal in (EMAIL, NAME, PHONE, STREET, "SW1Y"):
            assert personal not in text, (event.event_type, personal)
        assert set(event.payload) == {"id", "object", "type", "created", "api_version", "livemode", "data", "erased_at"}
        assert (event.payload["id"], event.payload["type"]) == (event.event_id, event.event_type)
        assert set(event.payload["data"]["object"]) <= {"id", "object", "created"}
        assert (event.event_type, event.received_at, event.status) == stored[event.event_id]
    assert "someone.else@example.com" in stored_text(WebhookEvent.objects.get(event_id="evt_other"))


def test_erasure_finds_events_by_every_id_that_ties_them_to_the_user(pro, send_event):
    user, customer, sub = pro
    by = {
        "customer object": {"id": customer, "object": "customer", "email": EMAIL},
        "expanded customer": {"id": "pi_x", "object": "payment_intent", "customer": {"id": customer}, "email": EMAIL},
        "subscription id": {"id": "in_legacy", "object": "invoice", "subscription": sub, "customer_email": EMAIL},
        "metadata": {"id": "pi_y", "object": "payment_intent", "metadata": {"user_id": str(user.pk)}, "email": EMAIL},
    }
    for name, obj in by.items():
        send_event(stripe_event("payment_intent.succeeded", obj, event_id=f"evt_{name.replace(' ', '_')}"))
    assert services.stripe_events_erase(user=user) == 4 + len(by)
    assert all(EMAIL not in stored_text(e) for e in WebhookEvent.objects.all())
    assert services.stripe_events_erase(user=user) == 0  # once erased, left alone
