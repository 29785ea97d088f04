"""Signed but malformed Clerk deliveries answer 400 and store nothing, never 5xx (Svix would retry a
5xx for days): malformed signature headers, bodies that are not UTF-8 or not storable JSON, and wrong
types or lengths in any field we read."""

import json

import pytest

from accounts.models import User
from designforge.models import WebhookEvent

from .factories import clerk_event, clerk_user_object, svix_headers

pytestmark = pytest.mark.django_db
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
URL = "/api/webhooks/clerk"


@pytest.fixture
def post(client, settings):
    settings.CLERK_WEBHOOK_SIGNING_SECRET = SECRET

    def send(body, headers):
        return client.post(URL, data=body, content_type="application/json", **headers)

    return send


def signed(body: str, msg_id: str = "msg_1") -> dict:
    return svix_headers(SECRET, body, msg_id=msg_id)


def assert_refused(response, code: str):
    assert response.status_code == 400, response.content
    assert response.json()["error"]["code"] == code
    assert not WebhookEvent.objects.exists() and not User.objects.exists()


@pytest.mark.parametrize("signature", ["v1,abc", "v1abc", "v1,abc v1,def", " ", "v1,!!!!"])
def test_malformed_signature_headers_answer_400(post, signature):
    body = clerk_event("user.created", clerk_user_object("user_1"))
    assert_refused(post(body, {**signed(body), "HTTP_SVIX_SIGNATURE": signature}), "invalid_signature")


def test_a_body_that_is_not_utf8_answers_400(post):
    body = '{"type": "user.created", "data": {"id": "user_1", "first_name": "José"}}'.encode("latin-1")
    assert_refused(post(body, signed(body.decode("latin-1"))), "invalid_signature")


def user_created(**overrides) -> str:
    return clerk_event("user.created", {**clerk_user_object("user_1"), **overrides})


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(user_created(id="user_" + "x" * 60), id="clerk-id-over-64"),
        pytest.param(user_created(id=""), id="empty-clerk-id"),
        pytest.param(user_created(id=12345), id="clerk-id-a-number"),
        pytest.param(user_created(first_name=["Ada"]), id="name-a-list"),
        pytest.param(user_created(image_url={"url": "x"}), id="image-an-object"),
        pytest.param(user_created(updated_at="yesterday"), id="updated-at-a-string"),
        pytest.param(user_created(updated_at=10**30), id="updated-at-huge"),
        pytest.param(user_created(email_addresses="ada@example.com"), id="emails-a-string"),
        pytest.param(user_created(email_addresses=["ada@example.com"]), id="email-not-an-object"),
        pytest.param(
            user_created(email_addresses=[{"id": "idn_1", "email_address": "a" * 320 + "@example.com"}]),
            id="email-too-long",
        ),
        pytest.param(clerk_event("user.deleted", {"id": None}), id="deleted-without-id"),
        pytest.param(json.dumps({"type": "user.created", "data": "user_1"}), id="data-a-string"),
        pytest.param(json.dumps({"type": 7, "data": {}}), id="type-a-number"),
        pytest.param(json.dumps({"type": "x" * 101, "data": {}}), id="type-too-long"),
        pytest.param('{"type": "user.created", "data": {"id": "user_1", "first_name": NaN}}', id="nan"),
        pytest.param('{"type": "user.created", "data": {"id": "user_1", "first_name": "a\\u0000b"}}', id="nul"),
        pytest.param('{"type": "user.created", "data": {"id": "user_1", "first_name": "\\ud800"}}', id="surrogate"),
        pytest.param("[" * 5000 + "]" * 5000, id="nested-too-deep"),
        pytest.param('{"type": "user.created", "data": {"id": "user_1"', id="truncated"),
        pytest.param("[]", id="not-an-object"),
    ],
)
def test_signed_but_malformed_bodies_answer_400_and_store_nothing(post, body):
    assert_refused(post(body, signed(body)), "invalid")


def test_an_event_id_too_long_to_store_answers_400(post):
    body = user_created()
    assert_refused(post(body, signed(body, msg_id="msg_" + "x" * 300)), "invalid")


def test_unknown_event_types_are_still_stored_whatever_their_data(post):
    body = json.dumps({"type": "session.created", "data": {"id": 42, "anything": [1, 2]}})
    assert post(body, signed(body)).status_code == 200
    assert WebhookEvent.objects.get().event_type == "session.created"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failure_to_store_answers_5xx_and_leaves_nothing(post, client):
    from django.db import connection

    client.raise_request_exception = False
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE designforge_webhookevent RENAME TO webhookevent_away")
    try:
        body = user_created()
        response = post(body, signed(body))
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE webhookevent_away RENAME TO designforge_webhookevent")
    assert response.status_code == 500 and response.json()["error"]["code"] == "server_error"
    assert not WebhookEvent.objects.exists() and not User.objects.exists()
