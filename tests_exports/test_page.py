"""A page in Chromium (Debian's, as tests_browser starts it) with the compiled Tailwind classes and the
CSS export: the computed styles are the design system's, in every theme, chosen by the reader's
preferences or by data-theme; the self-hosted fonts load."""

import re
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from designs.engine.shapes import THEMES

from .reading import close_colour, shadow_layers, stack

pytestmark = [pytest.mark.exports, pytest.mark.browser]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

#: (colour scheme, contrast) the reader prefers -> the theme that applies when the page names none.
PREFERENCES = {("light", "no-preference"): "light", ("dark", "no-preference"): "dark",
               ("light", "more"): "light-high", ("dark", "more"): "dark-high"}

STYLES = """() => {
  const read = (selector) => {
    const style = getComputedStyle(document.querySelector(selector));
    return {background: style.backgroundColor, color: style.color, font: style.fontFamily,
            radius: style.borderTopLeftRadius, shadow: style.boxShadow};
  };
  return {body: read("body"), fill: read("#probe-1"), subtle: read("#probe-4"), step: read("#probe-3"),
          css: read("#css-probe")};
}"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(build_root, tailwind_runs):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(build_root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def shadow_text(computed: str) -> str:
    """Chromium's box-shadow (colour first, Tailwind's empty ring layers included) as our layers."""
    layers = re.findall(r"(rgba?\([^)]*\)) ((?:-?[\d.]+px ?){4})", computed)
    kept = [f"{lengths.strip()} {colour}" for colour, lengths in layers
            if not (colour == "rgba(0, 0, 0, 0)" and set(lengths.split()) == {"0px"})]
    return ", ".join(kept)


def check_theme(styles: dict, system, theme: str) -> None:
    roles = system.tokens["themes"][theme]
    expected = {
        ("body", "background"): roles["background"], ("body", "color"): roles["text"],
        ("fill", "background"): roles["primary"], ("fill", "color"): roles["on-primary"],
        ("subtle", "background"): roles["danger-subtle"], ("subtle", "color"): roles["on-danger-subtle"],
        ("step", "background"): system.tokens["colors"]["primary"]["500"],  # oklch() in Chromium, hex fallback
        ("css", "background"): roles["surface"], ("css", "color"): roles["primary-text"],
    }
    wrong = {key: (styles[key[0]][key[1]], value) for key, value in expected.items()
             if not close_colour(styles[key[0]][key[1]], value)}
    assert wrong == {}, (system.slug, theme)


def open_page(context, url: str) -> tuple[object, list[str]]:
    """The page at ``url``, and the list its console errors and warnings, script errors and failed
    requests are added to."""
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning")
            else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"{request.url}: {request.failure}"))
    page.on("response", lambda response: problems.append(f"{response.url}: {response.status}")
            if response.status >= 400 else None)
    page.goto(url)
    return page, problems


def test_compiled_tailwind_and_the_css_export_in_chromium(systems, server, browser):
    for system in systems:
        context = browser.new_context(viewport={"width": 800, "height": 600})
        page, problems = open_page(context, f"{server}/{system.slug}/page.html")
        families = system.tokens["typography"]["families"]
        for (scheme, contrast), theme in PREFERENCES.items():
            page.emulate_media(color_scheme=scheme, contrast=contrast)
            check_theme(page.evaluate(STYLES), system, theme)
        page.emulate_media(color_scheme="dark", contrast="more")
        for theme in THEMES:  # a theme the page names wins over the reader's preferences
            page.evaluate("(theme) => document.documentElement.dataset.theme = theme", theme)
            check_theme(page.evaluate(STYLES), system, theme)
        styles = page.evaluate(STYLES)
        assert stack(styles["body"]["font"]) == stack(families["body"]["stack"])  # font-sans, the page's font
        assert stack(styles["fill"]["font"]) == stack(families["heading"]["stack"])
        assert stack(styles["css"]["font"]) == stack(families["body"]["stack"])
        assert styles["fill"]["radius"] == system.tokens["radii"]["full"]
        shown = shadow_layers(shadow_text(styles["fill"]["shadow"]))
        expected = shadow_layers(system.tokens["shadows"]["md"])
        assert [layer[:-1] for layer in shown] == [layer[:-1] for layer in expected]
        assert all(abs(a[-1] - b[-1]) <= 1 / 255 for a, b in zip(shown, expected, strict=True))  # 8-bit alpha
        for family in {family["name"] for family in families.values()}:
            loaded = page.evaluate("(name) => document.fonts.load(`16px \"${name}\"`).then((faces) => faces.length)",
                                   family)
            assert loaded > 0, (system.slug, family)
        context.close()
        assert problems == [], system.slug
