"""The bare baseline for bench/clerk_webhooks.py: a Django project of one view, with no apps and no
middleware, that checks a Svix signature exactly as the Clerk webhook does and stores the body with
one INSERT into `bench_event` (a table the bench creates). It is served by the same gunicorn
configuration as DesignForge: `gunicorn bench.baseline_app:application -c gunicorn.conf.py`.

It reads DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS and CLERK_WEBHOOK_SIGNING_SECRET from the
environment and keeps database connections open like DesignForge (DATABASE_CONN_MAX_AGE, 60 s).
"""

import environ
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
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
    CLERK_WEBHOOK_SIGNING_SECRET=env.str("CLERK_WEBHOOK_SIGNING_SECRET"),
)


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


urlpatterns = [path("api/webhooks/clerk", receive_event)]

application = get_wsgi_application()
