"""What the OpenAPI schema says about every request body equals what validation does."""

import json

import pytest

pytestmark = pytest.mark.django_db

WEBHOOKS = {("POST", "/api/webhooks/clerk"), ("POST", "/api/webhooks/stripe")}  # the senders' own payloads


def test_every_json_request_body_refuses_unknown_fields_as_the_api_does(api):
    schema = json.loads(api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").content)
    bodies = {
        (method.upper(), path): operation["requestBody"]["content"]["application/json"]["schema"]
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if "application/json" in operation.get("requestBody", {}).get("content", {})
    }
    assert {("POST", "/api/preview"), ("PATCH", "/api/design-systems/{id}/"), ("POST", "/api/keys")} <= set(bodies)
    assert all(bodies[webhook] == {"type": "object"} for webhook in WEBHOOKS)
    open_bodies = {
        operation
        for operation, body in bodies.items()
        if operation not in WEBHOOKS
        and schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[-1]].get("additionalProperties") is not False
    }
    assert open_bodies == set()
