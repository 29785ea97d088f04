"""A local stand-in for Clerk's Backend API, speaking its JSON to the real `clerk-backend-api` client.

It runs on pytest-httpserver (a real HTTP server on localhost) and answers what we call: GET
/v1/users/{id} (a user object, or Clerk's 404 error body), GET /v1/users (a JSON array, paginated by
`limit` and `offset`) and GET /v1/jwks (the signer's public key as a JWK, for token checks without
CLERK_JWT_KEY). Like Clerk it refuses a request without the secret key (401). Point the app at it
with CLERK_API_URL (the `fake_clerk` fixture does). `fail_with(status)` makes every answer an error
until cleared; `requests` lists every request received.
"""

import json
import re

import jwt
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

SECRET_KEY = "sk_test_fake_clerk_0123456789"


def clerk_error(status: int, code: str, message: str) -> Response:
    body = {"errors": [{"message": message, "long_message": message, "code": code}], "clerk_trace_id": "trace"}
    return Response(response=_json(body), status=status, content_type="application/json")


def _json(value) -> str:
    return json.dumps(value)


class FakeClerk:
    def __init__(self, server: HTTPServer, signer):
        self.server = server
        self.signer = signer
        self.users: dict[str, dict] = {}  # Clerk id -> user object, in creation order
        self.failure: int | None = None
        server.expect_request(re.compile(r"^/v1/users/[^/]+$"), method="GET").respond_with_handler(self._user)
        server.expect_request("/v1/users", method="GET").respond_with_handler(self._users)
        server.expect_request("/v1/jwks", method="GET").respond_with_handler(self._jwks)

    @property
    def url(self) -> str:
        return self.server.url_for("/").rstrip("/")

    @property
    def requests(self) -> list[Request]:
        return [request for request, _ in self.server.log]

    def add(self, *users: dict) -> None:
        for user in users:
            self.users[user["id"]] = user

    def fail_with(self, status: int | None) -> None:
        self.failure = status

    def _refusal(self, request: Request) -> Response | None:
        if request.headers.get("Authorization") != f"Bearer {SECRET_KEY}":
            return clerk_error(401, "authentication_invalid", "Invalid or missing secret key.")
        if self.failure:
            return clerk_error(self.failure, "internal_clerk_error", "Something went wrong.")
        return None

    def _user(self, request: Request) -> Response:
        refusal = self._refusal(request)
        if refusal:
            return refusal
        user = self.users.get(request.path.rsplit("/", 1)[-1])
        if user is None:
            return clerk_error(404, "resource_not_found", "not found")
        return Response(_json(user), content_type="application/json")

    def _users(self, request: Request) -> Response:
        refusal = self._refusal(request)
        if refusal:
            return refusal
        limit, offset = int(request.args.get("limit", 10)), int(request.args.get("offset", 0))
        users = list(self.users.values())
        if request.args.get("order_by", "-created_at") == "-created_at":
            users.reverse()
        return Response(_json(users[offset : offset + limit]), content_type="application/json")

    def _jwks(self, request: Request) -> Response:
        refusal = self._refusal(request)
        if refusal:
            return refusal
        key = jwt.algorithms.RSAAlgorithm.to_jwk(self.signer.key.public_key(), as_dict=True)
        return Response(_json({"keys": [{**key, "kid": "ins_test", "use": "sig", "alg": "RS256"}]}),
                        content_type="application/json")
