"""`POST /api/webhooks/clerk`: Clerk's user events, delivered by Svix.

Verify the Svix signature (5-minute timestamp tolerance) → store the event in the inbox, unique on
its `svix-id` → apply it through the handler for its type → answer. Bad signatures and unparsable
bodies are refused with 400 before anything is written; our own failures answer 500 so Svix retries.
"""

import json

from django.conf import settings
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from svix.webhooks import Webhook, WebhookVerificationError

from designforge import webhooks as endpoint
from designforge.models import WebhookEvent

from . import services
from .clerk import profile_from_user_object


def _upsert_user(data: dict) -> None:
    services.user_upsert_from_clerk(profile=profile_from_user_object(data))


def _close_user(data: dict) -> None:
    services.user_close(clerk_id=data["id"])


HANDLERS = {
    "user.created": _upsert_user,
    "user.updated": _upsert_user,
    "user.deleted": _close_user,
}


def process_clerk_event(event: WebhookEvent) -> str:
    """The inbox processor for source "clerk": unknown types are recorded and ignored."""
    handler = HANDLERS.get(event.event_type)
    if handler is None:
        return WebhookEvent.Status.IGNORED
    handler(event.payload["data"])
    return WebhookEvent.Status.PROCESSED


def _verify(body: bytes, headers, secret: str) -> bool:
    try:
        Webhook(secret).verify(body, dict(headers))
    except WebhookVerificationError:
        return False
    return True


def _parse(body: bytes, headers) -> tuple[str, str, dict] | None:
    try:
        payload = json.loads(body)
    except ValueError:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("type"), str):
        return None
    data = payload.get("data")
    if not isinstance(data, dict) or (payload["type"].startswith("user.") and not isinstance(data.get("id"), str)):
        return None
    return headers.get("svix-id") or headers["webhook-id"], payload["type"], payload


@csrf_exempt
@require_POST
def clerk_webhook(request):
    return endpoint.webhook_response(
        request, source="clerk", secret=settings.CLERK_WEBHOOK_SIGNING_SECRET, verify=_verify, parse=_parse
    )
