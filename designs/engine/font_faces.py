"""`@font-face` rules for the self-hosted font families in data/font_families.json.

The catalogue is written by `python manage.py vendor_fonts` from the Fontsource npm packages; the woff2
files it names live in static/fonts/<id>/. Pages link static/fonts/fonts.css (every family, URLs
relative to that stylesheet); exports carry the rules for their own families, with absolute URLs.
"""

import json
from functools import cache
from pathlib import Path

from .errors import EngineInputError

CATALOGUE_PATH = Path(__file__).resolve().parent / "data" / "font_families.json"


@cache
def font_catalogue() -> dict[str, dict]:
    """Every self-hosted family by its CSS name ("Inter"), in the catalogue's order (by name)."""
    families = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))["families"]
    return {family["name"]: family for family in families}


def hosted_families(tokens: dict) -> list[str]:
    """The self-hosted families the tokens name, once each (others are the user's own)."""
    typography = tokens.get("typography")
    if not typography:
        return []
    names = dict.fromkeys(family["name"] for family in typography["families"].values())
    return [name for name in names if name in font_catalogue()]


def font_face_rules(family_names, base_url: str) -> str:
    """The `@font-face` rules of these families (by CSS name; repeats are fine), in the catalogue's order.

    Each file's `src` is `<base_url><id>/<file>`: `""` for a stylesheet in static/fonts/ itself, the app's
    static fonts URL (absolute in downloads) elsewhere. Unknown names are refused with EngineInputError.
    """
    if base_url and not base_url.endswith("/"):
        raise ValueError(f"base_url must end with '/': {base_url!r}")
    catalogue = font_catalogue()
    wanted = set(family_names)
    unknown = sorted(wanted - catalogue.keys())
    if unknown:
        raise EngineInputError(
            {"font_families": [f"{name!r} is not a self-hosted font family" for name in unknown]}
        )
    return "\n".join(
        _rule(family, file, base_url)
        for name, family in catalogue.items()
        if name in wanted
        for file in family["files"]
    )


def _rule(family: dict, file: dict, base_url: str) -> str:
    return (
        "@font-face {\n"
        f'  font-family: "{family["name"]}";\n'
        f"  font-style: {file['style']};\n"
        f"  font-weight: {file['weight']};\n"
        "  font-display: swap;\n"
        f'  src: url("{base_url}{family["id"]}/{file["file"]}") format("woff2");\n'
        f"  unicode-range: {file['unicode_range']};\n"
        "}\n"
    )
