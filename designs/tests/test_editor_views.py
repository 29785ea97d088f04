"""A design system's page: the editor (its form works without JavaScript: preview, take a variation, save),
the preview in the system's own tokens, swatches, the report, the read-only view of public ones and
"Duplicate to my designs"; and how many queries each answer may make."""

import json
import re

import pytest
from django.core.cache import cache

from accounts.tests.factories import UserFactory
from credits.selectors import balance_of
from designs import services
from designs.engine import (
    INTENT_FIELDS,
    Intent,
    build_report,
    generate_colors,
    generate_design_system,
    generate_typography,
    intent_from_tokens,
    interpret,
    variant,
)
from designs.engine.shapes import SPACING_KEYS, TYPE_STEPS
from designs.models import DesignSystem
from designs.views.specimen import swatch_scales

pytestmark = pytest.mark.django_db

INTENT = {"primary": "#0e7c66", "harmony": "triadic", "font_pairing": "fraunces-work", "roundness": 0.7}


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def design(user):
    return services.design_system_create(owner=user, name="Harbour", intent=INTENT)


def page_of(design_system):
    return f"/designs/{design_system.pk}/"


def form_data(intent: dict, **extra) -> dict:
    """The editor's form as a browser without JavaScript posts it."""
    data = {name: "" if value is None else str(value) for name, value in intent.items()}
    data.update(extra)
    return data


def pane_style(html: str, theme: str) -> str:
    return re.search(rf'class="preview" data-preview="{theme}" style="([^"]*)"', html).group(1)


def field_tag(html: str, field_id: str) -> str:
    return re.search(rf'<(?:input|select)[^>]*\bid="{field_id}"[^>]*>', html).group(0)


# --- what the page shows -------------------------------------------------------------------------------------


def test_the_owner_gets_an_editor_for_the_whole_intent(signed_in, design, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = signed_in.get(page_of(design))
    html = response.content.decode()
    assert response.status_code == 200
    saved = design.intent
    assert f'value="{saved["primary"]}"' in field_tag(html, "id_primary")
    for name in INTENT_FIELDS:
        assert f'name="{name}"' in html and f'name="locks" value="{name}" id="lock-{name}"' in html
    assert 'id="pairing-fraunces-work" value="fraunces-work" checked' in html
    assert '<option value="1.25" selected>' in html  # the type scale, among its named stops
    assert 'data-picker-for="id_primary"' in html and 'data-clear-for="id_secondary"' in html
    assert f'action="/designs/{design.pk}/edit/"' in html and "All changes saved" in html
    assert json.loads(re.search(r'data-saved-intent="([^"]*)"', html).group(1).replace("&quot;", '"')) == saved


def test_four_variations_are_shown_keeping_nothing_locked_yet(signed_in, design):
    html = signed_in.get(page_of(design)).content.decode()
    taken = re.findall(r'name="take" value="(\d)" class="variation" data-variation="\d" data-intent="([^"]*)"', html)
    assert [number for number, _ in taken] == ["1", "2", "3", "4"]
    for number, intent in taken:
        expected = variant(Intent.from_dict(design.intent), int(number)).to_dict()
        assert json.loads(intent.replace("&quot;", '"')) == expected


def test_the_preview_is_drawn_in_the_systems_own_tokens_in_both_themes(signed_in, design):
    html = signed_in.get(page_of(design)).content.decode()
    light, dark = design.tokens["themes"]["light"], design.tokens["themes"]["dark"]
    assert f"--ds-primary: {light['primary']}" in pane_style(html, "light")
    assert f"--ds-primary-subtle: {dark['primary-subtle']}" in pane_style(html, "dark")
    assert "--ds-font-heading: &quot;Fraunces&quot;" in pane_style(html, "light")
    assert f"--ds-radius-lg: {design.tokens['radii']['lg']}" in pane_style(html, "light")
    for part in ("pv-nav", "pv-hero", "pv-pricing", "is-selected", "is-invalid", "pv-tabs", "pv-alert-danger",
                 "pv-toast", "is-hover", "is-focus", "disabled"):
        assert part in html, part


def test_type_steps_and_spaces_are_in_order_whatever_order_the_database_keeps(signed_in, user):
    tokens = generate_design_system(Intent.from_dict(INTENT))
    # PostgreSQL's jsonb returns keys shortest first; store them scrambled the same way on any database.
    tokens["typography"]["scale"]["steps"] = dict(sorted(tokens["typography"]["scale"]["steps"].items(),
                                                         key=lambda item: (len(item[0]), item[0])))
    tokens["spacing"]["scale"] = dict(sorted(tokens["spacing"]["scale"].items()))
    design = DesignSystem.objects.create(owner=user, name="Scrambled", tokens=tokens, report={"contrast": []})
    html = signed_in.get(page_of(design)).content.decode()
    assert re.findall(r'data-type-step="(\w+)"', html)[:len(TYPE_STEPS)] == list(reversed(TYPE_STEPS))
    assert re.findall(r'data-space="(\d+)"', html)[:len(SPACING_KEYS) - 1] == list(SPACING_KEYS[1:])


def test_swatches_copy_hex_or_variable_and_say_their_contrast_and_use(signed_in, design):
    html = signed_in.get(page_of(design)).content.decode()
    primary = design.tokens["themes"]["light"]["primary"]
    step = next(step for step, hex_color in design.tokens["colors"]["primary"].items() if hex_color == primary)
    assert (f'data-scale="primary" data-step="{step}" data-hex="{primary}" data-variable="--color-primary-{step}"'
            in html)
    assert 'id="copy-status" role="status" aria-live="polite"' in html
    uses = re.search(rf'data-uses="primary">.*?<strong>{step}</strong> ([^<]*)</span>', html).group(1)
    assert uses.startswith("Light: ") and "primary buttons and badges" in uses.split(";")[0]


def test_swatch_text_is_legible_on_every_swatch(design):
    for scale in swatch_scales(design.tokens):
        assert all(swatch["ratio"] >= 4.5 for swatch in scale["swatches"])


def test_the_report_draws_borders_and_rings_as_lines_not_text(signed_in, design):
    html = signed_in.get(page_of(design)).content.decode()
    report = html[html.index('data-testid="contrast-report"'):]
    rows = re.findall(r'<tr data-row="([^"]+)">(.*?)</tr>', report, re.S)
    assert len(rows) == len(design.report["contrast"])
    for key, row in rows:
        kind = "non-text" if key.split(":")[1] in ("border-strong", "focus-ring") else "text"
        assert f'data-kind="{kind}"' in row
        assert ("Aa" in row) is (kind == "text")


def test_look_alike_warnings_and_brand_notes_are_shown(signed_in, user):
    design = services.design_system_create(owner=user, name="Red", intent={"primary": "#d92d20"})
    assert design.report["warnings"], "a red brand looks like danger"
    html = signed_in.get(page_of(design)).content.decode()
    for warning in design.report["warnings"]:
        assert warning["message"] in html
    assert design.report["brand"][0]["dark"]["note"] in html


def test_a_typography_only_system_claims_no_contrast_and_hides_the_colour_controls(signed_in, user):
    design = services.design_system_create(owner=user, name="Type", intent=INTENT)
    design.tokens = generate_typography(Intent.from_dict(INTENT))
    design.report = build_report(design.tokens)
    design.save()
    html = signed_in.get(page_of(design)).content.decode()
    assert "contrast checks pass" not in html and "Contrast report" not in html
    assert "--ds-primary: var(--color-primary)" in html and "Quiet money" in html
    assert re.search(r'<fieldset class="control-group" hidden>\s*<legend>Colour</legend>', html)


def test_public_design_systems_are_read_only_for_others_with_a_duplicate_button(client, user, design):
    services.design_system_update(design_system=design, is_public=True)
    html = client.get(page_of(design)).content.decode()
    assert "data-editor-form" not in html and "Delete for good" not in html and "editor.js" not in html
    assert f'href="/sign-in/?next=/designs/{design.pk}/"' in html
    client.force_login(UserFactory.create())
    html = client.get(page_of(design)).content.decode()
    assert f'action="/designs/{design.pk}/duplicate/"' in html and "Duplicate to my designs" in html


def test_private_design_systems_are_404_for_everyone_else(client, design):
    assert client.get(page_of(design)).status_code == 404
    client.force_login(UserFactory.create())
    response = client.get(page_of(design))
    assert response.status_code == 404 and "Page not found" in response.content.decode()


def test_the_export_links_list_the_preferred_format_first(signed_in, user, design):
    from accounts.services import user_update_preferences

    user_update_preferences(user=user, changes={"export_format": "tailwind"})
    html = signed_in.get(page_of(design)).content.decode()
    formats = re.findall(r'data-format="([\w-]+)"', html)
    assert formats[0] == "tailwind" and sorted(formats) == ["css", "dtcg", "json", "scss", "shadcn", "style-dictionary",
                                                                 "tailwind", "tokens-studio"]


def test_the_vision_switch_works_without_javascript(signed_in, design):
    assert 'data-vision="deuteranopia"' in signed_in.get(page_of(design) + "?vision=deuteranopia").content.decode()
    assert 'data-vision="normal"' in signed_in.get(page_of(design) + "?vision=<script>").content.decode()


# --- the form without JavaScript ---------------------------------------------------------------------------


def test_preview_shows_the_change_unsaved(signed_in, design, django_assert_max_num_queries):
    before = design.tokens
    with django_assert_max_num_queries(3):
        response = signed_in.post(f"{page_of(design)}edit/", form_data({**design.intent, "primary": "#7c3aed"},
                                                                      preview="1"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "--ds-primary: #7c3aed" in pane_style(html, "light")
    assert 'value="#7c3aed"' in field_tag(html, "id_primary") and "Unsaved changes" in html
    assert re.search(r'<a class="button" href="/designs/\d+/" data-discard>', html)  # shown, not hidden
    design.refresh_from_db()
    assert design.tokens == before


def test_taking_a_variation_keeps_the_locked_parts(signed_in, design):
    data = form_data(design.intent, take="2", locks=["primary", "font_pairing"])
    html = signed_in.post(f"{page_of(design)}edit/", data).content.decode()
    taken = variant(Intent.from_dict(design.intent), 2, ["primary", "font_pairing"])
    assert taken.primary == design.intent["primary"] and taken.font_pairing == "fraunces-work"
    assert f'value="{taken.harmony}" selected' in html
    secondary = generate_design_system(taken)["themes"]["light"]["secondary"]
    assert f"--ds-secondary: {secondary}" in pane_style(html, "light")
    assert 'value="primary" id="lock-primary" checked' in html and 'value="harmony" id="lock-harmony">' in html


def test_save_regenerates_and_keeps_the_intent_for_free(signed_in, user, design):
    changed = {**design.intent, "primary": "#7c3aed", "secondary": "", "roundness": "1"}
    response = signed_in.post(f"{page_of(design)}edit/", form_data(changed, save="1"))
    assert response.status_code == 302 and response["Location"] == page_of(design)
    design.refresh_from_db()
    assert design.intent["primary"] == "#7c3aed" and design.intent["secondary"] is None
    assert design.intent["roundness"] == 1.0 and design.tokens["themes"]["light"]["primary"] == "#7c3aed"
    assert design.report["passes"] and balance_of(user) == 10
    assert "Saved." in signed_in.get(page_of(design)).content.decode()


def test_a_colour_the_engine_refuses_is_that_fields_error_and_nothing_changes(signed_in, design):
    before = design.tokens
    response = signed_in.post(f"{page_of(design)}edit/", form_data({**design.intent, "primary": "blue"}, save="1"))
    html = response.content.decode()
    assert response.status_code == 400
    primary = field_tag(html, "id_primary")
    assert 'aria-invalid="true"' in primary and "error-primary" in primary and "autofocus" in primary
    assert '<p class="field-error" id="error-primary">Primary must be a #rrggbb colour.</p>' in html
    design.refresh_from_db()
    assert design.tokens == before


def test_a_number_out_of_range_is_that_fields_error(signed_in, design):
    html = signed_in.post(f"{page_of(design)}edit/", form_data({**design.intent, "vibrancy": "3"})).content.decode()
    assert 'aria-invalid="true"' in field_tag(html, "id_vibrancy")


def test_too_many_previews_is_a_message_and_the_saved_page(signed_in, design, settings):
    settings.PREVIEW_RATE_LIMIT = "5/day"
    cache.clear()
    signed_in.get(page_of(design))  # four variations
    response = signed_in.post(f"{page_of(design)}edit/", form_data({**design.intent, "primary": "#7c3aed"}))
    response = signed_in.post(f"{page_of(design)}edit/", form_data({**design.intent, "primary": "#7c3aed"}))
    html = response.content.decode()
    assert response.status_code == 429 and "Too many requests" in html
    assert f"--ds-primary: {design.tokens['themes']['light']['primary']}" in pane_style(html, "light")


def test_a_colours_only_system_stays_colours_only_in_the_preview_and_on_save(signed_in, user):
    design = services.design_system_create(owner=user, name="Palette", intent=INTENT)
    design.tokens = generate_colors(Intent.from_dict(INTENT))
    design.report = build_report(design.tokens)
    design.save()
    changed = form_data({**design.intent, "primary": "#dc2626"})
    html = signed_in.post(f"{page_of(design)}edit/", changed).content.decode()
    assert "Quiet money" not in html and "--ds-primary: #dc2626" in pane_style(html, "light")
    assert re.search(r'<fieldset class="control-group" hidden>\s*<legend>Type</legend>', html)
    signed_in.post(f"{page_of(design)}edit/", form_data({**design.intent, "primary": "#dc2626"}, save="1"))
    design.refresh_from_db()
    assert set(design.tokens) == {"colors", "themes"}


def test_nobody_else_can_edit_or_see_the_editor(client, design):
    services.design_system_update(design_system=design, is_public=True)
    client.force_login(UserFactory.create())
    assert client.post(f"{page_of(design)}edit/", form_data(design.intent, save="1")).status_code == 404
    assert client.post(f"{page_of(design)}edit/", form_data(design.intent)).status_code == 404


# --- design systems saved from raw tokens -------------------------------------------------------------------


def test_a_raw_token_system_is_editable_from_an_intent_read_from_its_tokens(signed_in, user):
    tokens = generate_design_system(interpret("bold neon gaming", "#ff2d95"))
    design = services.design_system_create(owner=user, name="Raw", tokens=tokens)
    html = signed_in.get(page_of(design)).content.decode()
    read = intent_from_tokens(tokens)
    assert 'data-testid="from-tokens"' in html and "saved from its own tokens" in html
    assert f'value="{read.primary}"' in field_tag(html, "id_primary")
    assert f"--ds-primary: {tokens['themes']['light']['primary']}" in pane_style(html, "light")  # shown as saved
    signed_in.post(f"{page_of(design)}edit/", form_data(read.to_dict(), save="1"))
    design.refresh_from_db()
    assert design.intent == read.to_dict() and design.report["passes"]
    assert 'data-testid="from-tokens"' not in signed_in.get(page_of(design)).content.decode()


# --- duplicates ---------------------------------------------------------------------------------------------


def test_duplicating_a_public_one_opens_your_private_copy(client, user, design):
    services.design_system_update(design_system=design, is_public=True)
    other = UserFactory.create()
    client.force_login(other)
    response = client.post(f"{page_of(design)}duplicate/")
    copy = DesignSystem.objects.get(owner=other)
    assert response.status_code == 302 and response["Location"] == page_of(copy)
    assert (copy.name, copy.is_public, copy.intent) == ("Harbour", False, design.intent)
    assert "is in your design systems now" in client.get(page_of(copy)).content.decode()


def test_a_private_one_cannot_be_duplicated_by_others_and_signed_out_people_sign_in(client, design):
    assert client.post(f"{page_of(design)}duplicate/").status_code == 302  # to the sign-in page
    client.force_login(UserFactory.create())
    assert client.post(f"{page_of(design)}duplicate/").status_code == 404
    assert DesignSystem.objects.count() == 1


# --- rename, publish, delete ----------------------------------------------------------------------------


def test_owner_renames_publishes_and_deletes(signed_in, user):
    design_system = services.design_system_create(owner=user, name="Acme", intent=INTENT)
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


def test_publishing_says_the_sentence_becomes_public_and_then_it_is(signed_in, user, client):
    design_system = services.design_system_create(owner=user, name="Acme", prompt="our secret launch", intent=INTENT)
    page = signed_in.get(f"/designs/{design_system.pk}/").content.decode()
    assert "Publishing shows it, its sentence included, to anyone." in page

    signed_in.post(f"/designs/{design_system.pk}/visibility/", {"is_public": "true"})
    client.logout()
    assert "our secret launch" in client.get(f"/designs/{design_system.pk}/").content.decode()


def test_a_blank_name_is_refused_with_a_message(signed_in, user):
    design_system = services.design_system_create(owner=user, name="Keep me", intent=INTENT)
    response = signed_in.post(f"/designs/{design_system.pk}/rename/", {"name": "   "}, follow=True)
    design_system.refresh_from_db()
    assert design_system.name == "Keep me"
    assert "This field may not be blank." in response.content.decode()


def test_nobody_else_can_change_a_design_system(client, user):
    design_system = services.design_system_create(owner=user, name="Acme", intent=INTENT, is_public=True)
    client.force_login(UserFactory.create())
    assert client.post(f"/designs/{design_system.pk}/rename/", {"name": "Mine"}).status_code == 404
    assert client.post(f"/designs/{design_system.pk}/visibility/", {"is_public": "false"}).status_code == 404
    assert client.post(f"/designs/{design_system.pk}/delete/").status_code == 404
    design_system.refresh_from_db()
    assert design_system.name == "Acme" and design_system.is_public
