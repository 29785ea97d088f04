"""Clerk webhooks: ingestion (events/s and latency of `POST /api/webhooks/clerk` under gunicorn on
PostgreSQL, beside a bare verify + insert) and application (a Celery worker's events/s per core).

DesignForge is run as in production (DEBUG=False, gunicorn with the project's gunicorn.conf.py, gthread
workers, persistent database connections, REDIS_URL set). It is sent `--events` distinct `user.created`
events, each with its own svix-id and Clerk user id and signed with the real `svix` library, from
`--concurrency` client threads on keep-alive connections. Every answer must be 200: the event is
verified, stored with one INSERT and its message queued; nothing else happens in the request.

The same load is then sent to a bare Django view (bench/baseline_app.py) served by the same gunicorn
configuration: the same Svix signature check, then one INSERT. The ratio of the two is the price of
everything DesignForge does on top (middleware, the shape check, the queue message).

Then one Celery worker process (`--pool=prefork --concurrency=1`, so one core's worth of Python) applies
the queued events: the user, the signup grant, the event marked processed. Its rate is events applied
per second from the moment it is ready until the last is processed. Afterwards the database must hold
one user, one signup grant and one processed inbox row per event.

Run from the repository root: `.venv/bin/python bench/clerk_webhooks.py` (needs the local PostgreSQL and
Redis; creates and drops the database `df_bench_webhooks`, uses Redis database 13).
"""

import argparse
import base64
import secrets
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from common import (
    Request,
    Run,
    celery_worker,
    check_statuses,
    drive,
    exit_cleanly_on_sigterm,
    free_port,
    gunicorn,
    migrate,
    percentile,
    positive_int,
    production_env,
    scratch_database,
    scratch_redis,
    setup_django,
)
from svix.webhooks import Webhook

DATABASE = "df_bench_webhooks"
PATH = "/api/webhooks/clerk"
WARMUP_EVENTS = 64  # sent before timing, so every worker has loaded its code and opened its connections


def result(run: Run, label: str, note: str) -> str:
    return run.line(f"clerk webhooks  {label:<12}", "events/s", note)


def signed_deliveries(secret: str, prefix: str, count: int) -> list[Request]:
    """`count` distinct `user.created` deliveries, as Svix sends them."""
    from accounts.tests.factories import clerk_event, clerk_user_object

    webhook = Webhook(secret)
    now = datetime.now(UTC)
    deliveries = []
    for i in range(count):
        clerk_id = f"user_{prefix}{i:06d}"
        msg_id = f"msg_{prefix}{i:06d}"
        body = clerk_event("user.created", clerk_user_object(clerk_id, email=f"{clerk_id}@example.com"))
        headers = {
            "Content-Type": "application/json",
            "svix-id": msg_id,
            "svix-timestamp": str(int(now.timestamp())),
            "svix-signature": webhook.sign(msg_id, now, body),
        }
        deliveries.append(Request("POST", PATH, body.encode(), headers))
    return deliveries


def bench_server(app: str, env: dict[str, str], log: Path, secret: str, prefix: str, args) -> Run:
    port = free_port()
    warmup = signed_deliveries(secret, f"{prefix}warm_", WARMUP_EVENTS)
    with gunicorn(app, env, port=port, log=log):
        warm = drive(port, warmup, args.concurrency)
        timed = drive(port, signed_deliveries(secret, prefix, args.events), args.concurrency)
    check_statuses(app, warm, timed)
    return timed


def check_designforge(expected: int) -> None:
    from accounts.models import User
    from credits.models import LedgerEntry
    from designforge.models import WebhookEvent

    found = {
        "users": User.objects.filter(clerk_id__startswith="user_bench_").count(),
        "signup grants": LedgerEntry.objects.filter(kind=LedgerEntry.Kind.SIGNUP).count(),
        "processed events": WebhookEvent.objects.filter(source="clerk", status=WebhookEvent.Status.PROCESSED).count(),
    }
    wrong = {name: n for name, n in found.items() if n != expected}
    if wrong:
        raise RuntimeError(f"designforge: expected {expected} of each, found {wrong}")


def processed_events() -> int:
    from designforge.models import WebhookEvent

    return WebhookEvent.objects.filter(source="clerk", status=WebhookEvent.Status.PROCESSED).count()


def apply_with_worker(env: dict[str, str], expected: int, log: Path, max_seconds: float) -> tuple[float, int]:
    """Start one worker process; (seconds from ready to the last event processed, events it applied)."""
    before = processed_events()
    with celery_worker(env, concurrency=1, log=log) as ready_at:
        deadline = ready_at + max_seconds
        while (done := processed_events()) < expected:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the worker applied {done} of {expected} events in {max_seconds:.0f} s")
            time.sleep(0.05)
        return time.monotonic() - ready_at, expected - before


def check_baseline(expected: int) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM bench_event")
        (found,) = cursor.fetchone()
    if found != expected:
        raise RuntimeError(f"bare view: expected {expected} stored events, found {found}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=positive_int, default=2000, help="timed deliveries per server (default 2000)")
    parser.add_argument("--concurrency", type=positive_int, default=16, help="concurrent deliveries (default 16)")
    parser.add_argument("--workers", type=positive_int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--threads", type=positive_int, default=4, help="gunicorn threads per worker (default 4)")
    parser.add_argument("--max-seconds", type=positive_int, default=300, help="give the worker this long (300)")
    args = parser.parse_args()
    exit_cleanly_on_sigterm()

    secret = "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    with (
        scratch_database(DATABASE) as url,
        scratch_redis() as redis_url,
        tempfile.TemporaryDirectory(prefix="df_bench_") as tmp,
    ):
        env = production_env(
            url,
            CLERK_WEBHOOK_SIGNING_SECRET=secret,
            GUNICORN_WORKERS=str(args.workers),
            GUNICORN_THREADS=str(args.threads),
        )
        migrate(env)
        setup_django(env)
        from django.db import connection

        try:
            with connection.cursor() as cursor:
                cursor.execute("CREATE TABLE bench_event (id text PRIMARY KEY, body jsonb NOT NULL)")
            expected = WARMUP_EVENTS + args.events
            queued = {**env, "REDIS_URL": redis_url}
            ours = bench_server("designforge.wsgi:application", queued, Path(tmp, "ours.log"), secret, "bench_", args)
            bare = bench_server("bench.baseline_app:application", env, Path(tmp, "bare.log"), secret, "bare_", args)
            check_baseline(expected)
            seconds, applied = apply_with_worker(queued, expected, Path(tmp, "worker.log"), args.max_seconds)
            check_designforge(expected)
        finally:
            connection.close()

    note = f"n={args.events}, {args.concurrency} concurrent, gunicorn gthread {args.workers}x{args.threads}, PostgreSQL"
    print(result(ours, "designforge:", note))
    print(result(bare, "bare view:", note))
    p99_ratio = percentile(ours.latencies, 99) / percentile(bare.latencies, 99)
    print(f"clerk webhooks  ratio: {ours.rate / bare.rate:.2f}x throughput, {p99_ratio:.1f}x p99 (designforge / bare)")
    print(
        f"clerk webhooks  worker: {applied / seconds:6.0f} events/s applied by one worker process (one core), "
        f"n={applied} user.created with signup grants, PostgreSQL"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
