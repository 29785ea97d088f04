"""Generation requests racing each other over HTTP (PostgreSQL, real threads, real connections)."""

import json

import pytest
from django.test import Client

from accounts.tests.factories import ClerkSigner, UserFactory
from credits.models import LedgerEntry
from credits.selectors import audit_mismatches, balance_of
from designforge.testing import run_concurrently
from designs.models import Generation

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def signed(settings):
    """(user, a function making one generation request as that user with a Clerk bearer token)."""
    signer = ClerkSigner()
    settings.CLERK_JWT_KEY = signer.public_pem
    settings.DEV_SIGN_IN = False
    user = UserFactory.create()
    token = signer.token(user.clerk_id, lifetime=300)

    def request(kind: str, body: dict, **headers):
        return Client().post(
            f"/api/generate/{kind}",
            data=json.dumps(body),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
            **headers,
        )

    return user, request


def test_eight_concurrent_requests_with_one_idempotency_key_charge_once(signed):
    user, request = signed

    responses = run_concurrently(
        lambda i: request("design-system", {"prompt": "calm fintech"}, HTTP_IDEMPOTENCY_KEY="same-key"), 8
    )

    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {201, 409} and 201 in statuses, statuses
    created = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(created) == 1
    assert all(r.json()["error"]["code"] == "idempotency_conflict" for r in responses if r.status_code == 409)
    assert Generation.objects.count() == 1
    assert balance_of(user) == 8 and LedgerEntry.objects.filter(kind="spend").count() == 1
    assert audit_mismatches() == []
    # Once it has finished, the same retry gets the first result.
    assert request("design-system", {"prompt": "calm fintech"}, HTTP_IDEMPOTENCY_KEY="same-key").json()["id"] in created


def test_twelve_concurrent_design_systems_on_ten_credits_give_exactly_five(signed):
    user, request = signed

    responses = run_concurrently(lambda i: request("design-system", {"prompt": f"calm fintech {i}"}), 12)

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] * 5 + [402] * 7
    assert all(r.json()["error"]["details"]["required"] == 2 for r in responses if r.status_code == 402)
    assert balance_of(user) == 0
    assert Generation.objects.filter(status="succeeded").count() == Generation.objects.count() == 5
    assert audit_mismatches() == []
