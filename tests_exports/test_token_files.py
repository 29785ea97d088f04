"""The DTCG export through Terrazzo (CLI and CSS plugin, with its strict lint rules) and through the
Style Dictionary build shipped with it (CSS, Android, iOS); the Tokens Studio export through
@tokens-studio/sd-transforms. Every theme comes out as one variable per role, switched by theme."""

import re

import pytest

from designs.engine.shapes import THEMES

from .conftest import check_css
from .reading import close_colour, css_blocks, hex_of, length_px, resolve, shadow_layers, stack

pytestmark = pytest.mark.exports

#: Where the Terrazzo configuration puts each theme: by data-theme, and by the reader's preferences.
TERRAZZO_THEME_BLOCKS = {
    "light": [(":root",), ('[data-theme="light"]',)],
    "dark": [('[data-theme="dark"]',), ("@media (prefers-color-scheme: dark)", ":root")],
    "light-high": [('[data-theme="light-high"]',), ("@media (prefers-contrast: more)", ":root")],
    "dark-high": [('[data-theme="dark-high"]',),
                  ("@media (prefers-color-scheme: dark) and (prefers-contrast: more)", ":root")],
}


def clean(runs: dict) -> dict:
    return {slug: (run.returncode, run.problems, run.stderr.strip()[-2000:]) for slug, run in runs.items()
            if run.returncode or run.problems or run.stderr.strip()}


def check_scalars(system, variables: dict[str, str], *, radius_full: str) -> None:
    """Colours, fonts, sizes, spacing, radii and shadows of a built ``:root`` (names as the tools make them)."""
    tokens = system.tokens
    for scale, steps in tokens["colors"].items():
        for step, value in steps.items():
            assert close_colour(variables[f"--color-{scale}-{step}"], value, tolerance=0), (system.slug, scale, step)
    for role, family in tokens["typography"]["families"].items():
        assert stack(variables[f"--font-family-{role}"]) == stack(family["stack"])
    for step, entry in tokens["typography"]["scale"]["steps"].items():
        assert length_px(variables[f"--font-size-{step}"]) == round(entry["max_rem"] * 16, 4)
        assert float(variables[f"--font-line-height-{step}"]) == tokens["typography"]["line_heights"][step]
    for name, weight in tokens["typography"]["weights"].items():
        assert int(variables[f"--font-weight-{name}"]) == weight
    for key, value in tokens["spacing"]["scale"].items():
        assert length_px(variables[f"--spacing-{key}"]) == length_px(value)
    for name, value in tokens["radii"].items():
        assert length_px(variables[f"--radius-{name}"]) == length_px(radius_full if name == "full" else value)
    for name, value in tokens["shadows"].items():
        assert shadow_layers(variables[f"--shadow-{name}"]) == shadow_layers(value), (system.slug, name)


# --- Terrazzo ----------------------------------------------------------------------------------------------------


def test_terrazzo_builds_the_dtcg_export_with_strict_lint_rules(terrazzo_runs):
    """required-type, srgb colour space and gamut, modes on every theme role, kebab-case names."""
    assert clean(terrazzo_runs) == {}
    assert all(re.search(r"\d+ tokens built", run.stdout + run.stderr) for run in terrazzo_runs.values())


def test_terrazzo_css_has_one_variable_per_role_switched_by_theme(systems, terrazzo_runs):
    for system in systems:
        blocks = css_blocks(system.file("terrazzo/tokens.css").read_text())
        root = blocks[(":root",)]
        check_scalars(system, root, radius_full="9999px")
        assert not any(name.startswith(("--theme-light", "--theme-dark")) for name in root)
        for theme, paths in TERRAZZO_THEME_BLOCKS.items():
            for path in paths:
                block = blocks[path]
                built = {role: hex_of(resolve([block, root], block[f"--theme-{role}"]))
                         for role in system.tokens["themes"][theme]}
                assert built == system.tokens["themes"][theme], (system.slug, path)
    report = check_css([system.file("terrazzo/tokens.css") for system in systems])
    assert {path: found for path, tools in report.items() for found in tools.values()
            if found["errors"] or found["warnings"]} == {}


# --- Style Dictionary --------------------------------------------------------------------------------------------


def test_style_dictionary_builds_every_theme_for_every_platform(systems, style_dictionary_runs):
    assert clean(style_dictionary_runs) == {}
    for system in systems:
        for theme in THEMES:
            name = "".join(part.capitalize() for part in theme.split("-"))
            assert system.file(f"build/css/{theme}.css").is_file()
            assert system.file(f"build/android/{theme}/designforge.xml").is_file()
            assert system.file(f"build/ios/DesignForge{name}.swift").is_file()


def test_style_dictionary_css_values_and_themes(systems, style_dictionary_runs):
    files = []
    for system in systems:
        light = css_blocks(system.file("build/css/light.css").read_text())
        root = light[(':root, [data-theme="light"]',)]
        check_scalars(system, root, radius_full="9999px")
        for theme in THEMES:
            path = system.file(f"build/css/{theme}.css")
            files.append(path)
            blocks = css_blocks(path.read_text())
            selector = ':root, [data-theme="light"]' if theme == "light" else f'[data-theme="{theme}"]'
            block = blocks[(selector,)]
            assert {role: block[f"--theme-{role}"] for role in system.tokens["themes"][theme]} == \
                system.tokens["themes"][theme], (system.slug, theme)
    report = check_css(files)
    assert {path: found for path, tools in report.items() for found in tools.values()
            if found["errors"] or found["warnings"]} == {}


def android_resources(text: str) -> dict[str, str]:
    return dict(re.findall(r'<(?:color|dimen|string|integer)\s+name="([a-z0-9_]+)">([^<]*)<', text))


def swift_constants(text: str) -> dict[str, str]:
    return dict(re.findall(r"public static let (\w+) = (.+)$", text, re.M))


def swift_colour(text: str) -> str:
    match = re.fullmatch(r"UIColor\(red: ([\d.]+), green: ([\d.]+), blue: ([\d.]+), alpha: 1\)", text)
    assert match, text
    return "#" + "".join(f"{round(float(part) * 255):02x}" for part in match.groups())


def test_style_dictionary_android_and_ios_values(systems, style_dictionary_runs):
    """No [object Object] shadows, no 159984dp radius, font families as names (Swift: string literals)."""
    for system in systems:
        tokens = system.tokens
        for theme in THEMES:
            name = "".join(part.capitalize() for part in theme.split("-"))
            android = android_resources(system.file(f"build/android/{theme}/designforge.xml").read_text())
            swift_text = system.file(f"build/ios/DesignForge{name}.swift").read_text()
            swift = swift_constants(swift_text)
            assert "[object Object]" not in swift_text
            for role, value in tokens["themes"][theme].items():
                assert android[f"theme_{role.replace('-', '_')}"] == "#ff" + value[1:], (system.slug, theme, role)
                camel = "theme" + "".join(part.capitalize() for part in role.split("-"))
                assert close_colour(swift_colour(swift[camel]), value), (system.slug, theme, role)
            if theme != "light":
                assert not any(key.startswith("color_") for key in android)  # a theme file holds its roles only
                continue
            assert android["radius_full"] == "9999.00dp" and swift["radiusFull"] == "CGFloat(9999.00)"
            for key, value in tokens["spacing"]["scale"].items():
                assert float(android[f"spacing_{key}"].removesuffix("dp")) == length_px(value)
            for role, family in tokens["typography"]["families"].items():
                assert android[f"font_family_{role}"] == family["name"]
                assert swift[f"fontFamily{role.capitalize()}"] == f'"{family["name"]}"'
            for size, value in tokens["shadows"].items():
                assert shadow_layers(android[f"shadow_{size}"]) == shadow_layers(value)
                assert shadow_layers(swift[f"shadow{size.capitalize()}"].strip('"')) == shadow_layers(value)
            for scale, steps in tokens["colors"].items():
                for step, value in steps.items():
                    assert android[f"color_{scale}_{step}"] == "#ff" + value[1:]


# --- Tokens Studio -----------------------------------------------------------------------------------------------


def test_sd_transforms_builds_the_tokens_studio_export(systems, tokens_studio_runs):
    assert clean(tokens_studio_runs) == {}
    files = []
    for system in systems:
        for theme in THEMES:
            path = system.file(f"build/tokens-studio/{theme}.css")
            files.append(path)
            text = path.read_text()
            assert "[object Object]" not in text
            root = css_blocks(text)[(":root",)]
            check_scalars(system, root, radius_full=system.tokens["radii"]["full"])
            assert {role: root[f"--theme-{role}"] for role in system.tokens["themes"][theme]} == \
                system.tokens["themes"][theme], (system.slug, theme)
    report = check_css(files)
    assert {path: found for path, tools in report.items() for found in tools.values()
            if found["errors"] or found["warnings"]} == {}
