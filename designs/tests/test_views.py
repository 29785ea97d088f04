"""The dashboard pages for design systems: what they show, what their forms do, and how many queries
each page may make (with enough rows present that an N+1 would show)."""

import re
import uuid

import pytest
from django.core.management import call_command
from django.test import Client

from accounts.tests.factories import UserFactory
from credits import services as credits
from credits.selectors import balance_of
from designforge.models import WebhookEvent
from designs import services
from designs.engine import build_report, generate_design_system, generate_typography, interpret
from designs.management.commands.build_dashboard_css import dashboard_tokens
from designs.models import DesignSystem, Generation
from designs.views.presentation import spend_chart

pytestmark = pytest.mark.django_db


def tokens(prompt="calm fintech", seed="#2563eb"):
    return generate_design_system(interpret(prompt, seed))


def make(owner, name="Acme", *, is_public=False, **kw):
    return services.design_system_create(owner=owner, name=name, tokens=kw.pop("tokens", tokens()), is_public=is_public)


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def busy_user(user, no_saved_limit):
    """A user with several design systems, generations and ledger entries (so N+1 queries would show)."""
    for i in range(8):
        make(user, f"System {i}", is_public=i % 2 == 0)
    credits.credits_grant(user=user, amount=50, key="test:grant")
    for i in range(4):
        services.generation_run(user=user, kind="colors", prompt=f"calm {i}", save=True)
    return user


def form_data(**overrides):
    data = {"prompt": "calm fintech", "kind": "design-system", "name": "", "request_key": str(uuid.uuid4())}
    data.update(overrides)
    return data


# --- dashboard ----------------------------------------------------------------------------------------


def test_dashboard_needs_sign_in(client):
    response = client.get("/dashboard/")
    assert response.status_code == 302 and response["Location"] == "/sign-in/?next=/dashboard/"


def test_dashboard_shows_balance_plan_recent_systems_and_chart(signed_in, busy_user, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        response = signed_in.get("/dashboard/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-testid="balance">{balance_of(busy_user)}<' in html
    assert "Free" in html
    assert html.count('class="card card-link ds-card"') == 6  # the six newest
    assert "All 12" in html  # 8 saved + 4 generated
    assert 'role="img"' in html and "Credits spent per day, last 30 days" in html
    assert "4 credits spent in total" in html  # four colour generations at 1 credit


def test_spend_chart_geometry():
    from datetime import date, timedelta

    start = date(2030, 1, 1)
    chart = spend_chart([(start + timedelta(days=i), credits) for i, credits in enumerate([0, 4, 2])])
    assert [bar["credits"] for bar in chart["bars"]] == [0, 4, 2]
    tallest, half = chart["bars"][1], chart["bars"][2]
    assert tallest["height"] == chart["plot_bottom"] - chart["plot_top"]
    assert half["height"] == pytest.approx(tallest["height"] / 2)
    assert chart["bars"][0]["height"] == 1  # a stub marks days with nothing spent
    assert chart["total"] == 6 and chart["max"] == 4


# --- generate -----------------------------------------------------------------------------------------


def test_generate_page_shows_costs_and_balance_before_spending(signed_in, user, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):  # + the plan's limit and the saved count
        response = signed_in.get("/generate/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="generate-balance">10 credits<' in html
    assert re.search(r'data-cost>\s*2 credits<', html)  # a design system, the default
    assert 'data-credits="1"' in html and 'data-credits="2"' in html
    assert 'name="request_key"' in html and 'name="csrfmiddlewaretoken"' in html
    assert 'hx-post="/generate/"' in html and 'hx-indicator="#generate-progress"' in html
    assert "zero-credits" not in html


def test_generate_creates_a_design_system_and_opens_it(signed_in, user):
    response = signed_in.post("/generate/", form_data(use_seed="on", seed_color="#0E7C66", name="Harbour"))
    design_system = DesignSystem.objects.get(owner=user)
    assert response.status_code == 302 and response["Location"] == f"/designs/{design_system.pk}/"
    assert design_system.name == "Harbour" and design_system.seed_color == "#0e7c66"
    assert "#0e7c66" in design_system.tokens["colors"]["primary"].values()
    assert balance_of(user) == 8
    page = signed_in.get(response["Location"]).content.decode()
    assert "Generated “Harbour” for 2 credits." in page


def test_generate_without_a_seed_ignores_the_colour_picker(signed_in, user):
    signed_in.post("/generate/", form_data(seed_color="#ff0000", kind="colors"))
    generation = Generation.objects.get(user=user)
    assert generation.seed_color == "" and generation.kind == "colors" and generation.credits_charged == 1


def test_generate_with_htmx_answers_a_client_redirect(signed_in, user):
    response = signed_in.post("/generate/", form_data(), HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"/designs/{DesignSystem.objects.get(owner=user).pk}/"


def test_a_double_submitted_form_generates_and_charges_once(signed_in, user):
    data = form_data()
    first = signed_in.post("/generate/", data)
    second = signed_in.post("/generate/", data)
    assert first["Location"] == second["Location"]
    assert Generation.objects.filter(user=user).count() == 1 and balance_of(user) == 8


def test_a_malformed_colour_is_refused_by_the_service_with_its_message(signed_in, user):
    response = signed_in.post("/generate/", form_data(use_seed="on", seed_color="blue"))
    assert response.status_code == 400
    assert "Must be a colour written #RRGGBB (or #RGB)." in response.content.decode()
    assert balance_of(user) == 10 and not Generation.objects.exists()


def test_generate_needs_a_prompt_or_a_colour(signed_in, user):
    response = signed_in.post("/generate/", form_data(prompt=""))
    assert response.status_code == 400
    assert "Describe what you want, or start from a brand colour" in response.content.decode()
    assert balance_of(user) == 10 and not Generation.objects.exists()


def test_zero_credits_shows_a_clear_message_and_a_link_to_buy_more(signed_in, user):
    credits.credits_revoke(user=user, amount=10, key="test:drain", description="drain")
    html = signed_in.get("/generate/").content.decode()
    assert 'data-testid="zero-credits"' in html and "You have no credits left" in html
    assert 'href="/billing/"' in html
    assert re.search(r'<button type="submit" class="button primary" disabled>Generate</button>', html)


@pytest.mark.parametrize("htmx", [False, True])
def test_too_few_credits_is_a_message_never_a_crash(signed_in, user, htmx):
    credits.credits_revoke(user=user, amount=9, key="test:drain", description="drain")
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = signed_in.post("/generate/", form_data(kind="design-system"), **headers)
    html = response.content.decode()
    assert response.status_code == (200 if htmx else 402)
    assert "This action costs 2 credits; you have 1." in html and 'href="/billing/"' in html
    assert ('id="generate-panel"' in html) and (("<html" in html) is not htmx)
    assert balance_of(user) == 1 and not Generation.objects.exists()


def test_a_failed_generation_is_a_message_and_the_retry_gets_a_new_key(signed_in, user, fake_openai):
    fake_openai.mode = "bad_json"
    data = form_data()
    response = signed_in.post("/generate/", data)
    html = response.content.decode()
    assert response.status_code == 502 and "credits for this request were returned" in html
    assert data["request_key"] not in html  # the form comes back with a fresh key
    assert balance_of(user) == 10


def test_pages_refuse_posts_without_a_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post("/generate/", form_data()).status_code == 403
    design_system = make(user)
    assert client.post(f"/designs/{design_system.pk}/delete/").status_code == 403
    assert DesignSystem.objects.filter(pk=design_system.pk).exists()


# --- a design system's page ---------------------------------------------------------------------------


def test_design_system_page_shows_swatches_previews_report_and_exports(
    signed_in, user, django_assert_max_num_queries
):
    design_system = make(user, "Harbour")
    with django_assert_max_num_queries(3):
        response = signed_in.get(f"/designs/{design_system.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    for scale, steps in design_system.tokens["colors"].items():
        assert f'aria-label="{scale} scale"' in html
        assert all(hex_color in html for hex_color in steps.values())
    assert 'data-preview="light"' in html and 'data-preview="dark"' in html
    light = design_system.tokens["themes"]["light"]
    assert f"--ds-primary: {light['primary']}" in html and f"--ds-on-primary: {light['on-primary']}" in html
    for mode in ("protanopia", "deuteranopia", "tritanopia"):
        assert f'id="cvd-{mode}"' in html and f'<option value="{mode}">' in html
    rows = design_system.report["contrast"]
    assert html.count("<tr>", html.index('data-testid="contrast-report"')) >= len(rows)
    for fmt in ("css", "scss", "tailwind", "dtcg", "json"):
        assert f'href="/api/design-systems/{design_system.pk}/export/{fmt}/" download' in html
    assert "Rename" in html and "Make public" in html and "Delete for good" in html


def test_swatch_text_is_legible_on_every_swatch(signed_in, user):
    from designs.views.presentation import swatch_scales

    for scale in swatch_scales(make(user).tokens):
        assert all(swatch["ratio"] >= 4.5 for swatch in scale["swatches"])


def test_typography_only_systems_render_with_the_dashboards_colours(signed_in, user):
    design_system = make(user, tokens=generate_typography(interpret("editorial magazine")))
    html = signed_in.get(f"/designs/{design_system.pk}/").content.decode()
    assert "--ds-primary: var(--color-primary)" in html and "Type scale" in html
    assert "Contrast report" not in html


def test_the_export_links_list_the_preferred_format_first(signed_in, user):
    from accounts.services import user_update_preferences

    user_update_preferences(user=user, changes={"export_format": "tailwind"})
    design_system = make(user)
    html = signed_in.get(f"/designs/{design_system.pk}/").content.decode()
    formats = re.findall(r'data-format="(\w+)"', html)
    assert formats[0] == "tailwind" and sorted(formats) == ["css", "dtcg", "json", "scss", "tailwind"]


def test_the_vision_switch_works_without_javascript(signed_in, user):
    design_system = make(user)
    html = signed_in.get(f"/designs/{design_system.pk}/?vision=deuteranopia").content.decode()
    assert 'data-vision="deuteranopia"' in html
    html = signed_in.get(f"/designs/{design_system.pk}/?vision=<script>").content.decode()
    assert 'data-vision="normal"' in html


def test_private_design_systems_are_404_for_everyone_else(client, user):
    design_system = make(user)
    assert client.get(f"/designs/{design_system.pk}/").status_code == 404
    client.force_login(UserFactory.create())
    response = client.get(f"/designs/{design_system.pk}/")
    assert response.status_code == 404 and "Page not found" in response.content.decode()


def test_public_design_systems_are_viewable_by_anyone_without_the_owners_controls(client, user):
    design_system = make(user, is_public=True)
    html = client.get(f"/designs/{design_system.pk}/").content.decode()
    assert "Harbour" not in html and design_system.name in html
    assert "Delete for good" not in html and "Rename" not in html


def test_owner_renames_publishes_and_deletes(signed_in, user):
    design_system = make(user)
    response = signed_in.post(f"/designs/{design_system.pk}/rename/", {"name": "  Tidewater "})
    assert response.status_code == 302
    design_system.refresh_from_db()
    assert design_system.name == "Tidewater"

    signed_in.post(f"/designs/{design_system.pk}/visibility/", {"is_public": "true"})
    design_system.refresh_from_db()
    assert design_system.is_public
    assert design_system.name in signed_in.get("/showcase/").content.decode()
    signed_in.post(f"/designs/{design_system.pk}/visibility/", {"is_public": "false"})
    design_system.refresh_from_db()
    assert not design_system.is_public

    response = signed_in.post(f"/designs/{design_system.pk}/delete/")
    assert response["Location"] == "/dashboard/" and not DesignSystem.objects.filter(pk=design_system.pk).exists()
    assert "Deleted “Tidewater”." in signed_in.get("/dashboard/").content.decode()


def test_a_blank_name_is_refused_with_a_message(signed_in, user):
    design_system = make(user, "Keep me")
    response = signed_in.post(f"/designs/{design_system.pk}/rename/", {"name": "   "}, follow=True)
    design_system.refresh_from_db()
    assert design_system.name == "Keep me"
    assert "This field may not be blank." in response.content.decode()


def test_nobody_else_can_change_a_design_system(client, user):
    design_system = make(user, is_public=True)
    client.force_login(UserFactory.create())
    assert client.post(f"/designs/{design_system.pk}/rename/", {"name": "Mine"}).status_code == 404
    assert client.post(f"/designs/{design_system.pk}/visibility/", {"is_public": "false"}).status_code == 404
    assert client.post(f"/designs/{design_system.pk}/delete/").status_code == 404
    design_system.refresh_from_db()
    assert design_system.name == "Acme" and design_system.is_public


# --- lists ------------------------------------------------------------------------------------------


def test_showcase_lists_public_systems_for_anyone(client, busy_user, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/showcase/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="card card-link ds-card"') == 4
    assert "System 0" in html and "System 1" not in html
    assert busy_user.email not in html


def test_own_list_is_paginated(signed_in, busy_user, django_assert_max_num_queries):
    for i in range(10):
        make(busy_user, f"More {i}")
    with django_assert_max_num_queries(5):  # + the plan's limit
        response = signed_in.get("/designs/")
    assert response.content.decode().count('class="card card-link ds-card"') == 12
    assert "Page 1 of 2" in response.content.decode()
    assert signed_in.get("/designs/?page=2").content.decode().count('class="card card-link ds-card"') == 10


# --- the dashboard's own design system ----------------------------------------------------------------


def test_the_committed_dashboard_css_is_what_the_engine_makes_now():
    call_command("build_dashboard_css", "--check")


def test_the_dashboards_own_colours_pass_every_contrast_check():
    report = build_report(dashboard_tokens())
    assert report["passes"] and len(report["contrast"]) > 20


def test_app_css_uses_only_variables_the_tokens_define():
    from django.conf import settings

    static = settings.BASE_DIR / "static" / "css"
    defined = set(re.findall(r"--([\w-]+):", (static / "tokens.css").read_text()))
    app = (static / "app.css").read_text()
    used = set(re.findall(r"var\(--([\w-]+)", app))
    own = {name for name in used if not name.startswith("ds-")}  # --ds-* are set per preview
    assert own <= defined, own - defined
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", app), "colours belong in tokens.css"


# --- admin ------------------------------------------------------------------------------------------


def test_admin_index_shows_signups_generations_and_failed_webhooks(client, busy_user, django_assert_max_num_queries):
    staff = UserFactory.create(email="staff@example.com")
    staff.is_staff = staff.is_superuser = True
    staff.save()
    WebhookEvent.objects.create(
        source="stripe", event_id="evt_1", event_type="invoice.paid", payload={}, status="failed", error="boom"
    )
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        response = client.get("/admin/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Recent signups" in html and "staff@example.com" in html
    assert "Recent generations" in html and html.count("Colours</") >= 4
    assert "Failed webhooks" in html and "invoice.paid" in html and "boom" in html
