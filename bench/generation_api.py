"""The signed-in API under gunicorn on PostgreSQL, each beside its bare Django baseline in the same run:
`GET /api/me` beside a bare token check + read, and a queued `POST /api/generate/<kind>` (answered 202; a
worker would call the provider) beside a bare token check + spend.

DesignForge is run as in production (DEBUG=False, gunicorn with the project's gunicorn.conf.py, gthread
workers, persistent database connections, REDIS_URL set, so generations are queued) with no AI key.
Clients sign in as Clerk does: RS256 session tokens minted with a test key whose public half the server
gets as CLERK_JWT_KEY. Each of `--users` users is given enough credits beforehand (through the ORM and
the credits service), and the generation limit is raised out of the way (GENERATION_RATE_LIMIT).

The bare baselines (bench/baseline_app.py) are served by the same gunicorn configuration: the same
token check with `clerk-backend-api`, then one SELECT (me), or one UPDATE ... WHERE balance >= n
RETURNING and the ledger INSERT in one transaction (spend). `--concurrency` client threads on keep-alive
connections send `--requests` timed requests to each, after a warm-up. Every answer must be 200/202;
afterwards every queued generation must be pending with its credits taken, and the ledger must add up.
With `--inline`, a server without REDIS_URL also answers generations within the request (201, the
offline engine), measured beside `GET /api/me`.

Run from the repository root: `.venv/bin/python bench/generation_api.py` (needs the local PostgreSQL and
Redis; creates and drops the database `df_bench_gen`, uses Redis database 13; serves on 127.0.0.1 only).
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from common import (
    Request,
    Run,
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

DATABASE = "df_bench_gen"
WARMUP_REQUESTS = 64  # per endpoint, before timing: every worker has loaded its code and opened connections
COSTS = {"colors": 1, "typography": 1, "design-system": 2}
PROMPTS = [
    "calm, trustworthy fintech for families",
    "playful reading app for children, rounded",
    "bold neon esports tournament site",
    "elegant minimal luxury fashion boutique",
    "friendly neighbourhood bakery ordering",
    "serious legal research tool, compact",
    "energetic fitness coaching, vivid",
    "quiet meditation and sleep companion",
]


def result(run: Run, label: str, note: str) -> str:
    return run.line(f"generation api  {label:<44}", "req/s", note, ms_width=6)


def prepare_users(count: int, credits_each: int) -> list[str]:
    """`count` users made like Clerk users, each granted `credits_each` credits; their Clerk ids."""
    from accounts.clerk import ClerkProfile
    from accounts.services import user_upsert_from_clerk
    from credits.services import credits_grant

    clerk_ids = []
    for i in range(count):
        clerk_id = f"user_bench_gen_{i:03d}"
        user, _ = user_upsert_from_clerk(profile=ClerkProfile(clerk_id=clerk_id, email=f"{clerk_id}@example.com"))
        credits_grant(user=user, amount=credits_each, key="bench:generation", description="Benchmark credits")
        clerk_ids.append(clerk_id)
    return clerk_ids


def me_requests(tokens: list[str], count: int) -> list[Request]:
    return [
        Request("GET", "/api/me", None, {"Authorization": f"Bearer {tokens[i % len(tokens)]}"}) for i in range(count)
    ]


def generation_requests(tokens: list[str], kind: str, count: int, offset: int) -> list[Request]:
    requests = []
    for i in range(offset, offset + count):
        body = {"prompt": f"{PROMPTS[i % len(PROMPTS)]} #{i}", "seed_color": f"#{(i * 2654435761) % 0xFFFFFF:06x}"}
        headers = {"Authorization": f"Bearer {tokens[i % len(tokens)]}", "Content-Type": "application/json"}
        requests.append(Request("POST", f"/api/generate/{kind}", json.dumps(body).encode(), headers))
    return requests


def check_ledger(clerk_ids: list[str], granted: int, *, queued: int, inline: int, spent_bare: int, cost: int) -> None:
    from accounts.models import User
    from credits.selectors import audit_mismatches, balance_of
    from designs.models import Generation

    users = list(User.objects.filter(clerk_id__in=clerk_ids))
    pending = Generation.objects.filter(user__in=users, status=Generation.Status.PENDING).count()
    succeeded = Generation.objects.filter(user__in=users, status=Generation.Status.SUCCEEDED).count()
    if (pending, succeeded) != (queued, inline):
        raise RuntimeError(
            f"expected {queued} pending and {inline} succeeded generations, found {pending}, {succeeded}"
        )
    spent = sum(10 + granted - balance_of(user) for user in users)
    if spent != (queued + inline + spent_bare) * cost:
        raise RuntimeError(f"expected {(queued + inline + spent_bare) * cost} credits spent, found {spent}")
    if audit_mismatches():
        raise RuntimeError("the credit ledger does not add up")


def me_and_generation(port: int, tokens: list[str], kind: str, offset: int, args, deadline) -> tuple[Run, Run]:
    """Warm up, then time `GET /api/me` and then `POST /api/generate/<kind>` on one server."""
    drive(port, me_requests(tokens, WARMUP_REQUESTS), args.concurrency, deadline=deadline)
    me = drive(port, me_requests(tokens, args.requests), args.concurrency, deadline=deadline)
    drive(port, generation_requests(tokens, kind, WARMUP_REQUESTS, offset), args.concurrency, deadline=deadline)
    offset += WARMUP_REQUESTS
    gen = drive(port, generation_requests(tokens, kind, args.requests, offset), args.concurrency, deadline=deadline)
    return me, gen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=positive_int, default=1000, help="timed requests per endpoint (1000)")
    parser.add_argument("--concurrency", type=positive_int, default=8, help="concurrent requests (default 8)")
    parser.add_argument("--users", type=positive_int, default=8, help="signed-in users sharing the load (default 8)")
    parser.add_argument("--kind", choices=sorted(COSTS), default="design-system", help="what to generate")
    parser.add_argument("--workers", type=positive_int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--threads", type=positive_int, default=4, help="gunicorn threads per worker (default 4)")
    parser.add_argument("--inline", action="store_true", help="also measure generation inline (no REDIS_URL)")
    parser.add_argument("--max-seconds", type=positive_int, default=600, help="give up after this long (600)")
    args = parser.parse_args()
    exit_cleanly_on_sigterm()
    deadline = time.monotonic() + args.max_seconds

    cost = COSTS[args.kind]
    per_server = WARMUP_REQUESTS + args.requests
    granted = 3 * per_server * cost  # enough for every request of every server even if one user made them all
    with (
        scratch_database(DATABASE) as url,
        scratch_redis() as redis_url,
        tempfile.TemporaryDirectory(prefix="df_bench_") as tmp,
    ):
        env = production_env(
            url,
            GENERATION_RATE_LIMIT="1000000/min",
            GUNICORN_WORKERS=str(args.workers),
            GUNICORN_THREADS=str(args.threads),
        )
        migrate(env)
        setup_django(env)
        from django.db import connection

        from accounts.tests.factories import ClerkSigner

        signer = ClerkSigner()
        env["CLERK_JWT_KEY"] = signer.public_pem  # the servers verify the tokens with no network call

        try:
            clerk_ids = prepare_users(args.users, granted)
            tokens = [signer.token(clerk_id, lifetime=args.max_seconds + 60) for clerk_id in clerk_ids]
            port = free_port()
            with gunicorn(
                "designforge.wsgi:application", {**env, "REDIS_URL": redis_url}, port=port, log=Path(tmp, "ours.log")
            ):
                me, queued = me_and_generation(port, tokens, args.kind, 0, args, deadline)
            port = free_port()
            with gunicorn("bench.baseline_app:application", env, port=port, log=Path(tmp, "bare.log")):
                bare_me, bare_spend = me_and_generation(port, tokens, args.kind, 0, args, deadline)
            inline = None
            if args.inline:
                port = free_port()
                with gunicorn("designforge.wsgi:application", env, port=port, log=Path(tmp, "inline.log")):
                    inline_me, inline = me_and_generation(port, tokens, args.kind, per_server, args, deadline)
                check_statuses("GET /api/me (inline)", inline_me)
                check_statuses(f"POST /api/generate/{args.kind} (inline)", inline, expected=201)
            check_statuses("GET /api/me", me, bare_me)
            check_statuses(f"POST /api/generate/{args.kind}", queued, bare_spend, expected=202)
            check_ledger(
                clerk_ids, granted, queued=per_server, inline=per_server if args.inline else 0,
                spent_bare=per_server, cost=cost,
            )  # fmt: skip
        finally:
            connection.close()

    server = f"gunicorn gthread {args.workers}x{args.threads}"
    note = f"n={args.requests}, {args.concurrency} concurrent, {server}, PostgreSQL"
    print(result(me, "GET /api/me  designforge:", note))
    print(result(bare_me, "GET /api/me  bare token check + read:", note))
    print(result(queued, f"POST /api/generate/{args.kind}  queued (202):", note))
    print(result(bare_spend, "POST  bare token check + spend:", note))
    p99 = {name: percentile(run.latencies, 99) for name, run in [("me", me), ("queued", queued)]}
    print(f"generation api  ratio: /api/me {me.rate / bare_me.rate:.2f}x the bare token check + read")
    print(f"generation api  ratio: queued generation {queued.rate / bare_spend.rate:.2f}x the bare spend")
    print(f"generation api  ratio: queued generation p99 {p99['queued'] / p99['me']:.1f}x the /api/me p99")
    if inline is not None:
        print(result(inline, f"POST /api/generate/{args.kind}  inline (201, offline):", note))
        print(f"generation api  inline generation {inline.rate / me.rate:.2f}x /api/me throughput")
    return 0


if __name__ == "__main__":
    sys.exit(main())
