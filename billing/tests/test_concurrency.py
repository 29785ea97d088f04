"""Concurrent deliveries and requests (PostgreSQL, real threads, real connections)."""

import pytest
from django.test import Client

from accounts.models import User
from accounts.tests.factories import UserFactory
from billing import services
from billing.models import StripeCustomer, Subscription
from credits.models import LedgerEntry
from credits.selectors import audit_mismatches, balance_of
from designforge.models import WebhookEvent
from designforge.testing import run_concurrently

from .conftest import WEBHOOK_URL, started_checkout
from .factories import (
    checkout_session_object,
    invoice_object,
    new_id,
    now,
    signature_header,
    stripe_event,
    subscription_object,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def post(body: str) -> int:
    return (
        Client()
        .post(WEBHOOK_URL, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature_header(body))
        .status_code
    )


def test_the_same_invoice_paid_delivered_eight_times_at_once_grants_once(send_event):
    user = UserFactory.create()
    invoice = invoice_object(invoice_id="in_race", customer="cus_race", subscription_id="sub_race", user_id=user.pk)
    body = stripe_event("invoice.paid", invoice, event_id="evt_race")

    assert run_concurrently(lambda i: post(body), 8) == [200] * 8
    assert balance_of(user) == 110
    assert LedgerEntry.objects.filter(idempotency_key="stripe:invoice:in_race").count() == 1
    assert WebhookEvent.objects.get(event_id="evt_race").attempts == 1
    assert audit_mismatches() == []


def test_every_event_of_one_purchase_at_once_gives_one_subscription(send_event):
    user = UserFactory.create()
    customer, sub, t = new_id("cus"), new_id("sub"), now() - 30
    bodies = [
        stripe_event(
            "customer.subscription.created",
            subscription_object(subscription_id=sub, customer=customer, user_id=user.pk, status="incomplete"),
            created=t,
        ),
        stripe_event(
            "customer.subscription.updated",
            subscription_object(subscription_id=sub, customer=customer, user_id=user.pk),
            created=t + 1,
        ),
        stripe_event(
            "invoice.paid",
            invoice_object(invoice_id=new_id("in"), customer=customer, subscription_id=sub, user_id=user.pk),
            created=t + 1,
        ),
        stripe_event(
            "checkout.session.completed",
            checkout_session_object(
                session_id=started_checkout(user, plan="pro"),
                customer=customer,
                user_id=user.pk,
                plan="pro",
                subscription_id=sub,
            ),
            created=t + 2,
        ),
    ]
    assert run_concurrently(lambda i: post(bodies[i]), len(bodies)) == [200] * 4
    assert Subscription.objects.get().status == "active"
    assert User.objects.get(pk=user.pk).plan == "pro" and balance_of(user) == 110
    assert StripeCustomer.objects.get(user=user).stripe_customer_id == customer
    assert audit_mismatches() == []


def test_racing_checkouts_create_one_stripe_customer(fake_stripe):
    user = UserFactory.create()
    results = run_concurrently(lambda i: services.customer_ensure(user=user), 4)
    customer_id = StripeCustomer.objects.get(user=user).stripe_customer_id
    assert results == [customer_id] * 4
    calls = fake_stripe.calls("POST", "/v1/customers")
    assert {call.idempotency_key for call in calls} == {f"customer:{user.pk}"}
