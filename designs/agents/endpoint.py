"""`/mcp`: the MCP server (streamable HTTP) served by Django itself, signed in with personal API keys only.

The SDK's server is an ASGI app; DesignForge runs under WSGI (gunicorn's threads, `runserver`). Each
request is answered in the SDK's stateless, JSON-response mode (no session, no server-sent events: one
JSON answer per POST, which any number of WSGI processes can serve): this view authenticates the key
as the API does, then runs the SDK's app on the request (`async_to_sync`, a short-lived event loop)
with the body Django read. Tools hop back to this thread for their database work (`thread_sensitive`),
so the request's connection, middleware (request ids, security headers) and limits are the app's own.
"""

import anyio
from asgiref.sync import async_to_sync
from django.conf import settings
from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from mcp.server.transport_security import TransportSecuritySettings
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from accounts.authentication import ApiKeyAuthentication

from .tools import base_url, caller, server

PATH = "/mcp"
#: Django checks the Host header (ALLOWED_HOSTS) and a browser cannot send our API keys by itself, so
#: the SDK's own DNS-rebinding check (which knows no host but localhost) is left to them.
TRANSPORT_SECURITY = TransportSecuritySettings(enable_dns_rebinding_protection=False)


def _scope(request) -> dict:
    """The ASGI scope of a Django request (what the SDK's Starlette app reads of it)."""
    host, _, port = request.get_host().partition(":")
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": request.method,
        "scheme": request.scheme,
        "path": PATH,
        "raw_path": PATH.encode(),
        "root_path": "",
        "query_string": request.META.get("QUERY_STRING", "").encode("latin-1"),
        "headers": [(name.lower().encode("latin-1"), value.encode("latin-1"))
                    for name, value in request.headers.items()],
        "server": (host, int(port) if port.isdigit() else (443 if request.is_secure() else 80)),
        "client": (request.META.get("REMOTE_ADDR", ""), 0),
    }


async def _answer(scope: dict, body: bytes, user, origin: str) -> tuple[int, list, bytes]:
    """Run the SDK's app on one request: `(status, headers, body)` of its answer."""
    caller.set(user)
    base_url.set(origin)
    app = server.streamable_http_app(
        streamable_http_path=PATH, json_response=True, stateless_http=True, transport_security=TRANSPORT_SECURITY,
        max_request_body_size=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
    )
    answered = anyio.Event()
    sent = {"status": 500, "headers": [], "body": b""}
    delivered = False

    async def receive():
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        await answered.wait()
        return {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.start":
            sent["status"], sent["headers"] = message["status"], message.get("headers", [])
        elif message["type"] == "http.response.body":
            sent["body"] += message.get("body", b"")
            if not message.get("more_body"):
                answered.set()

    async with app.router.lifespan_context(app):
        await app(scope, receive, send)
    return sent["status"], sent["headers"], sent["body"]


@extend_schema(exclude=True)
class McpView(APIView):
    """The MCP endpoint: a personal API key (`Authorization: Bearer dfk_...`) or 401; a key whose plan no
    longer includes API keys answers 403 `plan_required`, as on the API."""

    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [IsAuthenticated]
    parser_classes = []  # the body goes to the SDK as it came

    def post(self, request):
        body = request._request.body  # past DATA_UPLOAD_MAX_MEMORY_SIZE: 413 payload_too_large
        origin = f"{request.scheme}://{request.get_host()}"
        status, headers, content = async_to_sync(_answer)(_scope(request), body, request.user, origin)
        response = HttpResponse(content, status=status)
        for name, value in headers:
            if name.lower() not in (b"content-length",):
                response[name.decode("latin-1")] = value.decode("latin-1")
        return response

    get = delete = post
