"""DesignForge settings: one module, driven by the environment (django-environ).

Every variable of the external contract is read here and nowhere else. Defaults are safe for
development; `DEBUG=False` switches on the production hardening that `manage.py check --deploy`
expects. A `.env` file in the project root is honoured; real environment variables win over it.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from designforge.static_headers import add_font_headers

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

_DEV_SECRET_KEY = "django-insecure-development-only-key-never-use-it-in-production-0123456789"
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG=False.")
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "designforge",
    "accounts",
    "credits",
    "designs",
    "billing",
]

MIDDLEWARE = [
    "designforge.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "accounts.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.ClerkSessionMiddleware",
    "designforge.pages.PageMessageMiddleware",  # Django's MessageMiddleware, skipped for /api/
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "designforge.urls"
WSGI_APPLICATION = "designforge.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.sign_in",
            ],
        },
    },
]

# Database: the embedded SQLite file by default, PostgreSQL in production and CI.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].update(CONN_MAX_AGE=env.int("DATABASE_CONN_MAX_AGE", default=60), CONN_HEALTH_CHECKS=True)
    if env.bool("DATABASE_PGBOUNCER", default=False):
        # Behind PgBouncer in transaction mode: a connection per request, and no server-side cursors
        # (they do not survive from one transaction to the next). See README "Scaling out".
        DATABASES["default"].update(CONN_MAX_AGE=0, DISABLE_SERVER_SIDE_CURSORS=True)
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock up front, so concurrent writers queue
    # instead of failing with "database is locked" halfway through a transaction.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=20, init_command="PRAGMA journal_mode=WAL;"
    )

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "/sign-in/"
LOGIN_REDIRECT_URL = "/dashboard/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# WhiteNoise caches hashed names forever; fonts alone may be loaded by other sites (designforge/static_headers.py).
WHITENOISE_ALLOW_ALL_ORIGINS = False
WHITENOISE_ADD_HEADERS_FUNCTION = add_font_headers

# Request bodies: generation and design-system payloads are small; anything larger is refused (413).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=512 * 1024)

# Security. Behind a proxy, X-Forwarded-Proto is trusted to say the request came over HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^api/health$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp). Our pages load only our own files and run no inline script;
# the API docs' inline script and style carry the request's nonce. Design previews paint with inline
# `style` attributes (a design system's own custom properties), so style attributes are allowed, inline
# <style> elements are not without the nonce. Fonts are self-hosted. With Clerk configured,
# accounts.middleware.ContentSecurityPolicyMiddleware adds Clerk's Frontend API host (read from the
# publishable key). Forms may go to Stripe: checkout and the customer portal answer our POSTs with a
# redirect there.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "worker-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF, "https://checkout.stripe.com", "https://billing.stripe.com"],
    }
}
# Powerful browser features none of our pages use are switched off for us and anything we embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    )
}

# Clerk (hosted sign-in). See README "Connecting Clerk".
CLERK_PUBLISHABLE_KEY = env.str("CLERK_PUBLISHABLE_KEY", default="")
CLERK_SECRET_KEY = env.str("CLERK_SECRET_KEY", default="")
CLERK_JWT_KEY = env.str("CLERK_JWT_KEY", default="").replace("\\n", "\n")
CLERK_AUTHORIZED_PARTIES = env.list("CLERK_AUTHORIZED_PARTIES", default=[])
CLERK_API_URL = env.str("CLERK_API_URL", default="https://api.clerk.com")
CLERK_WEBHOOK_SIGNING_SECRET = env.str("CLERK_WEBHOOK_SIGNING_SECRET", default="") or env.str(
    "CLERK_WEBHOOK_SECRET", default=""
)
DEV_SIGN_IN = env.bool(
    "DEV_SIGN_IN", default=DEBUG and not (CLERK_PUBLISHABLE_KEY or CLERK_SECRET_KEY or CLERK_JWT_KEY)
)
if DEV_SIGN_IN and not DEBUG:  # anyone could sign in as anyone: never in production (gunicorn runs no checks)
    raise ImproperlyConfigured("DEV_SIGN_IN must not be on when DEBUG=False; configure Clerk instead.")

# Stripe
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")
# Stripe price ids of the paid plan and the credit packs; when set they win over the ids staff enter in admin.
STRIPE_PRICE_PRO = env.str("STRIPE_PRICE_PRO", default="")
STRIPE_PRICE_PACK_SMALL = env.str("STRIPE_PRICE_PACK_SMALL", default="")
STRIPE_PRICE_PACK_LARGE = env.str("STRIPE_PRICE_PACK_LARGE", default="")

# AI provider: any OpenAI-compatible endpoint. Without a key the offline engine serves every request.
OPENAI_API_KEY = env.str("OPENAI_API_KEY", default="")
OPENAI_BASE_URL = env.str("OPENAI_BASE_URL", default="")
OPENAI_MODEL = env.str("OPENAI_MODEL", default="gpt-4o-mini")
OPENAI_TIMEOUT_SECONDS = env.float("OPENAI_TIMEOUT_SECONDS", default=30.0)

GENERATION_RATE_LIMIT = env.str("GENERATION_RATE_LIMIT", default="30/min")
PREVIEW_RATE_LIMIT = env.str("PREVIEW_RATE_LIMIT", default="120/min")
# Credit changes on PostgreSQL in one statement (a CTE); False uses the ORM path (as on SQLite), which
# gives the same guarantees with more round trips. Both run the same concurrency tests.
CREDITS_ONE_STATEMENT = env.bool("CREDITS_ONE_STATEMENT", default=True)

# Per-user limits on saving design systems and on opening Stripe Checkout sessions (optional tuning).
DESIGN_SYSTEM_RATE_LIMIT = env.str("DESIGN_SYSTEM_RATE_LIMIT", default="60/hour")
CHECKOUT_RATE_LIMIT = env.str("CHECKOUT_RATE_LIMIT", default="20/hour")

# Redis: the shared cache (rate limits hold across every process and machine) and the task broker.
# Unset: a per-process memory cache and tasks run inline, in the request (the embedded default).
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "designforge"}}

# Celery (see designforge/celery.py). Tasks acknowledge late and are re-delivered if a worker dies,
# so every task is idempotent by database keys.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
# A message a worker took but never acknowledged (its machine died) goes back to the queue once it is
# CELERY_VISIBILITY_TIMEOUT seconds old (checked every CELERY_RESTORE_INTERVAL seconds); it must exceed
# the longest task. The requeue jobs below usually send such work again sooner.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "unacked_restore_interval": env.int("CELERY_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": 1,
}
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True

# The scheduler (`celery -A designforge beat`, exactly one). Each app that queues work adds one
# "requeue" entry for its rows (stored, never applied: their message was lost) next to its other jobs.
CELERY_BEAT_SCHEDULE = {
    "webhook-events-requeue": {"task": "designforge.tasks.webhook_events_requeue", "schedule": 60.0},
    "generations-requeue": {"task": "designs.tasks.generations_requeue", "schedule": 60.0},
    "generations-expire-stale": {"task": "designs.tasks.generations_expire_stale", "schedule": 300.0},
    # The Stripe cancellations of closed accounts not done yet (Stripe was down, or the message was lost).
    "billing-requeue-stripe-cancellations": {"task": "billing.tasks.requeue_stripe_cancellations", "schedule": 300.0},
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ApiKeyAuthentication",
        "accounts.authentication.ClerkAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["designforge.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "designforge.pagination.Pagination",
    "EXCEPTION_HANDLER": "designforge.errors.api_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "DesignForge API",
    "DESCRIPTION": (
        "Generate accessible design systems from a sentence or a brand colour. Authenticate with a Clerk "
        "session token (`Authorization: Bearer <token>` or the `__session` cookie), or with a personal API "
        "key (`Authorization: Bearer dfk_...`, Pro plan; not for `/api/keys` and billing). Every error answers "
        '`{"error": {"code", "message", "details"}}`. Lists answer a malformed or out-of-range `page` with '
        "400 `invalid`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI is served from our own static files (drf-spectacular-sidecar), not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "GenerationKindEnum": "designs.models.Generation.Kind",
        "GenerationStatusEnum": "designs.models.Generation.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "accounts.openapi.document_api_key_refusals",
        "designforge.openapi.add_error_responses",
        "designforge.openapi.add_webhook_endpoints",
    ],
}

# Logging: a request id on every line; JSON lines in production.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "designforge.request_log.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "designforge.request_log.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text" if DEBUG else "json",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # The MCP SDK says at INFO level that it starts and stops for every /mcp request.
    "loggers": {"django.server": {"level": "WARNING"}, "mcp": {"level": "WARNING"}},
}

SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.1)

    def _sentry_traces_sampler(context: dict) -> float:
        """Health checks (every few seconds, from every load balancer) are never traced."""
        path = (context.get("wsgi_environ") or {}).get("PATH_INFO", "")
        return 0.0 if path == "/api/health" else SENTRY_TRACES_SAMPLE_RATE

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        traces_sampler=_sentry_traces_sampler,
        send_default_pii=False,
        environment=env.str("SENTRY_ENVIRONMENT", default="development" if DEBUG else "production"),
    )
