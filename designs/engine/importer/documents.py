"""Read a theme written as JSON: a W3C DTCG file (2025.10, with aliases and Terrazzo's
``$extensions.mode`` themes; also the older ``value`` and ``type`` keys) or DesignForge's own tokens.

Problems name the token path and, from json-source-map, the line it is on.
"""

import json
import math
import re

from coloraide import Color
from json_source_map import calculate

from ..errors import EngineInputError
from ..fonts import stack_text
from ..layout import parse_length
from ..shapes import SCALE_NAMES, SECTIONS, STEPS, THEMES
from ..tokens import validate_tokens
from ..typography import ROOT_PX
from .names import meaning_of
from .source import Colour, Problem, Source, UnreadableTheme, read_colour

_ALIAS = re.compile(r"\{([^{}]+)\}")
_MAX_ALIAS_DEPTH = 32
#: Token groups nested deeper than this are refused (real files nest a handful of levels).
MAX_GROUP_DEPTH = 32
#: Path segments that only group tokens (``color.primary.500`` is the scale step ``primary-500``).
_GROUPING = {"color", "colors", "colour", "colours", "palette", "semantic", "theme", "themes", "base", "global",
             "core", "sys", "ref", "modes", "mode"}
_FAMILY_ROLES = {"heading": "heading", "display": "heading", "body": "body", "sans": "body", "text": "body",
                 "mono": "mono", "code": "mono"}

#: DTCG colour spaces -> coloraide's, and the factor that takes each component to coloraide's range.
_SPACES = {
    "srgb": ("srgb", (1, 1, 1)),
    "srgb-linear": ("srgb-linear", (1, 1, 1)),
    "hsl": ("hsl", (1, 0.01, 0.01)),
    "hwb": ("hwb", (1, 0.01, 0.01)),
    "lab": ("lab", (1, 1, 1)),
    "lch": ("lch", (1, 1, 1)),
    "oklab": ("oklab", (1, 1, 1)),
    "oklch": ("oklch", (1, 1, 1)),
    "display-p3": ("display-p3", (1, 1, 1)),
    "a98-rgb": ("a98-rgb", (1, 1, 1)),
    "prophoto-rgb": ("prophoto-rgb", (1, 1, 1)),
    "rec2020": ("rec2020", (1, 1, 1)),
    "xyz-d65": ("xyz-d65", (1, 1, 1)),
    "xyz-d50": ("xyz-d50", (1, 1, 1)),
}


class _Lines:
    """Line and column of a JSON pointer, computed once, only when a problem needs one."""

    def __init__(self, text: str, prefix: tuple = ()):
        self.text = text
        self.prefix = prefix
        self.entries = None

    def problem(self, reason: str, path: tuple) -> Problem:
        if self.entries is None:
            try:
                self.entries = calculate(self.text)
            except RecursionError:
                self.entries = {}
        pointer = "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in (*self.prefix, *path))
        entry = self.entries.get(pointer)
        where = entry.key_start or entry.value_start if entry else None
        label = ".".join(str(part) for part in path) or "the document"
        return Problem(f"{label}: {reason}", where.line + 1 if where else None, where.column + 1 if where else None)


def _dtcg_colour(value) -> tuple[str, float] | None:
    """``(#rrggbb, alpha)`` of a DTCG colour value: the 2025.10 object, or a CSS colour string."""
    if isinstance(value, str):
        return read_colour(value)
    if not isinstance(value, dict):
        return None
    space = _SPACES.get(value.get("colorSpace"))
    components = value.get("components")
    alpha = value.get("alpha", 1)
    if space is None or not isinstance(components, list) or len(components) != 3:
        return read_colour(value["hex"]) if isinstance(value.get("hex"), str) else None
    coords = []
    for component, factor in zip(components, space[1], strict=True):
        if component == "none":
            coords.append(math.nan)
        elif isinstance(component, int | float) and not isinstance(component, bool) and math.isfinite(component):
            coords.append(component * factor)
        else:
            return None
    if isinstance(alpha, bool) or not isinstance(alpha, int | float) or not 0 <= alpha <= 1:
        return None
    colour = Color(space[0], coords, alpha).convert("srgb").clip()
    return colour.to_string(hex=True, alpha=False), round(colour.alpha(), 4)


def _tokens(node, path: tuple, inherited: str | None, found: dict, lines: _Lines) -> None:
    """Every token under ``node``: ``found[path] = (value, type)``; ``$type`` is inherited by groups."""
    if not isinstance(node, dict):
        return
    if len(path) > MAX_GROUP_DEPTH:
        raise UnreadableTheme([lines.problem(f"groups are nested more than {MAX_GROUP_DEPTH} levels deep", path)])
    for value_key, type_key in (("$value", "$type"), ("value", "type")):
        if value_key in node and (value_key == "$value" or not isinstance(node[value_key], dict)
                                  or "colorSpace" in node[value_key]):
            found[path] = (node[value_key], node.get(type_key, inherited))
            modes = node.get("$extensions", {}).get("mode") if isinstance(node.get("$extensions"), dict) else None
            if isinstance(modes, dict):  # Terrazzo's modes (our DTCG themes): one value per theme
                for mode, value in modes.items():
                    if str(mode).lower() in THEMES:
                        found[(str(mode).lower(), *path)] = (value, node.get(type_key, inherited))
            return
    kind = node.get("$type", inherited)
    for key, child in node.items():
        if not key.startswith("$"):
            _tokens(child, (*path, key), kind, found, lines)


def _resolve(path: tuple, found: dict, lines: _Lines, depth: int = 0):
    """A token's value with aliases (``"{color.primary.500}"``, ``{"$ref": "#/..."}``) followed."""
    value = found[path][0]
    target = None
    if isinstance(value, str) and _ALIAS.fullmatch(value.strip()):
        target = tuple(_ALIAS.fullmatch(value.strip()).group(1).split("."))
    elif isinstance(value, dict) and isinstance(value.get("$ref"), str) and value["$ref"].startswith("#/"):
        target = tuple(part for part in value["$ref"][2:].split("/") if part not in ("$value", "value"))
    if target is None:
        return value
    if depth >= _MAX_ALIAS_DEPTH:
        raise UnreadableTheme([lines.problem("its aliases go round in a circle", path)])
    if target not in found:
        raise UnreadableTheme([lines.problem(f"refers to {'.'.join(target)}, which is not a token", path)])
    return _resolve(target, found, lines, depth + 1)


def _theme_and_name(path: tuple) -> tuple[str, str]:
    """The theme a token path is in (``light`` when it names none) and the name left for it."""
    theme = "light"
    rest = []
    for part in (str(segment) for segment in path):
        if part.lower() in THEMES:
            theme = part.lower()
        elif part.lower() not in _GROUPING:
            rest.append(part)
    return theme, "-".join(rest)


def read_dtcg(document: dict, lines: _Lines) -> Source:
    source = Source(format="dtcg")
    found: dict = {}
    _tokens(document, (), None, found, lines)
    problems = []
    for path, (_, kind) in found.items():
        try:
            value = _resolve(path, found, lines)
        except UnreadableTheme as exc:
            problems += exc.problems
            continue
        theme, name = _theme_and_name(path)
        meaning = meaning_of(name)
        if kind == "fontFamily" or (kind is None and path and path[-2:-1] == ("family",)):
            role = _FAMILY_ROLES.get(str(path[-1]).lower())
            names = [value] if isinstance(value, str) else value
            if role and isinstance(names, list) and all(isinstance(item, str) for item in names):
                source.fonts[role] = stack_text(names)
            continue
        if kind == "dimension" and "radius" in path and str(path[-1]) in ("lg", "radius"):
            length = parse_length(f"{value.get('value')}{value.get('unit')}") if isinstance(value, dict) else (
                parse_length(value) if isinstance(value, str) else None)
            if length is not None:
                source.radius_px = length[0] * (ROOT_PX if length[1] == "rem" else 1)
            continue
        if meaning is None or meaning.kind not in ("role", "step") or kind not in ("color", None):
            if kind in ("color", None):
                source.note_unused(".".join(str(part) for part in path))
            continue
        colour = _dtcg_colour(value)
        if colour is None:
            if kind == "color":
                problems.append(lines.problem("is not a colour this file format allows", path))
            continue
        if meaning.kind == "role":
            source.themes.setdefault(theme, {})[meaning.role] = Colour(colour[0], colour[1], ".".join(path))
        else:
            source.scales.setdefault(meaning.scale, {})[meaning.step] = colour[0]
    if problems:
        raise UnreadableTheme(problems)
    return source


def read_ours(document: dict, lines: _Lines) -> Source:
    """DesignForge's own tokens (the ``json`` export, or a design system with ``tokens``). Themes may lack
    roles (older files have fewer) and scales steps: what is missing is completed later."""
    source = Source(format="json")
    problems = []
    for section in SECTIONS:
        if section in document and section not in ("colors", "themes"):
            try:
                source.sections.update(validate_tokens({section: document[section]}))
            except EngineInputError as exc:
                problems += [lines.problem("; ".join(messages), tuple(field.split("."))) for field, messages
                             in exc.errors.items()]
    groups = {"themes": (THEMES, "theme"), "colors": (SCALE_NAMES, "colour scale")}
    for section, (allowed, label) in groups.items():
        tables = document.get(section, {})
        if not isinstance(tables, dict):
            problems.append(lines.problem("must be an object", (section,)))
            continue
        for table, entries in tables.items():
            if table not in allowed or not isinstance(entries, dict):
                problems.append(lines.problem(f"is not a {label} ({', '.join(allowed)}) of colours", (section, table)))
                continue
            for key, value in entries.items():
                colour = read_colour(value) if isinstance(value, str) else None
                where = (section, table, key)
                if colour is None:
                    problems.append(lines.problem("must be a #rrggbb colour", where))
                elif section == "colors":
                    if key in STEPS:
                        source.scales.setdefault(table, {})[key] = colour[0]
                    else:
                        source.note_unused(".".join(where))
                else:
                    meaning = meaning_of(key)
                    if meaning is not None and meaning.kind == "role":
                        source.themes.setdefault(table, {})[meaning.role] = Colour(colour[0], colour[1], key)
                    else:
                        source.note_unused(".".join(where))
    if problems:
        raise UnreadableTheme(problems)
    return source


def is_ours(document) -> bool:
    """Whether a JSON document is DesignForge tokens (top-level sections) rather than DTCG."""
    return isinstance(document, dict) and bool(document) and set(document) <= set(SECTIONS)


def read_json(text: str, expected: str | None = None) -> Source:
    """A DTCG file or our tokens (``expected`` ``dtcg`` or ``json`` to insist on one); UnreadableTheme otherwise."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableTheme([Problem(f"this JSON is malformed: {exc.msg}", exc.lineno, exc.colno)])
    except RecursionError:
        raise UnreadableTheme([Problem("this JSON is nested too deeply", 1, 1)])
    prefix = ()
    if isinstance(document, dict) and isinstance(document.get("tokens"), dict) and is_ours(document["tokens"]):
        document, prefix = document["tokens"], ("tokens",)  # a design system as the API answers it
    if not isinstance(document, dict):
        raise UnreadableTheme([Problem("the document must be a JSON object", 1, 1)])
    lines = _Lines(text, prefix)
    ours = is_ours(document) if expected is None else expected == "json"
    source = read_ours(document, lines) if ours else read_dtcg(document, lines)
    if not source.themes:
        raise UnreadableTheme([Problem(
            "no theme colours found: expected roles such as background, text (or foreground) and primary, in "
            "themes (DesignForge JSON) or in tokens of type color (DTCG)", 1, 1)])
    return source
