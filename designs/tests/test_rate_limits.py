"""Rate limits live in the services, so every face shares one count per user: the API, the dashboard's
pages and API keys. (Across processes, on the shared Redis, see designforge/tests/test_workers.py.)"""

import json
import uuid

import pytest

from accounts.tests.factories import UserFactory
from credits import services as credits
from credits.selectors import balance_of
from designs.engine import generate_colors, interpret
from designs.models import DesignSystem, Generation

pytestmark = pytest.mark.django_db


def generate_api(client):
    return client.post("/api/generate/colors", data=json.dumps({"prompt": "calm"}), content_type="application/json")


def generate_page(client):
    data = {"prompt": "calm", "kind": "colors", "name": "", "request_key": str(uuid.uuid4())}
    return client.post("/generate/", data)


def test_the_api_and_the_generate_page_share_one_generation_limit(client, user, settings):
    settings.GENERATION_RATE_LIMIT = "3/day"
    credits.credits_grant(user=user, amount=20, key="test:grant")
    client.force_login(user)

    assert [generate_api(client).status_code, generate_page(client).status_code, generate_api(client).status_code] == [
        201, 302, 201,
    ]  # fmt: skip
    refused = generate_api(client)
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert int(refused["Retry-After"]) >= 1
    page = generate_page(client)
    assert page.status_code == 429 and "Too many requests" in page.content.decode()
    assert Generation.objects.count() == 3 and balance_of(user) == 30 - 3  # the refused ones charged nothing


def test_the_generation_limit_is_per_user(client, user, settings):
    settings.GENERATION_RATE_LIMIT = "1/day"
    other = UserFactory.create()
    client.force_login(user)
    assert generate_api(client).status_code == 201
    assert generate_api(client).status_code == 429
    client.force_login(other)
    assert generate_api(client).status_code == 201


def test_saving_design_systems_is_limited_per_user(user_api, user, settings):
    settings.DESIGN_SYSTEM_RATE_LIMIT = "2/hour"
    body = {"name": "Mine", "tokens": generate_colors(interpret("calm", None))}

    def save():
        return user_api.post("/api/design-systems/", data=json.dumps(body), content_type="application/json")

    assert [save().status_code, save().status_code] == [201, 201]
    refused = save()
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert refused.json()["error"]["details"]["retry_after"] == int(refused["Retry-After"])
    assert DesignSystem.objects.filter(owner=user).count() == 2
