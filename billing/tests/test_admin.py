"""Staff screens: plans and packs editable, Stripe's records browsable, a subscription re-read on demand."""

import pytest
from django.utils import timezone

from accounts.models import User
from accounts.tests.factories import UserFactory
from billing.models import Plan, Subscription

from .factories import subscription_object

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = UserFactory.create()
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    client.force_login(User.objects.get(pk=user.pk))
    return client


@pytest.mark.parametrize("model", ["plan", "creditpack", "subscription", "purchase", "stripecustomer"])
def test_every_billing_screen_opens(staff, model):
    assert staff.get(f"/admin/billing/{model}/").status_code == 200


def test_a_plan_is_edited_in_admin_and_shows_the_price_id_in_use(staff, settings):
    settings.STRIPE_PRICE_PRO = "price_from_env"
    page = staff.get("/admin/billing/plan/pro/change/")
    assert b"price_from_env (from the environment)" in page.content
    form = {
        "name": "Pro",
        "price_amount": "1500",
        "currency": "usd",
        "interval": "month",
        "monthly_credits": "120",
        "features": '["{monthly_credits} credits every paid month"]',
        "rank": "1",
        "stripe_price_id": "price_admin",
    }
    assert staff.post("/admin/billing/plan/pro/change/", form).status_code == 302
    pro = Plan.objects.get(code="pro")
    assert (pro.price_amount, pro.monthly_credits, pro.stripe_price_id) == (1500, 120, "price_admin")

    response = staff.post("/admin/billing/plan/pro/change/", {**form, "features": '{"not": "a list"}'})
    assert response.status_code == 200 and b"Give a list of sentences" in response.content


def test_plans_cannot_be_deleted_and_stripe_records_cannot_be_edited(staff):
    assert staff.get("/admin/billing/plan/pro/delete/").status_code == 403
    assert staff.get("/admin/billing/subscription/add/").status_code == 403


def test_staff_re_read_a_subscription_from_stripe(staff, user, fake_stripe):
    sub = Subscription.objects.create(
        user=user, stripe_subscription_id="sub_s", plan_id="pro", status="past_due", state_at=timezone.now()
    )
    fake_stripe.add_subscription(
        subscription_object(subscription_id="sub_s", customer="cus_s", user_id=user.pk, status="active")
    )
    response = staff.post(
        "/admin/billing/subscription/", {"action": "refresh_from_stripe", "_selected_action": [sub.pk]}, follow=True
    )
    assert b"Re-read 1 subscription(s) from Stripe." in response.content
    assert Subscription.objects.get().status == "active"
    assert User.objects.get(pk=user.pk).plan == "pro"
