"""What the OpenAPI schema says about the accounts endpoints equals what they do."""

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api):
    return json.loads(api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").content)


def component(schema, operation):
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def test_sync_documents_every_answer_it_gives(schema):
    responses = schema["paths"]["/api/me/sync"]["post"]["responses"]
    assert {"200", "401", "403", "502", "503"} <= set(responses)
    assert "not_configured" in responses["503"]["description"]
    assert responses["503"]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/Error"


def test_the_preferences_patch_is_exactly_the_known_keys(schema):
    body = component(schema, schema["paths"]["/api/me"]["patch"])
    assert body["additionalProperties"] is False and set(body["properties"]) == {"preferences"}
    prefs = schema["components"]["schemas"][body["properties"]["preferences"]["$ref"].rsplit("/", 1)[-1]]
    assert prefs["additionalProperties"] is False and set(prefs["properties"]) == {"theme", "export_format"}
    theme = prefs["properties"]["theme"]
    assert theme.get("nullable") is True or {"type": "null"} in theme.get("oneOf", [])


def test_making_a_key_documents_its_limits(schema):
    operation = schema["paths"]["/api/keys"]["post"]
    body = component(schema, operation)
    name = body["properties"]["name"]
    assert body["additionalProperties"] is False and body["required"] == ["name"]
    assert (name["maxLength"], name["pattern"]) == (100, "\\S")
    assert {"201", "400", "401", "403"} <= set(operation["responses"])


def test_api_keys_are_a_security_scheme_everywhere_but_keys_and_billing(schema):
    assert schema["components"]["securitySchemes"]["ApiKey"]["scheme"] == "bearer"
    security = {
        (path, method): [name for requirement in op.get("security", []) for name in requirement]
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    }
    assert "ApiKey" in security[("/api/me", "get")] and "ClerkSession" in security[("/api/me", "get")]
    for operation in [("/api/keys", "get"), ("/api/keys", "post"), ("/api/keys/{id}", "delete"),
                      ("/api/billing/checkout", "post"), ("/api/billing/subscription", "get")]:
        assert security[operation] == ["ClerkSession"], operation
        path, method = operation
        assert "403" in schema["paths"][path][method]["responses"], operation
