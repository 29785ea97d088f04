"""Test helpers: running test code in real concurrent threads, each with its own database
connection; sending this process's tasks to a real broker; making the database refuse a write."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection


@contextmanager
def inserts_refused(table: str) -> Iterator[None]:
    """Until the block ends, the database refuses every INSERT into `table` with an IntegrityError
    (a trigger, on SQLite and on PostgreSQL): a failure in the middle of a service's writes, where no
    fake can reach. The trigger is dropped at the end, even when the test fails."""
    name = f"test_refuse_insert_{table}"
    if connection.vendor == "postgresql":
        create = [
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION 'INSERT INTO {table} refused by a test trigger' "
            "USING ERRCODE = 'integrity_constraint_violation'; END $$",
            f"CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()",
        ]
        drop = [f"DROP TRIGGER IF EXISTS {name} ON {table}", f"DROP FUNCTION IF EXISTS {name}()"]
    elif connection.vendor == "sqlite":
        create = [
            f"CREATE TRIGGER {name} BEFORE INSERT ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'INSERT INTO {table} refused by a test trigger'); END"
        ]
        drop = [f"DROP TRIGGER IF EXISTS {name}"]
    else:
        raise RuntimeError(f"inserts_refused() works on PostgreSQL and SQLite, not on {connection.vendor}")
    with connection.cursor() as cursor:
        for statement in create:
            cursor.execute(statement)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for statement in drop:
                cursor.execute(statement)


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


@contextmanager
def tasks_sent_to(broker_url: str) -> Iterator[None]:
    """Until the block ends, tasks queued by this process go to `broker_url` (as with REDIS_URL set)
    instead of running inline."""
    from .celery import app

    saved = app.conf.broker_url, app.conf.task_always_eager
    _forget_producers(app)
    app.conf.broker_url, app.conf.task_always_eager = broker_url, False
    try:
        yield
    finally:
        _forget_producers(app)
        app.conf.broker_url, app.conf.task_always_eager = saved


def _forget_producers(app) -> None:
    """Celery keeps the producer pools of the broker it first sent to (`app.pool` and
    `app.amqp.producer_pool`); forget both so the next message uses the configured broker."""
    app._pool = None
    app.amqp._producer_pool = None
