"""What an imported variable or token name means in our token contract.

Themes come in three vocabularies: ours (``on-primary``, ``text-muted``; also under our exports'
``--color-`` and ``--df-`` prefixes), shadcn/ui's (``primary-foreground``, ``muted-foreground``,
``destructive``, ``ring``...), and colour scales (``primary-500``, ``--color-primary-500``). A name
is read into a theme role, a scale step, a font family, the radius, or nothing (listed as unused).
"""

import re
from dataclasses import dataclass

from ..shapes import SCALE_NAMES, STEPS, THEME_ROLES

#: shadcn/ui's theme variables and the role of ours each one is.
SHADCN_ROLES = {
    "background": "background",
    "foreground": "text",
    "card": "surface",
    "muted-foreground": "text-muted",
    "primary": "primary",
    "primary-foreground": "on-primary",
    "secondary": "secondary",
    "secondary-foreground": "on-secondary",
    # The tint of hovered and selected items, not a brand fill (our shadcn export writes it so).
    "accent": "accent-subtle",
    "accent-foreground": "on-accent-subtle",
    "destructive": "danger",
    "destructive-foreground": "on-danger",
    "border": "border",
    # Form fields are told apart from the page by their border alone: a control boundary, 3:1.
    "input": "border-strong",
    "ring": "focus-ring",
}

#: Other spellings of scale names (Tailwind's greys, shadcn's destructive).
SCALE_ALIASES = {"gray": "neutral", "grey": "neutral", "destructive": "danger", "error": "danger"}

#: Font variables (shadcn/tweakcn and ours) and the family role each one fills.
FONT_ROLES = {
    "font-sans": "body",
    "font-body": "body",
    "font-heading": "heading",
    "font-display": "heading",
    "font-mono": "mono",
}

_PREFIXES = ("color-", "df-")
_SCALE_STEP = re.compile(r"(?P<scale>[a-z]+)-(?P<step>\d{2,3})")


@dataclass(frozen=True)
class Meaning:
    """What a name stands for: ``kind`` is ``role``, ``step``, ``font`` or ``radius``."""

    kind: str
    role: str = ""
    scale: str = ""
    step: str = ""


def meaning_of(name: str, *, css: bool = False) -> Meaning | None:
    """The meaning of a variable or token name (without ``--``), or None when we have no use for it.

    In a stylesheet an unprefixed name is shadcn/ui's (our exports prefix theirs), so ``--accent`` is the
    tint shadcn draws hovered items with, not our accent fill."""
    name = name.strip().lower().lstrip("-")
    if css and name in SHADCN_ROLES:
        return Meaning("role", role=SHADCN_ROLES[name])
    if name in FONT_ROLES:
        return Meaning("font", role=FONT_ROLES[name])
    if name in ("radius", "radius-lg"):
        return Meaning("radius")
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            name = name.removeprefix(prefix)
            break
    step = _SCALE_STEP.fullmatch(name)
    if step:
        scale = SCALE_ALIASES.get(step["scale"], step["scale"])
        if scale in SCALE_NAMES and step["step"] in STEPS:
            return Meaning("step", scale=scale, step=step["step"])
    if name in THEME_ROLES:
        return Meaning("role", role=name)
    if name in SHADCN_ROLES:
        return Meaning("role", role=SHADCN_ROLES[name])
    return None
