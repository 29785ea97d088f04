"""What the benchmark scripts share: a throwaway PostgreSQL database, the environment DesignForge runs
with in production (DEBUG=False), gunicorn started and stopped on loopback, an HTTP load driver (client
threads on keep-alive connections), and timed runs with their latency percentiles.

Every script creates its own database, migrates it, and drops it again at the end, even on error.
"""

import http.client
import math
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"
# The local PostgreSQL server (trust auth). Only the database name changes between scripts.
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
# The local Redis, a database number of the benchmarks' own (flushed before and after each script).
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")


def exit_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so `finally` blocks stop gunicorn and drop the database."""

    def stop(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the clean-up short
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


@contextmanager
def scratch_database(name: str) -> Iterator[str]:
    """Create the database `name` (dropping a leftover one first), yield its URL, drop it at the end."""
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(drop)


@contextmanager
def scratch_redis() -> Iterator[str]:
    """Yield the benchmarks' Redis database URL, empty; flushed again at the end, even on error."""
    import redis

    client = redis.Redis.from_url(REDIS, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        raise RuntimeError(f"Redis does not answer at {REDIS} (start redis-server or set BENCH_REDIS_URL)") from error
    client.flushdb()
    try:
        yield REDIS
    finally:
        client.flushdb()


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a production process (DEBUG=False) on the bench database, with every
    outside service switched off, so nothing leaves the machine."""
    env = dict(os.environ)
    for key in list(env):
        if key.startswith(("CLERK_", "STRIPE_", "OPENAI_", "SENTRY_")):
            env[key] = ""
    env.update(
        DJANGO_SETTINGS_MODULE="designforge.settings",
        DATABASE_URL=database_url,
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="False",
        DEV_SIGN_IN="False",
        LOG_LEVEL="WARNING",
        **extra,
    )
    return env


def migrate(env: dict[str, str]) -> None:
    """`manage.py migrate` against the database in `env`; its output is shown only if it fails."""
    done = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "migrate", "--noinput"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise RuntimeError("manage.py migrate failed")


def setup_django(env: dict[str, str]) -> None:
    """Configure Django in this process with `env` (the same settings gunicorn would read)."""
    os.environ.update(env)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import django

    django.setup()


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(app: str, env: dict[str, str], *, port: int, log: Path) -> Iterator[None]:
    """Serve `app` with the project's gunicorn.conf.py on 127.0.0.1:`port` until the block ends.
    The server's own output (access log, errors) goes to `log` and is shown if it fails to start."""
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), app, "-c", "gunicorn.conf.py"],
            cwd=REPO,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the master and its workers stop together
        )
    try:
        _wait_for_port(port, server, log)
        yield
    finally:
        _stop(server)


def _wait_for_port(port: int, server: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.stderr.write(log.read_text(errors="replace")[-4000:])
            raise RuntimeError(f"gunicorn exited with status {server.returncode} before listening")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not listen on 127.0.0.1:{port} within {timeout:.0f} s")


def _stop(server: subprocess.Popen) -> None:
    """SIGTERM the master (a graceful stop: it waits for its workers), SIGKILL its process group if it lingers."""
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


@contextmanager
def celery_worker(env: dict[str, str], *, concurrency: int, log: Path) -> Iterator[float]:
    """Run `celery -A designforge worker` (prefork, `concurrency` processes) until the block ends;
    yields the monotonic time at which it said it was ready."""
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [str(VENV_BIN / "celery"), "-A", "designforge", "worker", "--pool=prefork", f"--concurrency={concurrency}",
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=REPO, env={**env, "LOG_LEVEL": "INFO"}, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while " ready." not in log.read_text(errors="replace"):
            if worker.poll() is not None or time.monotonic() > deadline:
                sys.stderr.write(log.read_text(errors="replace")[-4000:])
                raise RuntimeError("the celery worker did not start")
            time.sleep(0.05)
        yield time.monotonic()
    finally:
        _stop(worker)


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile `p` (0-100) of `values`."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1]


@dataclass
class Run:
    """One timed run: the wall-clock seconds from the start to the last answer, each operation's latency
    (seconds) and, for an HTTP run, each answer's status (empty for a run that is not HTTP)."""

    seconds: float
    latencies: list[float]
    statuses: list[int] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Operations per second."""
        return len(self.latencies) / self.seconds

    def line(self, label: str, unit: str, note: str, *, ms_width: int = 5) -> str:
        """One printed result: `label`, the rate in `unit`, p50 and p99 in ms (`ms_width` wide), then `(note)`."""
        p50, p99 = (percentile(self.latencies, p) * 1000 for p in (50, 99))
        return f"{label} {self.rate:6.0f} {unit}  p50 {p50:{ms_width}.1f} ms  p99 {p99:{ms_width}.1f} ms  ({note})"


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: bytes | None
    headers: dict[str, str]


def send(connection: http.client.HTTPConnection, request: Request) -> int:
    """Send one request and read the whole answer; reconnect and send again once if the server had
    closed the kept-alive connection (as gunicorn does when it recycles a worker)."""
    for attempt in (1, 2):
        try:
            connection.request(request.method, request.path, body=request.body, headers=request.headers)
            response = connection.getresponse()
            response.read()
            return response.status
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            connection.close()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def timed(
    threads: int,
    count: int,
    session: Callable[[], AbstractContextManager[Callable[[int], object]]],
    *,
    deadline: float | None = None,
) -> Run:
    """Do operations 0..count-1 from `threads` threads, all starting together, each taking the next index
    in turn. Each thread works inside its own `session()` (its own connection, opened before the clock
    starts and closed at the end), which yields the function that does operation i. With a `deadline`
    (a monotonic time), threads stop taking operations once it has passed, and the run then fails."""
    latencies = [0.0] * count
    errors: list[BaseException] = []
    next_index = iter(range(count))
    lock = threading.Lock()
    start = threading.Barrier(threads + 1)

    def worker():
        try:
            with session() as operation:
                start.wait()
                while True:
                    with lock:
                        i = next(next_index, None)
                    if i is None:
                        return
                    if deadline is not None and time.monotonic() > deadline:
                        raise TimeoutError("the run took longer than --max-seconds")
                    began = time.perf_counter()
                    operation(i)
                    latencies[i] = time.perf_counter() - began
        except Exception as exc:  # reported by the main thread
            errors.append(exc)
            start.abort()  # a thread that fails before the start must not leave the others waiting

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for thread in pool:
        thread.start()
    with suppress(threading.BrokenBarrierError):
        start.wait()
    began = time.perf_counter()
    for thread in pool:
        thread.join()
    seconds = time.perf_counter() - began
    if errors:
        raise RuntimeError(f"{len(errors)} thread(s) failed; the first: {errors[0]!r}")
    return Run(seconds, latencies)


def drive(port: int, requests: list[Request], concurrency: int, *, deadline: float | None = None) -> Run:
    """Send every request to 127.0.0.1:`port` from `concurrency` client threads, each on its own
    keep-alive connection (see `timed`, which `deadline` is passed to); the run keeps every status."""
    statuses = [0] * len(requests)

    @contextmanager
    def client() -> Iterator[Callable[[int], None]]:
        with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=60)) as connection:

            def request(i: int) -> None:
                statuses[i] = send(connection, requests[i])

            yield request

    run = timed(concurrency, len(requests), client, deadline=deadline)
    run.statuses = statuses
    return run


def check_statuses(label: str, *runs: Run, expected: int = 200) -> None:
    """Fail unless every answer in `runs` had the status `expected`."""
    statuses = [s for run in runs for s in run.statuses]
    wrong = {s: statuses.count(s) for s in set(statuses) if s != expected}
    if wrong:
        raise RuntimeError(f"{label}: not every request was answered {expected}: {wrong}")
