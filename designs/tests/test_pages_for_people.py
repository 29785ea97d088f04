"""Pages as people meet them: the landing page's live sample, previews drawn only with a design system's
own tokens, and messages written for people, never for operators (no environment-variable names; what
cannot work here is switched off with one plain reason)."""

import re

import pytest
from django.conf import settings as django_settings

from designs import services
from designs.engine import Intent, generate_design_system
from designs.templatetags.live_sample import EXAMPLE_BRIEFS, examples

pytestmark = pytest.mark.django_db

OPERATOR_WORDS = re.compile(r"\b[A-Z][A-Z0-9]+_[A-Z0-9_]+\b|README|\.env\b")


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def pane_style(html: str, theme: str) -> str:
    return re.search(rf'class="preview" data-preview="{theme}" style="([^"]*)"', html).group(1)


# --- the landing page's live sample ------------------------------------------------------------------------------


def test_the_landing_page_shows_a_live_sample_of_example_briefs(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        html = client.get("/").content.decode()
    for brief in EXAMPLE_BRIEFS:
        assert f"“{brief}”" in html
    first = examples()[0]["tokens"]
    assert f"--ds-primary: {first['themes']['light']['primary']}" in pane_style(html, "light")
    assert f"--ds-background: {first['themes']['dark']['background']}" in pane_style(html, "dark")
    assert 'data-example-intent="' in html and "landing.js" in html and 'action="/#try"' in html


def test_without_javascript_an_example_or_a_colour_recolours_the_sample(client):
    third = examples()[2]["tokens"]["themes"]["light"]["primary"]
    assert f"--ds-primary: {third}" in pane_style(client.get("/?example=3").content.decode(), "light")
    html = client.get("/?brand=ff0066").content.decode()
    assert "--ds-primary: #ff0066" in pane_style(html, "light")
    assert 'value="#ff0066"' in html


def test_a_colour_that_is_not_one_is_said_at_the_field(client):
    html = client.get("/?brand=blue").content.decode()
    assert 'aria-invalid="true" aria-describedby="try-error"' in html
    assert "Write the colour as #RRGGBB, like #2563eb." in html
    assert pane_style(html, "light")  # the example is still shown


# --- previews use the design system's tokens only ----------------------------------------------------------------


def test_preview_css_uses_only_the_design_systems_own_tokens():
    css = (django_settings.BASE_DIR / "static" / "css" / "preview.css").read_text()
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    variables = set(re.findall(r"var\(--([\w-]+)", rules))
    assert variables and all(name.startswith("ds-") for name in variables), variables
    colours = re.findall(r"(?:color|background|border[\w-]*|box-shadow|outline):\s*([^;]*)", rules)
    assert colours and not [value for value in colours if re.search(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|oklch)\(|"
                                                                   r"\b(?:white|black|gr[ae]y|red|blue)\b", value)]
    assert not re.search(r"font-family:(?!\s*var\(--ds-font-)", rules), "fonts come from the tokens"


# --- messages for people ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/sign-in/", "/dashboard/", "/generate/", "/billing/", "/account/",
                                  "/designs/", "/showcase/"])
def test_no_page_names_an_environment_variable(client, user, path):
    client.force_login(user)
    services.design_system_create(owner=user, name="Acme", tokens=generate_design_system(Intent(primary="#2563eb")))
    html = client.get(path, follow=True).content.decode()
    assert not OPERATOR_WORDS.search(visible_text(html)), OPERATOR_WORDS.search(visible_text(html)).group(0)


def test_sign_in_that_is_not_available_says_so_plainly(client, settings):
    settings.DEV_SIGN_IN = False
    html = client.get("/sign-in/").content.decode()
    assert "Signing in is not available on this server yet" in html
    assert not OPERATOR_WORDS.search(visible_text(html))


def test_billing_without_payments_switches_its_buttons_off_with_one_reason(client, user):
    client.force_login(user)
    html = client.get("/billing/").content.decode()
    assert html.count('data-testid="stripe-not-configured"') == 1
    buttons = re.findall(r'<button type="submit"[^>]*data-testid="(?:checkout|portal)[^"]*"[^>]*>', html)
    assert len(buttons) >= 3 and all('disabled aria-describedby="payments-off"' in b for b in buttons)


def test_billing_with_payments_keeps_its_buttons_on(client, user, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    client.force_login(user)
    html = client.get("/billing/").content.decode()
    assert 'data-testid="stripe-not-configured"' not in html and "disabled" not in html


def test_sync_from_clerk_is_switched_off_without_clerk_with_its_reason(client, user, settings):
    client.force_login(user)
    html = client.get("/account/").content.decode()
    assert re.search(r'<button type="submit" class="button" disabled aria-describedby="sync-hint">Sync', html)
    assert "Nothing to sync" in html
    settings.CLERK_SECRET_KEY = "sk_test_x"
    html = client.get("/account/").content.decode()
    assert re.search(r'<button type="submit" class="button">Sync from Clerk', html)
