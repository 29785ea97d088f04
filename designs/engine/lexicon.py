"""The colour names a brief may use, and the colours they mean.

Three sources, the first that knows a name wins:

1. a few brand words of our own that neither list below has (``noir``,
   ``champagne``, ``millennial pink``...);
2. the xkcd colour survey's 949 names (CC0, ``data/xkcd_colors.json``): what
   hundreds of thousands of people call colours on screens, with multi-word
   names like "dusty rose", "forest green" or "pastel pink";
3. the CSS named colours (the ``webcolors`` package), also when written as
   separate words ("dark slate blue" for ``darkslateblue``).

Names that are unkind or would misread a brief ("puke", "bland", "dark" on
its own) are left out. Lookups take the words of a phrase, lower case.
"""

import json
from functools import lru_cache
from pathlib import Path

import webcolors

_DATA = Path(__file__).resolve().parent / "data"

#: Brand words neither list has, with the colour a designer means by them.
OWN_NAMES = {
    "noir": "#141414",
    "onyx": "#16161d",
    "obsidian": "#1b1b25",
    "ebony": "#2b2621",
    "jet black": "#0e0e10",
    "champagne": "#f1ddb8",
    "pearl": "#eae0c8",
    "platinum": "#d9d9d6",
    "graphite": "#3a3d42",
    "espresso": "#4b3328",
    "latte": "#c8a27c",
    "caramel": "#c68e4e",
    "millennial pink": "#f3c1c6",
    "blush pink": "#f4b6c2",
    "rose gold": "#b76e79",
    "dusty blue": "#6f8fae",
    "sage green": "#8fa876",
    "terracotta": "#c8684a",
    "oxblood": "#5e1224",
    "emerald green": "#1f8a5a",
    "midnight blue": "#1c2a4a",
    "electric blue": "#1f6bff",
    "hot pink": "#ff3e9a",
    "neon green": "#39ff14",
    "neon pink": "#ff2fb9",
    "cyber yellow": "#ffd400",
    "sunflower yellow": "#ffc512",
    "ochre": "#c9852c",
    "sand": "#d8c39a",
    "slate": "#5b6778",
    "gunmetal": "#4a5259",
    "copper": "#b6663a",
    "bronze": "#a0703a",
    "gold": "#d4a72c",
    "golden": "#e2b33c",
    "silver": "#b8bcc2",
}

#: Survey names left out: unkind ones, and words that say how, not which colour.
EXCLUDED = frozenset({
    "puke", "vomit", "poop", "poo", "shit", "snot", "booger", "diarrhea", "bile", "barney", "bruise",
    "bland", "drab", "dark", "pale", "light", "bright", "deep", "baby shit brown", "baby poop", "baby poop green",
    "baby poo", "baby puke green", "puke green", "puke brown", "puke yellow", "vomit green", "vomit yellow",
    "shit brown", "shit green", "poop brown", "poop green", "poo brown", "booger green", "snot green",
    "dirt", "dirty", "ugly", "very dark", "almost black", "mud", "swamp", "cement", "dust",
})

MAX_NAME_WORDS = 4


@lru_cache(maxsize=1)
def _names() -> dict[tuple[str, ...], str]:
    names: dict[tuple[str, ...], str] = {}
    for name in webcolors.names("css3"):
        names[(name,)] = webcolors.name_to_hex(name, "css3")
    survey = json.loads((_DATA / "xkcd_colors.json").read_text())
    for name, hex_color in survey.items():
        words = tuple(name.replace("/", " ").replace("'", "").split())
        if name not in EXCLUDED and words:
            names[words] = hex_color.lower()
    for name, hex_color in OWN_NAMES.items():
        names[tuple(name.split())] = hex_color
    return names


def lookup(words: tuple[str, ...]) -> str | None:
    """The colour a phrase names (``("dusty", "rose")`` -> ``#c0737a``), or None.

    A CSS name split into words (``("dark", "slate", "blue")``) is found too.
    """
    names = _names()
    found = names.get(words)
    if found is None and len(words) > 1:
        found = names.get(("".join(words),))
    return found


def name_count() -> int:
    return len(_names())
