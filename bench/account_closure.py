"""Account closure, Stripe's side: how long the closing transaction takes when it erases the personal
data of a user's stored Stripe events from a large webhook inbox, on PostgreSQL.

The inbox is filled with `--events` stored Stripe events (checkout sessions, invoices, charges and
customer updates, each full of personal data) spread over `--users` users; then `--closures` of those
users are closed one after the other through `accounts.services.user_close` (the path `user.deleted`
takes), each in its own transaction, as the Clerk webhook runs it. Every closed user's events must be
left with ids, types and timestamps only, and no other user's event may change.

Run from the repository root: `.venv/bin/python bench/account_closure.py` (needs only the local
PostgreSQL; creates and drops the database `df_bench_closure`).
"""

import argparse
import sys
import time

from common import Run, exit_cleanly_on_sigterm, migrate, positive_int, production_env, scratch_database, setup_django

DATABASE = "df_bench_closure"
CONTACT = {"email": "someone@example.com", "name": "Some One", "phone": "+44 20 7946 0000"}


def stripe_events(user_id: int, customer: str, n: int) -> list[tuple[str, str, dict]]:
    """`n` events about one user, as Stripe sends them: (event id, type, payload)."""
    kinds = [
        ("checkout.session.completed", {"object": "checkout.session", "client_reference_id": str(user_id),
                                        "customer": customer, "customer_details": CONTACT}),
        ("invoice.paid", {"object": "invoice", "customer": customer, "customer_email": CONTACT["email"],
                          "parent": {"subscription_details": {"metadata": {"user_id": str(user_id)}}}}),
        ("charge.succeeded", {"object": "charge", "customer": customer, "billing_details": CONTACT}),
        ("customer.updated", {"object": "customer", "id": customer, **CONTACT}),
    ]
    events = []
    for i in range(n):
        event_type, obj = kinds[i % len(kinds)]
        event_id = f"evt_{user_id}_{i}"
        obj = {"id": obj.get("id", f"obj_{user_id}_{i}"), **obj, "metadata": {"user_id": str(user_id)}}
        payload = {"id": event_id, "object": "event", "type": event_type, "created": 1_700_000_000 + i,
                   "api_version": "2026-10-28", "livemode": False, "data": {"object": obj}}
        events.append((event_id, event_type, payload))
    return events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=positive_int, default=100_000, help="stored Stripe events in all")
    parser.add_argument("--users", type=positive_int, default=2_000, help="users the events are about")
    parser.add_argument("--closures", type=positive_int, default=50, help="accounts closed, one after the other")
    args = parser.parse_args()
    exit_cleanly_on_sigterm()

    with scratch_database(DATABASE) as url:
        env = production_env(url)
        migrate(env)
        setup_django(env)
        from django.db import connection
        from django.db.models import TextField
        from django.db.models.functions import Cast

        from accounts.models import User
        from accounts.services import user_close
        from billing.models import StripeCustomer
        from designforge.models import WebhookEvent

        try:
            users = User.objects.bulk_create(
                [User(clerk_id=f"user_bench{i:06d}", email=f"bench{i}@example.com") for i in range(args.users)]
            )
            StripeCustomer.objects.bulk_create(
                [StripeCustomer(user=u, stripe_customer_id=f"cus_bench{u.pk}") for u in users]
            )
            per_user = args.events // args.users
            rows = [
                WebhookEvent(source="stripe", event_id=event_id, event_type=kind, payload=payload, status="processed")
                for user in users
                for event_id, kind, payload in stripe_events(user.pk, f"cus_bench{user.pk}", per_user)
            ]
            WebhookEvent.objects.bulk_create(rows, batch_size=5_000)
            connection.cursor().execute("ANALYZE")
            closed = users[: args.closures]
            latencies, started = [], time.perf_counter()
            for user in closed:
                t0 = time.perf_counter()
                user_close(clerk_id=user.clerk_id)
                latencies.append(time.perf_counter() - t0)
            run = Run(seconds=time.perf_counter() - started, latencies=latencies)

            closed_ids = {f"evt_{u.pk}_" for u in closed}
            texts = WebhookEvent.objects.annotate(text=Cast("payload", TextField())).values_list("event_id", "text")
            wrong = [
                event_id
                for event_id, text in texts.iterator()
                if (event_id.rsplit("_", 1)[0] + "_" in closed_ids) == ("someone@example.com" in text)
            ]
        finally:
            connection.close()

    print(run.line("account closure ", "closures/s", f"{args.closures} closures, {len(rows)} stored Stripe events "
                   f"over {args.users} users, {per_user} each, PostgreSQL"))
    if wrong:
        print(f"FAILED: {len(wrong)} events erased that should not be, or kept that should not be", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
