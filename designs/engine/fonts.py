"""The curated font pairings the engine chooses from.

Every family is free on Google Fonts. Stacks end in generic families so text
still renders sensibly before (or without) the web font.
"""

_SANS_FALLBACK = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
_SERIF_FALLBACK = 'ui-serif, Georgia, Cambria, "Times New Roman", Times, serif'
_MONO_FALLBACK = 'ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, "Liberation Mono", monospace'

_FALLBACKS = {"sans": _SANS_FALLBACK, "serif": _SERIF_FALLBACK, "mono": _MONO_FALLBACK}


def _family(name: str, kind: str) -> dict[str, str]:
    return {"name": name, "stack": f'"{name}", {_FALLBACKS[kind]}'}


#: key -> (description, (heading, kind), (body, kind), (mono, kind))
_PAIRINGS = {
    "inter": ("Neutral, modern product UI", ("Inter", "sans"), ("Inter", "sans"), ("JetBrains Mono", "mono")),
    "manrope": ("Precise, trustworthy, minimal", ("Manrope", "sans"), ("Inter", "sans"), ("JetBrains Mono", "mono")),
    "source": (
        "Editorial and readable",
        ("Source Serif 4", "serif"),
        ("Source Sans 3", "sans"),
        ("Source Code Pro", "mono"),
    ),
    "playfair-lato": ("Elegant, luxurious", ("Playfair Display", "serif"), ("Lato", "sans"), ("Fira Code", "mono")),
    "space-plex": (
        "Technical, developer-focused",
        ("Space Grotesk", "sans"),
        ("IBM Plex Sans", "sans"),
        ("IBM Plex Mono", "mono"),
    ),
    "fraunces-work": ("Warm, organic, crafted", ("Fraunces", "serif"), ("Work Sans", "sans"), ("DM Mono", "mono")),
    "nunito": ("Friendly, playful, rounded", ("Nunito", "sans"), ("Nunito Sans", "sans"), ("Fira Code", "mono")),
    "baskerville-franklin": (
        "Serious, established, formal",
        ("Libre Baskerville", "serif"),
        ("Libre Franklin", "sans"),
        ("IBM Plex Mono", "mono"),
    ),
    "poppins-inter": (
        "Energetic, geometric, commercial",
        ("Poppins", "sans"),
        ("Inter", "sans"),
        ("Fira Code", "mono"),
    ),
    "lexend": ("Calm, highly legible", ("Lexend", "sans"), ("Lexend", "sans"), ("Source Code Pro", "mono")),
    "bricolage-dm": (
        "Bold, expressive, playful",
        ("Bricolage Grotesque", "sans"),
        ("DM Sans", "sans"),
        ("DM Mono", "mono"),
    ),
}

FONT_PAIRING_KEYS = tuple(_PAIRINGS)
DEFAULT_PAIRING = "inter"


def font_families(key: str) -> dict[str, dict[str, str]]:
    """``{"heading": {"name", "stack"}, "body": ..., "mono": ...}`` for a pairing key."""
    _, heading, body, mono = _PAIRINGS[key]
    return {"heading": _family(*heading), "body": _family(*body), "mono": _family(*mono)}


def pairing_description(key: str) -> str:
    """One-line description of a pairing (for UIs and the AI prompt)."""
    return _PAIRINGS[key][0]
