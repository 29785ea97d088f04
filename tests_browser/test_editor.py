"""The editor in a real browser: a colour change repaints the preview without a page load, a lock keeps its
part in the variations and one click takes one, Save keeps it (and leaving before asks first), swatches
copy, everything works from the keyboard alone and without JavaScript; the generate page's form, the
landing page's live sample and the showcase's duplicate. Every page is checked with axe-core and
photographed in both themes at both widths (`shoot`)."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from designs import services
from designs.engine import Intent, generate_design_system, interpret, variant
from designs.models import DesignSystem

from .conftest import DESKTOP, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

INTENT = {"primary": "#0e7c66", "harmony": "triadic", "font_pairing": "fraunces-work"}
PANE = '#previews > [data-preview="light"]'
VARIABLE = "(args) => getComputedStyle(document.querySelector(args[0])).getPropertyValue(args[1]).trim()"


def rgb(hex_color: str) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def open_editor(page, email="eda@example.com", *, script=True) -> DesignSystem:
    sign_in(page, email)
    owner = User.objects.get(email=email)
    design = services.design_system_create(owner=owner, name="Harbour", intent=INTENT)
    page.goto(f"/designs/{design.pk}/")
    if script:
        page.evaluate("window.sameDocument = true")  # gone if the page ever reloads
    return design


def css_variable(page, selector: str, name: str) -> str:
    return page.evaluate(VARIABLE, [selector, name])


def still_same_document(page) -> bool:
    return page.evaluate("window.sameDocument === true")


def test_a_colour_change_repaints_the_preview_swatches_and_report_in_place(page, shoot):
    design = open_editor(page)
    shoot(page, "editor")
    expect(page.locator("[data-save-state]")).to_have_text("All changes saved")

    page.get_by_label("Primary", exact=True).fill("#7c3aed")
    expected = generate_design_system(Intent.from_dict({**design.intent, "primary": "#7c3aed"}))
    light = expected["themes"]["light"]
    expect(page.locator(f"{PANE} .pv-btn-primary").first).to_have_css("background-color", rgb("#7c3aed"))
    expect(page.locator(f"{PANE} .pv-btn-primary").first).to_have_css("color", rgb(light["on-primary"]))
    assert css_variable(page, PANE, "--ds-primary-subtle") == light["primary-subtle"]
    step = next(step for step, value in expected["colors"]["primary"].items() if value == "#7c3aed")
    swatch = page.locator(f'[data-swatch][data-scale="primary"][data-step="{step}"]')
    expect(swatch).to_have_attribute("data-hex", "#7c3aed")
    expect(swatch).to_have_css("background-color", rgb("#7c3aed"))
    expect(page.locator('[data-row="light:on-primary:primary"] [data-sample]')).to_have_css(
        "background-color", rgb("#7c3aed"))
    expect(page.locator("[data-save-state]")).to_have_text("Unsaved changes")
    expect(page.locator("[data-discard]")).to_be_visible()
    expect(page.locator(".hex-picker").first).to_have_value("#7c3aed")  # the picker follows the text
    assert still_same_document(page)
    design.refresh_from_db()
    assert design.intent["primary"] == "#0e7c66"  # nothing saved yet
    shoot(page, "editor-unsaved")

    # A red brand: the warning that primary and danger look alike appears beside the preview.
    page.get_by_label("Primary", exact=True).fill("#d92d20")
    expect(page.locator("[data-status-warnings] li").first).to_contain_text("look alike")
    # A half-typed colour waits, then says what is wrong at the field once it is left.
    page.get_by_label("Primary", exact=True).fill("#d92d2")
    page.keyboard.press("Tab")
    expect(page.locator("#error-primary")).to_contain_text("must be a colour written #RRGGBB")
    expect(page.get_by_label("Primary", exact=True)).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Primary", exact=True).fill("#d92d20")
    expect(page.locator("#error-primary")).to_have_count(0)


def test_a_lock_keeps_its_part_and_one_click_takes_a_variation(page, shoot):
    design = open_editor(page)
    first = page.locator('[data-variation="1"]')
    before = first.get_attribute("data-intent")
    page.locator('label[for="lock-harmony"]').click()
    page.locator('label[for="lock-font_pairing"]').click()
    expect(page.locator("#lock-harmony")).to_be_checked()
    # The variations are asked again with the locks: each keeps the triadic harmony and the pairing.
    page.wait_for_function("""() => [1, 2, 3, 4].every((n) => {
        const v = document.querySelector(`[data-variation="${n}"]`).variationIntent;
        return v && v.harmony === "triadic" && v.font_pairing === "fraunces-work"; })""")
    taken = page.evaluate("document.querySelector('[data-variation=\"2\"]').variationIntent")
    assert taken["primary"] != design.intent["primary"]

    page.locator('[data-variation="2"]').click()
    expect(page.get_by_label("Primary", exact=True)).to_have_value(taken["primary"])
    expect(page.locator(f"{PANE} .pv-btn-primary").first).to_have_css("background-color", rgb(taken["primary"]))
    expect(page.get_by_label("Harmony", exact=True)).to_have_value("triadic")
    expect(page.locator("[data-preview-message]")).to_have_text("Took variation 2. Save to keep it.")
    assert still_same_document(page) and before is not None
    shoot(page, "editor-variation")


def test_save_keeps_the_change_and_leaving_unsaved_asks_first(page):
    design = open_editor(page)
    page.get_by_label("Roundness", exact=True).fill("1")
    page.get_by_label("Primary", exact=True).fill("#c2410c")
    expect(page.locator(f"{PANE} .pv-btn-primary").first).to_have_css("background-color", rgb("#c2410c"))

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"] and page.url.endswith(f"/designs/{design.pk}/")

    page.get_by_role("button", name="Save (free)").click()
    expect(page.locator(".messages")).to_contain_text("Saved.")
    assert dialogs == ["beforeunload"]  # saving is not leaving
    design.refresh_from_db()
    assert design.intent["primary"] == "#c2410c" and design.intent["roundness"] == 1.0
    assert design.tokens["themes"]["light"]["primary"] == "#c2410c"
    expect(page.locator("[data-save-state]")).to_have_text("All changes saved")


def test_a_click_on_a_swatch_copies_its_hex_or_its_variable_and_says_so(page):
    design = open_editor(page)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    hex_color = design.tokens["colors"]["accent"]["300"]
    page.locator('[data-swatch][data-scale="accent"][data-step="300"]').click()
    expect(page.locator("#copy-status")).to_have_text(f"Copied {hex_color} (accent 300).")
    assert page.evaluate("navigator.clipboard.readText()") == hex_color
    page.locator(".segmented label", has_text="CSS variable").click()
    page.locator('[data-swatch][data-scale="accent"][data-step="300"]').click()
    expect(page.locator("#copy-status")).to_have_text("Copied var(--color-accent-300) (accent 300).")
    assert page.evaluate("navigator.clipboard.readText()") == "var(--color-accent-300)"


def focus_by_tab(page, selector: str, limit: int = 80, *, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until `selector` has the focus, as a keyboard user would; fail after `limit`."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus")


def test_the_editor_works_from_the_keyboard_alone(page):
    design = open_editor(page)
    page.locator("body").focus()
    focus_by_tab(page, "#id_primary")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Control+A")
    page.keyboard.type("#1d4ed8")
    expect(page.locator(f"{PANE} .pv-btn-primary").first).to_have_css("background-color", rgb("#1d4ed8"))
    focus_by_tab(page, "#lock-primary", backwards=True)  # the lock sits beside the field's label, before it
    page.keyboard.press("Space")
    expect(page.locator("#lock-primary")).to_be_checked()
    focus_by_tab(page, "input[name=font_pairing]:checked")
    page.keyboard.press("ArrowDown")  # the next pairing, drawn in its own typeface
    chosen = page.evaluate("document.querySelector('input[name=font_pairing]:checked').value")
    assert chosen != "fraunces-work"
    page.wait_for_function("(s) => getComputedStyle(document.querySelector(s)).getPropertyValue('--ds-font-heading')"
                           ".indexOf('Fraunces') === -1", arg=PANE)
    focus_by_tab(page, '[data-variation="1"]')
    page.keyboard.press("Enter")
    expect(page.get_by_label("Primary", exact=True)).to_have_value("#1d4ed8")  # locked
    focus_by_tab(page, "button[name=save]", backwards=True)
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Saved.")
    design.refresh_from_db()
    assert design.intent["primary"] == "#1d4ed8"


def test_without_javascript_the_form_previews_takes_a_variation_and_saves(chromium, live_server, shoot):
    context = chromium.new_context(viewport=DESKTOP, base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        design = open_editor(page, "nojs@example.com", script=False)
        expect(page.get_by_role("button", name="Preview")).to_be_visible()
        page.get_by_label("Primary", exact=True).fill("#7c3aed")
        page.get_by_role("button", name="Preview").click()
        expect(page.locator(f"{PANE} .pv-btn-primary").first).to_have_css("background-color", rgb("#7c3aed"))
        expect(page.locator("[data-save-state]")).to_have_text("Unsaved changes")
        page.locator("label[for=lock-primary]").click()
        page.locator('[data-variation="3"]').click()
        expect(page.get_by_label("Primary", exact=True)).to_have_value("#7c3aed")
        page.get_by_role("button", name="Save (free)").click()
        expect(page.locator(".messages")).to_contain_text("Saved.")
        design.refresh_from_db()
        taken = variant(Intent.from_dict({**INTENT, "primary": "#7c3aed"}), 3, ["primary"])
        assert design.intent == taken.to_dict() and design.intent["primary"] == "#7c3aed"
    finally:
        context.close()


def test_a_raw_token_design_system_and_the_read_only_public_view(page, live_server, shoot):
    sign_in(page, "raw@example.com")
    owner = User.objects.get(email="raw@example.com")
    raw = services.design_system_create(owner=owner, name="Imported", is_public=True,
                                        tokens=generate_design_system(interpret("bold neon gaming", "#ff2d95")))
    page.goto(f"/designs/{raw.pk}/")
    expect(page.get_by_test_id("from-tokens")).to_be_visible()
    shoot(page, "editor-from-tokens")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"/designs/{raw.pk}/")
    expect(page.locator("[data-editor-form]")).to_have_count(0)
    expect(page.get_by_role("link", name="Sign in to duplicate and edit")).to_be_visible()
    shoot(page, "design-system-public")


def test_the_showcase_duplicates_into_your_own_designs(page, shoot):
    owner = User.objects.create(clerk_id="user_maker", email="maker@example.com")
    services.design_system_create(owner=owner, name="Tidewater", intent=INTENT, is_public=True)
    sign_in(page, "copier@example.com", "/showcase/")
    page.get_by_label("Search").fill("tide")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".ds-card")).to_have_count(1)
    shoot(page, "showcase-search")
    page.get_by_role("button", name=re.compile(r"Duplicate to my designs\W+Tidewater")).click()
    expect(page.locator(".messages")).to_contain_text("“Tidewater” is in your design systems now")
    copy = DesignSystem.objects.get(owner__email="copier@example.com")
    assert page.url.endswith(f"/designs/{copy.pk}/") and copy.intent["primary"] == "#0e7c66"
    page.goto("/designs/")
    shoot(page, "designs-list")


def test_the_generate_form_fits_the_screen_and_points_at_each_problem(page, shoot):
    sign_in(page, "gen@example.com", "/generate/")
    button = page.get_by_role("button", name="Generate")
    box = button.bounding_box()
    assert box["y"] + box["height"] <= DESKTOP["height"], "the Generate button is visible without scrolling"
    expect(page.locator(".cost-line")).to_be_in_viewport()

    prompt = page.get_by_label("Describe your brand or product")
    prompt.fill("calm")
    expect(page.locator("#prompt-count")).to_have_text("4 / 500")
    page.locator(".hex-picker").evaluate("(p) => { p.value = '#0e7c66'; p.dispatchEvent(new Event('input')); }")
    expect(page.get_by_label("Brand colour (optional)", exact=True)).to_have_value("#0e7c66")
    page.get_by_role("button", name="Clear the brand colour").click()
    expect(page.get_by_label("Brand colour (optional)", exact=True)).to_have_value("")

    prompt.fill("")
    button.click()  # neither a sentence nor a colour: the prompt says so, and has the focus
    expect(page.locator("#error-prompt")).to_contain_text("Describe your brand or product, or give a brand colour")
    expect(page.get_by_label("Describe your brand or product")).to_be_focused()
    expect(page.get_by_label("Describe your brand or product")).to_have_attribute("aria-invalid", "true")
    describedby = page.get_by_label("Describe your brand or product").get_attribute("aria-describedby")
    assert "error-prompt" in describedby.split()
    shoot(page, "generate-error")

    page.get_by_label("Brand colour (optional)", exact=True).fill("bleu")
    page.get_by_label("Describe your brand or product").fill("calm")
    page.get_by_role("button", name="Generate").click()
    expect(page.locator("#error-seed_color")).to_contain_text("Must be a colour written #RRGGBB")
    expect(page.get_by_label("Brand colour (optional)", exact=True)).to_be_focused()
    expect(page.locator(".field-error")).to_have_count(1)


def test_the_landing_page_recolours_its_sample_through_the_free_preview(page, shoot):
    page.goto("/")
    pane = page.locator('.live-panes [data-preview="light"]')
    page.get_by_role("button", name=re.compile("bold neon esports")).click()
    neon = generate_design_system(interpret("bold neon esports tournament site"))["themes"]["light"]["primary"]
    expect(pane.locator(".pv-btn-primary").first).to_have_css("background-color", rgb(neon))
    expect(page.get_by_role("button", name=re.compile("bold neon esports"))).to_have_attribute("aria-pressed", "true")
    page.get_by_label("Brand colour", exact=True).fill("#ff6600")
    expect(pane.locator(".pv-btn-primary").first).to_have_css("background-color", rgb("#ff6600"))
    expect(page.locator("[data-live-status]")).to_contain_text("Redrawn with #ff6600.")
    assert not page.url.endswith("#ff6600")  # no page load


def test_the_shadcn_command_is_copied_with_one_click(page, live_server, shoot):
    design = open_editor(page)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    install = page.get_by_test_id("shadcn-install")
    expect(install.get_by_test_id("shadcn-command")).to_have_text(f"npx shadcn@latest add @designforge/{design.pk}")
    install.get_by_role("button", name="Copy", exact=True).click()
    expect(page.locator("#copy-status")).to_have_text("Copied the command")
    assert page.evaluate("navigator.clipboard.readText()") == f"npx shadcn@latest add @designforge/{design.pk}"
    install.get_by_role("button", name="Copy the registry").click()
    assert '"Authorization": "Bearer ${DESIGNFORGE_API_KEY}"' in page.evaluate("navigator.clipboard.readText()")

    DesignSystem.objects.filter(pk=design.pk).update(is_public=True)
    page.reload()
    command = f"npx shadcn@latest add {live_server.url}/r/{design.pk}.json"
    expect(install.get_by_test_id("shadcn-command")).to_have_text(command)
    install.get_by_role("button", name="Copy", exact=True).click()
    assert page.evaluate("navigator.clipboard.readText()") == command
    shoot(page, "design-system-shadcn-install")
