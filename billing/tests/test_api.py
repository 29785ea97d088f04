"""The billing API. Checkout and portal run the real `stripe` client against the local fake Stripe API,
and check what reached it."""

import json

import pytest
import stripe
from django.core.management import call_command
from django.utils import timezone

from billing.models import CheckoutSession, CreditPack, Plan, Purchase, StripeCustomer, Subscription

from .factories import DAY, PRICE_LARGE, PRICE_PRO, at, invoice_object, now, stripe_event, subscription_object
from .fake_stripe import API_KEY

pytestmark = pytest.mark.django_db


def checkout(api, body, **headers):
    return api.post("/api/billing/checkout", body, format="json", **headers)


def api_price(api, kind: str, code: str) -> dict:
    """The price `GET /api/plans` shows for a plan or pack (the pricing table shows the same)."""
    (item,) = [item for item in api.get("/api/plans").json()[kind] if item["code"] == code]
    return {k: v for k, v in item["price"].items() if k != "interval"}


def make_pro(user, status="active"):
    Subscription.objects.create(
        user=user, stripe_subscription_id="sub_1", plan_id="pro", status=status, state_at=timezone.now()
    )
    user.plan = "pro"
    user.save(update_fields=["plan"])


# --- GET /api/plans -----------------------------------------------------------------------------------


def test_plans_are_public_and_shaped_as_the_contract_says(api):
    response = api.get("/api/plans")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"plans", "packs", "signup_credits"}
    free, pro = body["plans"]
    assert free == {
        "code": "free",
        "name": "Free",
        "price": {"amount": 0, "currency": "usd", "interval": "month"},
        "monthly_credits": 0,
        "limits": {"design_systems": 10, "api_keys": 0},
        "features": [
            "10 credits when you sign up",
            "Colour palettes, typography and full design systems",
            "Export to CSS, SCSS, Tailwind and design tokens",
        ],
    }
    assert (pro["code"], pro["price"], pro["monthly_credits"], pro["limits"]) == (
        "pro",
        {"amount": 1200, "currency": "usd", "interval": "month"},
        100,
        {"design_systems": None, "api_keys": 10},
    )
    assert pro["features"][0] == "100 credits every paid month"
    assert body["packs"] == [
        {"code": "small", "name": "Small pack", "credits": 50, "price": {"amount": 500, "currency": "usd"}},
        {"code": "large", "name": "Large pack", "credits": 200, "price": {"amount": 1500, "currency": "usd"}},
    ]
    assert body["signup_credits"] == 10


def test_plans_follow_what_staff_set(api):
    Plan.objects.filter(code="pro").update(monthly_credits=150, max_design_systems=500, max_api_keys=3)
    Plan.objects.filter(code="free").update(signup_credits=25, max_design_systems=5)
    CreditPack.objects.filter(code="large").update(is_active=False)
    body = api.get("/api/plans").json()
    free, pro = body["plans"]
    assert pro["monthly_credits"] == 150 and pro["features"][0].startswith("150 ")
    assert pro["limits"] == {"design_systems": 500, "api_keys": 3}
    assert free["limits"] == {"design_systems": 5, "api_keys": 0}
    assert body["signup_credits"] == 25 and free["features"][0] == "25 credits when you sign up"
    assert [p["code"] for p in body["packs"]] == ["small"]


# --- configuration and sign-in ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/billing/checkout", "/api/billing/portal"])
def test_checkout_and_portal_answer_503_without_stripe_keys(user_api, path):
    response = user_api.post(path, {"plan": "pro"}, format="json")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "not_configured"
    assert response.json()["error"]["message"] == "Payments are not configured on this server yet."  # no setting names


@pytest.mark.parametrize(
    "method, path",
    [("post", "/api/billing/checkout"), ("post", "/api/billing/portal"), ("get", "/api/billing/subscription")],
)
def test_billing_endpoints_need_sign_in(api, fake_stripe, method, path):
    assert getattr(api, method)(path).status_code == 401


# --- POST /api/billing/checkout -----------------------------------------------------------------------


def test_checkout_for_pro_sends_a_subscription_session_to_stripe(user_api, user, fake_stripe, prices):
    response = checkout(user_api, {"plan": "pro"})
    assert response.status_code == 200
    (customer_call,) = fake_stripe.calls("POST", "/v1/customers")
    (session_call,) = fake_stripe.calls("POST", "/v1/checkout/sessions")
    customer_id = StripeCustomer.objects.get(user=user).stripe_customer_id
    assert response.json() == {"url": session_call.response["url"]}
    assert session_call.response["url"].startswith("https://checkout.stripe.com/c/pay/cs_test_")

    assert customer_call.idempotency_key == f"customer:{user.pk}"
    assert customer_call.params == {"metadata[user_id]": str(user.pk), "email": user.email, "name": "Ada Lovelace"}
    assert customer_call.headers["authorization"] == f"Bearer {API_KEY}"
    assert session_call.headers["stripe-version"] == stripe.api_version
    assert session_call.idempotency_key.startswith(f"checkout:{user.pk}:plan:pro:")
    assert session_call.params == {
        "mode": "subscription",
        "customer": customer_id,
        "client_reference_id": str(user.pk),
        "metadata[user_id]": str(user.pk),
        "metadata[plan]": "pro",
        "subscription_data[metadata][user_id]": str(user.pk),
        "subscription_data[metadata][plan]": "pro",
        "line_items[0][price]": PRICE_PRO,
        "line_items[0][quantity]": "1",
        "success_url": "http://testserver/billing/?checkout=success",
        "cancel_url": "http://testserver/billing/?checkout=cancelled",
    }
    assert not Purchase.objects.exists()


def test_checkout_for_a_pack_sends_a_payment_session_and_records_the_purchase(
    user_api, user, fake_stripe, prices, settings
):
    settings.ALLOWED_HOSTS = ["designforge.example.com"]
    response = checkout(user_api, {"pack": "large"}, HTTP_HOST="designforge.example.com", secure=True)
    assert response.status_code == 200
    (session_call,) = fake_stripe.calls("POST", "/v1/checkout/sessions")
    params = session_call.params
    assert params["mode"] == "payment" and params["line_items[0][price]"] == PRICE_LARGE
    assert (params["metadata[user_id]"], params["metadata[pack]"]) == (str(user.pk), "large")
    assert (params["payment_intent_data[metadata][user_id]"], params["payment_intent_data[metadata][pack]"]) == (
        str(user.pk),
        "large",
    )
    assert "subscription_data[metadata][user_id]" not in params
    assert params["success_url"] == "https://designforge.example.com/billing/?checkout=success"
    purchase = Purchase.objects.get()
    assert (purchase.user, purchase.pack_id, purchase.credits, purchase.amount, purchase.status) == (
        user,
        "large",
        200,
        1500,
        "pending",
    )
    assert response.json()["url"].endswith(purchase.checkout_session_id)


def test_one_stripe_customer_per_user_is_reused(user_api, user, fake_stripe, prices):
    checkout(user_api, {"pack": "small"})
    checkout(user_api, {"pack": "small"})
    checkout(user_api, {"plan": "pro"})
    assert len(fake_stripe.calls("POST", "/v1/customers")) == 1
    customers = {call.params["customer"] for call in fake_stripe.calls("POST", "/v1/checkout/sessions")}
    assert customers == {StripeCustomer.objects.get(user=user).stripe_customer_id}


def test_the_same_idempotency_key_returns_the_same_session_and_another_body_is_409(user_api, fake_stripe, prices):
    first = checkout(user_api, {"pack": "small"}, HTTP_IDEMPOTENCY_KEY="click-1")
    again = checkout(user_api, {"pack": "small"}, HTTP_IDEMPOTENCY_KEY="click-1")
    assert first.status_code == again.status_code == 200 and first.json() == again.json()
    assert Purchase.objects.count() == 1
    other = checkout(user_api, {"pack": "large"}, HTTP_IDEMPOTENCY_KEY="click-1")
    assert other.status_code == 409 and other.json()["error"]["code"] == "idempotency_conflict"


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "non_field_errors"),
        ({"plan": "pro", "pack": "small"}, "non_field_errors"),
        ({"plan": "gold"}, "plan"),
        ({"plan": "free"}, "plan"),
        ({"pack": "huge"}, "pack"),
        ({"plan": "pro", "success_url": "https://evil.example"}, "success_url"),
    ],
)
def test_checkout_refuses_a_bad_choice_with_400(user_api, fake_stripe, prices, body, field):
    response = checkout(user_api, body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and field in error["details"]
    assert fake_stripe.requests == []


def test_a_retired_pack_cannot_be_bought(user_api, fake_stripe, prices):
    CreditPack.objects.filter(code="small").update(is_active=False)
    assert checkout(user_api, {"pack": "small"}).json()["error"]["details"] == {
        "pack": ['There is no credit pack "small" for sale.']
    }


def test_checkout_for_pro_when_already_pro_is_409(user_api, user, fake_stripe, prices):
    make_pro(user)
    response = checkout(user_api, {"plan": "pro"})
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"
    assert response.json()["error"]["details"] == {"reason": "already_subscribed", "plan": "pro"}
    assert fake_stripe.requests == []
    assert checkout(user_api, {"pack": "small"}).status_code == 200  # packs are for everyone


def test_an_incomplete_subscription_does_not_block_a_new_checkout(user_api, user, fake_stripe, prices):
    make_pro(user, status="incomplete")
    response = checkout(user_api, {"plan": "pro"})
    assert response.status_code == 200
    (session_call,) = fake_stripe.calls("POST", "/v1/checkout/sessions")
    assert response.json() == {"url": session_call.response["url"]}
    assert session_call.response["url"].startswith("https://checkout.stripe.com/c/pay/cs_test_")
    params = session_call.params
    assert (params["mode"], params["line_items[0][price]"], params["line_items[0][quantity]"]) == (
        "subscription", PRICE_PRO, "1"
    )
    assert (params["customer"], params["client_reference_id"]) == (
        StripeCustomer.objects.get(user=user).stripe_customer_id, str(user.pk)
    )
    assert (params["subscription_data[metadata][user_id]"], params["subscription_data[metadata][plan]"]) == (
        str(user.pk), "pro"
    )


def test_without_price_ids_pro_is_sold_inline_at_the_price_we_show(user_api, user, fake_stripe):
    assert checkout(user_api, {"plan": "pro"}).status_code == 200
    (session_call,) = fake_stripe.calls("POST", "/v1/checkout/sessions")
    shown = api_price(user_api, "plans", "pro")
    assert session_call.params == {
        "mode": "subscription",
        "customer": StripeCustomer.objects.get(user=user).stripe_customer_id,
        "client_reference_id": str(user.pk),
        "metadata[user_id]": str(user.pk),
        "metadata[plan]": "pro",
        "subscription_data[metadata][user_id]": str(user.pk),
        "subscription_data[metadata][plan]": "pro",
        "line_items[0][price_data][currency]": shown["currency"],
        "line_items[0][price_data][unit_amount]": str(shown["amount"]),
        "line_items[0][price_data][recurring][interval]": "month",
        "line_items[0][price_data][product_data][name]": "DesignForge Pro plan",
        "line_items[0][quantity]": "1",
        "success_url": "http://testserver/billing/?checkout=success",
        "cancel_url": "http://testserver/billing/?checkout=cancelled",
    }


def test_without_price_ids_a_pack_is_sold_inline_at_what_staff_set(user_api, user, fake_stripe):
    CreditPack.objects.filter(code="large").update(price_amount=1799, currency="eur")
    assert checkout(user_api, {"pack": "large"}).status_code == 200
    params = fake_stripe.calls("POST", "/v1/checkout/sessions")[0].params
    assert api_price(user_api, "packs", "large") == {"amount": 1799, "currency": "eur"}
    inline = {k: v for k, v in params.items() if k.startswith("line_items[0]")}
    assert inline == {
        "line_items[0][price_data][currency]": "eur",
        "line_items[0][price_data][unit_amount]": "1799",
        "line_items[0][price_data][product_data][name]": "DesignForge Large pack: 200 credits",
        "line_items[0][quantity]": "1",
    }
    assert params["mode"] == "payment" and params["payment_intent_data[metadata][pack]"] == "large"
    assert Purchase.objects.get().amount == 1799


def test_a_yearly_plan_is_sold_inline_yearly(user_api, fake_stripe):
    Plan.objects.filter(code="pro").update(interval="year", price_amount=12000)
    checkout(user_api, {"plan": "pro"})
    params = fake_stripe.calls("POST", "/v1/checkout/sessions")[0].params
    assert params["line_items[0][price_data][recurring][interval]"] == "year"
    assert params["line_items[0][price_data][unit_amount]"] == "12000"


def test_every_checkout_session_we_create_is_recorded_for_its_user_and_item(user_api, user, fake_stripe):
    checkout(user_api, {"plan": "pro"})
    checkout(user_api, {"pack": "small"})
    checkout(user_api, {"pack": "small"}, HTTP_IDEMPOTENCY_KEY="k")
    checkout(user_api, {"pack": "small"}, HTTP_IDEMPOTENCY_KEY="k")  # the same session again
    sessions = [call.response["id"] for call in fake_stripe.calls("POST", "/v1/checkout/sessions")]
    recorded = {(c.stripe_session_id, c.user_id, c.plan_id, c.pack_id) for c in CheckoutSession.objects.all()}
    assert recorded == {
        (sessions[0], user.pk, "pro", None),
        (sessions[1], user.pk, None, "small"),
        (sessions[2], user.pk, None, "small"),
    }
    assert sessions[2] == sessions[3] and Purchase.objects.count() == 2


def test_a_price_id_from_the_environment_wins_over_admin(user_api, fake_stripe, prices, settings):
    settings.STRIPE_PRICE_PACK_SMALL = "price_from_env"
    checkout(user_api, {"pack": "small"})
    assert fake_stripe.calls("POST", "/v1/checkout/sessions")[0].params["line_items[0][price]"] == "price_from_env"


def test_stripe_failing_is_502_and_records_nothing(user_api, user, fake_stripe, prices):
    fake_stripe.fail_next(500, "api_error", "Stripe is having a bad day.")
    response = checkout(user_api, {"pack": "small"})
    assert response.status_code == 502
    error = response.json()["error"]
    assert error["code"] == "provider_unavailable" and "bad day" not in error["message"]
    assert not StripeCustomer.objects.exists() and not Purchase.objects.exists()


def test_a_key_stripe_refuses_is_503(user_api, fake_stripe, prices, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_revoked"
    response = checkout(user_api, {"pack": "small"})
    assert response.status_code == 503 and response.json()["error"]["code"] == "not_configured"
    assert "sk_test_revoked" not in response.content.decode()


def test_stripe_unreachable_is_502(user_api, settings, prices):
    settings.STRIPE_SECRET_KEY = API_KEY
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there
    response = checkout(user_api, {"pack": "small"})
    assert response.status_code == 502 and response.json()["error"]["code"] == "provider_unavailable"


# --- POST /api/billing/portal -------------------------------------------------------------------------


def test_portal_opens_for_the_users_stripe_customer(user_api, user, fake_stripe):
    StripeCustomer.objects.create(user=user, stripe_customer_id="cus_ada")
    response = user_api.post("/api/billing/portal")
    assert response.status_code == 200
    assert response.json()["url"].startswith("https://billing.stripe.com/p/session/")
    (call,) = fake_stripe.calls("POST", "/v1/billing_portal/sessions")
    assert call.params == {"customer": "cus_ada", "return_url": "http://testserver/billing/"}


def test_portal_without_a_stripe_customer_is_409(user_api, fake_stripe):
    response = user_api.post("/api/billing/portal")
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "conflict" and error["details"] == {"reason": "no_customer"}
    assert "billing account" in error["message"]
    assert fake_stripe.requests == []


# --- GET /api/billing/subscription --------------------------------------------------------------------


def test_subscription_of_a_free_user(user_api):
    assert user_api.get("/api/billing/subscription").json() == {
        "plan": "free",
        "status": None,
        "current_period_start": None,
        "current_period_end": None,
        "cancel_at_period_end": False,
    }


def test_subscription_answers_from_our_records_without_stripe_keys(user_api, user, send_event):
    """No STRIPE_SECRET_KEY here (and no Stripe to call): what the webhook recorded is the answer."""
    start, end = now() - 3 * DAY, now() + 27 * DAY
    subscription = subscription_object(
        subscription_id="sub_rec",
        customer="cus_rec",
        user_id=user.pk,
        status="past_due",
        period_start=start,
        period_end=end,
        cancel_at_period_end=True,
    )
    assert send_event(stripe_event("customer.subscription.updated", subscription)).status_code == 200
    response = user_api.get("/api/billing/subscription")
    assert response.status_code == 200
    assert response.json() == {
        "plan": "pro",
        "status": "past_due",
        "current_period_start": at(start).isoformat().replace("+00:00", "Z"),
        "current_period_end": at(end).isoformat().replace("+00:00", "Z"),
        "cancel_at_period_end": True,
    }


def test_the_period_start_comes_from_the_paid_invoice_too(user_api, user, send_event):
    end = now() + 30 * DAY
    invoice = invoice_object(
        invoice_id="in_p", customer="cus_p", subscription_id="sub_p", user_id=user.pk, period_end=end
    )
    send_event(stripe_event("invoice.paid", invoice))
    body = user_api.get("/api/billing/subscription").json()
    assert body["current_period_start"] == at(end - 30 * DAY).isoformat().replace("+00:00", "Z")
    assert body["current_period_end"] == at(end).isoformat().replace("+00:00", "Z")


# --- OpenAPI ------------------------------------------------------------------------------------------


def test_the_schema_documents_every_billing_endpoint_and_its_errors(api, capsys):
    call_command("spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json")
    schema = json.loads(capsys.readouterr().out)
    paths = schema["paths"]
    assert set(paths["/api/billing/checkout"]["post"]["responses"]) >= {"200", "400", "401", "409", "502", "503"}
    assert set(paths["/api/billing/portal"]["post"]["responses"]) >= {"200", "401", "409", "502", "503"}
    subscription = paths["/api/billing/subscription"]["get"]["responses"]
    assert set(subscription) >= {"200", "401"} and "503" not in subscription  # answers without Stripe keys
    for path in ("/api/billing/checkout", "/api/billing/portal"):
        not_configured = paths[path]["post"]["responses"]["503"]
        assert "not_configured" in not_configured["description"]
        assert not_configured["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    fields = schema["components"]["schemas"]["Subscription"]["properties"]
    assert set(fields) == {"plan", "status", "current_period_start", "current_period_end", "cancel_at_period_end"}
    assert "401" not in paths["/api/plans"]["get"]["responses"]  # public
    plan = schema["components"]["schemas"]["Plan"]["properties"]
    assert set(plan) == {"code", "name", "price", "monthly_credits", "limits", "features"}
    limits = schema["components"]["schemas"]["PlanLimits"]["properties"]
    assert limits["design_systems"]["nullable"] is True and limits["design_systems"]["minimum"] == 1
    assert "signup_credits" in schema["components"]["schemas"]["Plans"]["properties"]
