"""`POST /api/design-systems/import`: signed in, free, nothing saved; answers the parsed tokens, the failing
pairs, the minimal repair and every change; unreadable input answers 400 with the line and the reason."""

import json
from pathlib import Path

import pytest

from accounts import services as accounts_services
from credits.models import LedgerEntry
from designs.models import DesignSystem

pytestmark = pytest.mark.django_db

SHADCN = (Path(__file__).parent / "themes" / "shadcn-neutral.css").read_text()
URL = "/api/design-systems/import"


def post(client, body, path=URL, **headers):
    return client.post(path, data=json.dumps(body), content_type="application/json", **headers)


def test_an_import_answers_tokens_failures_repair_and_changes_and_saves_nothing(user_api, user):
    entries = LedgerEntry.objects.count()

    response = post(user_api, {"source": SHADCN})

    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"format", "intent", "tokens", "report", "failures", "repaired", "changes", "unrepaired",
                         "completed", "unused"}
    assert body["format"] == "css" and body["report"]["passes"] is False
    assert {(row["theme"], row["foreground"]) for row in body["failures"]} == {
        ("light", "border-strong"), ("light", "focus-ring"), ("dark", "border-strong")}
    assert body["repaired"]["report"]["passes"] is True
    assert [change["name"] for change in body["changes"]] == ["input", "ring", "input"]
    assert body["changes"][1]["message"].startswith("ring #a1a1a1 -> ")
    assert DesignSystem.objects.count() == 0 and LedgerEntry.objects.count() == entries


def test_the_repaired_tokens_save_free_and_pass(user_api, user):
    repaired = post(user_api, {"source": SHADCN}).json()["repaired"]["tokens"]
    balance = user.creditaccount.balance

    saved = post(user_api, {"name": "Repaired shadcn", "tokens": repaired}, path="/api/design-systems/")

    assert saved.status_code == 201, saved.content
    assert saved.json()["report"]["passes"] is True and saved.json()["tokens"] == repaired
    user.creditaccount.refresh_from_db()
    assert user.creditaccount.balance == balance


def test_an_unreadable_theme_answers_400_with_the_line_and_the_reason(user_api):
    source = ":root {\n  --background: #fff;\n  --primary: oklch(nope);\n}"

    response = post(user_api, {"source": source})

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"] == "The theme cannot be read. Line 3, column 3: --primary: 'oklch(nope)' is not a colour"
    assert error["details"] == {
        "source": ["Line 3, column 3: --primary: 'oklch(nope)' is not a colour"],
        "problems": [{"line": 3, "column": 3, "reason": "--primary: 'oklch(nope)' is not a colour"}],
    }


def test_a_dtcg_file_is_read_when_asked_for(user_api):
    document = {"theme": {"light": {"$type": "color", "background": {"$value": "#ffffff"},
                                    "text": {"$value": "#9ca3af"}, "primary": {"$value": "#0f766e"}}}}
    body = post(user_api, {"source": json.dumps(document), "format": "dtcg"}).json()
    assert body["format"] == "dtcg" and [change["name"] for change in body["changes"]] == ["theme.light.text"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "source"),
        ({"source": 12}, "source"),
        ({"source": "x" * 200_001}, "source"),
        ({"source": SHADCN, "format": "less"}, "format"),
        ({"source": SHADCN, "save": True}, "save"),
    ],
)
def test_a_wrong_body_answers_400_naming_the_field(user_api, body, field):
    response = post(user_api, body)
    assert response.status_code == 400 and field in response.json()["error"]["details"]


def test_a_body_past_the_server_limit_answers_413(user_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = post(user_api, {"source": SHADCN + " " * 10_000})
    assert response.status_code == 413 and response.json()["error"]["code"] == "payload_too_large"


def test_signed_out_answers_401(api):
    response = post(api, {"source": SHADCN})
    assert response.status_code == 401 and response.json()["error"]["code"] == "not_authenticated"


def test_an_api_key_may_import(api, user):
    accounts_services.user_set_plan(user=user, plan="pro")
    secret = accounts_services.api_key_create(user=user, name="agent")[1]
    response = post(api, {"source": SHADCN}, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200 and response.json()["changes"]


def test_imports_count_with_previews_against_the_preview_limit(user_api, settings):
    settings.PREVIEW_RATE_LIMIT = "2/day"
    assert post(user_api, {"intent": {"primary": "#2563eb"}}, path="/api/preview").status_code == 200
    assert post(user_api, {"source": SHADCN}).status_code == 200

    refused = post(user_api, {"source": SHADCN})

    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
    assert refused.json()["error"]["code"] == "rate_limited"


def test_the_schema_documents_the_import_with_its_limits_and_answers(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"][URL]["post"]
    assert set(operation["responses"]) == {"200", "400", "401", "413", "429", "500"}
    request = schema["components"]["schemas"]["ImportRequest"]
    assert request["properties"]["source"]["maxLength"] == 200_000
    assert request["properties"]["format"]["default"] == "auto"
    examples = operation["requestBody"]["content"]["application/json"]["examples"]
    assert {"AShadcnTheme", "ADTCGFileWithAnAlias"} <= set(examples)
