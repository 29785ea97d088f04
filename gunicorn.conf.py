"""gunicorn defaults for DesignForge; every value can be overridden by the environment."""

import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", (os.cpu_count() or 1) * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Generation may wait on an AI provider for up to OPENAI_TIMEOUT_SECONDS; leave room above it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
# The app logs every request itself (method, path, status, duration, request id: designforge/request_log.py),
# so gunicorn's own access log is off unless asked for (GUNICORN_ACCESS_LOG=-): one log line per request, not two.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# X-Forwarded-* headers (the client's scheme and address) are trusted only from these proxies.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
