"""Races that must still give exactly one user and one signup grant (PostgreSQL, real threads)."""

import pytest
from django.test import Client

from accounts.models import User
from credits.models import LedgerEntry
from credits.selectors import audit_mismatches
from designforge.models import WebhookEvent
from designforge.testing import run_concurrently

from .factories import ClerkSigner, clerk_event, clerk_user_object, svix_headers

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_eight_concurrent_deliveries_of_one_event_give_one_user_and_one_grant(settings):
    settings.CLERK_WEBHOOK_SIGNING_SECRET = SECRET
    body = clerk_event("user.created", clerk_user_object("user_race"))
    headers = svix_headers(SECRET, body, msg_id="msg_race")

    statuses = run_concurrently(
        lambda i: (
            Client().post("/api/webhooks/clerk", data=body, content_type="application/json", **headers).status_code
        ),
        8,
    )
    assert statuses == [200] * 8
    assert User.objects.filter(clerk_id="user_race").count() == 1
    assert LedgerEntry.objects.filter(idempotency_key="signup").count() == 1
    assert WebhookEvent.objects.get().attempts == 1
    assert audit_mismatches() == []


def test_first_requests_racing_distinct_webhook_deliveries_give_one_user(settings):
    signer = ClerkSigner()
    settings.CLERK_WEBHOOK_SIGNING_SECRET, settings.CLERK_JWT_KEY = SECRET, signer.public_pem
    body = clerk_event("user.created", clerk_user_object("user_race", email="race@example.com"))
    token = signer.token("user_race", email="race@example.com")

    def hit(i):
        if i % 2:
            headers = svix_headers(SECRET, body, msg_id=f"msg_{i}")  # Svix retries carry new ids too
            return (
                Client().post("/api/webhooks/clerk", data=body, content_type="application/json", **headers).status_code
            )
        return Client().get("/api/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code

    assert run_concurrently(hit, 8) == [200] * 8
    assert User.objects.filter(clerk_id="user_race").count() == 1
    assert LedgerEntry.objects.filter(account__user__clerk_id="user_race").count() == 1
    assert audit_mismatches() == []



def test_a_user_created_while_another_clerk_user_is_being_stored_with_the_same_email_takes_it():
    """Clerk moved an e-mail from one user to another, and both arrive at once: the second INSERT waits
    for the first and clashes on the e-mail only. It takes the address (the newer claim) instead of
    failing, and the first keeps its account without it."""
    import time
    from threading import Event, Thread

    from django.db import connection, transaction

    from accounts.clerk import ClerkProfile
    from accounts.services import user_upsert_from_clerk

    inserted, results = Event(), {}

    def wait_until_a_statement_waits_for_a_lock():
        deadline = time.monotonic() + 10
        with connection.cursor() as cursor:
            while time.monotonic() < deadline:
                cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
                if cursor.fetchone()[0]:
                    return
                time.sleep(0.01)

    def first():
        try:
            with transaction.atomic():
                user_upsert_from_clerk(profile=ClerkProfile(clerk_id="user_old", email="moved@example.com"))
                inserted.set()
                wait_until_a_statement_waits_for_a_lock()  # the second INSERT, on this row's e-mail
        finally:
            connection.close()

    def second():
        inserted.wait(timeout=10)
        try:
            results["second"] = user_upsert_from_clerk(
                profile=ClerkProfile(clerk_id="user_new", email="Moved@example.com")
            )[1]
        except Exception as error:  # noqa: BLE001 - the assertion shows what was raised
            results["second"] = error
        finally:
            connection.close()

    threads = [Thread(target=first), Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert results == {"second": True}
    emails = dict(User.objects.filter(clerk_id__in=["user_old", "user_new"]).values_list("clerk_id", "email"))
    assert emails == {"user_old": None, "user_new": "Moved@example.com"}
    assert LedgerEntry.objects.filter(idempotency_key="signup").count() == 2
