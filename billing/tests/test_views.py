"""The landing page with its pricing table and the billing page: what they show, and that their buttons
reach Stripe (a local fake speaking Stripe's protocol) through the same services as the API."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from billing import services
from billing.models import CreditPack, Plan, Purchase
from billing.payloads import SubscriptionState
from billing.views import money
from credits import services as credits

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def subscribe(user, *, status="active", cancel=False):
    return services.subscription_apply(
        user=user,
        plan=Plan.objects.get(code="pro"),
        state=SubscriptionState(
            subscription_id="sub_test_1",
            customer_id="cus_test_1",
            status=status,
            plan_code="pro",
            user_id=user.pk,
            current_period_start=datetime(2031, 4, 17, tzinfo=UTC),
            current_period_end=datetime(2031, 5, 17, tzinfo=UTC),
            cancel_at_period_end=cancel,
        ),
        observed_at=datetime.now(UTC) - timedelta(minutes=1),
    )


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [(1200, "usd", "$12"), (1250, "usd", "$12.50"), (500, "eur", "€5"), (990, "jpy", "¥990"), (700, "chf", "7 CHF")],
)
def test_prices_are_shown_as_people_read_them(amount, currency, shown):
    assert money(amount, currency) == shown


def test_landing_shows_the_pricing_table_for_anyone(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="pricing"' in html
    assert "Free" in html and "Pro" in html and "$12" in html and "/ month" in html
    assert "10 credits when you sign up" in html and "100 credits every paid month" in html  # placeholders filled
    assert "Small pack" in html and "$5" in html and "Large pack" in html and "$15" in html
    assert "Design system" in html  # what a generation costs
    assert 'href="/sign-in/"' in html


def test_the_pricing_tables_show_the_limits_staff_set(signed_in):
    html = Client().get("/").content.decode()
    assert "Up to 10 saved design systems" in html and "Unlimited saved design systems" in html
    assert "Personal API keys for scripts (up to 10)" in html and "Start free: 10 credits" in html

    Plan.objects.filter(code="free").update(max_design_systems=3, signup_credits=20)
    Plan.objects.filter(code="pro").update(max_design_systems=250, max_api_keys=4)
    for page in (Client().get("/"), signed_in.get("/billing/")):
        html = page.content.decode()
        assert "Up to 3 saved design systems" in html and "Up to 250 saved design systems" in html
        assert "Personal API keys for scripts (up to 4)" in html and "Unlimited saved" not in html
        assert "20 credits when you sign up" in html
    assert "Start free: 20 credits" in Client().get("/").content.decode()


def test_landing_leaves_out_packs_no_longer_for_sale(client):
    CreditPack.objects.filter(code="large").update(is_active=False)
    assert "Large pack" not in client.get("/").content.decode()


def test_billing_needs_sign_in(client):
    assert client.get("/billing/")["Location"] == "/sign-in/?next=/billing/"


def test_billing_page_without_stripe_says_so(signed_in, user, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        response = signed_in.get("/billing/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="stripe-not-configured"' in html
    assert "No subscription" in html and 'data-testid="checkout-pro"' in html
    assert 'data-testid="checkout-pack-small"' in html and 'data-testid="portal"' in html
    assert html.count('name="csrfmiddlewaretoken"') >= 5  # sign-out, portal, pro, two packs


@pytest.mark.parametrize("field", [{"plan": "pro"}, {"pack": "small"}])
def test_buttons_without_stripe_show_the_message_never_a_crash(signed_in, field):
    response = signed_in.post("/billing/checkout/", field, follow=True)
    assert response.redirect_chain[-1] == ("/billing/", 302)
    assert "Payments are not configured on this server" in response.content.decode()
    response = signed_in.post("/billing/portal/", follow=True)
    assert "Payments are not configured on this server" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ({"plan": "free"}, "is free: there is nothing to buy"),
        ({"pack": "huge"}, "no credit pack &quot;huge&quot;"),
        ({}, "exactly one"),
    ],
)
def test_invalid_choices_are_a_message(signed_in, field, message):
    response = signed_in.post("/billing/checkout/", field, follow=True)
    assert message in response.content.decode()


def test_plan_button_opens_stripe_checkout(signed_in, user, prices, fake_stripe):
    response = signed_in.post("/billing/checkout/", {"plan": "pro", "request_key": "k1-plan-pro"})
    assert response.status_code == 302
    assert response["Location"].startswith("https://checkout.stripe.com/c/pay/cs_test_")
    (session,) = fake_stripe.calls("POST", "/v1/checkout/sessions")
    assert session.params["mode"] == "subscription" and session.params["metadata[plan]"] == "pro"
    assert session.params["success_url"] == "http://testserver/billing/?checkout=success"
    assert session.params["cancel_url"] == "http://testserver/billing/?checkout=cancelled"


def test_a_double_submitted_pack_button_opens_one_checkout(signed_in, user, prices, fake_stripe):
    first = signed_in.post("/billing/checkout/", {"pack": "small", "request_key": "k2-pack-small"})
    second = signed_in.post("/billing/checkout/", {"pack": "small", "request_key": "k2-pack-small"})
    assert first["Location"] == second["Location"]
    assert Purchase.objects.filter(user=user).count() == 1


def test_subscribers_see_their_subscription_and_no_upgrade_button(signed_in, user, settings):
    subscribe(user, cancel=True)
    html = signed_in.get("/billing/").content.decode()
    assert "Your plan" in html and "Subscription active" in html and "ends 17 May 2031" in html
    assert "This period began 17 Apr 2031" in html
    assert 'data-testid="checkout-pro"' not in html


def test_portal_button_opens_the_stripe_portal(signed_in, user, prices, fake_stripe):
    signed_in.post("/billing/checkout/", {"pack": "small"})  # creates the Stripe customer
    response = signed_in.post("/billing/portal/")
    assert response.status_code == 302 and response["Location"].startswith("https://billing.stripe.com/")


def test_portal_before_any_purchase_explains_why(signed_in, fake_stripe):
    response = signed_in.post("/billing/portal/", follow=True)
    assert "portal opens once you have bought a plan or a credit pack" in response.content.decode()


@pytest.mark.parametrize(
    ("outcome", "message"), [("success", "Your payment went through"), ("cancelled", "nothing was charged")]
)
def test_checkout_return_shows_a_message_once(signed_in, outcome, message):
    response = signed_in.get(f"/billing/?checkout={outcome}", follow=True)
    assert response.redirect_chain == [("/billing/", 302)]
    assert message in response.content.decode()
    assert message not in signed_in.get("/billing/").content.decode()


def test_balance_on_the_billing_page(signed_in, user):
    credits.credits_grant(user=user, amount=40, key="test:grant")
    assert '<span class="value">50</span>' in signed_in.get("/billing/").content.decode()
