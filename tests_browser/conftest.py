"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser) against a live server.

Skipped, with a notice, where `chromium` is not installed (root conftest.py); `.ci/run` installs it and
fails if they were skipped. `shoot(page, name)` checks the page with axe-core and saves a screenshot, in
the light and the dark theme at desktop and phone widths, to `artifacts/screenshots/` (git-ignored) for
people to look at; a serious or critical axe violation fails the test. axe-core is the npm package of
tests_browser/package.json, installed with `npm ci` on first use (tests that need it are skipped, with a
notice, where npm is absent; `--require=browser` turns that into a failure).
"""

import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.test import override_settings

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
TOOLS = Path(__file__).resolve().parent
AXE = TOOLS / "node_modules" / "axe-core" / "axe.min.js"
THEMES = ("light", "dark")
#: axe's impacts that fail a test.
BLOCKING = ("serious", "critical")


@pytest.fixture
def chromium(monkeypatch):
    """A fresh Chromium per test. Playwright's sync API keeps an event loop running in this thread while it
    is open, so Django must be told that database access from here is fine (the usual pytest-django +
    Playwright arrangement); both end with the test, so no other test runs under that setting."""
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server, monkeypatch):
    # The live server answers each browser connection in a thread of its own; with persistent database
    # connections (PostgreSQL's CONN_MAX_AGE) those threads would keep sessions open past the test.
    from django.db import connections

    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 0)
    context = chromium.new_context(viewport=DESKTOP, base_url=live_server.url, accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Chromium reports every Content-Security-Policy violation on the console: none is allowed.
    violations: list[str] = []
    def on_console(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{message.text} ({message.location['url']})")

    page.on("console", on_console)
    yield page
    context.close()
    # The test's own queries ran while Playwright's event loop was live, on connections of their own:
    # close them, or they would outlive the test (and keep the test database from being dropped).
    connections.close_all()
    assert errors == [], f"JavaScript errors: {errors}"
    assert violations == [], f"Content-Security-Policy violations: {violations}"


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's browser script, installed from tests_browser/package-lock.json (`npm ci`) when missing."""
    if not AXE.exists():
        npm = shutil.which("npm")
        if not npm:
            pytest.skip("needs Node.js and npm to install axe-core for the accessibility checks: apt-get install npm")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=TOOLS, check=True, capture_output=True, timeout=300)
    return AXE.read_text(encoding="utf-8")


# axe's serious and critical violations on the page as it is, each with a few of the nodes at fault.
AXE_RUN = """async (blocking) => {
  const results = await axe.run(document, { resultTypes: ["violations"] });
  return results.violations.filter((v) => blocking.includes(v.impact)).map((v) =>
    `${v.id} (${v.impact}): ${v.help}; ` + v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | "));
}"""


def axe_violations(page, axe_source: str) -> list[str]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)  # evaluated by the browser's debugger, as a test tool: not subject to the page's CSP
    return page.evaluate(AXE_RUN, list(BLOCKING))


@pytest.fixture
def shoot(axe_source):
    """`shoot(page, "dashboard")`: in the light and the dark theme (the system preference), at desktop and
    phone widths, axe-core finds no serious or critical violation, the page does not scroll sideways, and
    a screenshot is saved
    (`dashboard-dark-390.png`); the page is then back at desktop width in the light theme."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, *, may_scroll_sideways: bool = False, ours: bool = True) -> None:
        """`ours=False` for a page whose markup is a vendored tool's (Swagger UI): photographed, not audited."""
        found = {}
        for theme in THEMES:
            page.emulate_media(color_scheme=theme)
            for size in (DESKTOP, PHONE):
                page.set_viewport_size(size)
                page.wait_for_timeout(50)
                violations = axe_violations(page, axe_source) if ours else []
                sideways = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
                if sideways and not may_scroll_sideways:
                    violations.append("the page scrolls sideways")
                if violations:
                    found[f"{theme} {size['width']}px"] = violations
                page.screenshot(path=str(SCREENSHOTS / f"{name}-{theme}-{size['width']}.png"), full_page=True)
        page.emulate_media(color_scheme="light")
        page.set_viewport_size(DESKTOP)
        assert found == {}, f"axe-core on {name}: {found}"

    return take


@contextmanager
def development_sign_in():
    """Development sign-in exists only with DEBUG on, and the test runner turns DEBUG off: on for
    the sign-in only, so every other page is served as in production (our 404 page, not Django's)."""
    with override_settings(DEBUG=True):
        yield


def sign_in(page, email: str = "ada@example.com", next_path: str = "/dashboard/"):
    """Development sign-in, as a person does it."""
    with development_sign_in():
        page.goto(f"/sign-in/?next={next_path}")
        page.get_by_label("E-mail").fill(email)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"**{next_path}")
