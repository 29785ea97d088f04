"""Deploying at scale, checked without a Docker engine: docker-compose.yml parses and runs the
contract's processes (web in two replicas, worker, exactly one beat) on PostgreSQL and Redis, each
with a health check; gunicorn trusts forwarded headers from FORWARDED_ALLOW_IPS only; every
environment variable the settings read is listed in .env.example."""

import re
import runpy
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def command(service: dict) -> str:
    return " ".join(service["command"])


def test_compose_runs_every_process_of_the_contract(compose):
    services = compose["services"]
    assert set(services) == {"db", "redis", "migrate", "web", "worker", "beat"}
    assert command(services["web"]).startswith("gunicorn designforge.wsgi:application --config gunicorn.conf.py")
    assert command(services["worker"]).startswith("celery -A designforge worker")
    assert command(services["beat"]).startswith("celery -A designforge beat")
    assert command(services["migrate"]) == "python manage.py migrate --noinput"
    assert services["web"]["deploy"]["replicas"] == 2
    assert services["beat"]["deploy"]["replicas"] == 1  # exactly one scheduler


def test_every_long_running_service_has_a_health_check(compose):
    for name, service in compose["services"].items():
        if name != "migrate":
            assert service["healthcheck"]["test"], name
    assert "/api/health" in " ".join(compose["services"]["web"]["healthcheck"]["test"])
    assert "inspect ping" in " ".join(compose["services"]["worker"]["healthcheck"]["test"])


def test_the_app_waits_for_healthy_postgres_and_redis_and_the_migration(compose):
    for name in ("web", "worker", "beat"):
        service = compose["services"][name]
        assert service["depends_on"] == {
            "db": {"condition": "service_healthy"},
            "redis": {"condition": "service_healthy"},
            "migrate": {"condition": "service_completed_successfully"},
        }, name
        env = service["environment"]
        assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"] == "redis://redis:6379/0" and env["DEBUG"] == "False"


def test_redis_keeps_nothing_and_never_evicts_queued_messages(compose):
    redis_command = compose["services"]["redis"]["command"]
    assert redis_command[redis_command.index("--save") + 1] == ""
    assert redis_command[redis_command.index("--appendonly") + 1] == "no"
    assert redis_command[redis_command.index("--maxmemory-policy") + 1] == "noeviction"


@pytest.mark.parametrize(("environ", "trusted"), [({}, "127.0.0.1"), ({"FORWARDED_ALLOW_IPS": "10.0.0.5"}, "10.0.0.5")])
def test_gunicorn_trusts_forwarded_headers_only_from_forwarded_allow_ips(monkeypatch, environ, trusted):
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["forwarded_allow_ips"] == trusted
    assert config["accesslog"] is None  # the app logs each request itself, with its request id


def test_env_example_lists_every_variable_the_settings_read():
    settings_source = (ROOT / "designforge" / "settings.py").read_text()
    gunicorn_source = (ROOT / "gunicorn.conf.py").read_text()
    read = set(re.findall(r'env\.\w+\(\s*"([A-Z0-9_]+)"', settings_source))
    read |= set(re.findall(r'environ\.get\("([A-Z0-9_]+)"', gunicorn_source))
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert read - listed == set()
