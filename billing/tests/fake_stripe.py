"""A local stand-in for the Stripe API, speaking its wire protocol to the real `stripe` client.

It runs `http.server` in a thread on 127.0.0.1 (a random port) and implements what billing calls:
POST /v1/customers, POST /v1/checkout/sessions, POST /v1/billing_portal/sessions, GET /v1/subscriptions
(a list, paginated with `limit` and `starting_after`), GET /v1/subscriptions/{id} and DELETE
/v1/subscriptions/{id} (cancel at once; like Stripe, 404 for one already cancelled). Like Stripe it
answers form-encoded requests with JSON objects, checks the bearer key, replays a request whose
Idempotency-Key it has seen with the same parameters and refuses one with other parameters
(`idempotency_error`). Every request is recorded (method, path, flat form parameters, headers) for
tests to check what was sent.
"""

import itertools
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

API_KEY = "sk_test_fake_0123456789"


@dataclass
class Recorded:
    method: str
    path: str
    params: dict
    headers: dict
    response: dict = field(default_factory=dict)

    @property
    def idempotency_key(self) -> str | None:
        return self.headers.get("idempotency-key")


@dataclass
class FakeStripe:
    url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    subscriptions: dict[str, dict] = field(default_factory=dict)
    _idempotent: dict[str, tuple[dict, int, dict]] = field(default_factory=dict)
    _failures: list[tuple[int, dict]] = field(default_factory=list)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def calls(self, method: str, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path == path]

    def fail_next(self, status: int, error_type: str = "api_error", message: str = "Something went wrong.", **extra):
        """The next request is answered with this Stripe error (`Stripe-Should-Retry: false`)."""
        self._failures.append((status, {"error": {"type": error_type, "message": message, **extra}}))

    def add_subscription(self, subscription: dict) -> None:
        self.subscriptions[subscription["id"]] = subscription

    # --- the API ------------------------------------------------------------------------------

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}_fake{next(self._ids):06d}"

    def _customer(self, params: dict) -> dict:
        return {
            "id": self._new_id("cus"),
            "object": "customer",
            "email": params.get("email"),
            "name": params.get("name"),
            "metadata": _nested(params, "metadata"),
            "created": 1_700_000_000,
            "livemode": False,
        }

    def _checkout_session(self, params: dict) -> dict:
        session_id = self._new_id("cs_test")
        return {
            "id": session_id,
            "object": "checkout.session",
            "url": f"https://checkout.stripe.com/c/pay/{session_id}",
            "mode": params.get("mode"),
            "status": "open",
            "payment_status": "unpaid",
            "customer": params.get("customer"),
            "client_reference_id": params.get("client_reference_id"),
            "metadata": _nested(params, "metadata"),
            "success_url": params.get("success_url"),
            "cancel_url": params.get("cancel_url"),
            "payment_intent": None,
            "subscription": None,
            "livemode": False,
        }

    def _portal_session(self, params: dict) -> dict:
        session_id = self._new_id("bps")
        return {
            "id": session_id,
            "object": "billing_portal.session",
            "customer": params.get("customer"),
            "return_url": params.get("return_url"),
            "url": f"https://billing.stripe.com/p/session/{session_id}",
            "livemode": False,
        }

    def _list_subscriptions(self, params: dict) -> dict:
        items = sorted(self.subscriptions.values(), key=lambda s: s["id"])
        if params.get("status") not in ("all", None):
            items = [s for s in items if s["status"] == params["status"]]
        if params.get("starting_after"):
            ids = [s["id"] for s in items]
            items = items[ids.index(params["starting_after"]) + 1 :]
        limit = int(params.get("limit", 10))
        return {"object": "list", "url": "/v1/subscriptions", "data": items[:limit], "has_more": len(items) > limit}

    def handle(self, method: str, path: str, params: dict, headers: dict) -> tuple[int, dict]:
        with self._lock:
            recorded = Recorded(method, path, params, headers)
            self.requests.append(recorded)
            status, body = self._answer(recorded)
            recorded.response = body
            return status, body

    def _answer(self, request: Recorded) -> tuple[int, dict]:
        method, path, params, headers = request.method, request.path, request.params, request.headers
        if headers.get("authorization") != f"Bearer {API_KEY}":
            return 401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided."}}
        if self._failures:
            return self._failures.pop(0)
        key = headers.get("idempotency-key")
        if method == "POST" and key in self._idempotent:
            seen_params, status, body = self._idempotent[key]
            if seen_params != params:
                message = "Keys for idempotent requests can only be used with the same parameters."
                return 400, {"error": {"type": "idempotency_error", "message": message}}
            return status, body
        status, body = self._route(method, path, params)
        if method == "POST" and key:
            self._idempotent[key] = (params, status, body)
        return status, body

    def _route(self, method: str, path: str, params: dict) -> tuple[int, dict]:
        if method == "POST" and path == "/v1/customers":
            return 200, self._customer(params)
        if method == "POST" and path == "/v1/checkout/sessions":
            return 200, self._checkout_session(params)
        if method == "POST" and path == "/v1/billing_portal/sessions":
            return 200, self._portal_session(params)
        if method == "GET" and path == "/v1/subscriptions":
            return 200, self._list_subscriptions(params)
        if method == "GET" and path.startswith("/v1/subscriptions/"):
            subscription = self.subscriptions.get(path.rsplit("/", 1)[1])
            if subscription is not None:
                return 200, subscription
        if method == "DELETE" and path.startswith("/v1/subscriptions/"):
            subscription = self.subscriptions.get(path.rsplit("/", 1)[1])
            if subscription is not None and subscription["status"] != "canceled":
                subscription.update(status="canceled", canceled_at=1_700_000_100, ended_at=1_700_000_100)
                subscription["cancellation_details"] = {"comment": params.get("cancellation_details[comment]")}
                return 200, subscription
        message = f"No such resource: {path}"
        return 404, {"error": {"type": "invalid_request_error", "code": "resource_missing", "message": message}}


def _nested(params: dict, name: str) -> dict:
    """`metadata[user_id]=1` → {"user_id": "1"} (one level, as Stripe's metadata is)."""
    prefix = f"{name}["
    return {k[len(prefix) : -1]: v for k, v in params.items() if k.startswith(prefix) and k.count("[") == 1}


def _handler(fake: FakeStripe):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self, method: str):
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode() if length else ""
            params = dict(parse_qsl(body if method == "POST" else parts.query, keep_blank_values=True))
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, payload = fake.handle(method, parts.path, params, headers)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Request-Id", f"req_fake{len(fake.requests):06d}")
            if status >= 400:
                self.send_header("Stripe-Should-Retry", "false")
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self._serve("GET")

        def do_POST(self):
            self._serve("POST")

        def do_DELETE(self):
            self._serve("DELETE")

        def log_message(self, format, *args):  # keep test output quiet
            pass

    return Handler


class FakeStripeServer:
    """`with FakeStripeServer() as fake:` serves a fresh FakeStripe at `fake.url`."""

    def __enter__(self) -> FakeStripe:
        self.fake = FakeStripe()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.fake))
        self.server.daemon_threads = True
        self.fake.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()
        return self.fake

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
