"""The real shadcn CLI installs a design system into a scratch project, and the CSS it writes is our tokens.

`tests_exports/node_modules/.bin/shadcn` (tests_exports/package.json, `npm ci`) runs `shadcn add <url>`
against pytest-django's live server, in a temporary project that holds only what the CLI reads
(`components.json`, `tsconfig.json`, `package.json` naming Tailwind CSS v4, and a CSS file that imports
Tailwind). A `registry:theme` item has no files and no registry dependencies, so the CLI fetches nothing
but the item; `REGISTRY_URL` points shadcn's own registry at the live server too, so a stray request
would fail the install here rather than reach the network. The CSS file is then parsed and every
variable compared with the tokens.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from coloraide import Color

from accounts import services as accounts_services
from accounts.tests.factories import UserFactory
from designs import services
from designs.engine import generate_design_system, interpret
from designs.engine.shadcn import CHARTS, SHADCN_COLOURS, font_variables, shadcn_pairs, shadcn_themes
from designs.engine.tokens import validate_tokens
from designs.tests import wcag
from designs.tests.test_exports import parse_css

pytestmark = [pytest.mark.exports, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CLI = Path(__file__).resolve().parent / "node_modules" / ".bin" / "shadcn"
COMPONENTS = {
    "$schema": "https://ui.shadcn.com/schema.json",
    "style": "new-york",
    "rsc": False,
    "tsx": True,
    "tailwind": {"config": "", "css": "src/index.css", "baseColor": "neutral", "cssVariables": True, "prefix": ""},
    "aliases": {"components": "@/components", "utils": "@/lib/utils", "ui": "@/components/ui", "lib": "@/lib",
                "hooks": "@/hooks"},
    "iconLibrary": "lucide",
}
SELECTORS = {"light": (":root",), "dark": (".dark",), "light-high": ("@media (prefers-contrast: more)", ":root"),
             "dark-high": ("@media (prefers-contrast: more)", ".dark")}


def scratch_project(root: Path, registries: dict | None = None) -> Path:
    """A Vite-like React project with Tailwind CSS v4, as `shadcn init` would leave it, minus node_modules."""
    (root / "src").mkdir(parents=True)
    components = {**COMPONENTS, **({"registries": registries} if registries else {})}
    (root / "components.json").write_text(json.dumps(components, indent=2))
    paths = {"@/*": ["./src/*"]}
    (root / "tsconfig.json").write_text(json.dumps({"compilerOptions": {"baseUrl": ".", "paths": paths}}))
    (root / "package.json").write_text(json.dumps({"name": "scratch", "private": True, "type": "module",
                                                   "dependencies": {"tailwindcss": "^4.1.0"}}))
    css = root / "src" / "index.css"
    css.write_text('@import "tailwindcss";\n')
    return css


def shadcn_add(project: Path, address: str, server_url: str, **env) -> subprocess.CompletedProcess:
    assert CLI.exists(), f"the shadcn CLI is not installed: cd {CLI.parent.parent.parent} && npm ci"
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(project),
        "REGISTRY_URL": f"{server_url}/r",
        "NO_COLOR": "1",
        "CI": "1",
        **env,
    }
    return subprocess.run(
        [str(CLI), "add", address, "--yes", "--overwrite", "--cwd", str(project)],
        env=environment, capture_output=True, text=True, timeout=120, check=False,
    )


def installed(css_path: Path) -> dict:
    return parse_css(css_path.read_text(encoding="utf-8"))


def hex_of(value: str) -> str:
    return Color(value).convert("srgb").to_string(hex=True)


@pytest.fixture
def design_system(db):
    tokens = generate_design_system(interpret("editorial magazine for architects", "#0f766e"))
    return services.design_system_create(owner=UserFactory.create(), name="Atelier", tokens=tokens, is_public=True)


def test_shadcn_add_installs_a_public_design_system_as_its_tokens(live_server, design_system, tmp_path):
    css_path = scratch_project(tmp_path / "app")
    result = shadcn_add(tmp_path / "app", f"{live_server.url}/r/{design_system.pk}.json", live_server.url)
    assert result.returncode == 0, result.stdout + result.stderr

    blocks = installed(css_path)
    tokens = validate_tokens(design_system.tokens)
    expected = shadcn_themes(tokens)
    for theme, path in SELECTORS.items():
        written = {var: hex_of(blocks[path][f"--{var}"]) for var in SHADCN_COLOURS}
        assert written == expected[theme], theme
        # measured on what the CLI wrote: every pair shadcn/ui draws meets the theme's ratios
        for fg, bg, required, _kind in shadcn_pairs(theme):
            assert wcag.ratio(written[fg], written[bg]) >= required, (theme, fg, bg)
    light = {var: hex_of(blocks[(":root",)][f"--{var}"]) for var in SHADCN_COLOURS}
    roles = tokens["themes"]["light"]
    assert (light["primary"], light["background"], light["foreground"]) == (
        roles["primary"], roles["background"], roles["text"])
    assert len({light[chart] for chart in CHARTS}) == 5

    inline = blocks[("@theme inline",)]
    for var in SHADCN_COLOURS:
        assert inline[f"--color-{var}"] == f"var(--{var})"
    for var, stack in font_variables(tokens["typography"]).items():
        assert inline[f"--{var}"] == stack
    assert blocks[(":root",)]["--radius"] == tokens["radii"]["lg"]
    assert (inline["--radius-sm"], inline["--radius-md"], inline["--radius-xl"]) == (
        tokens["radii"]["sm"], tokens["radii"]["md"], tokens["radii"]["xl"])
    statements = [line.strip() for line in css_path.read_text(encoding="utf-8").splitlines() if line.startswith("@")]
    assert statements[:2] == ['@import "tailwindcss";', f'@import url("{live_server.url}/static/fonts/fonts.css");']
    assert "@custom-variant dark (&:is(.dark *));" in statements


def test_a_private_design_system_installs_with_an_api_key_from_a_registry_in_components_json(
    live_server, tmp_path
):
    owner = accounts_services.user_set_plan(user=UserFactory.create(), plan="pro")
    secret = accounts_services.api_key_create(user=owner, name="shadcn")[1]
    tokens = generate_design_system(interpret("calm fintech", "#2563eb"))
    private = services.design_system_create(owner=owner, name="Ledger", tokens=tokens, is_public=False)
    registries = {"@designforge": {"url": f"{live_server.url}/r/{{name}}.json",
                                   "headers": {"Authorization": "Bearer ${DESIGNFORGE_API_KEY}"}}}

    stranger = accounts_services.user_set_plan(user=UserFactory.create(), plan="pro")
    strangers_key = accounts_services.api_key_create(user=stranger, name="shadcn")[1]
    css_path = scratch_project(tmp_path / "stranger", registries)
    refused = shadcn_add(tmp_path / "stranger", f"@designforge/{private.pk}", live_server.url,
                         DESIGNFORGE_API_KEY=strangers_key)
    assert refused.returncode != 0
    assert f"/r/{private.pk}.json was not found" in refused.stdout + refused.stderr  # our 404, not a CLI error
    assert "--primary" not in css_path.read_text()

    css_path = scratch_project(tmp_path / "with", registries)
    result = shadcn_add(tmp_path / "with", f"@designforge/{private.pk}", live_server.url, DESIGNFORGE_API_KEY=secret)
    assert result.returncode == 0, result.stdout + result.stderr
    blocks = installed(css_path)
    expected = shadcn_themes(validate_tokens(tokens))
    assert {var: hex_of(blocks[(".dark",)][f"--{var}"]) for var in SHADCN_COLOURS} == expected["dark"]
