"""The bare baselines: a Django project with no apps and no middleware whose views do, with the fewest
statements, exactly the work one of DesignForge's hot endpoints must do. The benchmark scripts serve it
with the same gunicorn configuration as DesignForge: `gunicorn bench.baseline_app:application -c gunicorn.conf.py`.

- `POST /api/webhooks/clerk` (bench/clerk_webhooks.py): check the Svix signature exactly as the Clerk
  webhook does and store the body with one INSERT into `bench_event` (a table the bench creates);
- `GET /api/me` (bench/generation_api.py): verify the Clerk session token exactly as DesignForge does
  (`clerk-backend-api`, with the PEM key) and read the user with its balance in one SELECT;
- `POST /api/generate/<kind>` (bench/generation_api.py): the same token check, then the bare spend in one
  transaction: `UPDATE ... SET balance = balance - n WHERE balance >= n RETURNING`, and the ledger INSERT.

It reads DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, CLERK_WEBHOOK_SIGNING_SECRET and CLERK_JWT_KEY from the
environment and keeps database connections open like DesignForge (DATABASE_CONN_MAX_AGE, 60 s).
"""

import json

import environ
from clerk_backend_api.security import authenticate_request
from clerk_backend_api.security.types import AuthenticateRequestOptions
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection, transaction
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from svix.webhooks import Webhook, WebhookVerificationError

env = environ.Env()
settings.configure(
    DEBUG=False,
    SECRET_KEY=env.str("SECRET_KEY"),
    ALLOWED_HOSTS=env.list("ALLOWED_HOSTS"),
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
    USE_TZ=True,
    DATABASES={
        "default": {
            **env.db("DATABASE_URL"),
            "CONN_MAX_AGE": env.int("DATABASE_CONN_MAX_AGE", default=60),
            "CONN_HEALTH_CHECKS": True,
        }
    },
    CLERK_WEBHOOK_SIGNING_SECRET=env.str("CLERK_WEBHOOK_SIGNING_SECRET", default=""),
    CLERK_JWT_KEY=env.str("CLERK_JWT_KEY", default="").replace("\\n", "\n"),
)
COSTS = {"colors": 1, "typography": 1, "design-system": 2}


@csrf_exempt
@require_POST
def receive_event(request):
    try:
        Webhook(settings.CLERK_WEBHOOK_SIGNING_SECRET).verify(request.body, dict(request.headers))
    except WebhookVerificationError:
        return JsonResponse({"error": "invalid signature"}, status=400)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_event (id, body) VALUES (%s, %s)",
            [request.headers["svix-id"], request.body.decode()],
        )
    return JsonResponse({"received": True})


def _clerk_id(request) -> str | None:
    options = AuthenticateRequestOptions(jwt_key=settings.CLERK_JWT_KEY, clock_skew_in_ms=5000)
    state = authenticate_request(request, options)
    return state.payload["sub"] if state.is_signed_in and state.payload else None


@require_GET
def me(request):
    clerk_id = _clerk_id(request)
    if clerk_id is None:
        return JsonResponse({"error": "not signed in"}, status=401)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT u.id, u.clerk_id, u.email, u.first_name, u.last_name, u.image_url, u.plan, u.preferences,"
            " u.created_at, a.balance FROM accounts_user u JOIN credits_creditaccount a ON a.user_id = u.id"
            " WHERE u.clerk_id = %s",
            [clerk_id],
        )
        row = cursor.fetchone()
    keys = ["id", "clerk_id", "email", "first_name", "last_name", "image_url", "plan", "preferences", "created_at"]
    body = {**dict(zip(keys, row[:-1], strict=True)), "credits": row[-1]}
    return JsonResponse(body, json_dumps_params={"default": str})


@csrf_exempt
@require_POST
def spend(request, kind):
    clerk_id = _clerk_id(request)
    if clerk_id is None:
        return JsonResponse({"error": "not signed in"}, status=401)
    json.loads(request.body)
    cost = COSTS[kind]
    # The entry's time is taken once the row lock is held (clock_timestamp(), as the app does), so entries
    # are in the order their balances were written even when two spends race on one account.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE credits_creditaccount SET balance = balance - %s, updated_at = now() WHERE balance >= %s"
            " AND user_id = (SELECT id FROM accounts_user WHERE clerk_id = %s) RETURNING user_id, balance",
            [cost, cost, clerk_id],
        )
        row = cursor.fetchone()
        if row is None:
            return JsonResponse({"error": "insufficient credits"}, status=402)
        cursor.execute(
            "INSERT INTO credits_ledgerentry (account_id, amount, balance_after, kind, feature, description,"
            " idempotency_key, created_at)"
            " VALUES (%s, %s, %s, 'spend', %s, '', gen_random_uuid()::text, clock_timestamp())",
            [row[0], -cost, row[1], kind],
        )
    return JsonResponse({"status": "pending", "balance": row[1]}, status=202)


urlpatterns = [
    path("api/webhooks/clerk", receive_event),
    path("api/me", me),
    path("api/generate/<str:kind>", spend),
]

application = get_wsgi_application()
