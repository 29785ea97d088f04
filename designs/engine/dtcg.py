"""W3C Design Tokens Format Module (2025.10) export.

Groups carry ``$type`` so tokens inherit it; colours are sRGB objects with a
hex fallback; dimensions are ``{"value", "unit"}`` in px or rem. Theme roles
are aliases (``"{color.primary.600}"``) whenever the role colour equals a
scale step, preferring the role's own scale, so a theme stays linked to its
palette; other role colours are written literally.
"""

from .color import rgb_components
from .layout import parse_length, parse_shadow
from .shapes import SCALE_NAMES

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


def _length(text: str) -> dict:
    parsed = parse_length(text)
    return dimension(*parsed)


def _role_scale(role: str) -> tuple[str, ...]:
    """Scales searched for an alias target, the role's own scale first."""
    base = role.removeprefix("on-")
    own = base if base in SCALE_NAMES else "neutral"
    return (own,) + tuple(name for name in SCALE_NAMES if name != own)


def _alias(role: str, hex_color: str, colors: dict) -> str | None:
    for scale in _role_scale(role):
        for step, value in colors.get(scale, {}).items():
            if value == hex_color:
                return f"{{color.{scale}.{step}}}"
    return None


def _colours(tokens: dict) -> dict:
    group: dict = {"$type": "color"}
    for scale, steps in tokens["colors"].items():
        group[scale] = {step: {"$value": colour_value(value)} for step, value in steps.items()}
    return group


def _themes(tokens: dict) -> dict:
    colors = tokens.get("colors", {})
    group: dict = {}
    for theme, roles in tokens["themes"].items():
        entries: dict = {"$type": "color", "$description": f"{theme.capitalize()} theme roles"}
        for role, value in roles.items():
            entries[role] = {"$value": _alias(role, value, colors) or colour_value(value)}
        group[theme] = entries
    return group


def _font_stack(stack: str) -> list[str]:
    return [part.strip().strip("\"'") for part in stack.split(",") if part.strip()]


def _typography(typography: dict) -> dict:
    families = {"$type": "fontFamily"}
    for role, family in typography["families"].items():
        families[role] = {"$value": _font_stack(family["stack"])}
    weights = {"$type": "fontWeight"}
    weights.update({name: {"$value": value} for name, value in typography["weights"].items()})
    sizes: dict = {"$type": "dimension", "$description": "Largest (1280px viewport) size; fluid range in $extensions"}
    for step, entry in typography["scale"]["steps"].items():
        sizes[step] = {
            "$value": dimension(entry["max_rem"], "rem"),
            "$extensions": {
                _EXTENSION: {
                    "fluid": {
                        "min": dimension(entry["min_rem"], "rem"),
                        "max": dimension(entry["max_rem"], "rem"),
                        "clamp": entry["clamp"],
                    }
                }
            },
        }
    heights = {"$type": "number"}
    heights.update({step: {"$value": value} for step, value in typography["line_heights"].items()})
    return {
        "family": families,
        "weight": weights,
        "size": sizes,
        "line-height": heights,
        "scale-ratio": {"$type": "number", "$value": typography["scale"]["ratio"]},
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
        document["spacing"] = {"$type": "dimension"}
        document["spacing"].update({k: {"$value": _length(v)} for k, v in tokens["spacing"]["scale"].items()})
    if "radii" in tokens:
        document["radius"] = {"$type": "dimension"}
        document["radius"].update({k: {"$value": _length(v)} for k, v in tokens["radii"].items()})
    if "shadows" in tokens:
        document["shadow"] = {"$type": "shadow"}
        document["shadow"].update({k: {"$value": _shadow(v)} for k, v in tokens["shadows"].items()})
    return document
