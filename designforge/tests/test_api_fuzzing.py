"""The whole live OpenAPI schema, fuzzed by schemathesis as a signed-in user: a real client of the API
that we did not write. Every operation the schema holds is exercised (other apps' endpoints included,
as they are added), and each answer must be one the schema documents, in the shape it documents."""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis import checks
from schemathesis.specs.openapi import checks as openapi_checks

from accounts import services as accounts
from accounts.tests.factories import ClerkSigner, UserFactory, clerk_user_object
from accounts.tests.fake_clerk import SECRET_KEY as CLERK_SECRET_KEY
from accounts.tests.fake_clerk import FakeClerk
from billing.models import CreditPack, Plan
from billing.tests.factories import PRICE_PRO, PRICE_SMALL
from billing.tests.fake_stripe import API_KEY as STRIPE_API_KEY
from billing.tests.fake_stripe import FakeStripeServer
from credits import services as credits

CHECKS = [
    checks.not_a_server_error,
    openapi_checks.response_schema_conformance,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.ignored_auth,
    openapi_checks.unsupported_method,
]
SIGNER = ClerkSigner()


@pytest.fixture
def in_transaction():
    """Keeps requests off the signals that close database connections (as Django's test client does),
    so the application serves inside the test's transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# Read from the live endpoint, as any client would, when the tests are collected (one test per operation).
schema = schemathesis.openapi.from_dict(json.loads(Client().get("/api/schema/?format=json").content))
schema.app = get_wsgi_application()  # the production WSGI application, called in-process


@pytest.fixture
def token(db, settings, httpserver):
    """A signed-in Pro user with plenty of credits, and every provider answered by a local fake, so
    no operation stops at 503 `not_configured` (that answer has tests of its own)."""
    settings.CLERK_JWT_KEY = SIGNER.public_pem
    settings.DEV_SIGN_IN = False
    # Room to reach past the limits: answers 429 and 402 are documented, but deeper code is the point.
    settings.GENERATION_RATE_LIMIT = settings.PREVIEW_RATE_LIMIT = "100000/min"
    user = accounts.user_set_plan(user=UserFactory.create(), plan="pro")
    credits.credits_grant(user=user, amount=100_000, key="fuzzing")
    clerk = FakeClerk(httpserver, SIGNER)
    clerk.add(clerk_user_object(user.clerk_id, email=user.email))
    settings.CLERK_SECRET_KEY, settings.CLERK_API_URL = CLERK_SECRET_KEY, clerk.url
    # The webhooks verify signatures the fuzzer cannot make: they must answer 400, never 5xx.
    settings.CLERK_WEBHOOK_SIGNING_SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_fuzzing"
    Plan.objects.filter(code="pro").update(stripe_price_id=PRICE_PRO)
    CreditPack.objects.update(stripe_price_id=PRICE_SMALL)
    with FakeStripeServer() as stripe:
        settings.STRIPE_SECRET_KEY, settings.STRIPE_API_BASE = STRIPE_API_KEY, stripe.url
        yield SIGNER.token(user.clerk_id, lifetime=3600)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_the_api_answers_as_its_schema_says(case, token, in_transaction):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
