"""`POST /api/webhooks/clerk`: Clerk's user events, delivered by Svix.

Verify the Svix signature (5-minute timestamp tolerance) → check the body's shape → store the event
in the inbox, unique on its `svix-id` → answer 200; a worker applies it through the handler for its
type. A bad signature (or signature header) and any malformed body (encoding, JSON, the types and
lengths of every field we read) are refused with 400 before anything is written.
"""

from typing import Annotated

from django.conf import settings
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError
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


class _Shape(BaseModel):
    """The fields we read, strictly typed; everything else in Clerk's payload is kept as sent."""

    model_config = ConfigDict(extra="allow")


ClerkId = Annotated[StrictStr, Field(min_length=1, max_length=64)]
Text = StrictStr | None


class _EmailAddress(_Shape):
    id: Text = None
    email_address: Annotated[StrictStr, Field(max_length=320)] | None = None


class _User(_Shape):
    """`data` of user.created / user.updated, as `profile_from_user_object` reads it."""

    id: ClerkId
    primary_email_address_id: Text = None
    email_addresses: list[_EmailAddress] | None = None
    first_name: Text = None
    last_name: Text = None
    image_url: Text = None
    profile_image_url: Text = None
    updated_at: Annotated[StrictInt, Field(ge=0, le=253_402_300_799_999)] | None = None  # ms, up to year 9999


class _DeletedUser(_Shape):
    id: ClerkId


class _Event(_Shape):
    type: Annotated[StrictStr, Field(min_length=1, max_length=100)]
    data: dict


SHAPES = {"user.created": _User, "user.updated": _User, "user.deleted": _DeletedUser}


def _verify(body: bytes, headers, secret: str) -> bool:
    try:
        Webhook(secret).verify(body, dict(headers))
    except (WebhookVerificationError, ValueError):  # ValueError: a malformed signature header, or not UTF-8
        return False
    return True


def _parse(body: bytes, headers) -> tuple[str, str, dict] | None:
    payload = endpoint.load_json_object(body)
    event_id = headers.get("svix-id") or headers.get("webhook-id") or ""
    if payload is None or not 0 < len(event_id) <= endpoint.MAX_EVENT_ID_LENGTH:
        return None
    try:
        event = _Event.model_validate(payload)
        if event.type in SHAPES:
            SHAPES[event.type].model_validate(event.data)
    except ValidationError:
        return None
    return event_id, event.type, payload


@csrf_exempt
@require_POST
def clerk_webhook(request):
    return endpoint.webhook_response(
        request, source="clerk", secret=settings.CLERK_WEBHOOK_SIGNING_SECRET, verify=_verify, parse=_parse
    )
