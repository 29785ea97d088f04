"""Re-vendor the self-hosted font families from the Fontsource npm packages (a maintainer step; needs npm).

    python manage.py vendor_fonts   # then review `git diff --stat`, run the tests and commit

For each family below it takes the newest `@fontsource-variable/<id>` package where one exists (the `wght`
axis files, normal style), else `@fontsource/<id>` (static files for the weights 400 to 700 the family
has), in the latin and latin-ext subsets, with the package's LICENSE. It replaces static/fonts/<id>/,
removes the folders of families no longer listed, and rewrites the catalogue the engine reads
(designs/engine/data/font_families.json), the credits (static/fonts/README.md) and static/fonts/fonts.css.
Tests and CI never run it: they check the committed files instead.
"""

import json
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from designs.engine.font_faces import CATALOGUE_PATH, font_catalogue

#: Fontsource ids of the families the engine may choose.
FAMILIES = (
    "inter", "jetbrains-mono", "manrope", "geist", "geist-mono", "space-grotesk", "ibm-plex-sans",
    "ibm-plex-mono", "sora", "plus-jakarta-sans", "source-serif-4", "source-sans-3", "source-code-pro",
    "playfair-display", "dm-serif-display", "dm-sans", "dm-mono", "eb-garamond", "karla",
    "libre-baskerville", "libre-franklin", "fraunces", "work-sans", "nunito", "nunito-sans", "fira-code",
    "outfit", "figtree", "poppins", "lexend", "bricolage-grotesque",
)  # fmt: skip
#: Declared in this order: where the ranges overlap (a few combining marks), the later face (latin) wins.
SUBSETS = ("latin-ext", "latin")
STATIC_WEIGHTS = (400, 500, 600, 700)
KINDS = {"sans-serif": "sans", "serif": "serif", "monospace": "mono"}


def fonts_dir() -> Path:
    return Path(settings.BASE_DIR) / "static" / "fonts"


def catalogue_entry(metadata: dict, unicode_ranges: dict, package: str) -> dict:
    """The catalogue's record of one family, from its Fontsource package's metadata.json and unicode.json."""
    font_id = metadata["id"]
    if metadata["category"] not in KINDS:
        raise CommandError(f"{font_id}: category {metadata['category']!r} is not sans-serif, serif or monospace")
    if metadata["license"]["type"] != "OFL-1.1":
        raise CommandError(f"{font_id} is licensed {metadata['license']['type']!r}, not OFL-1.1")
    subsets = [subset for subset in SUBSETS if subset in metadata["subsets"]]
    if "latin" not in subsets:
        raise CommandError(f"{font_id} has no latin subset")
    variable = package.startswith("@fontsource-variable/")
    if variable:
        axis = (metadata.get("variable") or {}).get("wght")
        if axis is None:
            raise CommandError(f"{package} does not vary in weight: vendor its static package instead")
        weights = {"min": int(axis["min"]), "max": int(axis["max"])}
        faces = [("wght", f"{weights['min']} {weights['max']}")]
    else:
        weights = [weight for weight in STATIC_WEIGHTS if weight in metadata["weights"]]
        if not weights:
            raise CommandError(f"{font_id} has none of the weights {STATIC_WEIGHTS}")
        faces = [(str(weight), str(weight)) for weight in weights]
    return {
        "name": metadata["family"],
        "id": font_id,
        "package": package,
        "kind": KINDS[metadata["category"]],
        "variable": variable,
        "weights": weights,
        "license": {"type": metadata["license"]["type"], "attribution": _attribution(metadata["license"])},
        "files": [
            {
                "file": f"{font_id}-{subset}-{name}-normal.woff2",
                "subset": subset,
                "weight": weight,
                "style": "normal",
                "unicode_range": unicode_ranges[subset],
            }
            for subset in subsets
            for name, weight in faces
        ],
    }


def _attribution(license: dict) -> str:
    """The copyright lines, once each: Fontsource repeats them per font file ("... Poppins-Bold.ttf: Copyright ...")."""
    lines = re.split(r"\s*\S+\.(?:ttf|otf):\s*", license.get("attribution", ""))
    unique = list(dict.fromkeys(line.strip() for line in lines if line.strip()))
    return " ".join(unique)


def credits_markdown(families: list[dict]) -> str:
    rows = "\n".join(
        "| {name} | `{package}` | {license[type]} | {license[attribution]} |".format(**family) for family in families
    )
    return f"""# Fonts

The font families DesignForge's design systems (and the dashboard itself) use, self-hosted: woff2 files
from the [Fontsource](https://fontsource.org) npm packages, latin and latin-ext subsets. Each family's
folder holds its files and its `LICENSE`. All are under the SIL Open Font License 1.1
(https://openfontlicense.org), which lets them be used, bundled and served freely, but not sold on their own.

Written by `python manage.py vendor_fonts` (with `fonts.css`, by `python manage.py build_font_css`); do not edit.

| family | package | licence | copyright |
| --- | --- | --- | --- |
{rows}
"""


class Command(BaseCommand):
    help = "Re-vendor the self-hosted font families from the Fontsource npm packages (needs npm)."

    def handle(self, *args, **options):
        if shutil.which("npm") is None:
            raise CommandError("npm is not installed: vendoring the fonts needs it.")
        root = fonts_dir()
        root.mkdir(parents=True, exist_ok=True)
        families = []
        with tempfile.TemporaryDirectory() as scratch:
            for font_id in FAMILIES:
                families.append(self._vendor(font_id, root, Path(scratch)))
        for folder in root.iterdir():
            if folder.is_dir() and folder.name not in FAMILIES:
                shutil.rmtree(folder)
        families.sort(key=lambda family: family["name"])
        about = "Self-hosted font families, written by `python manage.py vendor_fonts`; do not edit."
        CATALOGUE_PATH.parent.mkdir(parents=True, exist_ok=True)
        CATALOGUE_PATH.write_text(json.dumps({"about": about, "families": families}, indent=2) + "\n", encoding="utf-8")
        (root / "README.md").write_text(credits_markdown(families), encoding="utf-8")
        font_catalogue.cache_clear()
        call_command("build_font_css", stdout=self.stdout)
        size = sum(path.stat().st_size for path in root.rglob("*") if path.is_file())
        self.stdout.write(self.style.SUCCESS(f"Vendored {len(families)} families into {root} ({size} bytes)."))

    def _vendor(self, font_id: str, root: Path, scratch: Path) -> dict:
        package = _newest(f"@fontsource-variable/{font_id}") or _newest(f"@fontsource/{font_id}")
        if package is None:
            raise CommandError(f"Fontsource has no package for {font_id!r}.")
        unpacked = _unpack(package, scratch)
        metadata = json.loads((unpacked / "metadata.json").read_text(encoding="utf-8"))
        entry = catalogue_entry(metadata, json.loads((unpacked / "unicode.json").read_text(encoding="utf-8")), package)
        target = root / font_id
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        shutil.copyfile(unpacked / "LICENSE", target / "LICENSE")
        for file in entry["files"]:
            source = unpacked / "files" / file["file"]
            if not source.is_file():
                raise CommandError(f"{package} has no {file['file']}")
            shutil.copyfile(source, target / file["file"])
        self.stdout.write(f"{package}: {len(entry['files'])} files")
        return entry


def _npm(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["npm", *args], capture_output=True, text=True, check=False)


def _newest(name: str) -> str | None:
    """`name@version` of the package's newest version, or None if there is no such package."""
    result = _npm("view", name, "version", "--json")
    if result.returncode != 0:
        if "E404" in result.stderr:
            return None
        raise CommandError(f"npm view {name} failed: {result.stderr.strip()}")
    return f"{name}@{json.loads(result.stdout)}"


def _unpack(package: str, scratch: Path) -> Path:
    """Download the package's tarball with `npm pack` and unpack it; answers its folder."""
    result = _npm("pack", package, "--json", "--pack-destination", str(scratch))
    if result.returncode != 0:
        raise CommandError(f"npm pack {package} failed: {result.stderr.strip()}")
    tarball = scratch / json.loads(result.stdout)[0]["filename"]
    folder = scratch / tarball.stem
    with tarfile.open(tarball) as archive:
        archive.extractall(folder, filter="data")
    return folder / "package"
