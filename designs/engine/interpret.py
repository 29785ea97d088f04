"""Offline prompt understanding: vocabulary matching, no network, deterministic.

The prompt is lower-cased and split into words (punctuation ignored); known
phrases of up to three words are matched, longest first. Every match votes
for some settings; for each setting the vote with the highest category
priority wins, and among equals the earliest word. Explicit colour words
beat mood, adjective and industry hues; a seed colour sets the primary hue.
Hex codes written in the prompt become extra colours.
"""

import re

from .color import has_hue, normalise_hex, oklch
from .errors import EngineInputError
from .intent import Intent
from .vocabulary import (
    ADJECTIVES,
    CHROMA_WORDS,
    COLOUR_WORDS,
    DEFAULT_HARMONY,
    DEFAULT_HUE,
    DEFAULT_INDUSTRY,
    DEFAULT_MOOD,
    DEFAULTS,
    HARMONIES,
    INDUSTRIES,
    LAYOUT_WORDS,
    MOODS,
    PRIORITY,
)

MAX_PROMPT_LENGTH = 2000
_HEX_IN_TEXT = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
_WORD = re.compile(r"[a-z0-9]+")
_MAX_PHRASE_WORDS = 3


def _build_index() -> dict[tuple[str, ...], tuple[str, str, dict]]:
    """phrase words -> (category, canonical keyword, settings)."""
    index: dict[tuple[str, ...], tuple[str, str, dict]] = {}

    def add(phrases, category, keyword, settings):
        for phrase in phrases:
            index[tuple(phrase.split())] = (category, keyword, settings)

    for name, (hue, chroma, phrases) in COLOUR_WORDS.items():
        add(phrases, "colour", name, {"hue": hue, **({"chroma": chroma} if chroma else {})})
    for level, phrases in CHROMA_WORDS.items():
        add(phrases, "explicit", level, {"chroma": level})
    for (setting, value), phrases in LAYOUT_WORDS.items():
        add(phrases, "explicit", value, {setting: value})
    for category, table in (("mood", MOODS), ("industry", INDUSTRIES), ("adjective", ADJECTIVES)):
        for name, (phrases, settings) in table.items():
            add(phrases, category, name, {**settings, category: name})
    return index


_INDEX = _build_index()


def match_keywords(prompt: str) -> list[tuple[int, str, str, dict]]:
    """``(position, category, keyword, settings)`` for each vocabulary match, in prompt order."""
    words = _WORD.findall(_HEX_IN_TEXT.sub(" ", prompt[:MAX_PROMPT_LENGTH].lower()))
    matches = []
    position = 0
    while position < len(words):
        for length in range(_MAX_PHRASE_WORDS, 0, -1):
            phrase = tuple(words[position:position + length])
            entry = _INDEX.get(phrase) if len(phrase) == length else None
            if entry is None and length == 1 and phrase[0].endswith("s"):
                entry = _INDEX.get((phrase[0][:-1],))  # naive plural: "banks" -> "bank"
            if entry is not None:
                matches.append((position, *entry))
                position += length
                break
        else:
            position += 1
    return matches


def _resolve(matches, setting: str, default):
    """The winning vote for one setting (highest priority, then earliest)."""
    votes = [
        (PRIORITY[category], -position, settings[setting])
        for position, category, _, settings in matches
        if setting in settings
    ]
    return max(votes)[2] if votes else default


def _seed_chroma_level(seed: str) -> str:
    chroma = oklch(seed)[1]
    return "muted" if chroma < 0.06 else "balanced" if chroma < 0.15 else "vivid"


def interpret(prompt: str, seed_color: str | None = None) -> Intent:
    """Read a prompt (and optional seed colour) into an Intent, offline and deterministically.

    An empty prompt is fine: with a seed the seed drives the result, without
    one a calm blue default is returned. Raises EngineInputError for a
    malformed seed or a non-string prompt.
    """
    if not isinstance(prompt, str):
        raise EngineInputError.single("prompt", "must be a string")
    seed = normalise_hex(seed_color) if seed_color is not None else None
    prompt = prompt[:MAX_PROMPT_LENGTH]
    matches = match_keywords(prompt)
    colours = [m for m in matches if m[1] == "colour"]
    written = [normalise_hex(h) for h in _HEX_IN_TEXT.findall(prompt)]
    if seed is None and written:
        seed, written = written[0], written[1:]

    primary_hue = _resolve(matches, "hue", DEFAULT_HUE)  # the first colour word, if any
    if seed is not None and has_hue(seed):
        primary_hue = oklch(seed)[2]
    harmony = _resolve(matches, "harmony", DEFAULT_HARMONY)
    secondary_offset, accent_offset = HARMONIES[harmony]
    secondary_hue = (primary_hue + secondary_offset) % 360
    accent_hue = (primary_hue + accent_offset) % 360
    # Colour words after the first (that differ from it) name the secondary and accent hues.
    extra_hues = [m[3]["hue"] for m in colours if m[3]["hue"] != primary_hue]
    extra_hues = list(dict.fromkeys(extra_hues))
    if extra_hues:
        secondary_hue = extra_hues[0]
    if len(extra_hues) > 1:
        accent_hue = extra_hues[1]

    chroma_default = _seed_chroma_level(seed) if seed is not None else DEFAULTS["chroma"]
    keywords = tuple(dict.fromkeys(m[2] for m in matches))
    return Intent(
        primary_hue=primary_hue,
        secondary_hue=secondary_hue,
        accent_hue=accent_hue,
        chroma=_resolve(matches, "chroma", chroma_default),
        seed_color=seed,
        secondary_color=written[0] if written else None,
        accent_color=written[1] if len(written) > 1 else None,
        mood=_resolve(matches, "mood", DEFAULT_MOOD),
        industry=_resolve(matches, "industry", DEFAULT_INDUSTRY),
        density=_resolve(matches, "density", DEFAULTS["density"]),
        roundness=_resolve(matches, "roundness", DEFAULTS["roundness"]),
        font_pairing=_resolve(matches, "font_pairing", DEFAULTS["font_pairing"]),
        keywords=keywords,
        source="vocabulary",
    )
