"""The offline vocabulary: which brief words mean which design choices.

A curated table of moods and brand adjectives (``moods.py``) and industries
(``industries.py``). Each entry names the phrases that trigger it (lower
case, up to four words) and what it suggests: a colour, the accents a
designer would pair with it (gold or burgundy with a law firm's navy, lime
with fitness), a harmony for the colours not named, vibrancy (0..1), a
neutral tint, a font pairing, roundness and shadow depth (0..1), density and
a type-scale ratio. An entry may leave a setting out. ``interpret`` blends
the suggestions of every entry a brief mentions, weighting adjectives above
moods above industries, so two briefs that share a word still differ in the
rest. The README lists this table for people writing briefs.

Modifiers move a colour continuously in OKLCH (see ``modifiers.py``); layout
and type words set one setting outright.
"""

from .entries import Entry
from .industries import INDUSTRIES
from .moods import ADJECTIVES, MOODS

__all__ = ["ADJECTIVES", "INDUSTRIES", "MOODS", "Entry"]

#: Weight of each kind of word when suggestions are blended.
WEIGHTS = {"adjective": 3.0, "mood": 2.0, "industry": 1.5}
#: Whose accent pairing wins: an industry knows its conventions best, then adjectives, then moods.
ACCENT_PRIORITY = ("industry", "adjective", "mood")

#: Words that set one setting outright: (setting, value).
LAYOUT_WORDS = {
    ("density", "compact"): "compact, dense, tight, data heavy, data dense, information dense",
    ("density", "spacious"): "spacious, airy, roomy, breathing room, generous, whitespace, white space",
    ("roundness", 0.0): "sharp, angular, square, squared, boxy, brutalist, hard edged, sharp corners",
    ("roundness", 0.85): "rounded, round, pill, pills, curvy, soft corners, rounded corners",
    ("shadow_depth", 0.05): "flat, no shadows, shadowless, paper",
    ("shadow_depth", 0.85): "elevated, layered, deep shadows, floating, depth, skeuomorphic",
    ("base_size", 18): "large text, big text, large type, big type, senior, seniors, elderly",
    ("base_size", 15): "small text, small type, tiny text",
    ("harmony", "monochrome"): "monochrome, monochromatic, single colour, single color, one colour, one color",
    ("harmony", "triadic"): "triadic, rainbow, multicolour, multicolor, multicoloured, multicolored",
    ("harmony", "complementary"): "complementary, contrasting colours, contrasting colors",
    ("harmony", "analogous"): "analogous, harmonious, tonal",
    ("neutral", "pure"): "greyscale, grayscale, neutral grey, neutral gray, pure grey",
    ("neutral", "warm"): "warm grey, warm gray, warm neutrals, beige neutrals",
    ("neutral", "cool"): "cool grey, cool gray, cool neutrals, blue grey neutrals",
}

#: Type words: the kind of heading face they ask for.
TYPE_WORDS = {
    "serif": "serif, serifs, serif headings, bookish, typographic",
    "sans": "sans, sans serif, sans-serif, grotesque, grotesk, geometric",
    "mono": "monospace, monospaced, terminal, code, coding, programmer, programmers",
}

#: Defaults when a brief says nothing about a setting.
DEFAULT_COLOUR = "#3a63d8"


def phrase_table() -> dict[tuple[str, ...], tuple[str, str, object]]:
    """phrase words -> (kind, name, payload) for every entry above."""
    table: dict[tuple[str, ...], tuple[str, str, object]] = {}

    def add(phrases, kind, name, payload):
        for phrase in phrases:
            words = tuple(phrase.replace("-", " ").split())
            table.setdefault(words, (kind, name, payload))

    for kind, entries in (("adjective", ADJECTIVES), ("mood", MOODS), ("industry", INDUSTRIES)):
        for name, entry in entries.items():
            add(entry.phrases, kind, name, entry)
    for (setting, value), phrases in LAYOUT_WORDS.items():
        add(phrases.split(", "), "setting", setting, value)
    for kind_of_face, phrases in TYPE_WORDS.items():
        add(phrases.split(", "), "type", kind_of_face, kind_of_face)
    return table


def _first(phrases, count: int = 6) -> str:
    shown = ", ".join(phrases[:count])
    return shown + (", ..." if len(phrases) > count else "")


def _suggests(entry: Entry) -> str:
    parts = [f"colour `{entry.colour}`"] if entry.colour else []
    if entry.accents:
        parts.append("accents " + " / ".join(f"`{accent}`" for accent in entry.accents))
    parts += [f"{name.replace('_', ' ')} {value}" for name, value in entry.settings.items()]
    return "; ".join(parts)


def markdown() -> str:
    """The vocabulary as Markdown tables, for people writing briefs (designs/engine/vocabulary/README.md)."""
    from ..modifiers import SYNONYMS

    lines = [
        "# The brief vocabulary",
        "",
        "What the offline reader understands in a brief, and what each word suggests. Written by",
        "`python manage.py build_vocabulary_doc` from `designs/engine/vocabulary/`; do not edit by hand.",
        "",
        "Colour names come from the CSS named colours, the xkcd colour survey (949 names) and a few brand words "
        "of our own (see `lexicon.py`). Colours written out (`#2563eb`, `rgb()`, `hsl()`) come first.",
        "",
        f"Suggestions are blended by weight: adjectives {WEIGHTS['adjective']:g}, moods {WEIGHTS['mood']:g}, "
        f"industries {WEIGHTS['industry']:g}. The accent paired with a brief is the first industry's, else "
        "adjective's, else mood's (one of its accents, chosen by the brief's words).",
        "",
    ]
    for title, table in (("Moods", MOODS), ("Brand adjectives", ADJECTIVES), ("Industries", INDUSTRIES)):
        lines += [f"## {title}", "", "| name | words | suggests |", "| --- | --- | --- |"]
        lines += [f"| {name} | {_first(entry.phrases)} | {_suggests(entry)} |" for name, entry in table.items()]
        lines.append("")
    lines += ["## Modifiers", "", "They move the colour they stand before (or, alone, the whole palette) in OKLCH; "
              "\"very\" and \"extra\" make them stronger, \"slightly\" and \"a bit\" weaker.", "",
              "| modifier | words |", "| --- | --- |"]
    lines += [f"| {name} | {words} |" for name, words in SYNONYMS.items()]
    lines += ["", "## Layout, colour and type words", "", "| sets | words |", "| --- | --- |"]
    lines += [f"| {setting.replace('_', ' ')} {value} | {words} |" for (setting, value), words in LAYOUT_WORDS.items()]
    lines += [f"| a {kind} heading face | {words} |" for kind, words in TYPE_WORDS.items()]
    return "\n".join(lines) + "\n"
