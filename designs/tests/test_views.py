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
from designs.engine import build_report, generate_design_system, interpret
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
    with django_assert_max_num_queries(8):
        response = signed_in.get("/dashboard/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-testid="balance">{balance_of(busy_user)}<' in html
    assert "Free" in html
    assert html.count('class="card ds-card"') == 6  # the six newest
    assert "All 12" in html  # 8 saved + 4 generated
    assert 'role="img"' in html and "Credits spent per day, last 30 days" in html
    assert "4 credits spent in total" in html  # four colour generations at 1 credit
    activity = html[html.index('id="activity-title"'):html.index('id="recent-title"')]
    for generation in Generation.objects.filter(user=busy_user).select_related("design_system")[:4]:
        assert f'href="/designs/{generation.design_system.pk}/">{generation.design_system.name}</a>' in activity


def test_activity_of_a_deleted_design_system_has_no_link(signed_in, user):
    credits.credits_grant(user=user, amount=5, key="test:grant")
    generation = services.generation_run(user=user, kind="colors", prompt="calm", save=True)
    services.design_system_delete(design_system=generation.design_system)
    activity = signed_in.get("/dashboard/").content.decode().split('id="activity-title"')[1]
    assert "/designs/" not in activity.split('id="recent-title"')[0]


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
    response = signed_in.post("/generate/", form_data(seed_color="#0E7C66", name="Harbour"))
    design_system = DesignSystem.objects.get(owner=user)
    assert response.status_code == 302 and response["Location"] == f"/designs/{design_system.pk}/"
    assert design_system.name == "Harbour" and design_system.seed_color == "#0e7c66"
    assert "#0e7c66" in design_system.tokens["colors"]["primary"].values()
    assert balance_of(user) == 8
    page = signed_in.get(response["Location"]).content.decode()
    assert "Generated “Harbour” for 2 credits." in page


def test_an_empty_brand_colour_is_none_and_one_without_its_hash_is_used(signed_in, user):
    signed_in.post("/generate/", form_data(seed_color="", kind="colors"))
    signed_in.post("/generate/", form_data(seed_color="0e7c66", kind="colors"))
    first, second = Generation.objects.filter(user=user).order_by("id")
    assert (first.seed_color, second.seed_color) == ("", "#0e7c66")
    assert first.kind == "colors" and first.credits_charged == 1


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


def field_tag(html: str, field_id: str) -> str:
    """The opening tag of the form field with this id."""
    return re.search(rf'<(?:input|textarea|select)[^>]*\bid="{field_id}"[^>]*>', html).group(0)


@pytest.mark.parametrize("htmx", [False, True])
def test_a_malformed_colour_is_the_colour_fields_own_error_with_focus_on_it(signed_in, user, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = signed_in.post("/generate/", form_data(seed_color="blue"), **headers)
    html = response.content.decode()
    assert response.status_code == (200 if htmx else 400)
    seed = field_tag(html, "id_seed_color")
    assert 'aria-invalid="true"' in seed and "error-seed_color" in seed and "autofocus" in seed
    assert '<p class="field-error" id="error-seed_color">Must be a colour written #RRGGBB (or #RGB).</p>' in html
    assert html.count('class="field-error"') == 1 and 'data-testid="generate-error"' not in html  # one message
    assert 'aria-invalid="true"' not in field_tag(html, "id_prompt")
    assert balance_of(user) == 10 and not Generation.objects.exists()


def test_generate_needs_a_prompt_or_a_colour_and_says_so_at_the_prompt(signed_in, user):
    response = signed_in.post("/generate/", form_data(prompt=""))
    html = response.content.decode()
    assert response.status_code == 400
    prompt = field_tag(html, "id_prompt")
    assert 'aria-invalid="true"' in prompt and "error-prompt" in prompt and "autofocus" in prompt
    assert "Describe your brand or product, or give a brand colour (or both)." in html
    assert html.count('class="field-error"') == 1
    assert balance_of(user) == 10 and not Generation.objects.exists()


def test_a_prompt_too_long_is_the_prompts_error(signed_in, user):
    html = signed_in.post("/generate/", form_data(prompt="x" * 501)).content.decode()
    assert 'aria-invalid="true"' in field_tag(html, "id_prompt") and "at most 500 characters" in html


def test_the_generate_form_has_a_colour_field_a_counter_and_no_checkbox(signed_in, user):
    html = signed_in.get("/generate/").content.decode()
    assert 'type="checkbox"' not in html and "use_seed" not in html
    assert 'name="seed_color"' in html and 'data-picker-for="id_seed_color"' in html
    assert 'data-clear-for="id_seed_color"' in html
    assert 'data-counter-for="id_prompt" data-max="500"' in html and "prompt-count" in field_tag(html, "id_prompt")


def test_zero_credits_shows_a_clear_message_and_a_link_to_buy_more(signed_in, user):
    credits.credits_revoke(user=user, amount=10, key="test:drain", description="drain")
    html = signed_in.get("/generate/").content.decode()
    assert 'data-testid="zero-credits"' in html and "You have no credits left" in html
    assert 'href="/billing/"' in html
    assert re.search(r'<button type="submit" class="button primary" disabled>Generate</button>', html)
    assert "data-testid=\"generate-error\"" not in html  # one message, not two stacked


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


# --- lists ------------------------------------------------------------------------------------------


def test_showcase_lists_public_systems_for_anyone(client, busy_user, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/showcase/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="card ds-card"') == 4
    assert "System 0" in html and "System 1" not in html
    assert busy_user.email not in html
    assert "Duplicate to my designs" not in html and "Sign in to make your own" in html


def test_own_list_is_paginated(signed_in, busy_user, django_assert_max_num_queries):
    for i in range(10):
        make(busy_user, f"More {i}")
    with django_assert_max_num_queries(5):  # + the plan's limit
        response = signed_in.get("/designs/")
    assert response.content.decode().count('class="card ds-card"') == 12
    assert "Page 1 of 2" in response.content.decode()
    assert signed_in.get("/designs/?page=2").content.decode().count('class="card ds-card"') == 10


def names_listed(html: str) -> list[str]:
    return re.findall(r'class="ds-card-link" href="/designs/\d+/">([^<]+)</a>', html)


def test_own_list_searches_names_and_sentences_and_sorts(signed_in, user, django_assert_max_num_queries):
    services.design_system_create(owner=user, name="Harbour", intent={"primary": "#2563eb"}, prompt="calm fintech")
    services.design_system_create(owner=user, name="bakery", intent={"primary": "#c2410c"}, prompt="warm crumbs")
    services.design_system_create(owner=user, name="Atlas", intent={"primary": "#16a34a"}, prompt="Calm maps")
    with django_assert_max_num_queries(6):  # + the plan's limit, and counting them all (a search counts its own)
        html = signed_in.get("/designs/?q=CALM&sort=name").content.decode()
    assert names_listed(html) == ["Atlas", "Harbour"]  # name or sentence, any case; by name
    assert "2 design systems match “CALM”" in html and 'value="CALM"' in html
    assert names_listed(signed_in.get("/designs/?sort=name").content.decode()) == ["Atlas", "bakery", "Harbour"]
    assert names_listed(signed_in.get("/designs/?sort=oldest").content.decode()) == ["Harbour", "bakery", "Atlas"]
    assert names_listed(signed_in.get("/designs/?sort=nonsense").content.decode()) == ["Atlas", "bakery", "Harbour"]
    assert "None of your design systems matches “zebra”" in signed_in.get("/designs/?q=zebra").content.decode()


def test_pages_of_a_search_keep_the_search(signed_in, user, no_saved_limit):
    for i in range(14):
        make(user, f"Calm {i}")
    html = signed_in.get("/designs/?q=calm&sort=name").content.decode()
    assert 'href="?q=calm&amp;sort=name&amp;page=2"' in html


def test_the_showcase_searches_and_offers_signed_in_people_a_duplicate(client, busy_user):
    other = UserFactory.create()
    client.force_login(other)
    html = client.get("/showcase/?q=system 2").content.decode()
    assert names_listed(html) == ["System 2"]
    public = DesignSystem.objects.get(name="System 2")
    assert f'action="/designs/{public.pk}/duplicate/"' in html and "Duplicate to my designs" in html


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


# --- installing with the shadcn CLI -------------------------------------------------------------------------


def test_a_public_design_system_shows_the_shadcn_command_with_a_copy_button(client, user):
    import html as html_module

    public = make(user, "Shared", is_public=True)
    page = client.get(f"/designs/{public.pk}/").content.decode()
    command = f"npx shadcn@latest add http://testserver/r/{public.pk}.json"
    assert f'<code class="command" data-testid="shadcn-command">{command}</code>' in page
    assert f'data-copy="{command}" data-copy-label="the command"' in page
    assert 'id="copy-status"' in page and "shadcn-registry" not in page
    item = client.get(command.split()[-1].removeprefix("http://testserver"))
    assert item.status_code == 200 and item.json()["type"] == "registry:theme"
    assert html_module.unescape(page).count('id="copy-status"') == 1


def test_a_private_design_system_tells_its_owner_how_to_install_it_with_an_api_key(signed_in, user):
    import html as html_module
    import json as json_module

    private = make(user, "Mine")
    page = html_module.unescape(signed_in.get(f"/designs/{private.pk}/").content.decode())
    assert f"npx shadcn@latest add @designforge/{private.pk}</code>" in page
    registry = re.search(r'<pre class="code-block" data-testid="shadcn-registry"[^>]*><code>(.*?)</code></pre>',
                         page, re.S)
    config = json_module.loads(registry.group(1))["registries"]["@designforge"]
    assert config == {"url": "http://testserver/r/{name}.json",
                      "headers": {"Authorization": "Bearer ${DESIGNFORGE_API_KEY}"}}
    assert 'href="/account/"' in page
