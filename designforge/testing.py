"""Running test code in real concurrent threads, each with its own database connection."""

import threading
from collections.abc import Callable

from django.db import connection


def run_concurrently(fn: Callable[[int], object], count: int, timeout: float = 60) -> list:
    """Call fn(0..count-1) from `count` threads released at the same instant; return each result
    (or the exception it raised), in thread order."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def worker(i: int):
        try:
            barrier.wait()
            results[i] = fn(i)
        except Exception as exc:  # collected for the test to assert on
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    return results
