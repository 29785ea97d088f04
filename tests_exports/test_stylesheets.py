"""The CSS, SCSS and Tailwind exports through lightningcss, css-tree, Sass and the Tailwind CLI."""

import pytest

from designs.engine.shapes import THEMES

from .conftest import check_css
from .reading import close_colour, css_blocks, font_face_count, length_px, same_clamp, shadow_layers, stack

pytestmark = pytest.mark.exports

PREFERENCE = {
    "dark": "@media (prefers-color-scheme: dark)",
    "light-high": "@media (prefers-contrast: more)",
    "dark-high": "@media (prefers-color-scheme: dark) and (prefers-contrast: more)",
}


def no_problems(report: dict, tools=("lightningcss", "csstree")) -> dict:
    return {(path, tool): found for path, by_tool in report.items() for tool, found in by_tool.items()
            if tool in tools and (found["errors"] or found["warnings"])}


def test_css_export_reads_clean_in_lightningcss_and_css_tree(systems):
    report = check_css([system.file("system.css") for system in systems])
    assert no_problems(report) == {}


def test_css_export_values_after_lightningcss_and_in_every_theme(systems):
    for system in systems:
        blocks = css_blocks(system.file("system.css").read_text())
        root = blocks[(":root",)]
        tokens = system.tokens
        for scale, steps in tokens["colors"].items():
            assert all(root[f"--color-{scale}-{step}"] == value for step, value in steps.items())
        for theme in THEMES:
            forced = blocks[(f'[data-theme="{theme}"]',)]
            preferred = root if theme == "light" else blocks[(PREFERENCE[theme], ":root:not([data-theme])")]
            for role, value in tokens["themes"][theme].items():
                assert forced[f"--color-{role}"] == value == preferred[f"--color-{role}"], (system.slug, theme, role)


def test_sass_compiles_the_scss_export_without_a_warning(sass_run):
    assert (sass_run.returncode, sass_run.stderr.strip(), sass_run.problems) == (0, "", [])


def test_sass_reads_every_value_of_the_scss_export(systems, sass_run):
    for system in systems:
        css = system.file("use.css").read_text()
        blocks = css_blocks(css)
        probe = blocks[(".probe",)]
        tokens = system.tokens
        assert length_px(probe["padding"]) == length_px(tokens["spacing"]["scale"]["4"])  # $spacing-unit * 4
        assert length_px(probe["margin"]) == length_px(tokens["spacing"]["scale"]["8"])
        assert stack(probe["font-family"]) == stack(tokens["typography"]["families"]["heading"]["stack"])
        assert same_clamp(probe["font-size"], tokens["typography"]["scale"]["steps"]["lg"]["clamp"])
        assert float(probe["line-height"]) == tokens["typography"]["line_heights"]["lg"]
        assert probe["border-radius"] == tokens["radii"]["full"]
        assert shadow_layers(probe["box-shadow"]) == shadow_layers(tokens["shadows"]["md"])
        assert close_colour(probe["color"], tokens["colors"]["primary"]["500"], tolerance=0)
        for theme in THEMES:
            roles = blocks[(f"[data-theme={theme}]",)]  # Sass drops the quotes it can
            for role, value in tokens["themes"][theme].items():
                assert close_colour(roles[f"--{role}"], value, tolerance=0), (system.slug, theme, role)
        assert font_face_count(css) == font_face_count(system.file("system.scss").read_text()) > 0
    report = check_css([system.file("use.css") for system in systems])
    assert no_problems(report) == {}


def test_tailwind_builds_the_theme_export_without_a_warning(tailwind_runs):
    assert {slug: (run.returncode, run.problems) for slug, run in tailwind_runs.items()
            if run.returncode or run.problems} == {}


def test_tailwind_utilities_carry_the_design_system(systems, tailwind_runs):
    for system in systems:
        css = system.file("tailwind-built.css").read_text()
        assert css.count("@layer base {") == 1, "Tailwind is included once"
        blocks = css_blocks(css)
        theme = blocks[("@layer theme", ":root, :host")]
        tokens = system.tokens
        families = tokens["typography"]["families"]
        assert stack(theme["--font-sans"]) == stack(families["body"]["stack"])
        assert stack(theme["--font-heading"]) == stack(families["heading"]["stack"])
        assert stack(theme["--font-mono"]) == stack(families["mono"]["stack"])
        assert theme["--default-font-family"] == "var(--font-sans)"  # the page's own font is the body family
        assert theme["--color-primary-500"] == tokens["colors"]["primary"]["500"]
        assert theme["--radius-full"] == tokens["radii"]["full"]
        assert same_clamp(theme["--text-3xl"], tokens["typography"]["scale"]["steps"]["3xl"]["clamp"])
        assert length_px(theme["--spacing"]) == tokens["spacing"]["base_px"]
        utilities = {path[-1]: block for path, block in blocks.items() if path[:1] == ("@layer utilities",)}
        assert utilities[".font-heading"]["font-family"] == "var(--font-heading)"
        assert utilities[".bg-primary"]["background-color"] == "var(--df-primary)"
        assert utilities[".text-on-primary"]["color"] == "var(--df-on-primary)"
        assert "--tw-shadow" in utilities[".shadow-md"]
        assert shadow_layers(utilities[".shadow-md"]["--tw-shadow"].replace("var(--tw-shadow-color, ", "")
                             .replace("))", ")")) == shadow_layers(tokens["shadows"]["md"])
        for theme_name in THEMES:
            forced = blocks[(f'[data-theme="{theme_name}"]',)]
            assert {role: forced[f"--df-{role}"] for role in tokens["themes"][theme_name]} == \
                tokens["themes"][theme_name]
    report = check_css([system.file("tailwind-built.css") for system in systems])
    # css-tree 3.2 cannot parse the @supports queries of Tailwind's own preflight; lightningcss reads it all.
    assert no_problems(report, tools=("lightningcss",)) == {}
