"""The generation and design-systems API with the offline engine."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory
from credits import services as credits
from credits.models import LedgerEntry
from credits.selectors import audit_mismatches, balance_of
from designforge.testing import inserts_refused
from designs import services
from designs.engine import EXPORT_FORMATS, generate_design_system, interpret
from designs.models import DesignSystem, Generation

pytestmark = pytest.mark.django_db

DESIGN_SYSTEM_FIELDS = {"id", "name", "prompt", "intent", "tokens", "report", "is_public", "created_at", "updated_at"}
GENERATION_FIELDS = {
    "id", "kind", "status", "provider", "model", "intent", "tokens", "report", "credits_charged", "balance",
    "design_system",
}


def post(client, path, body, **headers):
    return client.post(path, data=json.dumps(body), content_type="application/json", **headers)


def tokens(prompt="calm fintech", seed="#2563eb"):
    return generate_design_system(interpret(prompt, seed))


def make(owner, name="Acme", *, is_public=False):
    return services.design_system_create(owner=owner, name=name, tokens=tokens(), is_public=is_public)


# --- generation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "cost", "sections"),
    [
        ("colors", 1, {"colors", "themes"}),
        ("typography", 1, {"typography", "spacing"}),
        ("design-system", 2, {"colors", "themes", "typography", "spacing", "radii", "shadows"}),
    ],
)
def test_generate_answers_201_with_tokens_report_and_balance(user_api, user, kind, cost, sections):
    response = post(user_api, f"/api/generate/{kind}", {"prompt": "calm fintech", "seed_color": "#2563EB"})

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == GENERATION_FIELDS
    assert (body["kind"], body["credits_charged"], body["balance"]) == (kind, cost, 10 - cost)
    assert body["status"] == "succeeded"
    assert (body["provider"], body["design_system"]) == ("offline", None)
    assert set(body["tokens"]) == sections
    assert body["report"]["passes"] is True
    if "colors" in sections:
        assert "#2563eb" in body["tokens"]["colors"]["primary"].values()
        assert {row["theme"] for row in body["report"]["contrast"]} == {"light", "dark", "light-high", "dark-high"}
    assert Generation.objects.get(pk=body["id"]).status == "succeeded"


def test_generate_with_save_returns_the_saved_design_system(user_api, user):
    body = post(user_api, "/api/generate/design-system", {"prompt": "calm", "save": True, "name": "Calm"}).json()

    saved = body["design_system"]
    assert set(saved) == DESIGN_SYSTEM_FIELDS
    assert (saved["name"], saved["prompt"], saved["is_public"]) == ("Calm", "calm", False)
    assert saved["tokens"] == body["tokens"]
    assert user_api.get("/api/design-systems/").json()["results"][0]["id"] == saved["id"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the request and the expiry: two connections
def test_a_generation_expired_while_the_provider_reads_fails_when_the_answer_comes(fake_openai, settings):
    """The scheduler gave a generation up (failed and refunded) while the AI provider was still reading
    the prompt; when the answer comes anyway, nothing is saved and nothing is charged again."""
    settings.OPENAI_TIMEOUT_SECONDS = 60.0
    fake_openai.mode, fake_openai.delay = "slow", 60.0
    user = UserFactory.create()
    browser = APIClient()
    browser.force_login(user)
    outcome = {}

    def generate():
        try:
            outcome["response"] = post(
                browser, "/api/generate/design-system", {"prompt": "calm", "save": True}, HTTP_IDEMPOTENCY_KEY="slow"
            )
        finally:
            connection.close()

    thread = fake_openai.start_and_wait_until_read(generate)
    assert balance_of(user) == 8  # charged when it started
    assert services.generations_expire_stale(older_than=timedelta(0)) == 1
    assert balance_of(user) == 10
    fake_openai.release()
    thread.join(30)

    response = outcome["response"]
    assert response.status_code == 500, response.content
    error = response.json()["error"]
    assert error["code"] == "server_error" and "returned in full" in error["message"]
    generation = Generation.objects.get(idempotency_key="slow")
    assert error["details"] == {"generation_id": generation.pk, "credits_refunded": True}
    assert (generation.status, generation.credits_charged, generation.design_system) == ("failed", 0, None)
    assert generation.tokens is None
    assert balance_of(user) == 10 and not DesignSystem.objects.exists()
    entries = LedgerEntry.objects.filter(account__user=user).exclude(kind="signup")
    assert sorted(entries.values_list("kind", "amount")) == [("refund", 2), ("spend", -2)]
    assert audit_mismatches() == []


def test_an_unexpected_failure_after_the_charge_answers_500_and_returns_the_credits(user_api, user, caplog):
    """Not a provider failure nor a plan limit: the database refuses the design system (a trigger). The
    error is not swallowed (500 with the envelope), and the credits come back all the same."""
    body = {"prompt": "calm", "save": True}
    with inserts_refused("designs_designsystem"):
        response = post(user_api, "/api/generate/design-system", body, HTTP_IDEMPOTENCY_KEY="k")

    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "server_error", "message": "Something went wrong on our side.", "details": {}}
    }
    assert "Unhandled error" in caplog.text
    generation = Generation.objects.get(idempotency_key="k")
    assert (generation.status, generation.error_status, generation.credits_charged) == ("failed", 500, 0)
    assert generation.error.startswith("IntegrityError: ") and generation.design_system is None
    assert balance_of(user) == 10 and not DesignSystem.objects.exists()
    entries = LedgerEntry.objects.filter(account__user=user).exclude(kind="signup").order_by("pk")
    assert [(e.kind, e.amount, e.idempotency_key) for e in entries] == [
        ("spend", -2, f"gen:{generation.pk}"),
        ("refund", 2, f"refund:gen:{generation.pk}"),
    ]
    assert audit_mismatches() == []
    again = post(user_api, "/api/generate/design-system", body, HTTP_IDEMPOTENCY_KEY="k")
    assert again.status_code == 500 and again.json()["error"]["details"] == {
        "generation_id": generation.pk, "credits_refunded": True
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"seed_color": "blue"}, "seed_color"),
        ({"seed_color": "#12345"}, "seed_color"),
        ({"prompt": "x" * 501}, "prompt"),
        ({"prompt": 5}, "prompt"),
        ({"name": "n" * 101}, "name"),
        ({"save": "true"}, "save"),
        ({"seed_colour": "#ffffff"}, "seed_colour"),
        (["calm"], "non_field_errors"),
    ],
)
def test_invalid_generation_requests_answer_400_and_charge_nothing(user_api, user, body, field):
    response = post(user_api, "/api/generate/colors", body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and field in error["details"]
    assert balance_of(user) == 10 and Generation.objects.count() == 0


def test_a_body_that_is_not_json_answers_400(user_api, user):
    response = user_api.post("/api/generate/colors", data="{prompt: calm", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"
    assert balance_of(user) == 10


def test_generation_needs_sign_in(api):
    response = post(api, "/api/generate/colors", {"prompt": "calm"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "not_authenticated"


def test_out_of_credits_answers_402_with_required_and_available(user_api, user):
    credits.credits_spend(user=user, feature="colors", key="earlier", amount=9)

    response = post(user_api, "/api/generate/design-system", {"prompt": "calm"})

    assert response.status_code == 402
    assert response.json()["error"] == {
        "code": "insufficient_credits",
        "message": "This action costs 2 credits; you have 1.",
        "details": {"required": 2, "available": 1},
    }
    assert balance_of(user) == 1 and Generation.objects.count() == 0
    assert audit_mismatches() == []


def test_idempotency_key_replays_the_first_result_and_charges_once(user_api, user):
    headers = {"HTTP_IDEMPOTENCY_KEY": "3f1c9a52-retry"}
    first = post(user_api, "/api/generate/design-system", {"prompt": "calm", "save": True}, **headers)
    again = post(user_api, "/api/generate/design-system", {"prompt": "calm", "save": True}, **headers)

    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["tokens"] == first.json()["tokens"]
    assert again.json()["design_system"]["id"] == first.json()["design_system"]["id"]
    assert balance_of(user) == 8 and DesignSystem.objects.count() == 1
    assert LedgerEntry.objects.filter(kind="spend").count() == 1


def test_idempotency_key_with_a_different_body_answers_409(user_api, user):
    headers = {"HTTP_IDEMPOTENCY_KEY": "k-1"}
    post(user_api, "/api/generate/colors", {"prompt": "calm"}, **headers)

    response = post(user_api, "/api/generate/colors", {"prompt": "bold"}, **headers)

    assert response.status_code == 409 and response.json()["error"]["code"] == "idempotency_conflict"
    assert balance_of(user) == 9


def test_without_a_key_every_request_is_a_new_generation(user_api, user):
    ids = {post(user_api, "/api/generate/colors", {"prompt": "calm"}).json()["id"] for _ in range(2)}
    assert len(ids) == 2 and balance_of(user) == 8


def test_generation_is_rate_limited_per_user(user_api, user, settings):
    settings.GENERATION_RATE_LIMIT = "2/day"
    statuses = [post(user_api, "/api/generate/colors", {}).status_code for _ in range(2)]
    limited = post(user_api, "/api/generate/colors", {})

    assert statuses == [201, 201]
    assert limited.status_code == 429 and limited.json()["error"]["code"] == "rate_limited"
    assert 0 < int(limited["Retry-After"]) <= 86400
    assert balance_of(user) == 8  # the refused request cost nothing

    other = UserFactory.create()
    user_api.force_login(other)
    assert post(user_api, "/api/generate/colors", {}).status_code == 201  # another user has their own limit


# --- design systems --------------------------------------------------------------------------------


def test_list_is_own_newest_first_and_paginated(user_api, user, no_saved_limit):
    for i in range(22):
        make(user, f"Mine {i}")
    make(UserFactory.create(), "Theirs")

    page = user_api.get("/api/design-systems/").json()
    assert set(page) >= {"next", "previous", "results"} and page["count"] == 22
    assert [r["name"] for r in page["results"][:2]] == ["Mine 21", "Mine 20"]
    assert set(page["results"][0]) == DESIGN_SYSTEM_FIELDS
    second = user_api.get(page["next"]).json()
    assert [r["name"] for r in second["results"]] == ["Mine 1", "Mine 0"]


def test_create_from_tokens_validates_and_recomputes_the_report(user_api, user):
    sent = tokens()
    sent["themes"]["light"]["text"] = sent["themes"]["light"]["surface"].upper()  # unreadable, but valid
    body = {"name": "Mine", "prompt": "calm", "tokens": sent, "is_public": True, "report": {"passes": True}}

    assert post(user_api, "/api/design-systems/", body).json()["error"]["details"] == {"report": ["Unknown field."]}
    del body["report"]
    response = post(user_api, "/api/design-systems/", body)

    assert response.status_code == 201
    created = response.json()
    assert created["tokens"]["themes"]["light"]["text"] == sent["themes"]["light"]["surface"].lower()
    assert created["report"]["passes"] is False
    assert (created["name"], created["is_public"], balance_of(user)) == ("Mine", True, 10)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name": "x", "tokens": {"colors": "red"}}, "tokens.colors"),
        ({"name": "x", "tokens": {"logo": {}}}, "tokens.logo"),
        ({"name": "x", "tokens": []}, "tokens"),
        ({"name": "", "tokens": {"radii": {}}}, "name"),
        ({"tokens": {"radii": {}}}, "name"),
    ],
)
def test_create_refuses_invalid_payloads(user_api, payload, field):
    response = post(user_api, "/api/design-systems/", payload)
    assert response.status_code == 400 and field in response.json()["error"]["details"]
    assert DesignSystem.objects.count() == 0


def test_detail_patch_and_delete_for_the_owner(user_api, user):
    design_system = make(user)
    url = f"/api/design-systems/{design_system.pk}/"
    assert user_api.get(url).json()["name"] == "Acme"

    changed = tokens()
    changed["themes"]["dark"]["on-danger"] = changed["themes"]["dark"]["danger"]
    response = user_api.patch(url, data={"name": "Renamed", "tokens": changed}, format="json")
    assert response.status_code == 200
    assert (response.json()["name"], response.json()["report"]["passes"]) == ("Renamed", False)

    assert user_api.patch(url, data={"prompt": "new"}, format="json").status_code == 400
    assert user_api.put(url, data={"name": "x"}, format="json").status_code == 405
    assert user_api.delete(url).status_code == 204
    assert user_api.get(url).status_code == 404


def test_another_users_design_system_is_not_found(user_api):
    theirs = make(UserFactory.create(), is_public=True)
    url = f"/api/design-systems/{theirs.pk}/"

    for response in (user_api.get(url), user_api.patch(url, {"name": "Mine"}, format="json"), user_api.delete(url)):
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert DesignSystem.objects.get().name == "Acme"


def test_design_systems_need_sign_in(api, user):
    design_system = make(user)
    assert api.get("/api/design-systems/").status_code == 401
    assert api.get(f"/api/design-systems/{design_system.pk}/").status_code == 401


# --- exports ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "content_type", "filename"),
    [
        ("css", "text/css", "acme-bank.css"),
        ("scss", "text/x-scss", "acme-bank.scss"),
        ("tailwind", "text/css", "acme-bank-tailwind.css"),
        ("dtcg", "application/design-tokens+json", "acme-bank.tokens.json"),
        ("tokens-studio", "application/json", "acme-bank.tokens-studio.json"),
        ("style-dictionary", "text/javascript", "acme-bank.style-dictionary.mjs"),
        ("json", "application/json", "acme-bank.json"),
        ("shadcn", "text/css", "acme-bank-shadcn.css"),
    ],
)
def test_owner_downloads_every_format(user_api, user, fmt, content_type, filename):
    design_system = make(user, "Acme Bank!")
    response = user_api.get(f"/api/design-systems/{design_system.pk}/export/{fmt}/")

    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    content = response.content.decode()
    if fmt == "shadcn":  # colours in oklch(), the brand's as its light primary
        from designs.engine.color import css_oklch

        assert f"--primary: {css_oklch(design_system.tokens['themes']['light']['primary'])};" in content
    elif fmt == "style-dictionary":  # the build script for the DTCG file: it names the themes, not the colours
        assert 'const themes = ["light", "dark", "light-high", "dark-high"];' in content
    else:
        assert design_system.tokens["colors"]["primary"]["500"] in content
    if fmt in ("dtcg", "tokens-studio", "json"):
        json.loads(content)
    if fmt == "tailwind":
        assert "@theme" in content
    if fmt == "shadcn":
        assert "@theme inline" in content and "--primary: oklch(" in content


def test_export_ignores_the_accept_header(user_api, user):
    design_system = make(user)
    response = user_api.get(f"/api/design-systems/{design_system.pk}/export/css/", HTTP_ACCEPT="text/css")
    assert response.status_code == 200 and response.content.startswith(b"/*")


def test_unknown_export_format_is_not_found(user_api, user):
    design_system = make(user)
    response = user_api.get(f"/api/design-systems/{design_system.pk}/export/pdf/")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_private_design_systems_export_only_for_their_owner(api, user_api):
    private = make(UserFactory.create())
    url = f"/api/design-systems/{private.pk}/export/css/"
    assert user_api.get(url).status_code == 404
    assert api.get(url).status_code == 404


def test_public_design_systems_export_for_anyone(api):
    public = make(UserFactory.create(), "Shared", is_public=True)
    response = api.get(f"/api/design-systems/{public.pk}/export/json/")
    assert response.status_code == 200 and json.loads(response.content) == public.tokens


EXPORT_PATHS = [f"/api/design-systems/{{pk}}/export/{fmt}/" for fmt in EXPORT_FORMATS] + ["/r/{pk}.json"]


@pytest.mark.parametrize("path", EXPORT_PATHS)
def test_a_public_design_system_may_be_kept_by_any_cache(api, path):
    public = make(UserFactory.create(), "Shared", is_public=True)
    response = api.get(path.format(pk=public.pk))
    assert response.status_code == 200
    assert set(response["Cache-Control"].replace(" ", "").split(",")) == {"public", "no-cache"}
    assert "Authorization" not in response.get("Vary", "")


@pytest.mark.parametrize("path", EXPORT_PATHS)
def test_a_private_design_system_is_kept_only_per_credentials(user_api, user, path):
    private = make(user)
    response = user_api.get(path.format(pk=private.pk))
    assert response.status_code == 200
    assert set(response["Cache-Control"].replace(" ", "").split(",")) == {"private", "no-cache"}
    vary = {part.strip() for part in response["Vary"].split(",")}
    assert {"Authorization", "Cookie"} <= vary


# --- shadcn registry item ------------------------------------------------------------------------------


def test_the_registry_item_is_a_shadcn_theme_with_the_exports_colours(api):
    from designs.engine.shadcn import SHADCN_COLOURS

    public = make(UserFactory.create(), "Acme Bank!", is_public=True)
    response = api.get(f"/r/{public.pk}.json", HTTP_ACCEPT="application/vnd.shadcn.v1+json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    item = response.json()
    assert item["$schema"] == "https://ui.shadcn.com/schema/registry-item.json"
    assert (item["name"], item["type"], item["title"]) == ("acme-bank", "registry:theme", "Acme Bank!")
    assert set(item["cssVars"]) == {"theme", "light", "dark"}
    assert set(item["cssVars"]["dark"]) == set(SHADCN_COLOURS)
    export = api.get(f"/api/design-systems/{public.pk}/export/shadcn/").content.decode()
    for var, value in item["cssVars"]["light"].items():
        assert f"--{var}: {value};" in export
    assert item["css"]['@import url("http://testserver/static/fonts/fonts.css")'] == {}
    assert set(item["css"]["@media (prefers-contrast: more)"]) == {":root", ".dark"}


def test_a_private_registry_item_answers_its_owner_by_session_or_api_key_and_nobody_else(api, user):
    from accounts import services as accounts_services

    private = make(user)
    url = f"/r/{private.pk}.json"
    assert api.get(url).status_code == 404
    stranger = UserFactory.create()
    accounts_services.user_set_plan(user=stranger, plan="pro")
    other_key = accounts_services.api_key_create(user=stranger, name="cli")[1]
    assert api.get(url, HTTP_AUTHORIZATION=f"Bearer {other_key}").status_code == 404
    accounts_services.user_set_plan(user=user, plan="pro")
    key = accounts_services.api_key_create(user=user, name="cli")[1]
    response = api.get(url, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200 and response.json()["type"] == "registry:theme"
    api.force_login(user)
    assert api.get(url).status_code == 200


@pytest.mark.parametrize("path", ["/r/999999.json", "/r/abc.json"])
def test_an_unknown_registry_item_answers_the_error_envelope(api, path):
    response = api.get(path)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


# --- showcase --------------------------------------------------------------------------------------


def test_showcase_lists_public_design_systems_for_anyone_without_owner_data(api, user):
    make(user, "Private")
    make(user, "Old public", is_public=True)
    make(UserFactory.create(), "New public", is_public=True)

    page = api.get("/api/showcase/").json()

    assert [r["name"] for r in page["results"]] == ["New public", "Old public"]
    assert set(page["results"][0]) == DESIGN_SYSTEM_FIELDS
    assert user.email not in json.dumps(page)
