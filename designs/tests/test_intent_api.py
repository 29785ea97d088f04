"""The free side of the engine through the API: preview with variations, the engine's options, design systems
made and edited from an intent, duplicates, and design systems saved by the first engine."""

import importlib
import json

import pytest
from django.apps import apps

from accounts.tests.factories import UserFactory
from credits.models import LedgerEntry
from credits.selectors import balance_of
from designs import services
from designs.engine import INTENT_FIELDS, LOCKABLE, Intent, generate_colors, generate_design_system, interpret
from designs.engine.catalogue import describe
from designs.models import DesignSystem

pytestmark = pytest.mark.django_db


def post(client, path, body, **headers):
    return client.post(path, data=json.dumps(body), content_type="application/json", **headers)


def patch(client, path, body):
    return client.patch(path, data=json.dumps(body), content_type="application/json")


INTENT = {"primary": "#FFD400", "harmony": "triadic", "font_pairing": "fraunces-work"}


# --- preview ---------------------------------------------------------------------------------------------------


def test_preview_renders_an_intent_for_anyone_free_and_saving_nothing(api, user):
    response = post(api, "/api/preview", {"intent": INTENT})

    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"intent", "tokens", "report"}
    assert body["intent"] == Intent.from_dict(INTENT).to_dict()
    assert body["tokens"] == json.loads(json.dumps(generate_design_system(Intent.from_dict(INTENT))))
    assert body["tokens"]["themes"]["light"]["primary"] == "#ffd400" and body["report"]["passes"] is True
    assert DesignSystem.objects.count() == 0 and LedgerEntry.objects.filter(kind="spend").count() == 0


def test_preview_for_a_signed_in_user_charges_nothing(user_api, user):
    assert post(user_api, "/api/preview", {"intent": INTENT}).status_code == 200
    assert balance_of(user) == 10


def test_variations_are_deterministic_different_and_keep_their_locks(api):
    bodies = [
        post(api, "/api/preview", {"intent": INTENT, "variant": n, "locks": ["primary", "font_pairing"]}).json()
        for n in (1, 2, 3, 4)
    ]
    again = post(api, "/api/preview", {"intent": INTENT, "variant": 3, "locks": ["primary", "font_pairing"]}).json()
    assert again == bodies[2]
    assert len({json.dumps(b["tokens"], sort_keys=True) for b in bodies}) == 4
    for body in bodies:
        assert (body["intent"]["primary"], body["intent"]["font_pairing"]) == ("#ffd400", "fraunces-work")
        assert body["report"]["passes"] is True


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"intent": {**INTENT, "vibrancy": 2}}, "intent.vibrancy"),
        ({"intent": {**INTENT, "mood": "calm"}}, "intent.mood"),
        ({"intent": {"harmony": "triadic"}}, "intent.primary"),
        ({"intent": {**INTENT, "primary": "yellow"}}, "intent.primary"),
        ({"intent": "#ffd400"}, "intent"),
        ({"intent": INTENT, "variant": -1}, "variant"),
        ({"intent": INTENT, "variant": 1000}, "variant"),
        ({"intent": INTENT, "variant": "2"}, "variant"),
        ({"intent": INTENT, "locks": ["colour"]}, "locks"),
        ({"intent": INTENT, "extra": 1}, "extra"),
        ({}, "intent"),
    ],
)
def test_a_bad_preview_answers_400_naming_the_field(api, body, field):
    response = post(api, "/api/preview", body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and field in error["details"], error


def test_previews_are_rate_limited_per_user_and_per_address(user, settings):
    from rest_framework.test import APIClient

    settings.PREVIEW_RATE_LIMIT = "2/day"
    signed_out, user_api = APIClient(), APIClient()
    user_api.force_login(user)
    for client in (signed_out, user_api):
        assert [post(client, "/api/preview", {"intent": INTENT}).status_code for _ in range(2)] == [200, 200]
        refused = post(client, "/api/preview", {"intent": INTENT})
        assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
        assert int(refused["Retry-After"]) >= 1
    other = UserFactory.create()
    user_api.force_login(other)
    assert post(user_api, "/api/preview", {"intent": INTENT}).status_code == 200


# --- the engine's options --------------------------------------------------------------------------------------


def test_engine_lists_what_an_intent_may_hold(api):
    response = api.get("/api/engine")
    assert response.status_code == 200
    body = response.json()
    assert body == json.loads(json.dumps(describe()))
    assert set(body["intent"]) == set(INTENT_FIELDS) and body["lockable"] == list(LOCKABLE)
    inter = next(p for p in body["font_pairings"] if p["key"] == "inter")
    assert inter["body"]["name"] == "Inter" and inter["body"]["weights"][0] == 100


# --- design systems from an intent ------------------------------------------------------------------------------


def test_a_design_system_saved_from_an_intent_keeps_it_and_its_guarantees(user_api, user):
    response = post(user_api, "/api/design-systems/", {"name": "Sunny", "intent": INTENT})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["intent"] == Intent.from_dict(INTENT).to_dict() and body["report"]["passes"] is True
    assert balance_of(user) == 10


def test_saving_needs_tokens_or_an_intent_but_not_both(user_api):
    tokens = generate_colors(interpret("calm"))
    both = post(user_api, "/api/design-systems/", {"name": "x", "intent": INTENT, "tokens": tokens})
    neither = post(user_api, "/api/design-systems/", {"name": "x"})
    assert both.status_code == neither.status_code == 400 and DesignSystem.objects.count() == 0


def test_patching_the_intent_regenerates_the_tokens_for_free(user_api, user):
    design = services.design_system_create(owner=user, name="Acme", intent={"primary": "#2563eb"})
    before = design.tokens
    response = patch(user_api, f"/api/design-systems/{design.pk}/", {"intent": {**INTENT, "roundness": 1}})

    assert response.status_code == 200, response.content
    design.refresh_from_db()
    assert design.intent["roundness"] == 1.0 and design.tokens != before
    assert design.tokens == json.loads(json.dumps(generate_design_system(Intent.from_dict({**INTENT, "roundness": 1}))))
    assert design.report["passes"] is True and balance_of(user) == 10


def test_a_bad_intent_patch_changes_nothing(user_api, user):
    design = services.design_system_create(owner=user, name="Acme", intent={"primary": "#2563eb"})
    response = patch(user_api, f"/api/design-systems/{design.pk}/", {"intent": {"primary": "#2563eb", "vibrancy": 9}})
    assert response.status_code == 400 and "intent.vibrancy" in response.json()["error"]["details"]
    design.refresh_from_db()
    assert design.intent == Intent(primary="#2563eb").to_dict()


def test_a_colours_only_design_system_stays_colours_only(user, user_api):
    design = services.design_system_create(owner=user, name="Palette", intent={"primary": "#2563eb"})
    design.tokens = generate_colors(Intent(primary="#2563eb"))
    design.save()
    patch(user_api, f"/api/design-systems/{design.pk}/", {"intent": {"primary": "#dc2626"}})
    design.refresh_from_db()
    assert set(design.tokens) == {"colors", "themes"} and design.tokens["themes"]["light"]["primary"] == "#dc2626"


def test_raw_tokens_leave_a_design_system_without_an_intent_and_an_intent_brings_it_back(user_api, user):
    design = services.design_system_create(owner=user, name="Acme", intent={"primary": "#2563eb"})
    tokens = generate_colors(interpret("calm"))
    patch(user_api, f"/api/design-systems/{design.pk}/", {"tokens": tokens})
    design.refresh_from_db()
    assert design.intent is None
    patch(user_api, f"/api/design-systems/{design.pk}/", {"intent": INTENT})
    design.refresh_from_db()
    assert design.intent["primary"] == "#ffd400" and set(design.tokens) == {
        "colors",
        "themes",
        "typography",
        "spacing",
        "radii",
        "shadows",
    }


def test_patching_tokens_and_intent_together_is_refused(user_api, user):
    design = services.design_system_create(owner=user, name="Acme", intent={"primary": "#2563eb"})
    response = patch(
        user_api, f"/api/design-systems/{design.pk}/", {"intent": INTENT, "tokens": generate_colors(interpret("calm"))}
    )
    assert response.status_code == 400


def test_another_users_design_system_cannot_be_patched(user_api):
    other = services.design_system_create(owner=UserFactory.create(), name="Theirs", intent={"primary": "#2563eb"})
    assert patch(user_api, f"/api/design-systems/{other.pk}/", {"intent": INTENT}).status_code == 404


# --- duplicates ------------------------------------------------------------------------------------------------


def test_duplicating_your_own_makes_a_private_copy(user_api, user):
    design = services.design_system_create(owner=user, name="Acme", intent=INTENT, is_public=True)
    response = post(user_api, f"/api/design-systems/{design.pk}/duplicate/", {})
    assert response.status_code == 201
    copy = DesignSystem.objects.get(pk=response.json()["id"])
    assert (copy.owner_id, copy.name, copy.is_public) == (user.pk, "Copy of Acme", False)
    assert (copy.intent, copy.tokens, copy.report) == (design.intent, design.tokens, design.report)


def test_anyone_signed_in_may_duplicate_a_public_one_but_not_a_private_one(user_api, user):
    owner = UserFactory.create()
    public = services.design_system_create(owner=owner, name="Showcase", intent=INTENT, is_public=True)
    private = services.design_system_create(owner=owner, name="Secret", intent=INTENT)
    response = post(user_api, f"/api/design-systems/{public.pk}/duplicate/", {})
    assert response.status_code == 201 and DesignSystem.objects.get(pk=response.json()["id"]).owner_id == user.pk
    assert post(user_api, f"/api/design-systems/{private.pk}/duplicate/", {}).status_code == 404


def test_duplicating_needs_sign_in(api, user):
    design = services.design_system_create(owner=user, name="Acme", intent=INTENT, is_public=True)
    assert post(api, f"/api/design-systems/{design.pk}/duplicate/", {}).status_code == 401


# --- generation keeps the intent --------------------------------------------------------------------------------


def test_a_saved_generation_keeps_its_intent_and_it_previews_to_the_same_tokens(user_api):
    generated = post(user_api, "/api/generate/design-system", {"prompt": "sweet pastel bakery", "save": True}).json()
    design = DesignSystem.objects.get(pk=generated["design_system"]["id"])
    assert design.intent == generated["intent"] == generated["design_system"]["intent"]
    preview = post(user_api, "/api/preview", {"intent": generated["intent"]}).json()
    assert preview["tokens"] == generated["tokens"]


# --- design systems saved by engine 1 ---------------------------------------------------------------------------


def test_design_systems_of_the_first_engine_get_every_new_role(user):
    tokens = generate_colors(interpret("calm fintech"))
    old_roles = ["background", "surface", "text", "text-muted", "border", "focus-ring"] + [
        role
        for name in ("primary", "secondary", "accent", "success", "warning", "danger", "info")
        for role in (name, f"on-{name}")
    ]
    legacy = {
        "colors": tokens["colors"],
        "themes": {theme: {role: tokens["themes"][theme][role] for role in old_roles} for theme in ("light", "dark")},
    }
    design = DesignSystem.objects.create(owner=user, name="Old", tokens=legacy, report={"contrast": [], "passes": True})

    importlib.import_module("designs.migrations.0003_complete_legacy_themes").complete(apps, None)

    design.refresh_from_db()
    assert design.tokens["themes"] == {theme: tokens["themes"][theme] for theme in ("light", "dark")}
    assert design.report["passes"] is True and len(design.report["contrast"]) == 72


def test_the_committed_vocabulary_doc_is_what_the_command_makes():
    from django.core.management import call_command

    call_command("build_vocabulary_doc", "--check")
