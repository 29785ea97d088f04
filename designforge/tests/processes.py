"""Real processes for the `redis` tests: Celery workers and gunicorn servers started against the test
database and the test Redis, always stopped by the fixture that started them (even when a test fails).
"""

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from django.db import connection

REPO = Path(__file__).resolve().parents[2]
BIN = REPO / ".venv" / "bin"
#: How long a test waits for a process to start, or for work it queued to be done, before failing.
WAIT_SECONDS = 90


def test_database_url() -> str:
    """The URL of the database this test runs on (the test database), for a process to use."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def process_env(redis_url: str, **extra: str) -> dict[str, str]:
    """The environment of a DesignForge process on the test database and Redis, every outside service off."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLERK_", "STRIPE_", "OPENAI_", "SENTRY_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="designforge.settings",
        DATABASE_URL=test_database_url(),
        DATABASE_CONN_MAX_AGE="0",
        REDIS_URL=redis_url,
        LOG_LEVEL="INFO",
        **extra,
    )
    return env


def wait_for(condition: Callable[[], object], what: str, timeout: float = WAIT_SECONDS) -> object:
    """Poll `condition` until it returns something true; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.1)
    raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")


class Process:
    """A started process in its own process group (so its children stop with it), logging to a file."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path):
        self.log = log
        with log.open("wb") as out:
            self.popen = subprocess.Popen(
                args, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def running(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole group at once: no clean-up, no acknowledgement, like a machine dying."""
        if self.running():
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait()

    def stop(self) -> None:
        """A graceful stop (SIGTERM), then SIGKILL for anything left in the group."""
        if self.running():
            self.popen.terminate()
            with suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout=20)
        with suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait()


@contextmanager
def started(make: Callable[[], Process], ready: Callable[[Process], bool], what: str) -> Iterator[Process]:
    process = make()
    try:
        wait_for(lambda: ready(process) or not process.running(), f"{what} to start")
        if not process.running():
            raise AssertionError(f"{what} exited at start:\n{process.output()[-4000:]}")
        yield process
    finally:
        process.stop()


def celery_worker(env: dict[str, str], log: Path, *, name: str, concurrency: int = 2) -> Process:
    args = [
        str(BIN / "celery"), "-A", "designforge", "worker", "--pool=prefork", f"--concurrency={concurrency}",
        "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"{name}@%h",
    ]  # fmt: skip
    return Process(args, env, log)


def worker_ready(process: Process) -> bool:
    return " ready." in process.output()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn(env: dict[str, str], log: Path, *, port: int) -> Process:
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1", "GUNICORN_THREADS": "2"}
    return Process([str(BIN / "gunicorn"), "designforge.wsgi:application", "-c", "gunicorn.conf.py"], env, log)


def listening(port: int) -> Callable[[Process], bool]:
    def check(process: Process) -> bool:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            return False

    return check
