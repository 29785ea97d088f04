"""What a parser read from an imported theme, before it becomes tokens, and how it fails."""

import re
from dataclasses import dataclass, field

from ..color import parse_css_color
from ..errors import EngineInputError

#: shadcn/ui's older form of a colour: the three numbers of ``hsl()`` without the function.
_BARE_HSL = re.compile(
    r"(?P<h>-?\d*\.?\d+(?:deg)?)\s+(?P<s>\d*\.?\d+%)\s+(?P<l>\d*\.?\d+%)(?:\s*/\s*(?P<a>\d*\.?\d+%?))?"
)


@dataclass(frozen=True)
class Problem:
    """Why the input cannot be read, and where (1-based line and column; None when it has no place)."""

    reason: str
    line: int | None = None
    column: int | None = None

    def text(self) -> str:
        if self.line is None:
            return self.reason
        where = f"Line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


class UnreadableTheme(EngineInputError):
    """An imported theme that cannot be read: ``problems`` says where and why; ``errors`` holds the same
    as ``{"source": [text, ...]}``."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__({"source": [problem.text() for problem in self.problems]})


@dataclass(frozen=True)
class Colour:
    """One colour as the input wrote it: ``name`` is its variable or token name there."""

    hex: str
    alpha: float
    name: str
    line: int | None = None


@dataclass
class Source:
    """Everything an importer uses from the input, in our vocabulary."""

    format: str
    themes: dict[str, dict[str, Colour]] = field(default_factory=dict)
    scales: dict[str, dict[str, str]] = field(default_factory=dict)
    fonts: dict[str, str] = field(default_factory=dict)
    radius_px: float | None = None
    sections: dict = field(default_factory=dict)
    unused: list[str] = field(default_factory=list)

    def note_unused(self, name: str) -> None:
        if name not in self.unused:
            self.unused.append(name)


def read_colour(text: str) -> tuple[str, float] | None:
    """``(#rrggbb, alpha)`` of a CSS colour, shadcn's bare ``h s% l%`` included; None if it is none."""
    text = text.strip()
    bare = _BARE_HSL.fullmatch(text)
    if bare:
        alpha = f" / {bare['a']}" if bare["a"] else ""
        text = f"hsl({bare['h']} {bare['s']} {bare['l']}{alpha})"
    if not text or len(text) > 200:
        return None
    return parse_css_color(text)
