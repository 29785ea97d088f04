"""The hot paths in SQL statements, on PostgreSQL: a webhook delivery is stored with one statement, a
user.created event with its signup grant is applied in at most 8 with no savepoint, and a credit
spend is one statement. Counted with Django's CaptureQueriesContext (every statement sent)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from accounts.tests.factories import UserFactory, clerk_event, clerk_user_object, svix_headers
from credits import services as credits
from credits.models import LedgerEntry
from credits.selectors import balance_of
from designforge import inbox, plans
from designforge.celery import app
from designforge.models import WebhookEvent

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def sql(context: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in context.captured_queries]


@pytest.fixture
def queued():
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


def test_a_delivery_is_stored_in_one_statement(client, settings, queued):
    settings.CLERK_WEBHOOK_SIGNING_SECRET = SECRET
    body = clerk_event("user.created", clerk_user_object("user_1"))
    with CaptureQueriesContext(connection) as context:
        response = client.post(
            "/api/webhooks/clerk", data=body, content_type="application/json", **svix_headers(SECRET, body, msg_id="m1")
        )
    assert response.status_code == 200 and response.json() == {"status": "received"}
    (statement,) = sql(context)
    assert statement.startswith('INSERT INTO "designforge_webhookevent"')
    assert 'ON CONFLICT ("source", "event_id") DO NOTHING' in statement
    assert WebhookEvent.objects.get().status == "received"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # applied as a worker does, in its own transaction
def test_user_created_with_its_signup_grant_is_applied_in_at_most_8_statements_without_savepoints():
    payload = {"type": "user.created", "data": clerk_user_object("user_1", email="ada@example.com")}
    inbox.receive(source="clerk", event_id="msg_1", event_type="user.created", payload=payload)
    plans.signup_credits()  # read once per process (and again when staff save a plan), as in a running worker

    with CaptureQueriesContext(connection) as context:
        inbox.process(WebhookEvent(source="clerk", event_id="msg_1"))

    statements = sql(context)
    assert len(statements) <= 8, "\n".join(statements)
    assert not [s for s in statements if "SAVEPOINT" in s.upper()]
    user = User.objects.get(clerk_id="user_1")
    assert balance_of(user) == 10 and LedgerEntry.objects.filter(account__user=user).count() == 1
    assert WebhookEvent.objects.get().status == "processed"


def test_a_spend_is_one_statement():
    user = UserFactory.create()
    with CaptureQueriesContext(connection) as context:
        entry = credits.credits_spend(user=user, feature="colors", key="gen:1", amount=1)
    assert len(sql(context)) == 1
    assert (entry.amount, entry.balance_after, balance_of(user)) == (-1, 9, 9)


def test_a_repeated_spend_key_changes_nothing_and_returns_the_first_entry():
    user = UserFactory.create()
    first = credits.credits_spend(user=user, feature="colors", key="gen:1", amount=1)
    again = credits.credits_spend(user=user, feature="colors", key="gen:1", amount=1)
    assert again.pk == first.pk and balance_of(user) == 9
