"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser) against a live server.

Skipped, with a notice, where `chromium` is not installed (root conftest.py); `.ci/run` installs it and
fails if they were skipped. Screenshots of every page at desktop and phone widths are written to
`artifacts/screenshots/` (git-ignored) for people to look at.
"""

import shutil
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


@pytest.fixture
def shoot():
    """`shoot(page, "dashboard")` saves the page at desktop and phone widths, then restores the desktop size."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> None:
        for size in (DESKTOP, PHONE):
            page.set_viewport_size(size)
            page.wait_for_timeout(50)
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{size['width']}.png"), full_page=True)
        page.set_viewport_size(DESKTOP)

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
