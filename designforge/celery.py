"""The Celery app: `celery -A designforge worker` and `celery -A designforge beat`.

Configured from Django's settings (the `CELERY_` names). With `REDIS_URL` unset there is no broker:
tasks run inline, in the request that queued them (`task_always_eager`), so `make run` needs nothing
but Python. Each app keeps its tasks in its own `tasks.py`, found by `autodiscover_tasks()`.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "designforge.settings")

app = Celery("designforge")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def runs_inline() -> bool:
    """True when there is no worker (`REDIS_URL` unset): queued work runs in the request that queues it."""
    return bool(app.conf.task_always_eager)
