"""The MCP server at /mcp, driven by the official SDK's own client over streamable HTTP against a live server:
API keys only, each tool, generation charged once as on the API, and errors as the API's error bodies."""

import asyncio
import json
import os
from pathlib import Path

import httpx
import httpx2
import pytest
from django.conf import settings as django_settings
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError

from accounts import services as accounts_services
from accounts.tests.factories import UserFactory
from credits.models import LedgerEntry
from credits.selectors import balance_of
from credits.services import feature_cost
from designs import services
from designs.engine import EXPORT_FORMATS, Intent, export, generate_design_system, variant
from designs.models import DesignSystem, Generation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHADCN = (Path(__file__).parent / "themes" / "shadcn-neutral.css").read_text()
TOOLS = {"generate", "get_generation", "preview", "remix", "list_design_systems", "get_design_system",
         "save_design_system", "export_design_system", "import_theme"}


@pytest.fixture
def mcp_url(live_server, monkeypatch):
    from django.db import connections

    # The live server answers in threads of its own: they must not keep database sessions past the test.
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 0)
    return f"{live_server.url}/mcp"


@pytest.fixture
def pro(db):
    return accounts_services.user_set_plan(user=UserFactory.create(), plan="pro")


@pytest.fixture
def key(pro) -> str:
    return accounts_services.api_key_create(user=pro, name="agent")[1]


def session(url: str, secret: str | None, steps):
    """Open an SDK client session (with `Authorization: Bearer <secret>`) and run `steps(client)` in it."""
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    async def run():
        http = httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(30))
        async with Client(streamable_http_client(url, http_client=http)) as client:
            return await steps(client)

    return asyncio.run(run())


def call(url: str, secret: str, tool: str, arguments: dict | None = None):
    return session(url, secret, lambda client: client.call_tool(tool, arguments or {}))


def error_of(result) -> dict:
    assert result.is_error
    return json.loads(result.content[0].text)["error"]


# --- authentication ---------------------------------------------------------------------------------------------

INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}}
ACCEPT = "application/json, text/event-stream"


def raw(url: str, authorization: str | None):
    headers = {"Accept": ACCEPT, **({"Authorization": authorization} if authorization else {})}
    return httpx.post(url, json=INITIALIZE, headers=headers, timeout=30)


def test_without_an_api_key_the_sdk_client_cannot_connect_and_the_answer_is_401(mcp_url):
    with pytest.raises(ExceptionGroup) as caught:
        session(mcp_url, None, lambda client: client.list_tools())
    assert caught.group_contains(MCPError, match="Server returned an error response", depth=2)
    response = raw(mcp_url, None)
    assert response.status_code == 401 and response.headers["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["error"]["code"] == "not_authenticated"


def test_a_session_token_or_an_unknown_or_revoked_key_answers_401(mcp_url, pro, key):
    assert raw(mcp_url, "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln").status_code == 401  # a Clerk session is not a key
    assert raw(mcp_url, "Bearer dfk_unknown0123456789").status_code == 401
    accounts_services.api_key_revoke(user=pro, key_id=pro.api_keys.get().pk)
    assert raw(mcp_url, f"Bearer {key}").status_code == 401


def test_a_key_whose_plan_has_no_api_keys_answers_403_plan_required(mcp_url, pro, key):
    accounts_services.user_set_plan(user=pro, plan="free")
    response = raw(mcp_url, f"Bearer {key}")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "plan_required" and error["details"]["upgrade_url"]


def test_a_valid_key_initializes(mcp_url, key):
    response = raw(mcp_url, f"Bearer {key}")
    assert response.status_code == 200, response.content
    assert response.json()["result"]["serverInfo"]["name"] == "designforge"


def test_a_body_past_the_server_limit_answers_413(mcp_url, key, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = httpx.post(mcp_url, content=json.dumps({**INITIALIZE, "pad": "x" * 2000}),
                          headers={"Authorization": f"Bearer {key}", "Accept": ACCEPT,
                                   "Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 413 and response.json()["error"]["code"] == "payload_too_large"


# --- the tools ------------------------------------------------------------------------------------------------


def test_the_tools_are_described_for_agents(mcp_url, key):
    tools = {tool.name: tool for tool in session(mcp_url, key, lambda client: client.list_tools()).tools}
    assert set(tools) == TOOLS
    for tool in tools.values():
        assert len(tool.description) > 80 and tool.title and tool.input_schema["type"] == "object"
    preview = tools["preview"].input_schema["properties"]
    assert preview["intent"]["required"] == ["primary"] and preview["intent"]["additionalProperties"] is False
    assert preview["variant"]["maximum"] == 999
    assert tools["generate"].input_schema["properties"]["idempotency_key"]
    assert set(tools["export_design_system"].input_schema["properties"]["format"]["enum"]) == set(EXPORT_FORMATS)
    assert tools["preview"].annotations.read_only_hint is True
    assert tools["generate"].annotations.read_only_hint is False


def test_generate_charges_as_the_api_once_per_idempotency_key(mcp_url, pro, key):
    before = balance_of(pro)
    cost = feature_cost("design-system")
    arguments = {"prompt": "calm fintech for families", "seed_color": "#2563eb", "save": True, "name": "Acme",
                 "idempotency_key": "agent-run-1"}

    first = call(mcp_url, key, "generate", arguments)
    again = call(mcp_url, key, "generate", arguments)

    assert not first.is_error, first.content
    body = first.structured_content
    assert body["status"] == "succeeded" and body["credits_charged"] == cost and body["balance"] == before - cost
    assert body["tokens"]["themes"]["light"]["primary"] == "#2563eb" and body["report"]["passes"] is True
    assert body["design_system"]["name"] == "Acme"
    assert again.structured_content["id"] == body["id"]
    assert balance_of(pro) == before - cost
    assert LedgerEntry.objects.filter(account__user=pro, kind="spend").count() == 1
    assert Generation.objects.filter(user=pro).count() == 1 and DesignSystem.objects.filter(owner=pro).count() == 1

    conflict = call(mcp_url, key, "generate", {**arguments, "prompt": "something else"})
    assert error_of(conflict)["code"] == "idempotency_conflict" and balance_of(pro) == before - cost

    got = call(mcp_url, key, "get_generation", {"generation_id": body["id"]})
    assert got.structured_content["tokens"] == body["tokens"]
    theirs = Generation.objects.create(user=UserFactory.create(), kind="colors", request_hash="x")
    assert error_of(call(mcp_url, key, "get_generation", {"generation_id": theirs.pk}))["code"] == "not_found"


def test_generate_without_enough_credits_charges_nothing(mcp_url, pro, key):
    from credits.services import credits_spend

    credits_spend(user=pro, feature="design-system", amount=balance_of(pro), key="drain", description="drain")
    error = error_of(call(mcp_url, key, "generate", {"seed_color": "#2563eb"}))
    assert error["code"] == "insufficient_credits" and error["details"]["available"] == 0
    assert Generation.objects.filter(user=pro).count() == 0


def test_preview_is_free_and_the_engine_itself(mcp_url, pro, key):
    before = balance_of(pro)
    result = call(mcp_url, key, "preview", {"intent": {"primary": "#0f766e", "harmony": "triadic"}})
    assert result.structured_content["tokens"] == generate_design_system(Intent(primary="#0f766e", harmony="triadic"))
    assert balance_of(pro) == before and LedgerEntry.objects.filter(account__user=pro, kind="spend").count() == 0


def test_a_bad_intent_is_an_invalid_error_naming_the_field(mcp_url, key):
    error = error_of(call(mcp_url, key, "preview", {"intent": {"primary": "#0f766e", "vibrancy": 3}}))
    assert error["code"] == "invalid" and "intent.vibrancy" in error["details"]


def test_remix_gives_the_previews_variations_keeping_the_locks(mcp_url, key):
    intent = {"primary": "#e11d48", "font_pairing": "fraunces-work"}
    result = call(mcp_url, key, "remix", {"intent": intent, "locks": ["primary"], "count": 3})
    variations = result.structured_content["variations"]
    assert [v["variant"] for v in variations] == [1, 2, 3]
    for v in variations:
        assert v["intent"] == variant(Intent(**intent), v["variant"], ["primary"]).to_dict()
        assert v["light"]["primary"] == "#e11d48" and v["passes"] is True
    assert len({json.dumps(v["intent"], sort_keys=True) for v in variations}) == 3


def test_previews_and_remixes_share_the_preview_rate_limit(mcp_url, key, settings):
    settings.PREVIEW_RATE_LIMIT = "3/day"
    assert not call(mcp_url, key, "remix", {"intent": {"primary": "#e11d48"}, "count": 3}).is_error
    error = error_of(call(mcp_url, key, "preview", {"intent": {"primary": "#e11d48"}}))
    assert error["code"] == "rate_limited" and error["details"]["retry_after"] >= 1


def test_save_list_fetch_and_export(mcp_url, pro, key):
    saved = call(mcp_url, key, "save_design_system", {"name": "From an intent", "intent": {"primary": "#7c3aed"}})
    design_id = saved.structured_content["id"]
    other = services.design_system_create(owner=UserFactory.create(), name="Theirs", intent={"primary": "#111111"})

    listed = call(mcp_url, key, "list_design_systems").structured_content
    fetched = call(mcp_url, key, "get_design_system", {"design_system_id": design_id}).structured_content
    exported = call(mcp_url, key, "export_design_system", {"design_system_id": design_id, "format": "css"})

    assert [row["id"] for row in listed["results"]] == [design_id] and listed["has_more"] is False
    assert fetched["tokens"] == DesignSystem.objects.get(pk=design_id).tokens
    fonts = mcp_url.removesuffix("/mcp") + django_settings.STATIC_URL + "fonts/"
    assert exported.structured_content == {
        "filename": "from-an-intent.css", "content_type": "text/css",
        "content": export(fetched["tokens"], "css", name="From an intent", font_base_url=fonts)}
    assert error_of(call(mcp_url, key, "get_design_system", {"design_system_id": other.pk}))["code"] == "not_found"
    assert error_of(call(mcp_url, key, "export_design_system", {"design_system_id": other.pk}))["code"] == (
        "not_found")


def test_list_pages_by_twenty(mcp_url, pro, key, no_saved_limit):
    for number in range(21):
        services.design_system_create(owner=pro, name=f"System {number}", intent={"primary": "#2563eb"})
    first = call(mcp_url, key, "list_design_systems").structured_content
    second = call(mcp_url, key, "list_design_systems", {"page": 2}).structured_content
    assert len(first["results"]) == 20 and first["has_more"] is True
    assert [row["name"] for row in second["results"]] == ["System 0"] and second["has_more"] is False


def test_import_theme_repairs_and_saves_the_repaired_version(mcp_url, pro, key):
    result = call(mcp_url, key, "import_theme", {"source": SHADCN, "save": True, "name": "Fixed"})
    body = result.structured_content
    assert [change["name"] for change in body["changes"]] == ["input", "ring", "input"]
    assert body["passes_after_repair"] is True and {row["foreground"] for row in body["failures"]} == {
        "border-strong", "focus-ring"}
    stored = DesignSystem.objects.get(owner=pro)
    assert stored.name == "Fixed" and stored.tokens == body["repaired_tokens"] and stored.report["passes"] is True
    assert body["design_system"]["id"] == stored.pk


def test_an_unreadable_theme_is_an_invalid_error_with_the_line(mcp_url, key):
    error = error_of(call(mcp_url, key, "import_theme", {"source": ":root {\n  --primary: oklch(nope);\n}"}))
    assert error["code"] == "invalid"
    assert error["details"]["problems"] == [{"line": 2, "column": 3, "reason": "--primary: 'oklch(nope)' is not a "
                                             "colour"}]


def test_the_rest_of_the_app_is_unchanged_beside_it(mcp_url, key):
    base = mcp_url.removesuffix("/mcp")
    assert httpx.get(f"{base}/api/health", timeout=30).json()["database"] == "ok"
    assert httpx.get(f"{base}/api/me", headers={"Authorization": f"Bearer {key}"}, timeout=30).status_code == 200


def test_the_generation_rate_limit_is_shared_with_the_api(mcp_url, key, settings):
    settings.GENERATION_RATE_LIMIT = "2/day"
    api = httpx.post(mcp_url.removesuffix("/mcp") + "/api/generate/colors", json={"seed_color": "#2563eb"},
                     headers={"Authorization": f"Bearer {key}"}, timeout=30)
    assert api.status_code == 201, api.content
    assert not call(mcp_url, key, "generate", {"seed_color": "#2563eb", "kind": "colors"}).is_error

    error = error_of(call(mcp_url, key, "generate", {"seed_color": "#2563eb", "kind": "colors"}))

    assert error["code"] == "rate_limited" and error["details"]["retry_after"] >= 1


def test_a_queued_generation_is_answered_pending_and_polled_with_get_generation(mcp_url, pro, key):
    from designforge.celery import app
    from designs.tasks import generation_execute

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False  # as with workers (REDIS_URL set): the generation is queued
    try:
        queued = call(mcp_url, key, "generate", {"seed_color": "#2563eb", "kind": "colors"}).structured_content
    finally:
        app.conf.task_always_eager = eager
    assert (queued["status"], queued["tokens"], queued["credits_charged"]) == ("pending", None, 1)
    pending = call(mcp_url, key, "get_generation", {"generation_id": queued["id"]}).structured_content
    assert (pending["status"], pending["error"]) == ("pending", None)

    generation_execute.apply(args=[queued["id"]])  # what a worker runs

    done = call(mcp_url, key, "get_generation", {"generation_id": queued["id"]}).structured_content
    assert done["status"] == "succeeded" and "#2563eb" in done["tokens"]["colors"]["primary"].values()
    assert balance_of(pro) == queued["balance"]


@pytest.mark.postgres
def test_production_gunicorn_serves_the_mcp_server_beside_the_app(pro, key, tmp_path):
    """The same app under gunicorn's threaded WSGI workers (gunicorn.conf.py), DEBUG off, as deployed."""
    from designforge.tests.processes import free_port, gunicorn, listening, started, test_database_url

    port = free_port()
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("CLERK_", "STRIPE_", "OPENAI_", "SENTRY_", "REDIS_"))}
    env.update(DJANGO_SETTINGS_MODULE="designforge.settings", DATABASE_URL=test_database_url(),
               DATABASE_CONN_MAX_AGE="0", DEBUG="False", SECRET_KEY="test-secret-key-" + "x" * 50,
               ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="False", DEV_SIGN_IN="False")
    before = balance_of(pro)

    with started(lambda: gunicorn(env, tmp_path / "web.log", port=port), listening(port), "gunicorn"):
        url = f"http://127.0.0.1:{port}/mcp"
        tools = session(url, key, lambda client: client.list_tools())
        generated = call(url, key, "generate", {"seed_color": "#2563eb", "idempotency_key": "prod-1"})
        repeated = call(url, key, "generate", {"seed_color": "#2563eb", "idempotency_key": "prod-1"})
        health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=30)

    assert {tool.name for tool in tools.tools} == TOOLS
    assert generated.structured_content["status"] == "succeeded"
    assert repeated.structured_content["id"] == generated.structured_content["id"]
    assert balance_of(pro) == before - feature_cost("design-system")
    assert health.status_code == 200 and health.json()["database"] == "ok"
