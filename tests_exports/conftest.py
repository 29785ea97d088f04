"""Export tests: every export format built by the real tools that read it (tests_exports/package.json).

Skipped, with a notice, where Node.js or `tests_exports/node_modules` (`cd tests_exports && npm ci`) is
missing (root conftest.py); `.ci/run` installs them and fails if they were skipped (`--require=exports`).

The design systems come from the offline engine (no AI): bright, dark, grey, white and black brand
colours, every font pairing of the catalogue, every density, square to round, flat to deep. Each is
exported once into its own folder of a session-wide build directory, and each tool builds each system
once (session-scoped fixtures); the tests then read what the tools wrote.
"""

import json
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from designs.engine import Intent, export, generate_design_system
from designs.engine.fonts import FONT_PAIRING_KEYS

TOOLS = Path(__file__).resolve().parent
NODE_MODULES = TOOLS / "node_modules"
BIN = NODE_MODULES / ".bin"
STATIC_FONTS = TOOLS.parent / "static" / "fonts"
THEMES = ("light", "dark", "light-high", "dark-high")

#: (brand colour, what it stands for); the font pairings are given out in catalogue order.
BRANDS = (
    ("#2563eb", "bright blue"), ("#ff00aa", "bright magenta"), ("#facc15", "bright yellow"),
    ("#16a34a", "bright green"), ("#0b1f3a", "dark navy"), ("#3b0a0a", "dark maroon"), ("#000000", "black"),
    ("#808080", "grey"), ("#9ca3af", "light grey"), ("#4b5563", "dark grey"), ("#ffffff", "white"),
    ("#fdfdf8", "off-white"), ("#f97316", "bright orange"), ("#7c3aed", "violet"), ("#0891b2", "cyan"),
    ("#be123c", "crimson"),
)
DENSITIES = ("compact", "comfortable", "spacious")
HARMONIES = ("analogous", "complementary", "split-complementary", "triadic", "monochrome")
NEUTRALS = ("brand", "warm", "cool", "pure")


@dataclass(frozen=True)
class System:
    slug: str
    label: str
    tokens: dict
    folder: Path

    def file(self, name: str) -> Path:
        return self.folder / name


def _intents() -> list[tuple[str, Intent]]:
    intents = []
    for index, pairing in enumerate(FONT_PAIRING_KEYS):
        brand, label = BRANDS[index % len(BRANDS)]
        intents.append((f"{label}, {pairing}", Intent(
            primary=brand,
            harmony=HARMONIES[index % len(HARMONIES)],
            neutral=NEUTRALS[index % len(NEUTRALS)],
            font_pairing=pairing,
            density=DENSITIES[index % len(DENSITIES)],
            roundness=round(index / (len(FONT_PAIRING_KEYS) - 1), 2),
            shadow_depth=round(1 - index / (len(FONT_PAIRING_KEYS) - 1), 2),
            base_size=14 + index % 7,
        )))
    return intents


#: The Terrazzo configuration the README shows, for a file named system.tokens.json.
TERRAZZO_CONFIG = """\
import { defineConfig } from "@terrazzo/cli";
import css from "@terrazzo/plugin-css";

export default defineConfig({
  tokens: ["./system.tokens.json"],
  outDir: "./terrazzo/",
  lint: {
    rules: {
      "core/required-type": "error",
      "core/colorspace": ["error", { colorSpace: "srgb" }],
      "core/max-gamut": ["error", { gamut: "srgb" }],
      "core/required-modes": ["error", {
        matches: [{ match: ["theme.*"], modes: ["light", "dark", "light-high", "dark-high"] }],
      }],
      "core/consistent-naming": ["error", { format: "kebab-case" }],
    },
  },
  plugins: [
    css({
      filename: "tokens.css",
      modeSelectors: [
        { mode: "light", selectors: ['[data-theme="light"]'] },
        { mode: "dark", selectors: ["@media (prefers-color-scheme: dark)", '[data-theme="dark"]'] },
        { mode: "light-high", selectors: ["@media (prefers-contrast: more)", '[data-theme="light-high"]'] },
        { mode: "dark-high", selectors: [
          "@media (prefers-color-scheme: dark) and (prefers-contrast: more)", '[data-theme="dark-high"]',
        ] },
      ],
    }),
  ],
});
"""

#: Sass that uses the SCSS export the ways people do, and writes what it read as custom properties.
SCSS_USE = """\
@use "sass:map";
@use "system" as ds;

.probe {
  padding: ds.$spacing-unit * 4;
  margin: map.get(ds.$spacing, "8");
  font-family: ds.$font-heading;
  font-size: ds.$text-lg;
  line-height: ds.$leading-lg;
  border-radius: ds.$radius-full;
  box-shadow: ds.$shadow-md;
  color: map.get(ds.$colors, "primary", "500");
}

@each $theme, $roles in ds.$themes {
  [data-theme="#{$theme}"] {
    @each $role, $value in $roles {
      --#{$role}: #{$value};
    }
  }
}
"""

#: The Tailwind page: Tailwind, then the theme export (the README's two lines), and where the classes are.
TAILWIND_INPUT = """\
@import "tailwindcss";
@import "./system-tailwind.css";
@source "./page.html";
"""

#: Utilities the page uses: theme roles, scale steps, fonts, sizes, radii, shadows, spacing.
PAGE_CLASSES = (
    "bg-background text-text font-sans",
    "bg-primary text-on-primary font-heading text-3xl rounded-full shadow-md p-4",
    "bg-surface text-text-muted border border-border-strong rounded-lg shadow-lg m-8",
    "bg-primary-500 text-primary-text font-mono text-sm leading-tight", "bg-danger-subtle text-on-danger-subtle",
    "bg-accent-200 text-xl font-body",
)


#: The CSS export's own variables, used the way a hand-written stylesheet would.
CSS_PROBE = "background-color: var(--color-surface); color: var(--color-primary-text); font-family: var(--font-body)"


def page_html() -> str:
    """The page Chromium renders: the CSS export and the compiled Tailwind (which holds the theme export)."""
    links = '<link rel="icon" href="data:,">' + "".join(
        f'<link rel="stylesheet" href="{href}">' for href in ("system.css", "tailwind-built.css"))
    body = "".join(f'<div id="probe-{i}" class="{classes}">Aa</div>' for i, classes in enumerate(PAGE_CLASSES))
    body += f'<div id="css-probe" style="{CSS_PROBE}">Aa</div>'
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">{links}</head>'
            f'<body class="{PAGE_CLASSES[0]}">{body}</body></html>')


def _export_all(system: System) -> None:
    fonts = "/fonts/"  # the build directory links static/fonts there and is served over HTTP for Chromium
    name = system.label
    files = {
        "system.css": export(system.tokens, "css", name=name, font_base_url=fonts),
        "system.scss": export(system.tokens, "scss", name=name, font_base_url=fonts),
        "system-tailwind.css": export(system.tokens, "tailwind", name=name, font_base_url=fonts),
        "system.tokens.json": export(system.tokens, "dtcg", name=name),
        "system.tokens-studio.json": export(system.tokens, "tokens-studio", name=name),
        "style-dictionary.mjs": export(system.tokens, "style-dictionary", name=name),
        "terrazzo.config.mjs": TERRAZZO_CONFIG,
        "use.scss": SCSS_USE,
        "tailwind-input.css": TAILWIND_INPUT,
        "page.html": page_html(),
    }
    system.folder.mkdir(parents=True)
    for file_name, text in files.items():
        (system.folder / file_name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def build_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("exports")
    (root / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)  # what the shipped scripts import
    (root / "fonts").symlink_to(STATIC_FONTS, target_is_directory=True)  # the self-hosted woff2 files
    return root


@pytest.fixture(scope="session")
def systems(build_root) -> list[System]:
    found = []
    for label, intent in _intents():
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        system = System(slug, label, generate_design_system(intent), build_root / slug)
        _export_all(system)
        found.append(system)
    return found


@dataclass
class Run:
    """What one tool printed building one system."""

    tool: str
    system: str
    returncode: int
    stdout: str
    stderr: str

    @property
    def problems(self) -> list[str]:
        """Lines that are errors or warnings (any line saying so, or anything on stderr but progress)."""
        lines = [line for line in (self.stdout + "\n" + self.stderr).splitlines() if line.strip()]
        return [line for line in lines if re.search(r"warn|error|deprecat|✗|⚠", line, re.I)]


def run(tool: str, system: System, *args: str) -> Run:
    done = subprocess.run(args, cwd=system.folder, capture_output=True, text=True, timeout=300)
    return Run(tool, system.slug, done.returncode, done.stdout, done.stderr)


def run_all(tool: str, systems: list[System], command) -> dict[str, Run]:
    """``command(system)`` (argv) for every system, two at a time (the tools are single-threaded)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda system: run(tool, system, *command(system)), systems))
    return {result.system: result for result in runs}


def node() -> str:
    return shutil.which("node") or "node"


@pytest.fixture(scope="session")
def sass_run(systems, build_root) -> Run:
    """One Sass run for every system (`sass <in>:<out>...`): its start-up is most of its time."""
    pairs = [f"{system.slug}/use.scss:{system.slug}/use.css" for system in systems]
    done = subprocess.run([str(BIN / "sass"), "--no-source-map", *pairs], cwd=build_root, capture_output=True,
                          text=True, timeout=300)
    return Run("sass", "all", done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def tailwind_runs(systems):
    return run_all("tailwindcss", systems,
                   lambda s: [str(BIN / "tailwindcss"), "-i", "tailwind-input.css", "-o", "tailwind-built.css"])


@pytest.fixture(scope="session")
def terrazzo_runs(systems):
    return run_all("terrazzo", systems, lambda s: [str(BIN / "tz"), "build", "-c", "terrazzo.config.mjs"])


@pytest.fixture(scope="session")
def style_dictionary_runs(systems):
    return run_all("style-dictionary", systems, lambda s: [node(), "style-dictionary.mjs", "system.tokens.json"])


@pytest.fixture(scope="session")
def tokens_studio_runs(systems):
    script = str(TOOLS / "tools" / "tokens_studio_build.mjs")
    return run_all("sd-transforms", systems,
                   lambda s: [node(), script, "system.tokens-studio.json", "build/tokens-studio"])


def check_css(paths: list[Path]) -> dict[str, dict]:
    """lightningcss and css-tree on each stylesheet: ``{path: {tool: {"errors": [...], "warnings": [...]}}}``."""
    done = subprocess.run([node(), str(TOOLS / "tools" / "check_css.mjs"), *map(str, paths)], capture_output=True,
                          text=True, timeout=300, check=True)
    return json.loads(done.stdout)
