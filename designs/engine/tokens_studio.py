"""Tokens Studio export: the single-file, multi-set JSON its Figma plugin reads and writes.

Values are what Tokens Studio itself writes (strings with units, ``boxShadow`` layers with ``x``, ``y``,
``blur``, ``spread`` and an ``rgba()`` colour, a font stack as one string) under its ``value``/``type``
keys, so `@tokens-studio/sd-transforms` and the plugin read every one. The token sets are ``core``
(scales, type, spacing, radii, shadows) and one per theme holding that theme's roles under the same names
(``theme.primary``); ``$themes`` pairs ``core`` with each theme set, so a build (sd-transforms'
``permutateThemes``) gives one variable per role, switched by theme.
"""

from .dtcg import role_values
from .layout import parse_shadow
from .shapes import THEMES
from .typography import format_number

CORE_SET = "core"


def _token(kind: str, value) -> dict:
    return {"value": value, "type": kind}


def _length(value: float, unit: str) -> str:
    return "0" if value == 0 else f"{format_number(value)}{unit}"


def _shadow(text: str) -> list[dict]:
    layers = []
    for layer in parse_shadow(text):
        red, green, blue = (int(layer["color"][i:i + 2], 16) for i in (1, 3, 5))
        layers.append({
            "x": _length(*layer["offset_x"]),
            "y": _length(*layer["offset_y"]),
            "blur": _length(*layer["blur"]),
            "spread": _length(*layer["spread"]),
            "color": f"rgba({red}, {green}, {blue}, {format_number(layer['alpha'], 3)})",
            "type": "innerShadow" if layer["inset"] else "dropShadow",
        })
    return layers


def _core(tokens: dict) -> dict:
    core: dict = {}
    if "colors" in tokens:
        core["color"] = {scale: {step: _token("color", value) for step, value in steps.items()}
                         for scale, steps in tokens["colors"].items()}
    typography = tokens.get("typography")
    if typography:
        core["font"] = {
            "family": {role: _token("fontFamilies", family["stack"])
                       for role, family in typography["families"].items()},
            "weight": {name: _token("fontWeights", str(value)) for name, value in typography["weights"].items()},
            "size": {step: _token("fontSizes", f"{format_number(entry['max_rem'])}rem")
                     for step, entry in typography["scale"]["steps"].items()},
            "line-height": {step: _token("lineHeights", format_number(value))
                            for step, value in typography["line_heights"].items()},
        }
    if "spacing" in tokens:
        core["spacing"] = {key: _token("spacing", value) for key, value in tokens["spacing"]["scale"].items()}
    if "radii" in tokens:
        core["radius"] = {key: _token("borderRadius", value) for key, value in tokens["radii"].items()}
    if "shadows" in tokens:
        core["shadow"] = {key: _token("boxShadow", _shadow(value)) for key, value in tokens["shadows"].items()}
    return core


def _role_value(value) -> str:
    """An alias as Tokens Studio writes one, or the hex of a literal colour."""
    return value if isinstance(value, str) else value["hex"]


def to_tokens_studio(tokens: dict, description: str) -> dict:
    """The Tokens Studio document for validated ``tokens``."""
    document: dict = {}
    core = _core(tokens)
    if core:
        document[CORE_SET] = core
    themes: list[str] = []
    if "themes" in tokens:
        themes = [theme for theme in THEMES if theme in tokens["themes"]]
        roles = role_values(tokens)
        for theme in themes:
            document[theme] = {"theme": {role: _token("color", _role_value(by_theme[theme]))
                                         for role, by_theme in roles.items()}}
    sets = [*([CORE_SET] if core else []), *themes]
    document["$themes"] = [
        {
            "id": theme,
            "name": theme,
            "selectedTokenSets": {**({CORE_SET: "source"} if core else {}), theme: "enabled"},
        }
        for theme in themes
    ]
    document["$metadata"] = {"tokenSetOrder": sets, "description": description}
    return document
