"""Staff screens: plans and packs editable, Stripe's records browsable, a subscription re-read on demand."""

import pytest
from django.utils import timezone

from accounts.models import User
from accounts.tests.factories import UserFactory
from billing.models import Plan, Subscription
from credits.selectors import balance_of

from .factories import subscription_object

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = UserFactory.create()
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    client.force_login(User.objects.get(pk=user.pk))
    return client


@pytest.mark.parametrize(
    "model",
    [
        "plan",
        "creditpack",
        "subscription",
        "purchase",
        "stripecustomer",
        "checkoutsession",
        "dispute",
        "stripecancellation",
    ],
)
def test_every_billing_screen_opens(staff, model):
    assert staff.get(f"/admin/billing/{model}/").status_code == 200


PRO_FORM = {
    "name": "Pro",
    "price_amount": "1500",
    "currency": "usd",
    "interval": "month",
    "monthly_credits": "120",
    "signup_credits": "0",
    "max_design_systems": "",
    "max_api_keys": "10",
    "features": '["{monthly_credits} credits every paid month"]',
    "rank": "1",
    "stripe_price_id": "price_admin",
}
FREE_FORM = {
    "name": "Free",
    "price_amount": "0",
    "currency": "usd",
    "interval": "month",
    "monthly_credits": "0",
    "signup_credits": "10",
    "max_design_systems": "10",
    "max_api_keys": "0",
    "features": '["{signup_credits} credits when you sign up"]',
    "rank": "0",
    "stripe_price_id": "",
}


def test_a_plan_is_edited_in_admin_and_shows_the_price_id_in_use(staff, settings):
    settings.STRIPE_PRICE_PRO = "price_from_env"
    page = staff.get("/admin/billing/plan/pro/change/")
    assert b"price_from_env (from the environment)" in page.content
    assert staff.post("/admin/billing/plan/pro/change/", PRO_FORM).status_code == 302
    pro = Plan.objects.get(code="pro")
    assert (pro.price_amount, pro.monthly_credits, pro.stripe_price_id) == (1500, 120, "price_admin")

    response = staff.post("/admin/billing/plan/pro/change/", {**PRO_FORM, "features": '{"not": "a list"}'})
    assert response.status_code == 200 and b"Give a list of sentences" in response.content


def test_staff_edit_the_limits_and_the_signup_grant_and_everything_follows(staff, api):
    form = {**FREE_FORM, "signup_credits": "25", "max_design_systems": "3"}
    assert staff.post("/admin/billing/plan/free/change/", form).status_code == 302
    assert staff.post("/admin/billing/plan/pro/change/", {**PRO_FORM, "max_design_systems": "50"}).status_code == 302

    free = Plan.objects.get(code="free")
    assert (free.signup_credits, free.max_design_systems) == (25, 3)
    assert Plan.objects.get(code="pro").max_design_systems == 50
    body = api.get("/api/plans").json()
    assert body["signup_credits"] == 25
    assert [plan["limits"]["design_systems"] for plan in body["plans"]] == [3, 50]
    assert balance_of(UserFactory.create()) == 25  # the next signup gets the new grant


@pytest.mark.parametrize(
    "plan, change, field, message",
    [
        ("free", {"max_design_systems": "0"}, "max_design_systems", "Allow at least 1"),
        ("free", {"price_amount": "500"}, "price_amount", "The free plan costs nothing"),
        ("free", {"monthly_credits": "5"}, "monthly_credits", "grants no monthly credits"),
        ("pro", {"signup_credits": "5"}, "signup_credits", "Only the free plan"),
        ("pro", {"max_design_systems": "5"}, "max_design_systems", "Free, ranked below this plan, allows 10"),
        ("free", {"max_api_keys": "20"}, "max_api_keys", "Pro, ranked above this plan, allows 10 API keys"),
    ],
)
def test_plan_edits_that_make_no_sense_are_refused(staff, plan, change, field, message):
    form = {**(FREE_FORM if plan == "free" else PRO_FORM), **change}
    before = Plan.objects.get(code=plan)
    response = staff.post(f"/admin/billing/plan/{plan}/change/", form)
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    after = Plan.objects.get(code=plan)
    assert (after.max_design_systems, after.max_api_keys, after.signup_credits, after.price_amount) == (
        before.max_design_systems,
        before.max_api_keys,
        before.signup_credits,
        before.price_amount,
    )


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
