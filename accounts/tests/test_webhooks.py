import json
from datetime import UTC, datetime, timedelta

import pytest

from accounts.models import User
from credits.models import LedgerEntry
from designforge import inbox
from designforge.models import WebhookEvent

from .factories import clerk_event, clerk_user_object, millis, svix_headers

pytestmark = pytest.mark.django_db
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
URL = "/api/webhooks/clerk"


@pytest.fixture
def deliver(client, settings, django_capture_on_commit_callbacks):
    """Send a signed delivery; the stored event is applied on commit (inline, as without REDIS_URL)."""
    settings.CLERK_WEBHOOK_SIGNING_SECRET = SECRET

    def send(body: str, msg_id: str = "msg_1", **kwargs):
        headers = svix_headers(SECRET, body, msg_id=msg_id, **kwargs)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, data=body, content_type="application/json", **headers)

    return send


def test_user_created_creates_user_with_signup_grant(deliver):
    response = deliver(clerk_event("user.created", clerk_user_object("user_1", email="ada@example.com")))
    assert response.status_code == 200
    user = User.objects.get(clerk_id="user_1")
    assert (user.email, user.first_name, user.last_name, user.image_url) == (
        "ada@example.com",
        "Ada",
        "Lovelace",
        "https://img.clerk.com/ada.png",
    )
    assert user.clerk_updated_at is not None
    event = WebhookEvent.objects.get()
    assert (event.source, event.event_id, event.status, event.attempts) == ("clerk", "msg_1", "processed", 1)


def test_repeated_svix_id_changes_nothing(deliver):
    body = clerk_event("user.created", clerk_user_object("user_1"))
    assert deliver(body).status_code == 200
    assert deliver(body).status_code == 200
    assert User.objects.count() == 1 and LedgerEntry.objects.count() == 1 and WebhookEvent.objects.count() == 1
    assert WebhookEvent.objects.get().attempts == 1


def test_older_update_changes_nothing(deliver):
    now = datetime.now(UTC)
    deliver(
        clerk_event("user.updated", clerk_user_object("user_1", email="new@example.com", updated_at=millis(now))),
        "msg_new",
    )
    older = clerk_user_object("user_1", email="old@example.com", updated_at=millis(now - timedelta(minutes=1)))
    deliver(clerk_event("user.updated", older), "msg_old")
    assert User.objects.get(clerk_id="user_1").email == "new@example.com"


def test_deleted_closes_account_and_later_created_does_not_resurrect(deliver):
    deliver(clerk_event("user.created", clerk_user_object("user_1")), "msg_1")
    deliver(clerk_event("user.deleted", {"id": "user_1", "object": "user", "deleted": True}), "msg_2")
    deliver(clerk_event("user.created", clerk_user_object("user_1", email="again@example.com")), "msg_3")
    user = User.objects.get(clerk_id="user_1")
    assert user.is_closed and user.email is None and not user.is_active
    assert LedgerEntry.objects.filter(account__user=user).count() == 1


def test_unknown_event_type_is_recorded_and_answered_200(deliver):
    assert deliver(clerk_event("session.created", {"id": "sess_1"})).status_code == 200
    assert WebhookEvent.objects.get().status == "ignored"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda h: {**h, "HTTP_SVIX_SIGNATURE": "v1,bm90IGEgc2lnbmF0dXJl"},
        lambda h: {k: v for k, v in h.items() if k != "HTTP_SVIX_SIGNATURE"},
        lambda h: {k: v for k, v in h.items() if k != "HTTP_SVIX_ID"},
    ],
    ids=["bad-signature", "no-signature", "no-id"],
)
def test_bad_signature_is_400_and_writes_nothing(client, settings, tamper):
    settings.CLERK_WEBHOOK_SIGNING_SECRET = SECRET
    body = clerk_event("user.created", clerk_user_object("user_1"))
    headers = tamper(svix_headers(SECRET, body, msg_id="msg_1"))
    response = client.post(URL, data=body, content_type="application/json", **headers)
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_signature"
    assert not User.objects.exists() and not WebhookEvent.objects.exists()


def test_stale_timestamp_is_400(deliver):
    body = clerk_event("user.created", clerk_user_object("user_1"))
    response = deliver(body, timestamp=datetime.now(UTC) - timedelta(minutes=6))
    assert response.status_code == 400 and not User.objects.exists()


def test_signed_but_unparsable_body_is_400(deliver):
    assert deliver("not json").status_code == 400
    assert deliver(json.dumps({"type": "user.created", "data": {"no": "id"}})).status_code == 400
    assert not WebhookEvent.objects.exists()


def test_without_secret_answers_503_and_writes_nothing(client):
    response = client.post(URL, data="{}", content_type="application/json")
    assert response.status_code == 503 and response.json()["error"]["code"] == "not_configured"


@pytest.fixture
def user_inserts_fail():
    """Make the database itself refuse new users (a real failure, not a patched function)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_user() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'database went away'; END $$"
                " LANGUAGE plpgsql; CREATE TRIGGER refuse_user BEFORE INSERT ON accounts_user"
                " FOR EACH ROW EXECUTE FUNCTION refuse_user();"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER refuse_user BEFORE INSERT ON accounts_user"
                " BEGIN SELECT RAISE(ABORT, 'database went away'); END;"
            )

    installed = [True]

    def heal():
        with connection.cursor() as cursor:
            cursor.execute(
                "DROP TRIGGER refuse_user"
                + (" ON accounts_user; DROP FUNCTION refuse_user()" if connection.vendor == "postgresql" else "")
            )
        installed.clear()

    yield heal
    if installed:  # the test stopped before healing: a transactional test must not leave the trigger behind
        heal()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # inline, outside a test transaction
def test_our_failure_answers_500_records_it_and_a_retry_succeeds(deliver, client, user_inserts_fail):
    client.raise_request_exception = False
    body = clerk_event("user.created", clerk_user_object("user_1"))
    response = deliver(body)
    assert response.status_code == 500 and response.json()["error"]["code"] == "server_error"
    assert "database went away" not in response.content.decode()
    event = WebhookEvent.objects.get()
    assert event.status == "failed" and "database went away" in event.error
    assert not User.objects.exists() and not LedgerEntry.objects.exists()

    user_inserts_fail()
    assert deliver(body).status_code == 200
    assert User.objects.filter(clerk_id="user_1").exists()
    event.refresh_from_db()
    assert (event.status, event.attempts) == ("processed", 2)


def test_deletion_erases_personal_data_from_the_users_stored_events(deliver):
    deliver(clerk_event("user.created", clerk_user_object("user_1", email="ada@example.com")), "msg_1")
    deliver(clerk_event("user.updated", clerk_user_object("user_1", email="ada.l@example.com")), "msg_2")
    deliver(clerk_event("user.created", clerk_user_object("user_2", email="grace@example.com")), "msg_3")
    deliver(clerk_event("user.deleted", {"id": "user_1", "object": "user", "deleted": True}), "msg_4")
    mine = WebhookEvent.objects.filter(event_id__in=["msg_1", "msg_2", "msg_4"]).order_by("event_id")
    assert [(e.event_id, e.event_type) for e in mine] == [
        ("msg_1", "user.created"),
        ("msg_2", "user.updated"),
        ("msg_4", "user.deleted"),
    ]
    for event in mine:
        assert event.payload == {"data": {"id": "user_1"}, "erased": True}
        assert event.received_at is not None and event.status == "processed"
    stored = json.dumps(list(WebhookEvent.objects.values_list("payload", flat=True)))
    assert "ada@example.com" not in stored and "ada.l@example.com" not in stored
    assert "grace@example.com" in stored  # another user's event is untouched


def test_an_erased_event_replays_harmlessly(deliver):
    deliver(clerk_event("user.created", clerk_user_object("user_1")), "msg_1")
    deliver(clerk_event("user.deleted", {"id": "user_1", "object": "user", "deleted": True}), "msg_2")
    event = inbox.process(WebhookEvent.objects.get(event_id="msg_1"), replay=True)
    assert event.status == "processed"
    user = User.objects.get(clerk_id="user_1")
    assert user.is_closed and user.email is None and user.first_name == ""


@pytest.mark.parametrize("depth", [40, 900, 5000])
def test_a_signed_but_deeply_nested_body_is_400_and_stores_nothing(deliver, depth):
    nested = "[" * depth + "]" * depth
    body = '{"type": "user.created", "data": {"id": "user_deep", "public_metadata": ' + nested + "}}"
    response = deliver(body)
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"
    assert not WebhookEvent.objects.exists() and not User.objects.exists()
