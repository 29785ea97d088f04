"""W3C Design Tokens Format Module (2025.10) export.

Every token carries its own ``$type`` (strict linters want it on the token, not inherited from a group);
colours are sRGB objects with a hex fallback; dimensions are ``{"value", "unit"}``, spacing and radii in
rem (so a build's rem-to-dp/pt transforms read them right, ``radius.full`` included).

The themes are one token per role, ``theme.<role>``, whose ``$value`` is the first theme's (light) and
whose ``$extensions.mode`` holds every theme's value (the modes Terrazzo builds into one CSS variable per
role, switched by selector or media query; the Style Dictionary build of this export reads them too).
Role values are aliases (``"{color.primary.600}"``) whenever the colour equals a scale step, preferring
the role's own scale, so a theme stays linked to its palette; other role colours are written literally.
"""

from .color import rgb_components
from .layout import parse_length, parse_shadow
from .shapes import SCALE_NAMES, THEMES
from .tokens import parse_font_stack
from .typography import ROOT_PX

_EXTENSION = "com.designforge"


def colour_value(hex_color: str, alpha: float = 1.0) -> dict:
    """DTCG colour object for a hex colour."""
    value = {"colorSpace": "srgb", "components": rgb_components(hex_color), "hex": hex_color}
    if alpha != 1.0:
        value["alpha"] = alpha
    return value


def dimension(value: float, unit: str) -> dict:
    """DTCG dimension object."""
    return {"value": int(value) if float(value).is_integer() else value, "unit": unit}


def rem_length(text: str) -> dict:
    """A px or rem length as a DTCG dimension in rem (``9999px`` -> 624.9375rem)."""
    value, unit = parse_length(text)
    return dimension(value / ROOT_PX if unit == "px" else value, "rem")


def _token(kind: str, value, **extra) -> dict:
    return {"$type": kind, "$value": value, **extra}


def _own_scale(role: str) -> str:
    """The scale a role belongs to (``primary-text`` -> ``primary``); ``neutral`` for the page roles."""
    base = role.removeprefix("on-")
    for suffix in ("-subtle", "-text"):
        base = base.removesuffix(suffix)
    return base if base in SCALE_NAMES else "neutral"


def _steps_by_colour(colors: dict) -> dict[str, list[tuple[str, str]]]:
    """``{hex: [(scale, step), ...]}`` in scale order, lightest step first."""
    found: dict[str, list[tuple[str, str]]] = {}
    for scale in SCALE_NAMES:
        for step, value in colors.get(scale, {}).items():
            found.setdefault(value, []).append((scale, step))
    return found


def _alias(role: str, hex_color: str, steps_by_colour: dict) -> str | None:
    """``{color.<scale>.<step>}`` for a role colour that is a scale step, the role's own scale first."""
    candidates = steps_by_colour.get(hex_color)
    if not candidates:
        return None
    own = _own_scale(role)
    scale, step = next((candidate for candidate in candidates if candidate[0] == own), candidates[0])
    return f"{{color.{scale}.{step}}}"


def _colours(tokens: dict) -> dict:
    return {
        scale: {step: _token("color", colour_value(value)) for step, value in steps.items()}
        for scale, steps in tokens["colors"].items()
    }


def role_values(tokens: dict) -> dict[str, dict[str, object]]:
    """``{role: {theme: alias or colour object}}`` for every role of the themes the tokens hold."""
    steps_by_colour = _steps_by_colour(tokens.get("colors", {}))
    themes = [theme for theme in THEMES if theme in tokens["themes"]]
    roles = tokens["themes"][themes[0]]
    return {
        role: {theme: _alias(role, tokens["themes"][theme][role], steps_by_colour)
               or colour_value(tokens["themes"][theme][role]) for theme in themes}
        for role in roles
    }


def _themes(tokens: dict) -> dict:
    group: dict = {"$description": "Theme roles: $value is the light theme's; $extensions.mode holds every theme's"}
    for role, by_theme in role_values(tokens).items():
        first = next(iter(by_theme.values()))
        group[role] = _token("color", first, **{"$extensions": {"mode": by_theme}})
    return group


def font_names(stack: str) -> list[str]:
    """The family names of a validated CSS font stack, unquoted (never an empty name)."""
    return parse_font_stack(stack) or []


def _typography(typography: dict) -> dict:
    families = {role: _token("fontFamily", font_names(family["stack"]))
                for role, family in typography["families"].items()}
    weights = {name: _token("fontWeight", value) for name, value in typography["weights"].items()}
    sizes: dict = {"$description": "Largest (1280px viewport) size; fluid range in $extensions"}
    for step, entry in typography["scale"]["steps"].items():
        sizes[step] = _token("dimension", dimension(entry["max_rem"], "rem"), **{
            "$extensions": {
                _EXTENSION: {
                    "fluid": {
                        "min": dimension(entry["min_rem"], "rem"),
                        "max": dimension(entry["max_rem"], "rem"),
                        "clamp": entry["clamp"],
                    }
                }
            },
        })
    heights = {step: _token("number", value) for step, value in typography["line_heights"].items()}
    return {
        "family": families,
        "weight": weights,
        "size": sizes,
        "line-height": heights,
        "scale-ratio": _token("number", typography["scale"]["ratio"]),
    }


def _shadow(text: str) -> list[dict]:
    layers = []
    for layer in parse_shadow(text):
        layers.append({
            "color": colour_value(layer["color"], layer["alpha"]),
            "offsetX": dimension(*layer["offset_x"]),
            "offsetY": dimension(*layer["offset_y"]),
            "blur": dimension(*layer["blur"]),
            "spread": dimension(*layer["spread"]),
            "inset": layer["inset"],
        })
    return layers


def to_dtcg(tokens: dict, description: str) -> dict:
    """The DTCG document for validated ``tokens`` (only the sections they hold)."""
    document: dict = {"$description": description}
    if "colors" in tokens:
        document["color"] = _colours(tokens)
    if "themes" in tokens:
        document["theme"] = _themes(tokens)
    if "typography" in tokens:
        document["font"] = _typography(tokens["typography"])
    if "spacing" in tokens:
        document["spacing"] = {k: _token("dimension", rem_length(v)) for k, v in tokens["spacing"]["scale"].items()}
    if "radii" in tokens:
        document["radius"] = {k: _token("dimension", rem_length(v)) for k, v in tokens["radii"].items()}
    if "shadows" in tokens:
        document["shadow"] = {k: _token("shadow", _shadow(v)) for k, v in tokens["shadows"].items()}
    return document
