import pytest

from credits import services

pytestmark = pytest.mark.django_db


def test_features_are_public_with_costs(api):
    body = api.get("/api/features").json()
    assert {f["code"]: f["credits"] for f in body} == {"colors": 1, "typography": 1, "design-system": 2}


def test_credits_summary(user_api, user):
    services.credits_spend(user=user, feature="colors", key="gen:1")
    body = user_api.get("/api/credits").json()
    assert (body["balance"], body["plan"], body["usage"]) == (9, "free", {"colors": 1})
    assert [e["amount"] for e in body["recent"]] == [-1, 10]
    assert set(body["recent"][0]) == {"id", "amount", "balance_after", "kind", "feature", "description", "created_at"}


def test_ledger_is_paginated_newest_first(user_api, user):
    for i in range(25):
        services.credits_grant(user=user, amount=1, key=f"g:{i}")
    first = user_api.get("/api/credits/ledger").json()
    assert set(first) >= {"next", "previous", "results"} and len(first["results"]) == 20
    assert first["results"][0]["balance_after"] == 35
    second = user_api.get(first["next"]).json()
    assert len(second["results"]) == 6 and second["next"] is None


def test_ledger_shows_only_own_entries(user_api):
    from accounts.tests.factories import UserFactory

    services.credits_grant(user=UserFactory.create(), amount=5, key="other")
    assert [e["amount"] for e in user_api.get("/api/credits/ledger").json()["results"]] == [10]


def test_credits_need_sign_in(api):
    assert api.get("/api/credits").status_code == 401
    assert api.get("/api/credits/ledger").status_code == 401
