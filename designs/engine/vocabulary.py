"""The offline vocabulary: which brief words mean which design choices.

A curated table of moods, brand adjectives and industries. Each entry names
the phrases that trigger it (lower case, up to four words) and what it
suggests: a colour, the accents a designer would pair with it (gold or
burgundy with a law firm's navy, lime with fitness), a harmony for the colours not named, vibrancy (0..1), a
neutral tint, a font pairing, roundness and shadow depth (0..1), density and
a type-scale ratio. An entry may leave a setting out. ``interpret`` blends
the suggestions of every entry a brief mentions, weighting adjectives above
moods above industries, so two briefs that share a word still differ in the
rest. The README lists this table for people writing briefs.

Modifiers move a colour continuously in OKLCH (see ``modifiers.py``); layout
and type words set one setting outright.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    phrases: tuple[str, ...]
    colour: str | None = None
    accents: tuple[str, ...] = ()
    settings: dict = field(default_factory=dict)


def _entry(phrases: str, colour: str | None = None, accent: str = "", **settings) -> Entry:
    accents = tuple(a.strip() for a in accent.split(",") if a.strip())
    return Entry(tuple(p.strip() for p in phrases.split(",")), colour, accents, settings)


#: Weight of each kind of word when suggestions are blended.
WEIGHTS = {"adjective": 3.0, "mood": 2.0, "industry": 1.5}
#: Whose accent pairing wins: an industry knows its conventions best, then adjectives, then moods.
ACCENT_PRIORITY = ("industry", "adjective", "mood")

MOODS = {
    "calm": _entry(
        "calm, serene, peaceful, relaxed, tranquil, soothing, quiet, restful", "#4f93b0",
        accent="#d9c3a0,#a8c5b5,#e7b7a3",
        harmony="analogous", vibrancy=0.35, neutral="cool", font_pairing="lexend", roundness=0.55,
        density="spacious", shadow_depth=0.2, type_scale=1.2,
    ),
    "zen": _entry(
        "zen, mindful, mindfulness, meditative, balanced", "#7f9f80", accent="#c9a96e,#d8c7b0,#9bb0a0",
        harmony="monochrome", vibrancy=0.25, neutral="warm", font_pairing="lexend", roundness=0.6,
        density="spacious", shadow_depth=0.1, type_scale=1.2,
    ),
    "playful": _entry(
        "playful, fun, cheeky, joyful, silly, cute, bubbly", "#ff4f9a", accent="#ffd23f,#3ec1d3,#7b61ff",
        harmony="triadic", vibrancy=0.85, neutral="brand", font_pairing="outfit-figtree", roundness=0.9,
        density="comfortable", shadow_depth=0.5, type_scale=1.25,
    ),
    "whimsical": _entry(
        "whimsical, quirky, magical, dreamy, fairytale", "#9466e8", accent="#5ce1c6,#ffb5d8,#ffd166",
        harmony="triadic", vibrancy=0.7, neutral="brand", font_pairing="nunito", roundness=0.8,
        shadow_depth=0.45, type_scale=1.25,
    ),
    "cheerful": _entry(
        "cheerful, happy, sunny, optimistic, uplifting", "#ffbf1f", accent="#ff6f59,#3bb4f2,#8ac926",
        harmony="split-complementary", vibrancy=0.9, neutral="warm", font_pairing="nunito", roundness=0.75,
        shadow_depth=0.4,
    ),
    "bold": _entry(
        "bold, confident, striking, daring, loud, fearless, powerful, strong", "#e8300d",
        accent="#ffcc00,#111111,#00b4d8",
        harmony="complementary", vibrancy=0.95, neutral="pure", font_pairing="bricolage-dm", roundness=0.1,
        density="compact", shadow_depth=0.7, type_scale=1.333,
    ),
    "edgy": _entry(
        "edgy, rebellious, punk, raw, gritty, underground", "#ff1463", accent="#c6ff00,#00f5d4,#ff9f1c",
        harmony="complementary", vibrancy=1.0, neutral="pure", font_pairing="space-grotesk-plex", roundness=0.0,
        density="compact", shadow_depth=0.8, type_scale=1.414,
    ),
    "energetic": _entry(
        "energetic, dynamic, lively, exciting, sporty, active, punchy, vibrant energy", "#ff6a00",
        accent="#00c2ff,#c6f000,#7b2ff7",
        harmony="split-complementary", vibrancy=0.95, neutral="brand", font_pairing="poppins-inter",
        roundness=0.4, density="compact", shadow_depth=0.55, type_scale=1.333,
    ),
    "luxurious": _entry(
        "luxurious, luxury, premium, opulent, exclusive, upscale, high end, prestige, lavish", "#8c6a34",
        accent="#1c1b19,#2f3e46,#6b2737",
        harmony="complementary", vibrancy=0.4, neutral="warm", font_pairing="playfair-source", roundness=0.05,
        density="spacious", shadow_depth=0.3, type_scale=1.333,
    ),
    "elegant": _entry(
        "elegant, refined, sophisticated, classy, graceful, polished", "#6d5068", accent="#c2a878,#8a9a8c,#b4869f",
        harmony="analogous", vibrancy=0.3, neutral="warm", font_pairing="garamond-karla", roundness=0.1,
        density="spacious", shadow_depth=0.25, type_scale=1.333,
    ),
    "serious": _entry(
        "serious, formal, authoritative, institutional, sober, dignified", "#26395a", accent="#a67c2d,#8b1e3f,#5c6b73",
        harmony="analogous", vibrancy=0.3, neutral="cool", font_pairing="baskerville-franklin", roundness=0.08,
        density="comfortable", shadow_depth=0.25, type_scale=1.2,
    ),
    "friendly": _entry(
        "friendly, approachable, welcoming, kind, human, caring, inclusive, warm hearted", "#f08a2a",
        accent="#2bb5a0,#ffcb47,#6c8cff",
        harmony="split-complementary", vibrancy=0.7, neutral="warm", font_pairing="nunito", roundness=0.75,
        density="comfortable", shadow_depth=0.45, type_scale=1.25,
    ),
    "minimal": _entry(
        "minimal, minimalist, clean, simple, understated, scandinavian, bare", "#3e4452",
        harmony="monochrome", vibrancy=0.15, neutral="pure", font_pairing="geist", roundness=0.15,
        density="spacious", shadow_depth=0.12, type_scale=1.2,
    ),
    "romantic": _entry(
        "romantic, tender, intimate, love, lovely", "#d65a86", accent="#e8c39e,#9b6a8a,#c9d6c3",
        harmony="analogous", vibrancy=0.55, neutral="warm", font_pairing="playfair-source", roundness=0.6,
        shadow_depth=0.35, type_scale=1.333,
    ),
    "moody": _entry(
        "moody, mysterious, dramatic, brooding, gothic, nocturnal", "#3d2b63", accent="#c08a3e,#2f6f6a,#8c2f39",
        harmony="analogous", vibrancy=0.45, neutral="cool", font_pairing="dm-serif-dm-sans", roundness=0.15,
        density="spacious", shadow_depth=0.65, type_scale=1.414,
    ),
    "fresh": _entry(
        "fresh, crisp, breezy, clean air, revitalising, revitalizing", "#1fbf9f", accent="#ffd166,#ff8fa3,#6c63ff",
        harmony="split-complementary", vibrancy=0.7, neutral="cool", font_pairing="outfit-figtree",
        roundness=0.5, shadow_depth=0.3, type_scale=1.25,
    ),
    "retro": _entry(
        "retro, vintage, nostalgic, seventies, 70s, old school, groovy", "#d4762c", accent="#2a9d8f,#e9c46a,#264653",
        harmony="triadic", vibrancy=0.6, neutral="warm", font_pairing="fraunces-work", roundness=0.45,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "rustic": _entry(
        "rustic, handmade, crafted, artisan, artisanal, homemade, handcrafted", "#9a5b2e",
        accent="#6b8f3a,#c9a66b,#3d5a80",
        harmony="analogous", vibrancy=0.45, neutral="warm", font_pairing="fraunces-work", roundness=0.45,
        shadow_depth=0.3, type_scale=1.25,
    ),
    "cozy": _entry(
        "cozy, cosy, inviting, homely, snug, comforting", "#b5602c", accent="#d9a441,#7a8b5c,#a44a3f",
        harmony="analogous", vibrancy=0.5, neutral="warm", font_pairing="fraunces-work", roundness=0.6,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "sweet": _entry(
        "sweet, sugary, delightful, charming, adorable", "#f28bb5", accent="#7fd1c3,#ffd6a5,#b8a1e3",
        harmony="analogous", vibrancy=0.55, neutral="warm", font_pairing="nunito", roundness=0.85,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "adventurous": _entry(
        "adventurous, adventure, wild, explorer, outdoors, outdoor, rugged", "#d9582b",
        accent="#2f6f4f,#f2a541,#3a7ca5",
        harmony="split-complementary", vibrancy=0.7, neutral="warm", font_pairing="bricolage-dm", roundness=0.3,
        shadow_depth=0.45, type_scale=1.333,
    ),
    "classic": _entry(
        "classic, timeless, traditional, heritage, established, old world", "#1f3552", accent="#b08d3c,#7a2230,#4e6e58",
        harmony="complementary", vibrancy=0.35, neutral="warm", font_pairing="baskerville-franklin",
        roundness=0.1, shadow_depth=0.25, type_scale=1.25,
    ),
}

ADJECTIVES = {
    "trustworthy": _entry(
        "trustworthy, trust, trusted, reliable, safe, stable, dependable, honest", "#1f5fd1",
        accent="#1fa971,#f2a900,#5ab0e8",
        harmony="analogous", vibrancy=0.55, neutral="cool", font_pairing="manrope-inter", roundness=0.35,
        shadow_depth=0.35, type_scale=1.2,
    ),
    "corporate": _entry(
        "corporate, professional, business, enterprise, b2b, consulting, consultancy", "#0b5cad",
        accent="#f2a900,#18a999,#e4572e",
        harmony="analogous", vibrancy=0.45, neutral="cool", font_pairing="manrope-inter", roundness=0.2,
        density="comfortable", shadow_depth=0.3, type_scale=1.2,
    ),
    "modern": _entry(
        "modern, contemporary, sleek, startup, cutting edge", "#4f46e5", accent="#ff6b6b,#22d3ee,#facc15",
        harmony="split-complementary", vibrancy=0.65, neutral="brand", font_pairing="inter", roundness=0.45,
        shadow_depth=0.4, type_scale=1.25,
    ),
    "techy": _entry(
        "techy, tech, technical, futuristic, digital, innovative, cyber, hacker, sci fi, scifi", "#00a7e1",
        accent="#b4ff39,#ff2e88,#7c4dff",
        harmony="complementary", vibrancy=0.9, neutral="cool", font_pairing="sora-jakarta", roundness=0.2,
        density="compact", shadow_depth=0.5, type_scale=1.25,
    ),
    "organic": _entry(
        "organic, natural, eco, sustainable, green living, botanical, plant based, biodegradable", "#4f8f3a",
        accent="#d98c3a,#c9a66b,#e07a5f",
        harmony="analogous", vibrancy=0.5, neutral="warm", font_pairing="fraunces-work", roundness=0.6,
        shadow_depth=0.3, type_scale=1.25,
    ),
    "editorial": _entry(
        "editorial, magazine, news, newspaper, journal, blog, literary, publishing, publisher", "#a32727",
        accent="#1f2a44,#f2c14e,#2d6a4f",
        harmony="complementary", vibrancy=0.5, neutral="pure", font_pairing="source", roundness=0.0,
        density="comfortable", shadow_depth=0.15, type_scale=1.333,
    ),
    "youthful": _entry(
        "youthful, young, gen z, teen, teens, trendy", "#7b5cff", accent="#ffd000,#00d1b2,#ff5c8a",
        harmony="triadic", vibrancy=0.85, neutral="brand", font_pairing="outfit-figtree", roundness=0.7,
        shadow_depth=0.45, type_scale=1.25,
    ),
    "accessible": _entry(
        "accessible, legible, readable, dyslexia friendly, easy to read", "#1767b3", accent="#e08a00,#0f9d58,#c2185b",
        harmony="analogous", vibrancy=0.5, neutral="cool", font_pairing="lexend", roundness=0.4,
        density="spacious", shadow_depth=0.3, type_scale=1.2,
    ),
}

INDUSTRIES = {
    "fintech": _entry(
        "fintech, finance, financial, bank, banking, neobank, payments, payment, investing, investment, wealth, "
        "accounting, budgeting, savings, money", "#1b63e8", accent="#12b886,#7c5cff,#ff8c42",
        harmony="analogous", vibrancy=0.6, neutral="cool", font_pairing="manrope-inter", roundness=0.35,
        density="compact", shadow_depth=0.3, type_scale=1.2,
    ),
    "crypto": _entry(
        "crypto, cryptocurrency, web3, blockchain, defi, nft, trading, exchange", "#7b3fe4",
        accent="#00e5ff,#f7931a,#ff3d81",
        harmony="complementary", vibrancy=0.9, neutral="cool", font_pairing="sora-jakarta", roundness=0.3,
        density="compact", shadow_depth=0.6, type_scale=1.25,
    ),
    "insurance": _entry(
        "insurance, insurer, pension, pensions", "#22619e", accent="#f59f00,#26a69a,#ef6c57",
        harmony="analogous", vibrancy=0.45, neutral="cool", font_pairing="manrope-inter", roundness=0.35,
        shadow_depth=0.3, type_scale=1.2,
    ),
    "health": _entry(
        "health, healthcare, medical, clinic, hospital, pharma, pharmacy, doctor, doctors, telehealth, dental, "
        "dentist, patient, patients", "#0f9a97", accent="#ff8a65,#7bd389,#6a7fdb",
        harmony="analogous", vibrancy=0.55, neutral="cool", font_pairing="lexend", roundness=0.6,
        density="comfortable", shadow_depth=0.25, type_scale=1.2,
    ),
    "wellness": _entry(
        "wellness, wellbeing, well being, yoga, meditation, therapy, mental health, self care, spa, retreat",
        "#6fa38d", accent="#e6b89c,#b5a8d6,#f2d0a4",
        harmony="analogous", vibrancy=0.35, neutral="warm", font_pairing="lexend", roundness=0.7,
        density="spacious", shadow_depth=0.2, type_scale=1.25,
    ),
    "fitness": _entry(
        "fitness, gym, workout, training, running, sports, sport, athletic, athletes, cycling", "#ff3b1f",
        accent="#c6f000,#00e0ff,#111111",
        harmony="complementary", vibrancy=1.0, neutral="pure", font_pairing="bricolage-dm", roundness=0.2,
        density="compact", shadow_depth=0.6, type_scale=1.333,
    ),
    "education": _entry(
        "education, edtech, learning, school, schools, university, course, courses, teaching, students, "
        "tutoring, academy, classroom", "#3653d6", accent="#ffc53d,#ff6b6b,#2ec4b6",
        harmony="triadic", vibrancy=0.65, neutral="brand", font_pairing="source", roundness=0.45,
        density="comfortable", shadow_depth=0.35, type_scale=1.25,
    ),
    "kids": _entry(
        "kids, children, childrens, child, toddler, toddlers, toys, toy, nursery, preschool", "#ff8a1f",
        accent="#3ec1d3,#ffd23f,#8e7dff",
        harmony="triadic", vibrancy=0.9, neutral="warm", font_pairing="nunito", roundness=0.95,
        density="comfortable", shadow_depth=0.5, type_scale=1.25,
    ),
    "gaming": _entry(
        "gaming, game, games, esports, gamer, gamers, arcade, console", "#7a35f0", accent="#00f0b5,#ff2e97,#ffe600",
        harmony="complementary", vibrancy=0.95, neutral="cool", font_pairing="space-grotesk-plex", roundness=0.15,
        density="compact", shadow_depth=0.7, type_scale=1.333,
    ),
    "food": _entry(
        "food, restaurant, restaurants, recipe, recipes, cooking, kitchen, meal, meals, dining, bistro, grocery, "
        "delivery, pizza, burger, burgers", "#d9443a", accent="#6a994e,#f4a259,#ffd166",
        harmony="split-complementary", vibrancy=0.75, neutral="warm", font_pairing="fraunces-work", roundness=0.5,
        shadow_depth=0.4, type_scale=1.25,
    ),
    "bakery": _entry(
        "bakery, bakeries, pastry, patisserie, cake, cakes, bakehouse, desserts, dessert, cupcakes", "#e39670",
        accent="#8ecae6,#e07a9b,#7a4e2d",
        harmony="analogous", vibrancy=0.5, neutral="warm", font_pairing="fraunces-work", roundness=0.7,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "confectionery": _entry(
        "chocolatier, chocolate shop, chocolates, confectionery, confectioner, sweets, candy, candy shop, "
        "ice cream, gelato", "#7b3f2a", accent="#f2a7b8,#8fd3c1,#e8c07d",
        harmony="analogous", vibrancy=0.55, neutral="warm", font_pairing="dm-serif-dm-sans", roundness=0.55,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "books": _entry(
        "books, bookshop, bookstore, book club, library, libraries, literature, academia, academic, reading club, "
        "poetry, novel, novels", "#5a3e2b", accent="#2f5d50,#7a2230,#c9a45c",
        harmony="analogous", vibrancy=0.35, neutral="warm", font_pairing="garamond-karla", roundness=0.1,
        shadow_depth=0.3, type_scale=1.333,
    ),
    "coffee": _entry(
        "coffee, cafe, café, coffeehouse, roastery, roaster, roasters, espresso bar, coffee shop", "#6f4a32",
        accent="#d4a373,#7f9c8c,#c0553f",
        harmony="analogous", vibrancy=0.45, neutral="warm", font_pairing="dm-serif-dm-sans", roundness=0.4,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "wine": _entry(
        "winery, vineyard, vineyards, wine estate, wine bar, sommelier, wines", "#6e2233",
        accent="#8a9a5b,#c9a45c,#2f3e46",
        harmony="complementary", vibrancy=0.45, neutral="warm", font_pairing="garamond-karla", roundness=0.1,
        density="spacious", shadow_depth=0.3, type_scale=1.333,
    ),
    "brewery": _entry("brewery, craft beer, beer, taproom, brewing, distillery", "#c98418",
    accent="#2f4f3a,#e3b23c,#8c2f1c",
                      harmony="complementary", vibrancy=0.7, neutral="warm", font_pairing="bricolage-dm",
                      roundness=0.3, shadow_depth=0.4),
    "travel": _entry(
        "travel, tourism, booking, vacation, vacations, holiday, holidays, airline, flights, trips, trip, "
        "destination, destinations", "#0a8fa3", accent="#ff6f61,#ffd23f,#2ec4b6",
        harmony="split-complementary", vibrancy=0.7, neutral="brand", font_pairing="outfit-figtree",
        roundness=0.6, shadow_depth=0.4, type_scale=1.25,
    ),
    "hospitality": _entry(
        "hotel, hotels, resort, resorts, boutique hotel, hospitality, inn, lodge", "#7c6142",
        accent="#2e4a3f,#c8a96a,#8c3b3b",
        harmony="complementary", vibrancy=0.4, neutral="warm", font_pairing="playfair-source", roundness=0.2,
        density="spacious", shadow_depth=0.3, type_scale=1.333,
    ),
    "legal": _entry(
        "legal, law, lawyer, lawyers, attorney, attorneys, law firm, compliance, notary, solicitors", "#1d2b48",
        accent="#b38b3e,#7a2230,#4f6d7a",
        harmony="analogous", vibrancy=0.28, neutral="cool", font_pairing="baskerville-franklin", roundness=0.05,
        density="comfortable", shadow_depth=0.2, type_scale=1.2,
    ),
    "developer tools": _entry(
        "developer tools, dev tools, devtools, developer, developers, api, apis, devops, infrastructure, "
        "open source, cli, sdk, saas, cloud, hosting, database", "#6852d6", accent="#2ee6a6,#ffb86b,#ff5c93",
        harmony="analogous", vibrancy=0.7, neutral="pure", font_pairing="geist", roundness=0.35,
        density="compact", shadow_depth=0.3, type_scale=1.2,
    ),
    "ai": _entry(
        "ai, artificial intelligence, machine learning, ml, llm, chatbot, assistant, copilot", "#7c5cff",
        accent="#ff7ab6,#2ee6d6,#c6ff4d",
        harmony="split-complementary", vibrancy=0.8, neutral="cool", font_pairing="sora-jakarta", roundness=0.45,
        shadow_depth=0.45, type_scale=1.25,
    ),
    "cybersecurity": _entry(
        "cybersecurity, security, infosec, privacy, encryption, firewall, vpn", "#00b37e",
        accent="#9b5de5,#00e5ff,#ff9f1c",
        harmony="complementary", vibrancy=0.8, neutral="cool", font_pairing="space-grotesk-plex", roundness=0.15,
        density="compact", shadow_depth=0.5, type_scale=1.2,
    ),
    "ecommerce": _entry(
        "ecommerce, e commerce, shop, shopping, store, retail, marketplace, checkout, online store", "#f04e2c",
        accent="#1d3557,#ffb703,#2a9d8f",
        harmony="split-complementary", vibrancy=0.8, neutral="brand", font_pairing="poppins-inter",
        roundness=0.45, shadow_depth=0.45, type_scale=1.25,
    ),
    "fashion": _entry(
        "fashion, apparel, clothing, couture, fashion house, streetwear, boutique, atelier, runway", "#2a2630",
        harmony="monochrome", vibrancy=0.2, neutral="pure", font_pairing="dm-serif-dm-sans", roundness=0.0,
        density="spacious", shadow_depth=0.15, type_scale=1.414,
    ),
    "beauty": _entry(
        "beauty, cosmetics, skincare, skin care, makeup, salon, nails, haircare, fragrance, perfume", "#c98f93",
        accent="#c6a15b,#8fa89b,#b48ead",
        harmony="analogous", vibrancy=0.4, neutral="warm", font_pairing="playfair-source", roundness=0.75,
        density="spacious", shadow_depth=0.3, type_scale=1.333,
    ),
    "jewellery": _entry(
        "jewelry, jewellery, jeweller, jeweler, watches, diamonds, diamond", "#a88a4f",
        accent="#1f3d36,#2c3e66,#7a2230",
        harmony="complementary", vibrancy=0.45, neutral="warm", font_pairing="garamond-karla", roundness=0.05,
        density="spacious", shadow_depth=0.3, type_scale=1.333,
    ),
    "nonprofit": _entry(
        "nonprofit, non profit, charity, ngo, community, volunteer, volunteers, foundation, donation, donations",
        "#2a9d78", accent="#f4a259,#ffd166,#5b8def",
        harmony="split-complementary", vibrancy=0.6, neutral="warm", font_pairing="source", roundness=0.5,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "energy": _entry(
        "energy, solar, renewable, renewables, climate, clean energy, electric, ev, charging, battery", "#f2b705",
        accent="#1b998b,#2d6cdf,#8ac926",
        harmony="complementary", vibrancy=0.85, neutral="cool", font_pairing="space-grotesk-plex", roundness=0.3,
        shadow_depth=0.4, type_scale=1.25,
    ),
    "real estate": _entry(
        "real estate, property, properties, realtor, homes, housing, rental, rentals, mortgage", "#2f5e55",
        accent="#c9a66b,#3d5a80,#d1855c",
        harmony="analogous", vibrancy=0.4, neutral="warm", font_pairing="manrope-inter", roundness=0.3,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "agriculture": _entry(
        "agriculture, farm, farms, farming, farmers, harvest, orchard, agritech", "#6a8f25",
        accent="#e9c46a,#bc6c25,#4a7c59",
        harmony="analogous", vibrancy=0.55, neutral="warm", font_pairing="fraunces-work", roundness=0.4,
        shadow_depth=0.3,
    ),
    "automotive": _entry(
        "automotive, car, cars, motors, garage, dealership, racing, motorsport", "#c3161f",
        accent="#2b2d42,#f2a900,#8d99ae",
        harmony="complementary", vibrancy=0.85, neutral="pure", font_pairing="sora-jakarta", roundness=0.15,
        density="compact", shadow_depth=0.6, type_scale=1.333,
    ),
    "music": _entry(
        "music, musician, band, label, records, concert, concerts, festival, podcast, audio, streaming", "#e5336f",
        accent="#ffd23f,#00d1ff,#9b5de5",
        harmony="triadic", vibrancy=0.9, neutral="cool", font_pairing="bricolage-dm", roundness=0.35,
        shadow_depth=0.55, type_scale=1.333,
    ),
    "creative": _entry(
        "creative, agency, studio, design studio, portfolio, art, artist, artists, gallery, photography",
        "#ff5a5f", accent="#2ec4b6,#ffbf69,#5e60ce",
        harmony="triadic", vibrancy=0.8, neutral="pure", font_pairing="dm-serif-dm-sans", roundness=0.25,
        shadow_depth=0.4, type_scale=1.414,
    ),
    "architecture": _entry(
        "architecture, architect, architects, interior design, interiors, furniture, construction", "#5b5f66",
        accent="#c2703d,#a3b18a,#3a5a78",
        harmony="monochrome", vibrancy=0.12, neutral="pure", font_pairing="geist", roundness=0.05,
        density="spacious", shadow_depth=0.15, type_scale=1.333,
    ),
    "logistics": _entry(
        "logistics, shipping, freight, supply chain, warehouse, courier, fleet", "#f27b0c",
        accent="#1d3557,#2ec4b6,#ffcc00",
        harmony="complementary", vibrancy=0.75, neutral="cool", font_pairing="manrope-inter", roundness=0.25,
        density="compact", shadow_depth=0.35, type_scale=1.2,
    ),
    "science": _entry(
        "science, biotech, research, lab, laboratory, genomics, chemistry, scientific", "#00869e",
        accent="#ff6b6b,#ffd166,#845ec2",
        harmony="analogous", vibrancy=0.6, neutral="cool", font_pairing="inter", roundness=0.3,
        shadow_depth=0.3, type_scale=1.2,
    ),
    "government": _entry(
        "government, civic, public sector, council, municipal, city services, public service", "#1b3a66",
        accent="#c1121f,#e9c46a,#2a9d8f",
        harmony="analogous", vibrancy=0.4, neutral="cool", font_pairing="source", roundness=0.15,
        density="comfortable", shadow_depth=0.2, type_scale=1.2,
    ),
    "pets": _entry(
        "pets, pet, dog, dogs, cat, cats, vet, veterinary, grooming, puppy", "#f0983a",
        accent="#2a9d8f,#ffb4a2,#6d9dc5",
        harmony="split-complementary", vibrancy=0.7, neutral="warm", font_pairing="nunito", roundness=0.8,
        shadow_depth=0.4, type_scale=1.25,
    ),
    "florist": _entry(
        "florist, flowers, flower, floral, garden, gardening, plants, nursery garden, botanics", "#d3527d",
        accent="#588157,#f6bd60,#b8a1e3",
        harmony="split-complementary", vibrancy=0.6, neutral="warm", font_pairing="garamond-karla",
        roundness=0.6, shadow_depth=0.3, type_scale=1.25,
    ),
    "wedding": _entry(
        "wedding, weddings, bridal, bride, engagement, events, event planning", "#caa089",
        accent="#9bb1a1,#b8a9c9,#e8b4a0",
        harmony="analogous", vibrancy=0.3, neutral="warm", font_pairing="playfair-source", roundness=0.5,
        density="spacious", shadow_depth=0.25, type_scale=1.333,
    ),
    "productivity": _entry(
        "productivity, project management, tasks, to do, todo, calendar, notes, collaboration, workspace, crm, "
        "analytics, dashboard, dashboards", "#3b6cf2", accent="#ff8a00,#22c55e,#ec4899",
        harmony="split-complementary", vibrancy=0.65, neutral="brand", font_pairing="inter", roundness=0.4,
        density="compact", shadow_depth=0.3, type_scale=1.2,
    ),
    "media": _entry(
        "media, film, cinema, movies, tv, television, video, entertainment, theatre, theater", "#b3202f",
        accent="#f4c430,#00b4d8,#2b2d42",
        harmony="complementary", vibrancy=0.7, neutral="cool", font_pairing="dm-serif-dm-sans", roundness=0.2,
        shadow_depth=0.55, type_scale=1.414,
    ),
    "hr": _entry(
        "hr, recruiting, recruitment, hiring, jobs, careers, talent, payroll, people ops", "#12a08a",
        accent="#ff7f50,#6c63ff,#ffd166",
        harmony="split-complementary", vibrancy=0.6, neutral="brand", font_pairing="outfit-figtree",
        roundness=0.55, shadow_depth=0.35, type_scale=1.25,
    ),
}

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
