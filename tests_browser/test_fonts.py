"""Pages are drawn in our self-hosted fonts, loaded from this server alone: the dashboard in Inter, a design
system's preview in its own families; a page fetches only the font files of the faces it uses."""

import re
from urllib.parse import urlsplit

import pytest

from accounts.models import User
from designs import services
from designs.engine import generate_design_system, interpret

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The first family an element asks for, and whether a face of that family was fetched, decoded and used.
FIRST_FAMILY = """(element) => getComputedStyle(element).fontFamily.split(",")[0].trim().replace(/^["']|["']$/g, "")"""
FACE_LOADED = """(family) => [...document.fonts].some(
  (face) => face.family.replace(/^["']|["']$/g, "") === family && face.status === "loaded"
) && document.fonts.check(`16px "${family}"`)"""
FONT_FILE = re.compile(r"/static/fonts/([a-z0-9-]+)/[^/]+\.woff2$")


def drawn_in(page, selector: str, family: str) -> None:
    """`selector` asks for `family` first, and the browser has that family's real face (not a fallback)."""
    assert page.locator(selector).first.evaluate(FIRST_FAMILY) == family
    page.wait_for_function(FACE_LOADED, arg=family)


def families_fetched(requests: list[str]) -> set[str]:
    return {match.group(1) for url in requests if (match := FONT_FILE.search(urlsplit(url).path))}


@pytest.fixture
def requests(page):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def test_pages_use_their_self_hosted_fonts_and_nothing_leaves_this_machine(page, live_server, requests, shoot):
    sign_in(page, "typo@example.com")
    drawn_in(page, "body", "Inter")
    drawn_in(page, "h1", "Inter")
    drawn_in(page, ".stat .value", "Inter")
    assert families_fetched(requests) == {"inter"}, "only the faces the dashboard uses are fetched"

    tokens = generate_design_system(interpret("warm organic crafted bakery"))
    tokens["typography"]["families"] = {
        "heading": {"name": "Fraunces", "stack": '"Fraunces", ui-serif, Georgia, serif'},
        "body": {"name": "Work Sans", "stack": '"Work Sans", ui-sans-serif, system-ui, sans-serif'},
        "mono": {"name": "DM Mono", "stack": '"DM Mono", ui-monospace, monospace'},
    }
    owner = User.objects.get(email="typo@example.com")
    design_system = services.design_system_create(owner=owner, name="Crumb", tokens=tokens, is_public=True)
    page.get_by_role("button", name="Sign out").click()  # a visitor's view: the owner's editor also shows
    page.wait_for_url(f"{live_server.url}/")             # every font pairing, each in its own typeface
    visitor = page.context.new_page()  # a page of its own, so nothing the landing page still loads counts here
    seen: list[str] = []
    visitor.on("request", lambda request: seen.append(request.url))
    visitor.goto(f"/designs/{design_system.pk}/")
    drawn_in(visitor, '#previews [data-preview="light"] .pv-display', "Fraunces")
    drawn_in(visitor, '#previews [data-preview="light"]', "Work Sans")
    drawn_in(visitor, "h1", "Inter")
    drawn_in(visitor, "code", "JetBrains Mono")  # the dashboard's own code face, for hex values and variables
    in_use = {"inter", "jetbrains-mono", "fraunces", "work-sans", "dm-mono"}
    assert {"fraunces", "work-sans", "jetbrains-mono"} <= families_fetched(seen) <= in_use
    requests += seen
    page.close()
    page = visitor
    shoot(page, "design-system-own-fonts")

    server = urlsplit(live_server.url)
    assert server.hostname in ("localhost", "127.0.0.1")  # the live server, on loopback
    elsewhere = [url for url in requests if urlsplit(url).scheme != "data" and urlsplit(url).netloc != server.netloc]
    assert elsewhere == []
