"""Test-wide fixtures and the rules for tests that need PostgreSQL, a browser, Redis or the export tools.

`--require=postgres,browser,redis,exports` (used by `.ci/run`) turns a skipped test of those kinds into a
failure, so a CI run can never pass quietly without the concurrency, browser, worker or export tests.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings


def pytest_addoption(parser):
    parser.addoption(
        "--require",
        default="",
        help="Comma-separated markers (postgres, browser, redis, exports) whose tests must not be skipped.",
    )


def on_postgres() -> bool:
    return django_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


#: The Redis database the `redis` tests use, and flush; no other test touches Redis.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping())
    except redis.RedisError:
        return False


#: The export tools (tests_exports/package.json), installed with `npm ci` in that folder.
EXPORT_TOOLS = Path(__file__).resolve().parent / "tests_exports" / "node_modules"


def export_tools_missing() -> str | None:
    """Why the export tests cannot run here, or None when they can."""
    if not shutil.which("node"):
        return "needs Node.js (20 or later) for the export tools: apt-get install nodejs npm"
    if not (EXPORT_TOOLS / ".bin").is_dir():
        return "needs the export tools: cd tests_exports && npm ci"
    return None


def pytest_collection_modifyitems(config, items):
    missing = export_tools_missing() if any("exports" in item.keywords for item in items) else None
    if missing:
        no_tools = pytest.mark.skip(reason=missing)
        for item in items:
            if "exports" in item.keywords:
                item.add_marker(no_tools)
    if any("redis" in item.keywords for item in items) and not redis_answers():
        no_redis = pytest.mark.skip(reason=f"needs Redis at {TEST_REDIS_URL}: start redis-server or set TEST_REDIS_URL")
        for item in items:
            if "redis" in item.keywords:
                item.add_marker(no_redis)
    if not shutil.which("chromium"):
        no_browser = pytest.mark.skip(reason="needs Chromium: apt-get install chromium (Debian's package)")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(no_browser)
    if on_postgres():
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://...")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


_required: set[str] = set()
_skipped_required: list[str] = []


def pytest_configure(config):
    _required.update(m.strip() for m in config.getoption("--require").split(",") if m.strip())


def pytest_runtest_logreport(report):
    if report.skipped and _required & set(report.keywords):
        _skipped_required.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _skipped_required:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if _skipped_required:
        terminalreporter.section("required tests were skipped", red=True)
        for nodeid in _skipped_required:
            terminalreporter.line(f"SKIPPED but required: {nodeid}")


@pytest.fixture(autouse=True)
def _no_external_services(settings):
    """Tests never use a developer's real keys: each test turns on only the fakes it needs."""
    settings.CLERK_PUBLISHABLE_KEY = ""
    settings.CLERK_SECRET_KEY = ""
    settings.CLERK_JWT_KEY = ""
    settings.CLERK_AUTHORIZED_PARTIES = []
    settings.CLERK_API_URL = "https://api.clerk.com"
    settings.CLERK_WEBHOOK_SIGNING_SECRET = ""
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""
    settings.STRIPE_API_BASE = ""
    settings.OPENAI_API_KEY = ""
    settings.OPENAI_BASE_URL = ""
    settings.DEV_SIGN_IN = True


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits count in Django's cache, keyed by user id; ids repeat from test to test, so every test
    starts (and ends) with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    from accounts.tests.factories import UserFactory

    return UserFactory.create()


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def user_api(api, user):
    """An API client signed in as `user`."""
    api.force_login(user)
    return api
