"""The Celery app: `celery -A designforge worker` and `celery -A designforge beat`.

Configured from Django's settings (the `CELERY_` names). With `REDIS_URL` unset there is no broker:
tasks run inline, in the request that queued them (`task_always_eager`), so `make run` needs nothing
but Python. Each app keeps its tasks in its own `tasks.py`, found by `autodiscover_tasks()`.
"""

import os

from celery import Celery
from django.db import transaction

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "designforge.settings")

app = Celery("designforge")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def runs_inline() -> bool:
    """True when there is no worker (`REDIS_URL` unset): queued work runs in the request that queues it."""
    return bool(app.conf.task_always_eager)


def send_on_commit(task, *args) -> None:
    """Send `task(*args)` once the current transaction commits (at once outside one), so a worker
    never looks for a row that is not there yet. With a worker, a broker that cannot be reached is
    logged, not raised: the row is stored, and its app's requeue job sends it later. Inline, the task
    runs then and its failure propagates to the caller."""

    def send():
        task.delay(*args)

    transaction.on_commit(send, robust=not runs_inline())
