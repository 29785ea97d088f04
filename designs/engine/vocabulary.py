"""The offline vocabulary: which prompt words mean which design choices.

Each entry names a canonical keyword, the phrases that trigger it (single
words or short phrases, already lower-case) and the settings it suggests.
``interpret`` resolves conflicts by category priority (see ``PRIORITY``).
"""

#: OKLCH hue (degrees) and an optional chroma hint for each colour word.
COLOUR_WORDS = {
    "red": (27.0, None, ("red", "reds", "scarlet", "crimson", "cherry")),
    "coral": (38.0, None, ("coral", "salmon", "peach")),
    "orange": (55.0, None, ("orange", "tangerine", "pumpkin")),
    "amber": (75.0, None, ("amber", "gold", "golden", "mustard", "honey")),
    "yellow": (100.0, None, ("yellow", "lemon", "sunshine")),
    "lime": (128.0, None, ("lime", "chartreuse")),
    "green": (145.0, None, ("green", "greens", "forest", "olive", "sage")),
    "emerald": (162.0, None, ("emerald", "mint", "jade")),
    "teal": (185.0, None, ("teal", "turquoise", "aqua")),
    "cyan": (210.0, None, ("cyan",)),
    "sky": (235.0, None, ("sky", "azure")),
    "blue": (258.0, None, ("blue", "blues", "cobalt", "sapphire", "navy", "ocean")),
    "indigo": (275.0, None, ("indigo",)),
    "violet": (292.0, None, ("violet", "lavender", "lilac")),
    "purple": (305.0, None, ("purple", "plum", "grape", "amethyst")),
    "magenta": (330.0, None, ("magenta", "fuchsia")),
    "pink": (350.0, None, ("pink", "blush", "bubblegum")),
    "rose": (12.0, None, ("rose", "raspberry", "ruby", "wine", "burgundy")),
    "brown": (55.0, "muted", ("brown", "chocolate", "coffee", "tan", "beige", "sand", "terracotta")),
    "grey": (260.0, "muted", ("grey", "gray", "silver", "slate", "charcoal", "monochrome", "greyscale", "grayscale")),
}

#: Words that only set the chroma level.
CHROMA_WORDS = {
    "vivid": ("vivid", "vibrant", "bright", "neon", "saturated", "electric", "colorful", "colourful"),
    "muted": ("muted", "pastel", "subtle", "dusty", "desaturated", "soft", "toned down", "washed"),
}

#: Words that only set density or roundness.
LAYOUT_WORDS = {
    ("density", "compact"): ("compact", "dense", "tight", "data heavy", "dashboard"),
    ("density", "spacious"): ("spacious", "airy", "roomy", "breathing room", "generous"),
    ("roundness", "sharp"): ("sharp", "angular", "square", "boxy", "brutalist"),
    ("roundness", "round"): ("rounded", "round", "pill", "bubbly", "curvy"),
}

#: mood -> (trigger phrases, settings)
MOODS = {
    "calm": (
        ("calm", "serene", "peaceful", "relaxed", "tranquil", "soothing", "zen", "gentle", "quiet"),
        {"hue": 200.0, "chroma": "muted", "density": "spacious", "roundness": "soft",
         "font_pairing": "lexend", "harmony": "analogous"},
    ),
    "playful": (
        ("playful", "fun", "whimsical", "quirky", "cheerful", "joyful", "silly", "cute"),
        {"hue": 330.0, "chroma": "vivid", "density": "comfortable", "roundness": "round",
         "font_pairing": "nunito", "harmony": "triadic"},
    ),
    "bold": (
        ("bold", "confident", "strong", "striking", "daring", "loud", "edgy"),
        {"hue": 27.0, "chroma": "vivid", "density": "compact", "roundness": "sharp",
         "font_pairing": "bricolage-dm", "harmony": "complementary"},
    ),
    "luxurious": (
        ("luxurious", "luxury", "premium", "opulent", "exclusive", "upscale", "high end", "boutique"),
        {"hue": 80.0, "chroma": "muted", "density": "spacious", "roundness": "sharp",
         "font_pairing": "playfair-lato", "harmony": "complementary"},
    ),
    "serious": (
        ("serious", "professional", "formal", "corporate", "authoritative", "enterprise", "institutional"),
        {"hue": 255.0, "chroma": "muted", "density": "comfortable", "roundness": "sharp",
         "font_pairing": "baskerville-franklin", "harmony": "analogous"},
    ),
    "friendly": (
        ("friendly", "approachable", "welcoming", "kind", "human", "caring", "inclusive"),
        {"hue": 45.0, "chroma": "balanced", "density": "comfortable", "roundness": "round",
         "font_pairing": "nunito", "harmony": "split"},
    ),
    "energetic": (
        ("energetic", "dynamic", "lively", "exciting", "sporty", "active", "fast", "punchy"),
        {"hue": 45.0, "chroma": "vivid", "density": "compact", "roundness": "soft",
         "font_pairing": "poppins-inter", "harmony": "split"},
    ),
    "minimal": (
        ("minimal", "minimalist", "clean", "simple", "understated", "scandinavian"),
        {"hue": 260.0, "chroma": "muted", "density": "spacious", "roundness": "sharp",
         "font_pairing": "inter", "harmony": "analogous"},
    ),
}

#: industry -> (trigger phrases, settings)
INDUSTRIES = {
    "fintech": (
        ("fintech", "finance", "financial", "bank", "banking", "payments", "payment", "insurance",
         "investing", "investment", "wealth", "accounting", "crypto", "trading"),
        {"hue": 255.0, "chroma": "balanced", "density": "compact", "roundness": "soft", "font_pairing": "manrope"},
    ),
    "health": (
        ("health", "healthcare", "medical", "wellness", "clinic", "hospital", "pharma", "therapy",
         "mental health", "fitness", "care"),
        {"hue": 185.0, "chroma": "balanced", "density": "comfortable", "roundness": "round", "font_pairing": "lexend"},
    ),
    "education": (
        ("education", "edtech", "learning", "school", "schools", "university", "course", "courses",
         "teaching", "students", "kids", "tutoring"),
        {"hue": 275.0, "chroma": "balanced", "density": "comfortable", "roundness": "soft", "font_pairing": "source"},
    ),
    "gaming": (
        ("gaming", "game", "games", "esports", "gamer", "gamers", "arcade"),
        {"hue": 295.0, "chroma": "vivid", "density": "compact", "roundness": "sharp", "font_pairing": "bricolage-dm"},
    ),
    "food": (
        ("food", "restaurant", "restaurants", "recipe", "recipes", "cafe", "bakery", "grocery",
         "cooking", "kitchen", "meal", "meals", "dining"),
        {"hue": 45.0, "chroma": "balanced", "density": "comfortable", "roundness": "round",
         "font_pairing": "fraunces-work"},
    ),
    "travel": (
        ("travel", "tourism", "hotel", "hotels", "booking", "adventure", "vacation", "airline", "trips", "trip"),
        {"hue": 225.0, "chroma": "balanced", "density": "comfortable", "roundness": "round",
         "font_pairing": "poppins-inter"},
    ),
    "legal": (
        ("legal", "law", "lawyer", "lawyers", "attorney", "law firm", "compliance", "notary"),
        {"hue": 262.0, "chroma": "muted", "density": "comfortable", "roundness": "sharp",
         "font_pairing": "baskerville-franklin"},
    ),
    "developer tools": (
        ("developer tools", "dev tools", "devtools", "developer", "developers", "api", "apis", "devops",
         "infrastructure", "open source", "cli", "saas"),
        {"hue": 285.0, "chroma": "balanced", "density": "compact", "roundness": "soft", "font_pairing": "space-plex"},
    ),
    "ecommerce": (
        ("ecommerce", "e commerce", "shop", "shopping", "store", "retail", "marketplace", "checkout"),
        {"hue": 20.0, "chroma": "balanced", "density": "comfortable", "roundness": "soft",
         "font_pairing": "poppins-inter"},
    ),
    "nonprofit": (
        ("nonprofit", "non profit", "charity", "ngo", "community", "volunteer", "volunteers", "foundation"),
        {"hue": 150.0, "chroma": "balanced", "density": "comfortable", "roundness": "soft", "font_pairing": "source"},
    ),
    "beauty": (
        ("beauty", "cosmetics", "skincare", "fashion", "salon", "spa", "jewelry", "jewellery"),
        {"hue": 350.0, "chroma": "muted", "density": "spacious", "roundness": "round",
         "font_pairing": "playfair-lato"},
    ),
}

#: brand adjective -> (trigger phrases, settings)
ADJECTIVES = {
    "trustworthy": (
        ("trustworthy", "trust", "trusted", "reliable", "secure", "safe", "stable", "dependable", "honest"),
        {"hue": 255.0, "roundness": "soft"},
    ),
    "modern": (("modern", "contemporary", "sleek", "fresh", "startup"), {"font_pairing": "inter", "roundness": "soft"}),
    "elegant": (
        ("elegant", "refined", "sophisticated", "classy", "graceful", "timeless"),
        {"chroma": "muted", "font_pairing": "playfair-lato", "density": "spacious"},
    ),
    "warm": (("warm", "cozy", "cosy", "inviting", "homely"), {"hue": 45.0, "font_pairing": "fraunces-work"}),
    "cool": (("cool", "icy", "crisp", "frosty"), {"hue": 230.0}),
    "techy": (
        ("techy", "tech", "technical", "futuristic", "digital", "ai", "innovative", "cyber", "hacker"),
        {"hue": 285.0, "font_pairing": "space-plex", "roundness": "sharp"},
    ),
    "organic": (
        ("organic", "natural", "earthy", "eco", "sustainable", "botanical", "handmade"),
        {"hue": 140.0, "chroma": "muted", "font_pairing": "fraunces-work", "roundness": "round"},
    ),
    "editorial": (
        ("editorial", "magazine", "news", "journal", "blog", "literary", "publishing"),
        {"font_pairing": "source", "density": "comfortable"},
    ),
}

#: Higher wins; ties go to the word that comes first in the prompt.
PRIORITY = {"explicit": 5, "colour": 4, "adjective": 3, "mood": 2, "industry": 1}

#: Offsets (degrees) of the secondary and accent hues from the primary hue.
HARMONIES = {
    "analogous": (30.0, -40.0),
    "split": (30.0, 150.0),
    "complementary": (-30.0, 180.0),
    "triadic": (120.0, 240.0),
}
DEFAULT_HARMONY = "split"

DEFAULT_HUE = 262.0
DEFAULT_MOOD = "neutral"
DEFAULT_INDUSTRY = "general"
DEFAULTS = {"chroma": "balanced", "density": "comfortable", "roundness": "soft", "font_pairing": "inter"}

MOOD_NAMES = (DEFAULT_MOOD,) + tuple(MOODS)
INDUSTRY_NAMES = (DEFAULT_INDUSTRY,) + tuple(INDUSTRIES)


def all_phrases() -> list[str]:
    """Every trigger phrase (used by tests and to build prompts)."""
    phrases = [p for _, _, words in COLOUR_WORDS.values() for p in words]
    phrases += [p for words in CHROMA_WORDS.values() for p in words]
    phrases += [p for words in LAYOUT_WORDS.values() for p in words]
    for table in (MOODS, INDUSTRIES, ADJECTIVES):
        phrases += [p for words, _ in table.values() for p in words]
    return phrases
