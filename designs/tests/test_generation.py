"""The generation and design-system services with the offline engine: charging, idempotency,
saving, refunds of cut-off generations, account closure and demo data."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from accounts.services import user_close
from accounts.tests.factories import UserFactory
from credits import services as credits
from credits.errors import InsufficientCredits
from credits.models import LedgerEntry
from credits.selectors import audit_mismatches, balance_of
from designs import selectors, services
from designs.engine import generate_design_system, interpret
from designs.errors import GenerationFailed, IdempotencyConflict, InvalidInput, InvalidTokens
from designs.models import DesignSystem, Generation

pytestmark = pytest.mark.django_db

SECTIONS = {
    "colors": {"colors", "themes"},
    "typography": {"typography", "spacing"},
    "design-system": {"colors", "themes", "typography", "spacing", "radii", "shadows"},
}


@pytest.mark.parametrize(("kind", "cost"), [("colors", 1), ("typography", 1), ("design-system", 2)])
def test_each_kind_charges_its_feature_cost_once_and_records_the_generation(user, kind, cost):
    generation = services.generation_run(user=user, kind=kind, prompt="calm fintech")

    assert set(generation.tokens) == SECTIONS[kind]
    assert (generation.status, generation.credits_charged, generation.provider) == ("succeeded", cost, "offline")
    assert generation.model.startswith("engine-") and generation.duration_ms is not None
    assert generation.finished_at is not None and generation.error == ""
    assert balance_of(user) == 10 - cost
    spend = LedgerEntry.objects.get(idempotency_key=f"gen:{generation.pk}")
    assert (spend.amount, spend.kind, spend.feature) == (-cost, "spend", kind)
    assert audit_mismatches() == []


def test_generated_themes_pass_the_contrast_contract(user):
    generation = services.generation_run(user=user, kind="design-system", prompt="bold neon gaming")
    assert generation.report["passes"] is True
    assert len(generation.report["contrast"]) > 0
    assert all(row["passes"] for row in generation.report["contrast"])


def test_seed_colour_appears_unchanged_in_the_primary_scale(user):
    generation = services.generation_run(user=user, kind="colors", seed_color="#2563EB")
    assert "#2563eb" in generation.tokens["colors"]["primary"].values()
    short = services.generation_run(user=user, kind="colors", seed_color="#F80")
    assert "#ff8800" in short.tokens["colors"]["primary"].values() and short.seed_color == "#ff8800"


def test_empty_prompt_without_seed_gives_the_default_design(user):
    generation = services.generation_run(user=user, kind="colors")
    assert set(generation.tokens) == {"colors", "themes"}


def test_too_few_credits_raise_402_and_record_and_charge_nothing(user):
    credits.credits_spend(user=user, feature="colors", key="earlier", amount=9)

    with pytest.raises(InsufficientCredits) as raised:
        services.generation_run(user=user, kind="design-system", prompt="calm")

    assert raised.value.details == {"required": 2, "available": 1}
    assert Generation.objects.count() == 0
    assert balance_of(user) == 1 and LedgerEntry.objects.filter(kind="spend").count() == 1
    assert audit_mismatches() == []


def test_same_key_and_request_return_the_first_generation_charged_once(user):
    first = services.generation_run(user=user, kind="colors", prompt="calm", idempotency_key="k1")
    again = services.generation_run(user=user, kind="colors", prompt="  calm ", idempotency_key="k1")

    assert again.pk == first.pk and again.tokens == first.tokens
    assert balance_of(user) == 9 and Generation.objects.count() == 1


@pytest.mark.parametrize(
    "changed",
    [{"prompt": "bold"}, {"kind": "typography"}, {"seed_color": "#ff0000"}, {"save": True}, {"name": "Other"}],
)
def test_same_key_with_a_different_request_is_a_conflict(user, changed):
    services.generation_run(user=user, kind="colors", prompt="calm", idempotency_key="k1")
    with pytest.raises(IdempotencyConflict) as raised:
        services.generation_run(
            **{"user": user, "kind": "colors", "prompt": "calm", "idempotency_key": "k1", **changed}
        )
    assert raised.value.status_code == 409 and raised.value.code == "idempotency_conflict"
    assert balance_of(user) == 9 and Generation.objects.count() == 1


def test_keys_belong_to_one_user(user):
    other = UserFactory.create()
    mine = services.generation_run(user=user, kind="colors", idempotency_key="shared")
    theirs = services.generation_run(user=other, kind="colors", idempotency_key="shared")
    assert mine.pk != theirs.pk and balance_of(user) == balance_of(other) == 9


def _pending(user, *, key: str, prompt: str = "calm", age: timedelta = timedelta(0)) -> Generation:
    """A generation as step 1 leaves it while the provider is being called: recorded and charged."""
    generation = Generation.objects.create(
        user=user,
        kind="colors",
        prompt=prompt,
        request_hash=services.request_hash(kind="colors", prompt=prompt, seed_color="", save=False, name=""),
        idempotency_key=key,
        provider="offline",
        credits_charged=1,
    )
    credits.credits_spend(user=user, feature="colors", key=f"gen:{generation.pk}")
    Generation.objects.filter(pk=generation.pk).update(created_at=generation.created_at - age)
    return generation


def test_a_retry_while_the_first_request_runs_is_a_conflict(user):
    _pending(user, key="k1")
    with pytest.raises(IdempotencyConflict, match="still being processed"):
        services.generation_run(user=user, kind="colors", prompt="calm", idempotency_key="k1")
    assert balance_of(user) == 9


def test_a_retry_of_a_cut_off_generation_refunds_it_and_reports_the_failure(user):
    pending = _pending(user, key="k1", age=timedelta(hours=1))
    with pytest.raises(GenerationFailed) as raised:
        services.generation_run(user=user, kind="colors", prompt="calm", idempotency_key="k1")
    assert raised.value.status_code == 500 and "returned in full" in raised.value.message
    pending.refresh_from_db()
    assert (pending.status, pending.credits_charged, pending.error_status) == ("failed", 0, 500)
    assert balance_of(user) == 10 and audit_mismatches() == []


def test_stale_pending_generations_are_expired_and_refunded_once(user):
    stale = _pending(user, key="old", age=timedelta(hours=1))
    fresh = _pending(user, key="new")
    assert balance_of(user) == 8

    call_command("expire_stale_generations")
    assert services.generations_expire_stale() == 0  # already done

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert (stale.status, fresh.status) == ("failed", "pending")
    assert balance_of(user) == 9
    assert LedgerEntry.objects.filter(idempotency_key=f"refund:gen:{stale.pk}").count() == 1
    assert audit_mismatches() == []


def test_save_stores_a_design_system_named_after_the_prompt(user):
    generation = services.generation_run(user=user, kind="design-system", prompt="calm fintech", save=True)
    saved = generation.design_system
    assert (saved.owner, saved.name, saved.prompt, saved.is_public) == (user, "calm fintech", "calm fintech", False)
    assert saved.tokens == generation.tokens and saved.report == generation.report

    named = services.generation_run(user=user, kind="colors", seed_color="#123456", save=True, name=" Acme ")
    assert named.design_system.name == "Acme" and named.design_system.seed_color == "#123456"
    unnamed = services.generation_run(user=user, kind="colors", seed_color="#123456", save=True)
    assert unnamed.design_system.name == "Brand #123456"


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"prompt": "x" * 501}, "prompt"),
        ({"seed_color": "blue"}, "seed_color"),
        ({"name": "n" * 101}, "name"),
        ({"kind": "logo"}, "kind"),
        ({"idempotency_key": "k" * 256}, "Idempotency-Key"),
    ],
)
def test_invalid_input_is_refused_before_anything_is_charged(user, arguments, field):
    with pytest.raises(InvalidInput) as raised:
        services.generation_run(**{"user": user, "kind": "colors", **arguments})
    assert field in raised.value.details
    assert balance_of(user) == 10 and Generation.objects.count() == 0


def _tokens(prompt="calm fintech", seed="#2563eb"):
    return generate_design_system(interpret(prompt, seed))


def test_design_system_create_validates_tokens_and_computes_the_report(user):
    design_system = services.design_system_create(owner=user, name="Acme", tokens=_tokens(), prompt="calm fintech")
    assert design_system.report["passes"] is True and balance_of(user) == 10

    broken = _tokens()
    broken["themes"]["light"]["text"] = "blue"
    del broken["colors"]["primary"]["500"]
    with pytest.raises(InvalidTokens) as raised:
        services.design_system_create(owner=user, name="Acme", tokens=broken)
    assert set(raised.value.details) == {"tokens.themes.light.text", "tokens.colors.primary.500"}


def test_client_tokens_are_stored_as_sent_and_the_report_shows_the_failure(user):
    tokens = _tokens()
    tokens["themes"]["light"]["text-muted"] = tokens["themes"]["light"]["background"]
    design_system = services.design_system_create(owner=user, name="Low contrast", tokens=tokens)

    assert design_system.tokens["themes"]["light"]["text-muted"] == tokens["themes"]["light"]["background"]
    failing = [row for row in design_system.report["contrast"] if not row["passes"]]
    assert design_system.report["passes"] is False
    assert {(r["theme"], r["foreground"]) for r in failing} == {("light", "text-muted")}


def test_design_system_update_recomputes_the_report(user):
    design_system = services.design_system_create(owner=user, name="Acme", tokens=_tokens())
    tokens = _tokens()
    tokens["themes"]["dark"]["on-primary"] = tokens["themes"]["dark"]["primary"]

    services.design_system_update(design_system=design_system, name="Renamed", is_public=True, tokens=tokens)
    design_system.refresh_from_db()
    assert (design_system.name, design_system.is_public, design_system.report["passes"]) == ("Renamed", True, False)


def test_closing_an_account_removes_its_design_systems_and_erases_prompts(user):
    other = UserFactory.create()
    services.generation_run(user=user, kind="colors", prompt="my secret startup", save=True)
    kept = services.design_system_create(owner=other, name="Theirs", tokens=_tokens())

    user_close(clerk_id=user.clerk_id)

    assert list(DesignSystem.objects.all()) == [kept]
    generation = Generation.objects.get(user=user)
    assert generation.prompt == "" and generation.design_system is None
    assert LedgerEntry.objects.filter(account__user=user).count() == 2  # the ledger is kept


def test_generations_of_lists_own_generations_newest_first(user):
    first = services.generation_run(user=user, kind="colors")
    second = services.generation_run(user=user, kind="typography")
    services.generation_run(user=UserFactory.create(), kind="colors")
    assert list(selectors.generations_of(user)) == [second, first]


def test_demo_data_is_loaded_once_and_costs_nothing():
    call_command("load_demo_data")
    call_command("load_demo_data")

    systems = DesignSystem.objects.filter(owner__email="demo@designforge.local")
    assert systems.count() == 3 and systems.filter(is_public=True).count() == 1
    assert all(s.report["passes"] for s in systems)
    assert balance_of(systems.first().owner) == 10
