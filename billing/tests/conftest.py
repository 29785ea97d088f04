import pytest

from billing import services
from billing.models import CreditPack, Plan
from credits.selectors import audit_mismatches

from .factories import PRICE_LARGE, PRICE_PRO, PRICE_SMALL, WEBHOOK_SECRET, new_id, signature_header
from .fake_stripe import API_KEY, FakeStripeServer

WEBHOOK_URL = "/api/webhooks/stripe"


def started_checkout(user, *, plan=None, pack=None, session_id=None) -> str:
    """A Checkout Session our checkout created for `user` (as `checkout_start` records it); its id."""
    session_id = session_id or new_id("cs")
    services.checkout_record(
        user=user,
        session_id=session_id,
        plan=Plan.objects.get(code=plan) if plan else None,
        pack=CreditPack.objects.get(code=pack) if pack else None,
    )
    return session_id


@pytest.fixture(autouse=True)
def _no_price_ids_from_environment(settings):
    """Price ids come from the database in tests unless a test sets them here."""
    settings.STRIPE_PRICE_PRO = ""
    settings.STRIPE_PRICE_PACK_SMALL = ""
    settings.STRIPE_PRICE_PACK_LARGE = ""


@pytest.fixture(autouse=True)
def _ledger_stays_sound(request):
    """After every billing test that uses the database, every balance still equals its entries."""
    if not request.node.get_closest_marker("django_db") and not {"db", "transactional_db"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("_django_db_helper")  # set up first, so torn down after the check
    yield
    assert audit_mismatches() == []


@pytest.fixture
def prices(db):
    """The seeded plan and packs, with Stripe price ids set in admin."""
    Plan.objects.filter(code="pro").update(stripe_price_id=PRICE_PRO)
    CreditPack.objects.filter(code="small").update(stripe_price_id=PRICE_SMALL)
    CreditPack.objects.filter(code="large").update(stripe_price_id=PRICE_LARGE)


@pytest.fixture
def fake_stripe(settings):
    """A local Stripe API that the real `stripe` client talks to."""
    with FakeStripeServer() as fake:
        settings.STRIPE_SECRET_KEY = API_KEY
        settings.STRIPE_API_BASE = fake.url
        yield fake


@pytest.fixture
def send_event(client, settings, django_capture_on_commit_callbacks):
    """Deliver a webhook body to our endpoint, signed as Stripe signs it; the stored event is applied
    when the request's work commits (inline here, as without REDIS_URL)."""
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET

    def send(body: str, **signing):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                WEBHOOK_URL,
                data=body,
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE=signature_header(body, **signing),
            )

    return send
