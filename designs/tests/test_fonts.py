"""The self-hosted font families: the vendored files and licences, the catalogue the engine reads, the
`@font-face` rules made from it, and the committed static/fonts/fonts.css and credits."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from designs.engine.errors import EngineInputError
from designs.engine.font_faces import font_catalogue, font_face_rules
from designs.management.commands.vendor_fonts import FAMILIES, catalogue_entry, credits_markdown

FONTS = settings.BASE_DIR / "static" / "fonts"

#: The families the engine may choose, as CSS names them.
EXPECTED = {
    "Inter", "JetBrains Mono", "Manrope", "Geist", "Geist Mono", "Space Grotesk", "IBM Plex Sans",
    "IBM Plex Mono", "Sora", "Plus Jakarta Sans", "Source Serif 4", "Source Sans 3", "Source Code Pro",
    "Playfair Display", "DM Serif Display", "DM Sans", "DM Mono", "EB Garamond", "Karla", "Libre Baskerville",
    "Libre Franklin", "Fraunces", "Work Sans", "Nunito", "Nunito Sans", "Fira Code", "Outfit", "Figtree",
    "Poppins", "Lexend", "Bricolage Grotesque",
}  # fmt: skip
UNICODE_RANGE = re.compile(r"U\+[0-9A-F]{1,6}(-[0-9A-F]{1,6})?(,U\+[0-9A-F]{1,6}(-[0-9A-F]{1,6})?)*")
DESCRIPTORS = {"font-family", "font-style", "font-weight", "font-display", "src", "unicode-range"}


def parse_font_faces(css: str) -> list[dict[str, str]]:
    """The descriptors of each `@font-face` rule; fails on anything else in the stylesheet."""
    blocks = re.findall(r"@font-face \{([^{}]*)\}", css)
    assert re.sub(r"@font-face \{[^{}]*\}", "", css).strip() == "", "text outside @font-face rules"
    rules = []
    for block in blocks:
        declarations = [part.strip() for part in block.split(";") if part.strip()]
        rule = dict(declaration.split(": ", 1) for declaration in declarations)
        assert len(rule) == len(declarations), f"a descriptor repeats in {block}"
        rules.append(rule)
    return rules


# --- the catalogue and the vendored files -------------------------------------------------------------


def test_the_catalogue_has_every_family_the_engine_may_choose_once():
    catalogue = font_catalogue()
    assert set(catalogue) == EXPECTED
    assert sorted(family["id"] for family in catalogue.values()) == sorted(FAMILIES)
    assert list(catalogue) == sorted(catalogue), "the catalogue is in a stable order, by name"
    kinds = {name: family["kind"] for name, family in catalogue.items()}
    assert {kinds[name] for name in ("Inter", "Poppins", "Lexend", "Geist")} == {"sans"}
    assert {kinds[name] for name in ("Source Serif 4", "Playfair Display", "DM Serif Display", "Fraunces")} == {
        "serif"
    }
    assert {kinds[name] for name in ("JetBrains Mono", "IBM Plex Mono", "DM Mono", "Fira Code")} == {"mono"}


def test_variable_families_ship_one_weight_axis_file_per_subset_and_static_ones_each_weight():
    for family in font_catalogue().values():
        assert family["package"].startswith(
            ("@fontsource-variable/" if family["variable"] else "@fontsource/") + family["id"] + "@"
        )
        for file in family["files"]:
            assert file["style"] == "normal" and UNICODE_RANGE.fullmatch(file["unicode_range"])
        assert [file["subset"] for file in family["files"]][-1] == "latin", "latin last: it wins where ranges overlap"
        if family["variable"]:
            low, high = family["weights"]["min"], family["weights"]["max"]
            assert low <= 400 and high >= 700, family["name"]
            assert {file["weight"] for file in family["files"]} == {f"{low} {high}"}
            assert all(file["file"].endswith("-wght-normal.woff2") for file in family["files"])
            assert len(family["files"]) == len({file["subset"] for file in family["files"]})
        else:
            assert 400 in family["weights"] and set(family["weights"]) <= {400, 500, 600, 700}, family["name"]
            subsets = {file["subset"] for file in family["files"]}
            assert sorted(file["weight"] for file in family["files"]) == sorted(
                str(weight) for weight in family["weights"] for _ in subsets
            )
    static = {name for name, family in font_catalogue().items() if not family["variable"]}
    assert static == {"IBM Plex Mono", "DM Mono", "Poppins", "DM Serif Display"}


def test_every_catalogued_file_is_a_woff2_font_beside_its_ofl_licence():
    for family in font_catalogue().values():
        folder = FONTS / family["id"]
        licence = (folder / "LICENSE").read_text(encoding="utf-8")
        assert "SIL Open Font License, Version 1.1" in licence, family["name"]
        assert family["license"]["type"] == "OFL-1.1" and family["license"]["attribution"]
        for file in family["files"]:
            data = (folder / file["file"]).read_bytes()
            assert data[:4] == b"wOF2", file["file"]
            assert int.from_bytes(data[8:12], "big") == len(data), f"{file['file']} is cut short"


def test_static_fonts_holds_exactly_the_catalogued_files():
    on_disk = {path.relative_to(FONTS).as_posix() for path in FONTS.rglob("*") if path.is_file()}
    catalogued = {"fonts.css", "README.md"}
    for family in font_catalogue().values():
        catalogued.add(f"{family['id']}/LICENSE")
        catalogued.update(f"{family['id']}/{file['file']}" for file in family["files"])
    assert on_disk == catalogued


def test_the_fonts_add_a_reasonable_weight_to_the_repository():
    total = sum(path.stat().st_size for path in FONTS.rglob("*") if path.is_file())
    assert total < 3_000_000, total


# --- @font-face rules ---------------------------------------------------------------------------------


def test_rules_for_a_family_are_well_formed_and_name_every_one_of_its_files():
    for name, family in font_catalogue().items():
        rules = parse_font_faces(font_face_rules([name], "https://app.example/static/fonts/"))
        assert len(rules) == len(family["files"])
        for rule, file in zip(rules, family["files"], strict=True):
            assert set(rule) == DESCRIPTORS
            assert rule["font-family"] == f'"{name}"'
            assert rule["font-display"] == "swap" and rule["font-style"] == "normal"
            assert rule["font-weight"] == file["weight"]
            assert rule["unicode-range"] == file["unicode_range"]
            assert rule["src"] == (
                f'url("https://app.example/static/fonts/{family["id"]}/{file["file"]}") format("woff2")'
            )


def test_a_variable_family_declares_its_weight_range_and_a_static_one_each_weight():
    inter = parse_font_faces(font_face_rules(["Inter"], ""))
    assert {rule["font-weight"] for rule in inter} == {"100 900"}
    assert {rule["src"] for rule in inter} == {
        'url("inter/inter-latin-ext-wght-normal.woff2") format("woff2")',
        'url("inter/inter-latin-wght-normal.woff2") format("woff2")',
    }
    poppins = parse_font_faces(font_face_rules(["Poppins"], ""))
    assert sorted(rule["font-weight"] for rule in poppins) == ["400", "400", "500", "500", "600", "600", "700", "700"]


def test_rules_come_in_the_catalogues_order_whatever_order_or_repeats_are_asked():
    css = font_face_rules(["JetBrains Mono", "Inter", "Fraunces", "Inter"], "/static/fonts/")
    assert css == font_face_rules(["Fraunces", "Inter", "JetBrains Mono"], "/static/fonts/")
    families = [rule["font-family"] for rule in parse_font_faces(css)]
    assert list(dict.fromkeys(families)) == ['"Fraunces"', '"Inter"', '"JetBrains Mono"']
    assert font_face_rules([], "/static/fonts/") == ""


def test_unknown_families_are_refused():
    with pytest.raises(EngineInputError) as refused:
        font_face_rules(["Inter", "Comic Sans MS", "Inter Variable"], "")
    assert refused.value.errors == {
        "font_families": [
            "'Comic Sans MS' is not a self-hosted font family",
            "'Inter Variable' is not a self-hosted font family",
        ]
    }


def test_a_base_url_must_end_with_a_slash():
    with pytest.raises(ValueError, match="must end with '/'"):
        font_face_rules(["Inter"], "/static/fonts")


# --- the committed stylesheet and credits --------------------------------------------------------------


def test_the_committed_fonts_css_is_what_the_command_makes_now():
    call_command("build_font_css", "--check")


def test_fonts_css_declares_every_family_with_urls_relative_to_itself():
    css = (FONTS / "fonts.css").read_text(encoding="utf-8")
    rules = parse_font_faces(re.sub(r"^/\*.*?\*/\n", "", css))
    assert {rule["font-family"].strip('"') for rule in rules} == EXPECTED
    for rule in rules:
        path = re.fullmatch(r'url\("([^"]+)"\) format\("woff2"\)', rule["src"]).group(1)
        assert (FONTS / path).is_file(), path


def test_the_build_check_fails_when_the_committed_file_is_stale(tmp_path, settings):
    (tmp_path / "static" / "fonts").mkdir(parents=True)
    (tmp_path / "static" / "fonts" / "fonts.css").write_text("/* old */\n")
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match="fonts.css is out of date: run `python manage.py build_font_css`"):
        call_command("build_font_css", "--check")


def test_the_credits_name_every_family_its_package_and_its_copyright():
    credits = (FONTS / "README.md").read_text(encoding="utf-8")
    assert credits == credits_markdown(list(font_catalogue().values())), "run `python manage.py vendor_fonts`"
    for family in font_catalogue().values():
        assert f"| {family['name']} | `{family['package']}` | OFL-1.1 | {family['license']['attribution']} |" in credits


# --- how vendor_fonts reads a Fontsource package --------------------------------------------------------

UNICODE = {"latin": "U+0000-00FF", "latin-ext": "U+0100-02AF", "cyrillic": "U+0400-045F"}
OFL = {"type": "OFL-1.1", "url": "https://openfontlicense.org"}


def metadata(**changes) -> dict:
    return {
        "id": "sample",
        "family": "Sample",
        "subsets": ["cyrillic", "latin", "latin-ext"],
        "weights": [100, 300, 400, 500, 600, 700, 900],
        "styles": ["italic", "normal"],
        "variable": {"wght": {"default": "400", "min": "100", "max": "900", "step": "1"}, "opsz": {}},
        "category": "sans-serif",
        "license": {**OFL, "attribution": "Copyright 2020 Sample Authors"},
    } | changes


def test_a_variable_package_gives_its_weight_axis_files_of_normal_style_in_latin_and_latin_ext():
    entry = catalogue_entry(metadata(), UNICODE, "@fontsource-variable/sample@5.3.0")
    assert entry["name"] == "Sample" and entry["kind"] == "sans" and entry["variable"] is True
    assert entry["weights"] == {"min": 100, "max": 900}
    assert entry["files"] == [
        {"file": "sample-latin-ext-wght-normal.woff2", "subset": "latin-ext", "weight": "100 900", "style": "normal",
         "unicode_range": "U+0100-02AF"},
        {"file": "sample-latin-wght-normal.woff2", "subset": "latin", "weight": "100 900", "style": "normal",
         "unicode_range": "U+0000-00FF"},
    ]  # fmt: skip


def test_a_static_package_gives_the_weights_400_to_700_it_has():
    entry = catalogue_entry(
        metadata(subsets=["latin"], weights=[300, 400, 700], variable=False, category="monospace"),
        UNICODE,
        "@fontsource/sample@5.3.0",
    )
    assert entry["kind"] == "mono" and entry["variable"] is False and entry["weights"] == [400, 700]
    files = [file["file"] for file in entry["files"]]
    assert files == ["sample-latin-400-normal.woff2", "sample-latin-700-normal.woff2"]
    assert [file["weight"] for file in entry["files"]] == ["400", "700"]


def test_a_copyright_repeated_per_font_file_is_credited_once():
    repeated = "Copyright 2020 P (https://p.example) P-Thin.ttf: Copyright 2020 P (https://p.example) P-Bold.ttf: " \
        "Copyright 2020 P (https://p.example) X[wght].ttf: Copyright 2021 Q"
    entry = catalogue_entry(metadata(license={**OFL, "attribution": repeated}), UNICODE, "@fontsource/sample@1.0.0")
    assert entry["license"]["attribution"] == "Copyright 2020 P (https://p.example) Copyright 2021 Q"


@pytest.mark.parametrize(
    ("changes", "package", "message"),
    [
        ({"category": "handwriting"}, "@fontsource/sample@1.0.0", "not sans-serif, serif or monospace"),
        ({"license": {"type": "Apache-2.0"}}, "@fontsource/sample@1.0.0", "not OFL-1.1"),
        ({"subsets": ["cyrillic", "latin-ext"]}, "@fontsource/sample@1.0.0", "no latin subset"),
        ({"weights": [100, 900]}, "@fontsource/sample@1.0.0", "none of the weights"),
        ({"variable": {"opsz": {}}}, "@fontsource-variable/sample@1.0.0", "does not vary in weight"),
    ],
)
def test_a_package_the_catalogue_cannot_use_is_refused(changes, package, message):
    with pytest.raises(CommandError, match=message):
        catalogue_entry(metadata(**changes), UNICODE, package)


# --- the dashboard's own typeface ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_dashboard_is_set_in_self_hosted_inter(client):
    from django.templatetags.static import static

    from designs.management.commands.build_dashboard_css import dashboard_tokens

    families = dashboard_tokens()["typography"]["families"]
    assert families["body"]["name"] == families["heading"]["name"] == "Inter"
    assert {family["name"] for family in families.values()} <= set(font_catalogue())
    page = client.get("/").content.decode()
    assert f'<link rel="stylesheet" href="{static("fonts/fonts.css")}">' in page
    preload = static("fonts/inter/inter-latin-wght-normal.woff2")
    assert f'<link rel="preload" href="{preload}" as="font" type="font/woff2" crossorigin>' in page
