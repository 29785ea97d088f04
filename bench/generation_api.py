"""Offline generation over HTTP: requests/s and latency of `POST /api/generate/<kind>` beside `GET /api/me`.

DesignForge is run as in production (DEBUG=False, gunicorn with the project's gunicorn.conf.py, gthread
workers, persistent database connections) with no AI key, so the built-in offline engine answers. Clients
sign in as Clerk does: RS256 session tokens minted with a test key whose public half the server gets as
CLERK_JWT_KEY. Each of `--users` users is given enough credits beforehand (through the ORM and the credits
service), and the generation limit is raised out of the way (GENERATION_RATE_LIMIT).

Both endpoints are driven in the same run, on the same server, by `--concurrency` client threads on
keep-alive connections, `--requests` timed requests each, after a warm-up: first `GET /api/me` (sign-in,
one user read: the floor of any authenticated API call), then generation (a different prompt and seed
colour every request; the record, the credit spend, the engine, the report and the result written back).
Every answer must be 200/201; afterwards every generation must have succeeded, each user's balance must be
exactly what was granted minus what was generated, and the ledger must add up.

Run from the repository root: `.venv/bin/python bench/generation_api.py` (needs only the local
PostgreSQL; creates and drops the database `df_bench_gen`; serves on 127.0.0.1 only).
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
    return run.line(f"generation api  {label:<36}", "req/s", note, ms_width=6)


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


def check_ledger(clerk_ids: list[str], granted: int, generated: int, cost: int) -> None:
    from accounts.models import User
    from credits.selectors import audit_mismatches, balance_of
    from designs.models import Generation

    users = list(User.objects.filter(clerk_id__in=clerk_ids))
    succeeded = Generation.objects.filter(user__in=users, status=Generation.Status.SUCCEEDED).count()
    if succeeded != generated or Generation.objects.count() != generated:
        raise RuntimeError(f"expected {generated} succeeded generations, found {succeeded}")
    spent = sum(10 + granted - balance_of(user) for user in users)
    if spent != generated * cost:
        raise RuntimeError(f"expected {generated * cost} credits spent, found {spent}")
    if audit_mismatches():
        raise RuntimeError("the credit ledger does not add up")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=positive_int, default=1000, help="timed requests per endpoint (1000)")
    parser.add_argument("--concurrency", type=positive_int, default=8, help="concurrent requests (default 8)")
    parser.add_argument("--users", type=positive_int, default=8, help="signed-in users sharing the load (default 8)")
    parser.add_argument("--kind", choices=sorted(COSTS), default="design-system", help="what to generate")
    parser.add_argument("--workers", type=positive_int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--threads", type=positive_int, default=4, help="gunicorn threads per worker (default 4)")
    parser.add_argument("--max-seconds", type=positive_int, default=300, help="give up after this long (300)")
    args = parser.parse_args()
    exit_cleanly_on_sigterm()
    deadline = time.monotonic() + args.max_seconds

    cost = COSTS[args.kind]
    generated = WARMUP_REQUESTS + args.requests
    granted = generated * cost  # enough for every request even if one user made them all
    with scratch_database(DATABASE) as url, tempfile.TemporaryDirectory(prefix="df_bench_") as tmp:
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
        env["CLERK_JWT_KEY"] = signer.public_pem  # the server verifies the tokens with no network call

        try:
            clerk_ids = prepare_users(args.users, granted)
            tokens = [signer.token(clerk_id, lifetime=args.max_seconds + 60) for clerk_id in clerk_ids]
            port = free_port()
            with gunicorn("designforge.wsgi:application", env, port=port, log=Path(tmp, "server.log")):
                warm_me = drive(port, me_requests(tokens, WARMUP_REQUESTS), args.concurrency, deadline=deadline)
                warm_gen = drive(
                    port,
                    generation_requests(tokens, args.kind, WARMUP_REQUESTS, 0),
                    args.concurrency,
                    deadline=deadline,
                )
                me = drive(port, me_requests(tokens, args.requests), args.concurrency, deadline=deadline)
                gen = drive(
                    port,
                    generation_requests(tokens, args.kind, args.requests, WARMUP_REQUESTS),
                    args.concurrency,
                    deadline=deadline,
                )
            check_statuses("GET /api/me", warm_me, me)
            check_statuses(f"POST /api/generate/{args.kind}", warm_gen, gen, expected=201)
            check_ledger(clerk_ids, granted, generated, cost)
        finally:
            connection.close()

    server = f"gunicorn gthread {args.workers}x{args.threads}"
    note = f"n={args.requests}, {args.concurrency} concurrent, {server}, PostgreSQL"
    print(result(me, "GET /api/me:", note))
    print(result(gen, f"POST /api/generate/{args.kind} (offline):", note))
    p99_ratio = percentile(gen.latencies, 99) / percentile(me.latencies, 99)
    print(f"generation api  ratio: {gen.rate / me.rate:.2f}x throughput, {p99_ratio:.1f}x p99 (generation / me)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
