"""Rate limits, counted in the shared cache so that they hold across every process and machine.

A limit is written in DRF's rate syntax (`30/min`, `5/s`, `1000/day`) and counted in fixed windows:
one atomic `INCR` per hit on a key named after the scope, the caller and the window. With
`REDIS_URL` set the cache is Redis (shared); without it, each process counts on its own, which is
what `make run` needs and what `check --deploy` refuses in production.

Services call `rate_limit_hit()` themselves, so the API, the pages and API keys share one count.
"""

import time

from django.core.cache import cache

from .errors import DomainError

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class RateLimited(DomainError):
    """429 `rate_limited`; answered with a `Retry-After` header."""

    status_code = 429
    code = "rate_limited"

    def __init__(self, retry_after: int):
        super().__init__(
            f"Too many requests. Try again in {retry_after} second{'s' if retry_after != 1 else ''}.",
            details={"retry_after": retry_after},
        )
        self.headers = {"Retry-After": str(retry_after)}


def parse_rate(rate: str) -> tuple[int, int]:
    """`"30/min"` -> (30, 60): requests allowed per period in seconds (the period's first letter counts)."""
    try:
        count, period = rate.split("/")
        allowed, seconds = int(count), _PERIODS[period.strip()[0].lower()]
    except (ValueError, KeyError, IndexError):
        raise ValueError(f"{rate!r} is not a rate like 30/min, 5/s, 100/hour or 1000/day") from None
    if allowed < 1:
        raise ValueError(f"{rate!r} must allow at least one request")
    return allowed, seconds


def rate_limit_hit(*, scope: str, key: str, rate: str) -> None:
    """Count one request of `key` (a user id, an IP) against `scope`'s `rate`; raise `RateLimited`
    (429, with the seconds until the window ends) once the window's allowance is used up."""
    allowed, seconds = parse_rate(rate)
    now = time.time()
    window = int(now // seconds)
    name = f"ratelimit:{scope}:{key}:{window}"
    # incr() is atomic in Redis and in the local cache: one round trip once the window is open. The
    # window's first request opens it with add(), which only one of racing requests wins.
    try:
        count = cache.incr(name)
    except ValueError:  # no counter yet
        count = 1 if cache.add(name, 1, timeout=seconds + 1) else cache.incr(name)
    if count > allowed:
        raise RateLimited(retry_after=max(1, int((window + 1) * seconds - now + 0.999)))
