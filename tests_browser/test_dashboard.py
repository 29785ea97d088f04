"""The dashboard in a real browser: sign-in, generate (with its progress), the design system page's preview,
colour-vision switch and export download, billing buttons, zero credits, keyboard use, and a basic
accessibility check and screenshots of every page at desktop and phone widths."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from billing.models import CreditPack, Plan
from billing.tests.fake_stripe import API_KEY, FakeStripeServer
from credits import services as credits
from credits.selectors import balance_of
from designs import services
from designs.engine import generate_design_system, interpret
from designs.management.commands.build_dashboard_css import dashboard_tokens
from designs.models import DesignSystem
from designs.tests.fake_openai import FakeOpenAI

from .conftest import development_sign_in, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Problems a person using a screen reader or a keyboard would meet first.
A11Y_CHECK = """() => {
  const problems = [];
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    if (!(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      problems.push('form control without a label: ' + el.outerHTML.slice(0, 100));
  }
  for (const landmark of ['header', 'nav', 'main', 'footer'])
    if (!document.querySelector(landmark)) problems.push('no <' + landmark + '>');
  const h1s = document.querySelectorAll('h1').length;
  if (h1s !== 1) problems.push(h1s + ' <h1> elements');
  for (const img of document.querySelectorAll('img:not([alt])')) problems.push('image without alt: ' + img.src);
  for (const el of document.querySelectorAll('button, a[href]')) {
    const name = (el.textContent || '').trim() || el.getAttribute('aria-label') || el.getAttribute('title');
    if (!name) problems.push('control without a name: ' + el.outerHTML.slice(0, 100));
  }
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push('duplicate id ' + id);
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('page scrolls sideways');
  return problems;
}"""


def accessible(page) -> list[str]:
    return page.evaluate(A11Y_CHECK)


def rgb(hex_color: str) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_sign_in_generate_preview_and_export(page, live_server, shoot):
    page.goto("/")
    assert accessible(page) == []
    shoot(page, "landing")
    with development_sign_in():
        page.goto("/sign-in/")
    shoot(page, "sign-in")

    sign_in(page, "ada@example.com")
    expect(page.get_by_test_id("balance")).to_have_text("10")
    assert accessible(page) == []
    shoot(page, "dashboard-empty")

    page.get_by_role("link", name="Generate", exact=True).click()
    expect(page.get_by_test_id("generate-balance")).to_have_text("10 credits")
    page.get_by_label("Colours").check()
    expect(page.locator("[data-cost]")).to_have_text("1 credit")
    page.get_by_label("Design system").check()
    expect(page.locator("[data-cost]")).to_have_text("2 credits")
    assert accessible(page) == []
    shoot(page, "generate")

    page.get_by_label("Describe your brand or product").fill("calm, trustworthy fintech for young families")
    page.get_by_label("Brand colour (optional)", exact=True).fill("#0e7c66")
    page.get_by_label("Name (optional)").fill("Harbour")
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url(re.compile(r"/designs/\d+/$"))
    design_system = DesignSystem.objects.get(name="Harbour")
    assert "#0e7c66" in design_system.tokens["colors"]["primary"].values()
    assert balance_of(design_system.owner) == 8
    expect(page.get_by_text("Generated “Harbour” for 2 credits.")).to_be_visible()

    # The preview is drawn with the design system's own tokens, in both themes.
    light, dark = design_system.tokens["themes"]["light"], design_system.tokens["themes"]["dark"]
    light_pane = page.locator('#previews > [data-preview="light"]')
    dark_pane = page.locator('#previews > [data-preview="dark"]')
    expect(light_pane).to_have_css("background-color", rgb(light["background"]))
    expect(dark_pane).to_be_hidden()  # the light theme first; the switch shows the dark one, or both
    page.locator(".stage .segmented label", has_text="Dark").click()
    expect(page.get_by_label("Dark", exact=True)).to_be_checked()
    expect(light_pane).to_be_hidden()
    expect(dark_pane).to_have_css("background-color", rgb(dark["background"]))
    expect(dark_pane.locator(".pv-btn-primary").first).to_have_css("color", rgb(dark["on-primary"]))
    page.locator(".stage .segmented label", has_text="Light").click()
    expect(light_pane.locator(".pv-btn-primary").first).to_have_css("background-color", rgb(light["primary"]))
    expect(page.get_by_test_id("contrast-report")).to_contain_text("on-primary")
    assert accessible(page) == []
    shoot(page, "design-system")

    # Colour-vision preview: the switch filters the preview panes through an SVG colour matrix.
    expect(light_pane).to_have_css("filter", "none")
    page.get_by_label("Colour vision").select_option("deuteranopia")
    expect(page.locator("#previews")).to_have_attribute("data-vision", "deuteranopia")
    expect(light_pane).to_have_css("filter", re.compile(r'url\(.*#cvd-deuteranopia'))
    shoot(page, "design-system-deuteranopia")
    page.get_by_label("Colour vision").select_option("normal")
    expect(light_pane).to_have_css("filter", "none")

    # Export: a real download of the CSS file from the API, with the session cookie.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSS variables").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".css")
    css = download.path().read_text(encoding="utf-8")
    assert f"--color-background: {light['background']};" in css and '[data-theme="dark"]' in css

    # Rename and publish through the page's forms.
    page.get_by_label("Name", exact=True).fill("Harbour Bank")
    page.get_by_role("button", name="Rename").click()
    expect(page.get_by_test_id("design-name")).to_have_text("Harbour Bank")
    page.get_by_role("button", name="Make public").click()
    expect(page.get_by_text("Published to the showcase")).to_be_visible()
    page.goto("/showcase/")
    expect(page.get_by_role("link", name=re.compile("Harbour Bank"))).to_be_visible()
    assert accessible(page) == []
    shoot(page, "showcase")

    page.goto("/dashboard/")
    expect(page.get_by_role("heading", name="Harbour Bank")).to_be_visible()
    expect(page.locator(".chart svg[role=img]")).to_be_visible()
    shoot(page, "dashboard")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto("/dashboard/")
    page.wait_for_url("**/sign-in/?next=/dashboard/")


def test_generation_shows_progress_while_the_provider_works(page, settings):
    with FakeOpenAI() as fake:
        fake.mode, fake.delay = "slow", 1.5
        settings.OPENAI_API_KEY = "sk-test-designforge"
        settings.OPENAI_BASE_URL = fake.base_url
        settings.OPENAI_TIMEOUT_SECONDS = 10.0
        sign_in(page, "grace@example.com", "/generate/")
        page.get_by_label("Describe your brand or product").fill("playful bakery")
        page.get_by_label("Colours").check()
        progress = page.locator("#generate-progress")
        expect(progress).to_be_hidden()
        page.get_by_role("button", name="Generate").click()
        expect(progress).to_be_visible()
        expect(page.get_by_role("button", name="Generate")).to_be_disabled()  # no double submit meanwhile
        page.wait_for_url(re.compile(r"/designs/\d+/$"))
    assert len(fake.requests) == 1


def test_zero_credits_shows_a_message_and_the_way_to_buy_more(page, shoot):
    sign_in(page, "zero@example.com")
    user = User.objects.get(email="zero@example.com")
    credits.credits_revoke(user=user, amount=10, key="test:drain", description="Spent elsewhere")

    page.goto("/generate/")
    message = page.get_by_test_id("zero-credits")
    expect(message).to_contain_text("You have no credits left")
    expect(page.get_by_role("button", name="Generate")).to_be_disabled()
    shoot(page, "generate-no-credits")
    message.get_by_role("link", name="Buy more credits").click()
    page.wait_for_url("**/billing/")


def test_too_few_credits_answer_in_place_with_htmx(page):
    sign_in(page, "few@example.com", "/generate/")
    user = User.objects.get(email="few@example.com")
    credits.credits_revoke(user=user, amount=9, key="test:drain", description="Spent elsewhere")
    page.get_by_label("Describe your brand or product").fill("calm")
    page.get_by_label("Design system").check()
    page.get_by_role("button", name="Generate").click()  # the page still shows 10 credits; the server knows better
    error = page.get_by_test_id("generate-error")
    expect(error).to_contain_text("This action costs 2 credits; you have 1.")
    expect(error.get_by_role("link", name="Buy more credits")).to_have_attribute("href", "/billing/")
    assert page.url.endswith("/generate/")
    assert balance_of(user) == 1


def test_billing_buttons_without_stripe_are_off_with_one_plain_reason(page, shoot):
    sign_in(page, "buyer@example.com", "/billing/")
    expect(page.get_by_test_id("stripe-not-configured")).to_have_count(1)
    expect(page.get_by_test_id("stripe-not-configured")).to_contain_text("Payments are switched off")
    for button in ("checkout-pack-small", "checkout-pro", "portal"):
        expect(page.get_by_test_id(button)).to_be_disabled()
    expect(page.locator(".messages")).to_have_count(0)
    assert accessible(page) == []
    shoot(page, "billing")


def test_billing_buttons_open_stripe_checkout(page, settings):
    Plan.objects.filter(code="pro").update(stripe_price_id="price_pro_test")
    CreditPack.objects.filter(code="small").update(stripe_price_id="price_small_test")
    with FakeStripeServer() as fake:
        settings.STRIPE_SECRET_KEY = API_KEY
        settings.STRIPE_API_BASE = fake.url
        # The machine has no internet: Stripe's hosted pages are answered here.
        page.route("https://checkout.stripe.com/**", lambda route: route.fulfill(body="<h1>Stripe Checkout</h1>",
                                                                               content_type="text/html"))
        page.route("https://billing.stripe.com/**", lambda route: route.fulfill(body="<h1>Stripe portal</h1>",
                                                                              content_type="text/html"))
        sign_in(page, "pro@example.com", "/billing/")
        expect(page.get_by_test_id("stripe-not-configured")).to_have_count(0)
        page.get_by_test_id("checkout-pro").click()
        page.wait_for_url(re.compile(r"^https://checkout\.stripe\.com/c/pay/cs_test_"))
        (session,) = fake.calls("POST", "/v1/checkout/sessions")
        assert session.params["metadata[plan]"] == "pro"

        page.goto("/billing/?checkout=cancelled")
        expect(page.locator(".messages")).to_contain_text("nothing was charged")
        page.get_by_test_id("portal").click()
        page.wait_for_url(re.compile(r"^https://billing\.stripe\.com/"))


def test_account_preferences_and_every_other_page(page, shoot):
    sign_in(page, "lin@example.com", "/account/")
    assert accessible(page) == []
    shoot(page, "account")
    page.get_by_label("Dark").check()
    page.get_by_label("Default export format").select_option("tailwind")
    page.get_by_role("button", name="Save preferences").click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    dark = dashboard_tokens()["themes"]["dark"]
    expect(page.locator("body")).to_have_css("background-color", rgb(dark["background"]))
    expect(page.locator("body")).to_have_css("color", rgb(dark["text"]))
    expect(page.get_by_role("button", name="Sync from Clerk")).to_be_disabled()
    expect(page.locator("#sync-hint")).to_contain_text("Nothing to sync")

    user = User.objects.get(email="lin@example.com")
    design_system = services.design_system_create(
        owner=user, name="Night", tokens=generate_design_system(interpret("bold neon gaming", "#ff2d95"))
    )
    page.goto(f"/designs/{design_system.pk}/")
    expect(page.get_by_role("link", name="Tailwind v4")).to_have_class(re.compile("primary"))
    shoot(page, "design-system-dark-dashboard")
    page.goto("/dashboard/")
    shoot(page, "dashboard-dark")

    page.goto("/no-such-page/")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    assert accessible(page) == []
    shoot(page, "not-found")


def test_keyboard_users_skip_to_content_and_see_focus(page):
    sign_in(page, "kay@example.com")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_staff_admin_index_shows_what_needs_attention(page, shoot):
    from designforge.models import WebhookEvent

    sign_in(page, "staff@example.com")
    staff = User.objects.get(email="staff@example.com")
    staff.is_staff = staff.is_superuser = True
    staff.save(update_fields=["is_staff", "is_superuser"])
    services.generation_run(user=staff, kind="colors", prompt="calm", save=True)
    WebhookEvent.objects.create(
        source="stripe", event_id="evt_1", event_type="invoice.paid", payload={}, status="failed", error="Database down"
    )
    page.goto("/admin/")
    expect(page.get_by_role("heading", name="Recent signups")).to_be_visible()
    expect(page.locator("#overview")).to_contain_text("staff@example.com")
    expect(page.locator("#overview")).to_contain_text("Succeeded")
    expect(page.locator("#overview")).to_contain_text("invoice.paid")
    shoot(page, "admin", may_scroll_sideways=True)  # Django admin's own wide tables, for staff
    page.get_by_role("link", name="invoice.paid").click()
    expect(page.get_by_text("Database down")).to_be_visible()


FAKE_CLERK_JS = """
window.Clerk = {
  user: null,
  load: function () { return Promise.resolve(); },
  signOut: function () { localStorage.setItem("clerk-signed-out", "yes"); return Promise.resolve(); },
  mountSignIn: function (el, options) { el.textContent = "Clerk sign-in for " + options.forceRedirectUrl; },
};
"""


def test_with_clerk_sign_out_also_ends_the_clerk_session(page, live_server, settings):
    sign_in(page, "clerk@example.com")
    settings.CLERK_PUBLISHABLE_KEY = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k"  # Frontend API clerk.example.com
    # No internet here: Clerk's browser SDK is answered with a stand-in that records what the page calls.
    page.route("https://clerk.example.com/**", lambda route: route.fulfill(
        body=FAKE_CLERK_JS, content_type="application/javascript"))
    page.goto("/dashboard/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.evaluate("localStorage.getItem('clerk-signed-out')") == "yes"
    page.goto("/sign-in/?next=/generate/")
    expect(page.locator("#clerk-sign-in")).to_have_text("Clerk sign-in for /generate/")
