"""The curated font pairings the engine chooses from.

Every family is self-hosted by the app (``static/fonts/``, from Fontsource, with
its licence; ``font_faces.font_catalogue()`` describes each one, its kind and
the weights we ship). Stacks end in generic families so text still renders
sensibly before (or without) the web font.
"""

from dataclasses import dataclass

from .font_faces import font_catalogue

_SANS_FALLBACK = ("ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial",
                  "sans-serif")
_SERIF_FALLBACK = ("ui-serif", "Georgia", "Cambria", "Times New Roman", "Times", "serif")
_MONO_FALLBACK = ("ui-monospace", "SFMono-Regular", "Menlo", "Monaco", "Consolas", "Liberation Mono", "monospace")

FALLBACKS = {"sans": _SANS_FALLBACK, "serif": _SERIF_FALLBACK, "mono": _MONO_FALLBACK}


@dataclass(frozen=True)
class Pairing:
    key: str
    description: str
    heading: str
    body: str
    mono: str


_PAIRINGS = (
    Pairing("inter", "Neutral, modern product UI", "Inter", "Inter", "JetBrains Mono"),
    Pairing("manrope-inter", "Precise, trustworthy, minimal", "Manrope", "Inter", "JetBrains Mono"),
    Pairing("geist", "Crisp, technical, minimal", "Geist", "Geist", "Geist Mono"),
    Pairing("space-grotesk-plex", "Technical, developer-focused", "Space Grotesk", "IBM Plex Sans", "IBM Plex Mono"),
    Pairing("sora-jakarta", "Futuristic, confident", "Sora", "Plus Jakarta Sans", "Geist Mono"),
    Pairing("source", "Editorial and readable", "Source Serif 4", "Source Sans 3", "Source Code Pro"),
    Pairing("playfair-source", "Elegant, luxurious", "Playfair Display", "Source Sans 3", "Source Code Pro"),
    Pairing("dm-serif-dm-sans", "Fashionable, high-contrast serif", "DM Serif Display", "DM Sans", "DM Mono"),
    Pairing("garamond-karla", "Classic, literary, refined", "EB Garamond", "Karla", "Source Code Pro"),
    Pairing("baskerville-franklin", "Serious, established, formal", "Libre Baskerville", "Libre Franklin",
            "IBM Plex Mono"),
    Pairing("fraunces-work", "Warm, organic, crafted", "Fraunces", "Work Sans", "DM Mono"),
    Pairing("nunito", "Friendly, rounded", "Nunito", "Nunito Sans", "Fira Code"),
    Pairing("outfit-figtree", "Playful, geometric, young", "Outfit", "Figtree", "JetBrains Mono"),
    Pairing("poppins-inter", "Energetic, geometric, commercial", "Poppins", "Inter", "Fira Code"),
    Pairing("lexend", "Calm, highly legible", "Lexend", "Lexend", "Source Code Pro"),
    Pairing("bricolage-dm", "Bold, expressive", "Bricolage Grotesque", "DM Sans", "DM Mono"),
)

PAIRINGS = {pairing.key: pairing for pairing in _PAIRINGS}
FONT_PAIRING_KEYS = tuple(PAIRINGS)
DEFAULT_PAIRING = "inter"


#: CSS generic family keywords (never quoted: a quoted keyword names a font called that).
GENERIC_FAMILIES = frozenset({
    "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif",
    "ui-monospace", "ui-rounded", "math", "emoji", "fangsong", "-apple-system",
})


def quote_family(name: str) -> str:
    """A family name as CSS writes it: generic keywords bare, every other name quoted and escaped."""
    if name in GENERIC_FAMILIES:
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stack_text(names: list[str] | tuple[str, ...]) -> str:
    """A CSS font-family list from family names, each quoted as CSS needs."""
    return ", ".join(quote_family(name) for name in names)


def family_kind(name: str) -> str:
    """``sans``, ``serif`` or ``mono``: what kind of face a self-hosted family is."""
    return font_catalogue()[name]["kind"]


def _family(name: str) -> dict[str, str]:
    return {"name": name, "stack": stack_text((name, *FALLBACKS[family_kind(name)]))}


def font_families(key: str) -> dict[str, dict[str, str]]:
    """``{"heading": {"name", "stack"}, "body": ..., "mono": ...}`` for a pairing key."""
    pairing = PAIRINGS[key]
    return {"heading": _family(pairing.heading), "body": _family(pairing.body), "mono": _family(pairing.mono)}


def pairing_description(key: str) -> str:
    """One-line description of a pairing (for UIs and the AI prompt)."""
    return PAIRINGS[key].description


def pairing_families(key: str) -> tuple[str, ...]:
    """The distinct family names of a pairing, heading first."""
    pairing = PAIRINGS[key]
    return tuple(dict.fromkeys((pairing.heading, pairing.body, pairing.mono)))


def heading_kind(key: str) -> str:
    return family_kind(PAIRINGS[key].heading)
