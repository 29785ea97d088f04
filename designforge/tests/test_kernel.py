import json
import logging
import os
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

from designforge.models import WebhookEvent
from designforge.request_log import JsonFormatter

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_health_ok(api):
    response = api.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok", "database": "ok", "redis": "not_configured", "oldest_unapplied_event_seconds": None,
    }  # fmt: skip


def test_health_says_how_long_the_oldest_unapplied_event_has_waited(api):
    now = timezone.now()
    for event_id, status, age in [("a", "processed", 900), ("b", "received", 120), ("c", "failed", 300)]:
        WebhookEvent.objects.create(
            source="clerk", event_id=event_id, event_type="user.created", payload={}, status=status
        )
        WebhookEvent.objects.filter(event_id=event_id).update(received_at=now - timedelta(seconds=age))
    waited = api.get("/api/health").json()["oldest_unapplied_event_seconds"]
    assert 300 <= waited < 360  # the failed one, not the processed one


def test_health_503_when_a_configured_redis_does_not_answer(api, settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{closed_port()}/0"
    response = api.get("/api/health")
    assert response.status_code == 503
    assert (response.json()["status"], response.json()["database"], response.json()["redis"]) == (
        "error", "ok", "unreachable",
    )  # fmt: skip


def test_health_503_when_database_is_unreachable(api, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = api.get("/api/health")
    assert response.status_code == 503 and response.json()["database"] == "unreachable"


def test_unknown_api_path_is_404_envelope(api):
    response = api.get("/api/nope")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_unknown_page_is_a_friendly_html_404(client):
    response = client.get("/nope/")
    assert response.status_code == 404 and b"Page not found" in response.content


def test_wrong_method_and_bad_json_use_the_envelope(user_api):
    assert user_api.delete("/api/me").json()["error"]["code"] == "method_not_allowed"
    response = user_api.patch("/api/me", data="{bad", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"


def test_oversized_body_is_413(user_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    response = user_api.patch("/api/me", {"preferences": {"x": "y" * 500}}, format="json")
    assert response.status_code == 413 and response.json()["error"]["code"] == "payload_too_large"


def test_request_id_is_echoed_or_generated(api):
    assert api.get("/api/health", HTTP_X_REQUEST_ID="req-12345678")["X-Request-ID"] == "req-12345678"
    generated = api.get("/api/health", HTTP_X_REQUEST_ID="bad id!")["X-Request-ID"]
    assert len(generated) == 32 and generated != "bad id!"


def test_json_log_lines_carry_the_request_id():
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom %s", ("here",), None)
    record.request_id = "req-1"
    line = json.loads(JsonFormatter().format(record))
    assert (line["message"], line["request_id"], line["level"]) == ("boom here", "req-1", "ERROR")


def test_schema_and_docs_are_served(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = json.loads(schema.content)["paths"]
    assert {"/api/me", "/api/credits", "/api/credits/ledger", "/api/features", "/api/health"} <= set(paths)
    assert api.get("/api/docs/").status_code == 200


PRODUCTION_ENV = {
    "DEBUG": "False",
    "SECRET_KEY": "a-production-secret-key-with-more-than-fifty-characters-0123456789",
    "ALLOWED_HOSTS": "designforge.example",
    "CSRF_TRUSTED_ORIGINS": "https://designforge.example",
    "CLERK_PUBLISHABLE_KEY": "pk_live_Y2xlcmsuZGVzaWduZm9yZ2UuZXhhbXBsZSQ",
    "CLERK_SECRET_KEY": "sk_live_x",
    "CLERK_AUTHORIZED_PARTIES": "https://designforge.example",
    "DATABASE_URL": "sqlite:///:memory:",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def _manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION_ENV and not k.startswith(("CLERK_", "STRIPE_", "OPENAI_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )


def test_production_settings_pass_check_deploy():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_secret_key_with_debug_off_is_a_startup_error():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = _manage("check", **env)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_dev_sign_in_with_debug_off_refuses_to_start():
    # A settings error, not a system check: gunicorn never runs checks, but it loads the WSGI app.
    env = {**os.environ, **PRODUCTION_ENV, "DEV_SIGN_IN": "True", "DJANGO_SETTINGS_MODULE": "designforge.settings"}
    load_app = [sys.executable, "-c", "from designforge.wsgi import application"]
    result = subprocess.run(load_app, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "DEV_SIGN_IN must not be on when DEBUG=False" in result.stderr
    result = subprocess.run(load_app, cwd=ROOT, env={**env, "DEV_SIGN_IN": "False"}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_check_deploy_refuses_clerk_without_authorized_parties():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CLERK_AUTHORIZED_PARTIES"}
    result = _manage("check", "--deploy", **env)
    assert result.returncode != 0 and "accounts.E002" in result.stderr


def test_check_deploy_refuses_a_per_process_cache():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    result = _manage("check", "--deploy", **env)
    assert result.returncode != 0 and "designforge.E001" in result.stderr


def test_an_unreadable_rate_limit_fails_the_system_check():
    result = _manage("check", GENERATION_RATE_LIMIT="thirty a minute")
    assert result.returncode != 0 and "designforge.E002" in result.stderr


def test_the_schema_documents_both_webhooks_and_their_answers(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in ("/api/webhooks/clerk", "/api/webhooks/stripe"):
        responses = schema["paths"][path]["post"]["responses"]
        assert set(responses) == {"200", "400", "413", "500", "503"}
        assert responses["200"]["content"]["application/json"]["schema"]["properties"]["status"]["enum"] == [
            "received"
        ]
