"""Offline brief reading: from a sentence to an Intent, with no network and always the same answer.

1. Colours written out (``#2563eb``, ``rgb(37 99 235)``, ``hsl(...)``) are
   taken first, in order, as the primary, secondary and accent.
2. The words are matched against the vocabulary (moods, adjectives,
   industries, layout and type words), the modifiers and the colour lexicon,
   longest phrase first ("dusty rose" before "rose").
3. Colour names become the brand colours, moved by the modifiers written just
   before them ("deep teal"); other modifiers apply to the whole palette.
4. Without any colour, the primary is blended from the colours of the moods,
   adjectives and industries named, weighted by kind; every other setting is
   blended or voted the same way. The strongest industry (else adjective,
   else mood) pairs its accent with it, and a second idea in the brief (an
   entry whose hue stands apart) gives the secondary its hue.
5. Two briefs that say nearly the same in other words still get systems of
   their own: which of an entry's accents is paired, and a few degrees of the
   secondary's hue, follow a hash of the brief's words. A brief we cannot
   read at all gets a colour of its own the same way.

A brand colour chosen by the user (``seed_color``) is the primary, unchanged.
"""

import hashlib
import math
import random
import re
import unicodedata
from collections import defaultdict

from .color import from_oklch, has_hue, is_hex, max_chroma, normalise_hex, oklch, parse_css_color
from .errors import EngineInputError
from .fonts import PAIRINGS, heading_kind
from .harmony import derive
from .intent import INTENT_FIELDS, Intent
from .lexicon import MAX_NAME_WORDS
from .lexicon import lookup as lookup_colour
from .modifiers import INTENSIFIERS, MODIFIERS, SYNONYMS, apply
from .vocabulary import ACCENT_PRIORITY, DEFAULT_COLOUR, WEIGHTS, Entry, phrase_table

MAX_PROMPT_LENGTH = 2000
_CSS_COLOUR = re.compile(
    r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b|\b(?:rgba?|hsla?|hwb|oklch|oklab|lab|lch)\([^()]{1,80}\)", re.IGNORECASE
)
_WORD = re.compile(r"[^\W_]+")
#: Distinct brand colours must differ by at least this much (OKLCH hue degrees, or lightness).
_DISTINCT_HUE = 22.0
_DISTINCT_LIGHTNESS = 0.15
#: Votes further than this from the strongest vote's hue do not pull the blended hue.
_BLEND_HUE_REACH = 75.0
#: How far (degrees) a suggested secondary turns for a brief's own wording.
_PERSONAL_TURN = 12.0

_MODIFIER_PHRASES = {
    tuple(phrase.replace("-", " ").split()): name
    for name, phrases in SYNONYMS.items()
    for phrase in phrases.split(", ")
}
_INTENSIFIER_PHRASES = {tuple(phrase.split()): factor for phrase, factor in INTENSIFIERS.items()}
#: Family names (and distinctive first words of them) that pick a pairing with that family.
_FAMILY_WORDS: dict[tuple[str, ...], str] = {}
for _key, _pairing in PAIRINGS.items():
    for _family in (_pairing.heading, _pairing.body):
        _FAMILY_WORDS.setdefault(tuple(_family.lower().split()), _key)
for _word, _key in {"playfair": "playfair-source", "garamond": "garamond-karla", "baskerville": "baskerville-franklin",
                    "fraunces": "fraunces-work", "bricolage": "bricolage-dm", "plex": "space-grotesk-plex",
                    "grotesk": "space-grotesk-plex"}.items():
    _FAMILY_WORDS[(_word,)] = _key


def _plain(text: str) -> str:
    """Lower case without accents: "Café" -> "cafe"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _Scan:
    """What a brief mentions, in order."""

    def __init__(self):
        self.colours: list[tuple[str, list[tuple[str, float]]]] = []  # (hex, modifiers written before it)
        self.modifiers: list[tuple[str, float]] = []  # modifiers of the whole palette
        self.entries: list[tuple[str, Entry]] = []  # (kind, entry)
        self.settings: dict[str, object] = {}
        self.face: str | None = None
        self.family_pairing: str | None = None


def _match(words: list[str], position: int, table) -> tuple[int, tuple] | None:
    for length in range(min(MAX_NAME_WORDS, len(words) - position), 0, -1):
        phrase = tuple(words[position:position + length])
        found = _lookup(phrase, table)
        if found is None and length == 1 and len(phrase[0]) > 3 and phrase[0].endswith("s"):
            found = _lookup((phrase[0][:-1],), table)  # a naive plural: "bakeries" is rare, "banks" common
        if found is not None:
            return length, found
    return None


def _lookup(phrase: tuple[str, ...], table) -> tuple | None:
    if phrase in table:
        return ("vocabulary", table[phrase])
    if phrase in _MODIFIER_PHRASES:
        return ("modifier", _MODIFIER_PHRASES[phrase])
    if phrase in _INTENSIFIER_PHRASES:
        return ("intensifier", _INTENSIFIER_PHRASES[phrase])
    if phrase in _FAMILY_WORDS:
        return ("family", _FAMILY_WORDS[phrase])
    colour = lookup_colour(phrase)
    if colour is not None:
        return ("colour", colour)
    return None


def _scan(words: list[str]) -> _Scan:
    scan = _Scan()
    table = phrase_table()
    pending: list[tuple[str, float]] = []  # modifiers waiting for the colour word they may belong to
    strength, position, gap = 1.0, 0, 0
    while position < len(words):
        found = _match(words, position, table)
        if found is None:
            position += 1
            gap += 1
            if gap > 1:  # a modifier belongs to a colour only when at most one word stands between them
                scan.modifiers += pending
                pending = []
            continue
        length, (kind, payload) = found
        position += length
        gap = 0
        if kind == "intensifier":
            strength = payload
            continue
        if kind == "modifier":
            pending.append((payload, strength))
        elif kind == "colour":
            scan.colours.append((payload, pending))
            pending = []
        else:
            scan.modifiers += pending
            pending = []
            if kind == "family":
                scan.family_pairing = scan.family_pairing or payload
            else:
                _record(scan, *payload)
        strength = 1.0
    scan.modifiers += pending
    return scan


def _record(scan: _Scan, kind: str, name: str, payload) -> None:
    if kind == "setting":
        scan.settings.setdefault(name, payload)
    elif kind == "type":
        scan.face = scan.face or payload
    else:
        scan.entries.append((kind, payload))


def _weighted(scan: _Scan) -> list[tuple[float, Entry]]:
    """Each entry with its weight: by kind, and a little more for words said first."""
    count = len(scan.entries)
    return [
        (WEIGHTS[kind] * (1 + 0.1 * (count - index) / count), entry) for index, (kind, entry) in enumerate(scan.entries)
    ]


def _blend_colour(votes: list[tuple[float, Entry]]) -> str | None:
    """One colour from the colours of the entries: lightness and chroma averaged by weight, the hue
    of the strongest vote pulled towards the others that lie near it on the wheel."""
    coloured = [(weight, oklch(entry.colour)) for weight, entry in votes if entry.colour]
    if not coloured:
        return None
    strongest = max(coloured, key=lambda vote: vote[0])[1]
    total = sum(weight for weight, _ in coloured)
    lightness = sum(weight * lch[0] for weight, lch in coloured) / total
    chroma = sum(weight * lch[1] for weight, lch in coloured) / total
    x = y = 0.0
    for weight, (_, vote_chroma, vote_hue) in coloured:
        gap = abs((vote_hue - strongest[2] + 180) % 360 - 180)
        if gap <= _BLEND_HUE_REACH and vote_chroma > 0.02:
            x += weight * vote_chroma * math.cos(math.radians(vote_hue))
            y += weight * vote_chroma * math.sin(math.radians(vote_hue))
    hue = math.degrees(math.atan2(y, x)) % 360 if (x or y) else strongest[2]
    return from_oklch(lightness, chroma, hue)


def _paired_accent(scan: _Scan, personal: random.Random) -> str | None:
    """One of the accents paired with the first industry that suggests some, else adjective, else mood."""
    for kind in ACCENT_PRIORITY:
        for entry_kind, entry in scan.entries:
            if entry_kind == kind and entry.accents:
                return personal.choice(entry.accents)
    return None


def _companion_hue(votes: list[tuple[float, Entry]], brand: list[str | None]) -> float | None:
    """The hue of the strongest entry whose colour stands apart from the brand colours: the brief
    names two ideas, so the secondary carries the second one."""
    for _, entry in sorted(votes, key=lambda vote: -vote[0]):
        if entry.colour and has_hue(entry.colour) and _distinct(entry.colour, brand, hue_only=True):
            return oklch(entry.colour)[2]
    return None


def _vote(votes: list[tuple[float, Entry]], setting: str):
    """The choice with the most weight behind it (ties: the earliest said), or None."""
    totals: dict[object, float] = defaultdict(float)
    order: dict[object, int] = {}
    for index, (weight, entry) in enumerate(votes):
        if setting in entry.settings:
            value = entry.settings[setting]
            totals[value] += weight
            order.setdefault(value, index)
    return max(totals, key=lambda value: (totals[value], -order[value])) if totals else None


def _mean(votes: list[tuple[float, Entry]], setting: str) -> float | None:
    pairs = [(weight, entry.settings[setting]) for weight, entry in votes if setting in entry.settings]
    total = sum(weight for weight, _ in pairs)
    return sum(weight * value for weight, value in pairs) / total if total else None


def _brief_random(words: list[str]) -> random.Random:
    """A random generator seeded by the brief's words: the same brief, the same draws."""
    return random.Random(hashlib.sha256(" ".join(words).encode()).digest())


def _hashed_colour(rng: random.Random) -> str:
    """A colour of its own for a brief with no word we know."""
    hue = rng.uniform(0, 360)
    lightness = rng.uniform(0.5, 0.65)
    return from_oklch(lightness, 0.7 * max_chroma(lightness, hue), hue)


def _distinct(colour: str, others: list[str | None], *, hue_only: bool = False) -> bool:
    """Whether ``colour`` stands apart from every one of ``others``: another hue, or (unless
    ``hue_only``) the same hue much lighter or darker."""
    lightness, chroma, hue = oklch(colour)
    for other in filter(None, others):
        other_l, other_c, other_h = oklch(other)
        same_hue = abs((hue - other_h + 180) % 360 - 180) < _DISTINCT_HUE or (chroma < 0.03 and other_c < 0.03)
        if same_hue and (hue_only or abs(lightness - other_l) < _DISTINCT_LIGHTNESS):
            return False
    return True


def _relative_chroma(colour: str) -> float:
    lightness, chroma, hue = oklch(colour)
    ceiling = max_chroma(lightness, hue)
    return min(chroma / ceiling, 1.0) if ceiling > 0 else 0.0


def _clamped(name: str, value: float) -> float:
    spec = INTENT_FIELDS[name]
    return min(max(value, spec.low), spec.high)


def _pairing(scan: _Scan, votes) -> str:
    if scan.family_pairing:
        return scan.family_pairing
    voted = _vote(votes, "font_pairing") or INTENT_FIELDS["font_pairing"].default
    if scan.face and heading_kind(voted) != scan.face:
        ranked = sorted(PAIRINGS, key=lambda key: -sum(w for w, e in votes if e.settings.get("font_pairing") == key))
        fitting = [key for key in ranked if heading_kind(key) == scan.face]
        return fitting[0] if fitting else voted
    return voted


def interpret(prompt: str, seed_color: str | None = None) -> Intent:
    """Read a brief (and an optional brand colour) into an Intent, offline and deterministically.

    An empty prompt is fine: with a seed the seed drives the result, without
    one a calm blue default is returned. Raises EngineInputError for a
    malformed seed or a non-string prompt.
    """
    if not isinstance(prompt, str):
        raise EngineInputError.single("prompt", "must be a string")
    seed = normalise_hex(seed_color) if seed_color is not None else None
    text = prompt[:MAX_PROMPT_LENGTH]
    written = [parsed[0] for match in _CSS_COLOUR.finditer(text) if (parsed := _css(match.group(0)))]
    words = _WORD.findall(_plain(_CSS_COLOUR.sub(" ", text)))
    scan = _scan(words)
    votes = _weighted(scan)
    personal = _brief_random(words)

    nudges: dict[str, float] = defaultdict(float)
    chosen: dict[str, object] = {}
    for modifier, strength in scan.modifiers + [m for _, before in scan.colours for m in before]:
        for name, value in MODIFIERS[modifier].intent.items():
            if isinstance(value, str):
                chosen.setdefault(name, value)
            else:
                nudges[name] += value * min(strength, 1.0)

    def setting(name: str):
        """What the brief says of a setting: a word that sets it, a modifier, the entries' blend or vote."""
        if name in scan.settings:
            return scan.settings[name]
        if name in chosen:
            return chosen[name]
        voted = _mean(votes, name) if INTENT_FIELDS[name].kind == "number" else _vote(votes, name)
        return INTENT_FIELDS[name].default if voted is None else voted

    brand = _brand_colours(scan, votes, seed, written, words, personal)
    harmony = setting("harmony")
    if harmony != "monochrome":
        _add_suggestions(brand, scan, votes, personal)

    vibrancy = _mean(votes, "vibrancy")
    if len(brand) > 0 and (seed or written or scan.colours or vibrancy is None):
        own = _relative_chroma(brand[0]) if has_hue(brand[0]) else 0.0
        vibrancy = own if vibrancy is None else (vibrancy + 2 * own) / 3
    vibrancy = _clamped("vibrancy", vibrancy + nudges["vibrancy"])
    roundness = setting("roundness") + (0 if "roundness" in scan.settings else nudges["roundness"])
    secondary = brand[1] if len(brand) > 1 else None
    if isinstance(secondary, float):  # a hue the brief asked for: a companion of the primary in that hue
        secondary = derive(brand[0], role="secondary", harmony=harmony, vibrancy=vibrancy, hue=secondary)
    return Intent(
        primary=brand[0],
        secondary=secondary,
        accent=brand[2] if len(brand) > 2 else None,
        harmony=harmony,
        vibrancy=vibrancy,
        neutral=setting("neutral"),
        font_pairing=_pairing(scan, votes),
        type_scale=_clamped("type_scale", setting("type_scale")),
        base_size=setting("base_size"),
        density=setting("density"),
        roundness=_clamped("roundness", roundness),
        shadow_depth=_clamped("shadow_depth", setting("shadow_depth")),
    )


def _brand_colours(scan: _Scan, votes, seed, written, words, personal) -> list:
    """The brand colours the brief gives: the user's seed, colours written out, colour names (moved by
    their modifiers), each distinct from the ones before; else one blended from the entries."""
    named: list[str] = []
    for hex_color, before in scan.colours:
        for modifier, strength in before:
            hex_color = apply(hex_color, MODIFIERS[modifier], strength)
        named.append(hex_color)
    brand: list = []
    for colour in ([seed] if seed else []) + written + named:
        if len(brand) < 3 and _distinct(colour, brand):
            brand.append(colour)
    if not brand:
        blended = _blend_colour(votes) or (_hashed_colour(personal) if words else DEFAULT_COLOUR)
        brand.append(blended)
    if not seed and (brand[0] in named or not (written or named)):
        for modifier, strength in scan.modifiers:
            brand[0] = apply(brand[0], MODIFIERS[modifier], strength)
    return brand


def _add_suggestions(brand: list, scan: _Scan, votes, personal: random.Random) -> None:
    """Fill the accent and secondary the brief did not name: the accent paired with its strongest
    industry (else adjective, else mood), one of a few a designer would choose, picked by the brief's
    words; the secondary in the hue of a second idea the brief holds, as a hue for ``derive``."""
    accent = _paired_accent(scan, personal)
    if accent and len(brand) < 3 and _distinct(accent, brand):
        brand += [None] * (2 - len(brand)) + [accent]
    if len(brand) < 2 or brand[1] is None:
        companion = _companion_hue(votes, brand)
        if companion is not None:
            hue = (companion + personal.uniform(-_PERSONAL_TURN, _PERSONAL_TURN)) % 360
            brand[1:2] = [hue]


def _css(text: str) -> tuple[str, float] | None:
    if text.startswith("#"):
        return (normalise_hex(text), 1.0) if is_hex(text) else None
    return parse_css_color(text)
