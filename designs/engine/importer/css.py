"""Read a theme written as CSS custom properties: shadcn/ui (``:root`` and ``.dark``), Tailwind v4
(``@theme``), or our own CSS and Tailwind exports.

tinycss2 parses the stylesheet (with the line and column of everything). A block's theme comes from
its selector (``:root``, ``.dark``, ``[data-theme="dark-high"]``...) and the media queries around it
(``prefers-color-scheme: dark``, ``prefers-contrast: more``); ``@layer`` is looked into. ``var()``
references are followed within the theme, then the default (light) theme, then their fallback.
"""

import re

import tinycss2

from ..layout import parse_length
from ..shapes import THEMES
from ..tokens import parse_font_stack
from ..typography import ROOT_PX
from .names import meaning_of
from .source import Colour, Problem, Source, UnreadableTheme, read_colour

_DATA_THEME = re.compile(r"\[data-(?:theme|mode|color-scheme)=[\"']?([a-z-]+)[\"']?\]")
_DARK_CLASS = re.compile(r"\.dark(?![\w-])")
_LIGHT_SELECTORS = {":root", "html", ":host", ".light", ":root:not([data-theme])", "html:not(.dark)"}
_VAR = re.compile(r"var\(\s*--([\w-]+)\s*(?:,\s*(.*))?\)", re.S)
_MAX_VAR_DEPTH = 16
#: The at-rules whose blocks hold theme variables (``@theme`` and ``@theme inline`` are Tailwind v4's).
_VARIABLE_AT_RULES = {"theme"}


def _selector_theme(selector: str) -> str | None:
    """The theme a selector list stands for, or None for any other selector (``body``, ``.card``)."""
    for part in (piece.strip().lower() for piece in selector.split(",")):
        named = _DATA_THEME.search(part)
        if named and named.group(1) in THEMES:
            return named.group(1)
        if _DARK_CLASS.search(part):
            return "dark"
        if part.replace(" ", "") in _LIGHT_SELECTORS:
            return "light"
    return None


def _media_theme(query: str, theme: str) -> str | None:
    """The theme a block under ``@media <query>`` stands for (``theme`` is its selector's)."""
    query = query.lower().replace(" ", "")
    dark = "prefers-color-scheme:dark" in query or theme.startswith("dark")
    more = "prefers-contrast:more" in query or theme.endswith("-high")
    if "prefers-color-scheme:light" in query and dark:
        return None
    return ("dark" if dark else "light") + ("-high" if more else "")


class _Declarations:
    """Every custom property of every theme block, in order, with where it was written."""

    def __init__(self):
        self.blocks: dict[str, dict[str, tuple[str, int, int]]] = {}
        self.problems: list[Problem] = []

    def add(self, theme: str, nodes) -> None:
        block = self.blocks.setdefault(theme, {})
        for node in nodes:
            if node.type == "error":
                self.problems.append(Problem(f"this CSS is malformed ({node.message})", node.source_line,
                                             node.source_column))
            elif node.type == "declaration" and node.name.startswith("--"):
                block[node.name[2:]] = (tinycss2.serialize(node.value).strip(), node.source_line, node.source_column)

    def walk(self, nodes, media: str = "") -> None:
        for node in nodes:
            if node.type == "error":
                self.problems.append(Problem(f"this CSS is malformed ({node.message})", node.source_line,
                                             node.source_column))
            elif node.type == "qualified-rule":
                theme = _selector_theme(tinycss2.serialize(node.prelude))
                if theme is not None and media:
                    theme = _media_theme(media, theme)
                if theme is not None:
                    self.add(theme, tinycss2.parse_blocks_contents(node.content, skip_whitespace=True,
                                                                   skip_comments=True))
            elif node.type == "at-rule" and node.content is not None:
                keyword = node.lower_at_keyword
                if keyword in _VARIABLE_AT_RULES:
                    self.add("light", tinycss2.parse_blocks_contents(node.content, skip_whitespace=True,
                                                                     skip_comments=True))
                elif keyword in ("layer", "media", "supports", "scope"):
                    inner = tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True)
                    query = tinycss2.serialize(node.prelude) if keyword == "media" else ""
                    self.walk(inner, f"{media} and {query}" if media and query else media or query)

    def value(self, theme: str, name: str, depth: int = 0) -> str | None:
        """The value of ``--name`` in ``theme`` with ``var()`` followed (None when it leads nowhere)."""
        entry = self.blocks.get(theme, {}).get(name) or self.blocks.get("light", {}).get(name)
        return None if entry is None else self.resolve(theme, entry[0], depth)

    def resolve(self, theme: str, text: str, depth: int = 0) -> str | None:
        reference = _VAR.fullmatch(text.strip())
        if reference is None:
            return text
        if depth >= _MAX_VAR_DEPTH:
            return None
        found = self.value(theme, reference.group(1), depth + 1)
        if found is None and reference.group(2):
            found = self.resolve(theme, reference.group(2), depth + 1)
        return found


def _names_a_role(declarations: _Declarations, theme: str, raw: str) -> bool:
    """Whether a ``var()`` names a variable of this stylesheet that is a theme role itself."""
    reference = _VAR.fullmatch(raw.strip())
    if reference is None or declarations.value(theme, reference.group(1)) is None:
        return False
    meaning = meaning_of(reference.group(1), css=True)
    return meaning is not None and meaning.kind == "role"


def read_css(text: str) -> Source:
    """The theme variables of a stylesheet; UnreadableTheme when it is malformed or holds none."""
    declarations = _Declarations()
    declarations.walk(tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True))
    source = Source(format="css")
    problems = declarations.problems
    for theme, block in declarations.blocks.items():
        # Values first, then references (`--color-primary: var(--primary)`), which add only what is missing.
        for name, (raw, line, column) in sorted(block.items(), key=lambda item: item[1][0].startswith("var(")):
            meaning = meaning_of(name, css=True)
            if meaning is None:
                source.note_unused(f"--{name}")
                continue
            if raw.startswith("var(") and meaning.kind == "role" and (
                meaning.role in source.themes.get(theme, {}) or _names_a_role(declarations, theme, raw)
            ):
                continue  # an alias (`--color-accent: var(--accent)`): the variable it names says what it is
            value = declarations.resolve(theme, raw)
            if value is None:
                if not raw.startswith("var("):
                    problems.append(Problem(f"--{name}: cannot read {raw[:60]!r}", line, column))
                continue  # a reference to a variable the stylesheet does not define (Tailwind's own)
            if meaning.kind in ("role", "step"):
                colour = read_colour(value)
                if colour is None:
                    problems.append(Problem(f"--{name}: {value[:60]!r} is not a colour", line, column))
                elif meaning.kind == "role":
                    source.themes.setdefault(theme, {})[meaning.role] = Colour(colour[0], colour[1], name, line)
                elif theme == "light":
                    source.scales.setdefault(meaning.scale, {})[meaning.step] = colour[0]
            elif meaning.kind == "font" and theme == "light":
                names = parse_font_stack(value)
                if names is None:
                    problems.append(Problem(f"--{name}: {value[:60]!r} is not a font-family list", line, column))
                else:
                    source.fonts[meaning.role] = value
            elif meaning.kind == "radius" and theme == "light":
                length = parse_length(value)
                if length is None:
                    problems.append(Problem(f"--{name}: {value[:60]!r} is not a length", line, column))
                else:
                    source.radius_px = length[0] * (ROOT_PX if length[1] == "rem" else 1)
    if problems:
        raise UnreadableTheme(sorted(problems, key=lambda problem: (problem.line, problem.column)))
    if not source.themes:
        raise UnreadableTheme([Problem(
            "no theme colours found: expected custom properties such as --background, --foreground and --primary "
            "in :root (and .dark), or a DTCG or DesignForge JSON file", 1, 1)])
    return source
