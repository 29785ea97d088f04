"""`GET /api/health`: for load balancers, container health checks and monitoring.

200 when PostgreSQL (or SQLite) answers and, when `REDIS_URL` is set, Redis answers too; 503 otherwise.
It also says how long the oldest stored webhook event has waited to be applied, so a stalled worker
shows up before anyone notices missing credits.
"""

from functools import cache

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.response import Response

from . import inbox

REDIS_TIMEOUT_SECONDS = 2

_HealthSerializer = inline_serializer(
    "Health",
    {
        "status": serializers.ChoiceField(["ok", "error"]),
        "database": serializers.ChoiceField(["ok", "unreachable"]),
        "redis": serializers.ChoiceField(
            ["ok", "unreachable", "not_configured"], help_text="`not_configured`: no REDIS_URL, tasks run inline."
        ),
        "oldest_unapplied_event_seconds": serializers.FloatField(
            allow_null=True,
            help_text="Seconds the oldest webhook event not applied yet (received or failed) has waited; null when "
            "none waits (or the database is unreachable).",
        ),
    },
)


@cache
def _redis(url: str) -> redis.Redis:
    """One client (and connection pool) per process for the health check."""
    return redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS)


def _database() -> tuple[str, float | None]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok", inbox.oldest_unapplied_age()
    except DatabaseError:
        return "unreachable", None


def _redis_state() -> str:
    if not settings.REDIS_URL:
        return "not_configured"
    try:
        _redis(settings.REDIS_URL).ping()
    except redis.RedisError:
        return "unreachable"
    return "ok"


@extend_schema(responses={200: _HealthSerializer, 503: _HealthSerializer}, auth=[], tags=["health"])
@api_view(["GET"])
@authentication_classes([])
@permission_classes([])
def health(request):
    """Liveness, database and Redis reachability, and the webhook backlog."""
    database, backlog = _database()
    redis_state = _redis_state()
    healthy = database == "ok" and redis_state != "unreachable"
    body = {
        "status": "ok" if healthy else "error",
        "database": database,
        "redis": redis_state,
        "oldest_unapplied_event_seconds": backlog,
    }
    return Response(body, status=200 if healthy else 503)
