"""The plan's limit of saved design systems (free: 10, Pro: unlimited, staff-editable), on the API, the
generation's `save`, and the pages: the 10th saves, the 11th answers 403 `plan_required`; nothing
saved is ever taken away or locked."""

import json
import uuid

import pytest
from django.db import connection

from accounts.services import user_set_plan
from accounts.tests.factories import UserFactory
from billing.models import Plan
from credits.models import LedgerEntry
from credits.selectors import audit_mismatches, balance_of
from designforge.testing import run_concurrently
from designs import services
from designs.engine import generate_design_system, interpret
from designs.errors import DesignSystemLimitReached, GenerationFailed
from designs.models import DesignSystem, Generation

TOKENS = generate_design_system(interpret("calm fintech", "#2563eb"))
FULL = {"required_plan": "pro", "upgrade_url": "/billing/", "limit": 10, "count": 10, "plan": "free"}


def fill(owner, count: int) -> None:
    for i in range(count):
        services.design_system_create(owner=owner, name=f"Saved {i}", tokens=TOKENS)


def post(client, path, body, **headers):
    return client.post(path, data=json.dumps(body), content_type="application/json", **headers)


# --- the API ------------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestApi:
    def test_the_10th_design_system_saves_and_the_11th_is_403_with_the_limit(self, user_api, user):
        fill(user, 9)
        assert post(user_api, "/api/design-systems/", {"name": "Tenth", "tokens": TOKENS}).status_code == 201

        response = post(user_api, "/api/design-systems/", {"name": "Eleventh", "tokens": TOKENS})
        assert response.status_code == 403
        error = response.json()["error"]
        assert error["code"] == "plan_required" and error["details"] == FULL
        assert "up to 10 saved design systems" in error["message"]
        assert DesignSystem.objects.filter(owner=user).count() == 10
        assert not DesignSystem.objects.filter(name="Eleventh").exists()

    def test_generating_with_save_past_the_limit_is_403_and_charges_nothing(self, user_api, user):
        fill(user, 10)
        response = post(user_api, "/api/generate/design-system", {"prompt": "calm fintech", "save": True})
        assert response.status_code == 403
        assert response.json()["error"]["details"] == FULL
        assert balance_of(user) == 10 and not Generation.objects.exists()
        assert not LedgerEntry.objects.filter(kind="spend").exists()

        unsaved = post(user_api, "/api/generate/design-system", {"prompt": "calm fintech", "save": False})
        assert unsaved.status_code == 201 and unsaved.json()["design_system"] is None  # previews still work
        assert balance_of(user) == 8

    def test_a_retry_of_the_save_that_took_the_last_place_gets_its_result_again(self, user_api, user):
        fill(user, 9)
        body = {"prompt": "calm fintech", "save": True}
        first = post(user_api, "/api/generate/design-system", body, HTTP_IDEMPOTENCY_KEY="tenth")
        again = post(user_api, "/api/generate/design-system", body, HTTP_IDEMPOTENCY_KEY="tenth")
        assert first.status_code == again.status_code == 201
        assert again.json()["design_system"]["id"] == first.json()["design_system"]["id"]
        assert DesignSystem.objects.filter(owner=user).count() == 10 and balance_of(user) == 8

    def test_a_downgrade_keeps_every_design_system_editable_and_only_stops_new_ones(self, user_api, user):
        user_set_plan(user=user, plan="pro")
        fill(user, 12)
        user_set_plan(user=user, plan="free")  # the subscription ended

        listed = user_api.get("/api/design-systems/?page_size=50").json()
        assert DesignSystem.objects.filter(owner=user).count() == 12 and listed["results"]
        one = DesignSystem.objects.filter(owner=user).first()
        renamed = user_api.patch(f"/api/design-systems/{one.pk}/", {"name": "Still mine"}, format="json")
        assert renamed.status_code == 200 and DesignSystem.objects.get(pk=one.pk).name == "Still mine"
        refused = post(user_api, "/api/design-systems/", {"name": "New", "tokens": TOKENS})
        assert refused.status_code == 403 and refused.json()["error"]["details"]["count"] == 12

        for design_system in DesignSystem.objects.filter(owner=user)[:3]:
            assert user_api.delete(f"/api/design-systems/{design_system.pk}/").status_code == 204
        assert post(user_api, "/api/design-systems/", {"name": "New", "tokens": TOKENS}).status_code == 201

    def test_pro_saves_without_limit_and_staff_set_the_free_limit(self, user_api, user):
        other = UserFactory.create()
        user_set_plan(user=other, plan="pro")
        fill(other, 11)
        assert DesignSystem.objects.filter(owner=other).count() == 11

        Plan.objects.filter(code="free").update(max_design_systems=2)
        fill(user, 2)
        response = post(user_api, "/api/design-systems/", {"name": "Third", "tokens": TOKENS})
        assert response.status_code == 403 and response.json()["error"]["details"]["limit"] == 2

    def test_the_schema_documents_the_403(self, api):
        schema = api.get("/api/schema/?format=json").json()
        for path in ("/api/design-systems/", "/api/generate/design-system", "/api/generate/colors"):
            assert "plan_required" in schema["paths"][path]["post"]["responses"]["403"]["description"]


# --- the pages ----------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestPages:
    @pytest.fixture
    def signed_in(self, client, user):
        client.force_login(user)
        return client

    def test_below_the_limit_the_generate_page_offers_to_generate(self, signed_in, user):
        fill(user, 9)
        html = signed_in.get("/generate/").content.decode()
        assert 'data-testid="saved-limit"' not in html
        assert '<button type="submit" class="button primary">Generate</button>' in html

    def test_at_the_limit_the_generate_page_asks_to_upgrade_before_spending(self, signed_in, user):
        fill(user, 10)
        html = signed_in.get("/generate/").content.decode()
        assert 'data-testid="saved-limit"' in html and "You have saved 10 of 10 design systems" in html
        assert 'href="/billing/" data-testid="upgrade"' in html
        assert '<button type="submit" class="button primary" disabled>Generate</button>' in html

        form = {"prompt": "calm fintech", "kind": "design-system", "name": "", "request_key": str(uuid.uuid4())}
        response = signed_in.post("/generate/", form)
        html = response.content.decode()
        assert response.status_code == 403
        assert "Your plan is full" in html and "up to 10 saved design systems" in html
        assert 'data-testid="upgrade"' in html
        assert balance_of(user) == 10 and DesignSystem.objects.filter(owner=user).count() == 10

    def test_without_a_higher_plan_the_pages_offer_no_upgrade(self, signed_in, user):
        user_set_plan(user=user, plan="pro")
        Plan.objects.filter(code="pro").update(max_design_systems=1)
        fill(user, 1)
        for page in ("/generate/", "/designs/"):
            html = signed_in.get(page).content.decode()
            assert 'data-testid="saved-limit"' in html and 'data-testid="upgrade"' not in html

    def test_the_list_page_says_the_limit_and_what_happens_at_it(self, signed_in, user):
        fill(user, 3)
        html = signed_in.get("/designs/").content.decode()
        assert "Your Free plan keeps up to 10." in html and 'data-testid="saved-limit"' not in html
        fill(user, 7)
        html = signed_in.get("/designs/").content.decode()
        assert 'data-testid="saved-limit"' in html and "They all stay, and stay editable." in html


# --- racing saves (PostgreSQL, real threads and connections) -------------------------------------------

@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_saves_racing_for_the_last_place_let_exactly_one_through():
    owner = UserFactory.create()
    fill(owner, 9)

    def save(i):
        return services.design_system_create(owner=owner, name=f"Racer {i}", tokens=TOKENS)

    results = run_concurrently(save, 6)
    saved = [r for r in results if isinstance(r, DesignSystem)]
    refused = [r for r in results if isinstance(r, DesignSystemLimitReached)]
    assert (len(saved), len(refused)) == (1, 5), results
    assert DesignSystem.objects.filter(owner=owner).count() == 10


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_generations_racing_for_the_last_place_save_once_and_charge_once():
    owner = UserFactory.create()
    fill(owner, 9)

    def generate(i):
        return services.generation_run(user=owner, kind="colors", prompt=f"calm fintech {i}", save=True)

    results = run_concurrently(generate, 4)
    done = [r for r in results if isinstance(r, Generation)]
    refused = [r for r in results if isinstance(r, DesignSystemLimitReached)]
    assert (len(done), len(refused)) == (1, 3), results
    assert DesignSystem.objects.filter(owner=owner).count() == 10
    assert balance_of(owner) == 9  # one colours generation kept; any loser that was charged got it back
    assert audit_mismatches() == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_save_that_takes_the_last_place_mid_generation_is_refunded(fake_openai, settings):
    """The generation passed the check when it started; another save took the last place while the AI
    provider was still reading the prompt: nothing is saved and the credits come back."""
    settings.OPENAI_TIMEOUT_SECONDS = 60.0
    fake_openai.mode, fake_openai.delay = "slow", 60.0
    owner = UserFactory.create()
    fill(owner, 9)
    outcome = {}

    def generate():
        try:
            services.generation_run(
                user=owner, kind="colors", prompt="calm fintech", save=True, idempotency_key="slow"
            )
        except Exception as exc:  # collected for the test to assert on
            outcome["error"] = exc
        finally:
            connection.close()

    thread = fake_openai.start_and_wait_until_read(generate)
    assert balance_of(owner) == 9  # charged when it started
    services.design_system_create(owner=owner, name="Took the last place", tokens=TOKENS)
    fake_openai.release()
    thread.join(30)

    assert isinstance(outcome.get("error"), DesignSystemLimitReached)
    generation = Generation.objects.get(idempotency_key="slow")
    assert (generation.status, generation.error_status, generation.design_system) == ("failed", 403, None)
    assert balance_of(owner) == 10 and DesignSystem.objects.filter(owner=owner).count() == 10
    with pytest.raises(GenerationFailed) as replay:  # the same request again: the same answer
        services.generation_run(user=owner, kind="colors", prompt="calm fintech", save=True, idempotency_key="slow")
    assert (replay.value.status_code, replay.value.code) == (403, "plan_required")
    assert replay.value.details["upgrade_url"] == "/billing/"
    assert audit_mismatches() == []
