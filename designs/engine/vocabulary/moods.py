"""Moods and brand adjectives: how a brand should feel."""

from .entries import entry

MOODS = {
    "calm": entry(
        "calm, serene, peaceful, relaxed, tranquil, soothing, quiet, restful", "#4f93b0",
        accent="#d9c3a0,#a8c5b5,#e7b7a3",
        harmony="analogous", vibrancy=0.35, neutral="cool", font_pairing="lexend", roundness=0.55,
        density="spacious", shadow_depth=0.2, type_scale=1.2,
    ),
    "zen": entry(
        "zen, mindful, mindfulness, meditative, balanced", "#7f9f80", accent="#c9a96e,#d8c7b0,#9bb0a0",
        harmony="monochrome", vibrancy=0.25, neutral="warm", font_pairing="lexend", roundness=0.6,
        density="spacious", shadow_depth=0.1, type_scale=1.2,
    ),
    "playful": entry(
        "playful, fun, cheeky, joyful, silly, cute, bubbly", "#ff4f9a", accent="#ffd23f,#3ec1d3,#7b61ff",
        harmony="triadic", vibrancy=0.85, neutral="brand", font_pairing="outfit-figtree", roundness=0.9,
        density="comfortable", shadow_depth=0.5, type_scale=1.25,
    ),
    "whimsical": entry(
        "whimsical, quirky, magical, dreamy, fairytale", "#9466e8", accent="#5ce1c6,#ffb5d8,#ffd166",
        harmony="triadic", vibrancy=0.7, neutral="brand", font_pairing="nunito", roundness=0.8,
        shadow_depth=0.45, type_scale=1.25,
    ),
    "cheerful": entry(
        "cheerful, happy, sunny, optimistic, uplifting", "#ffbf1f", accent="#ff6f59,#3bb4f2,#8ac926",
        harmony="split-complementary", vibrancy=0.9, neutral="warm", font_pairing="nunito", roundness=0.75,
        shadow_depth=0.4,
    ),
    "bold": entry(
        "bold, confident, striking, daring, loud, fearless, powerful, strong", "#e8300d",
        accent="#ffcc00,#111111,#00b4d8",
        harmony="complementary", vibrancy=0.95, neutral="pure", font_pairing="bricolage-dm", roundness=0.1,
        density="compact", shadow_depth=0.7, type_scale=1.333,
    ),
    "edgy": entry(
        "edgy, rebellious, punk, raw, gritty, underground", "#ff1463", accent="#c6ff00,#00f5d4,#ff9f1c",
        harmony="complementary", vibrancy=1.0, neutral="pure", font_pairing="space-grotesk-plex", roundness=0.0,
        density="compact", shadow_depth=0.8, type_scale=1.414,
    ),
    "energetic": entry(
        "energetic, dynamic, lively, exciting, sporty, active, punchy, vibrant energy", "#ff6a00",
        accent="#00c2ff,#c6f000,#7b2ff7",
        harmony="split-complementary", vibrancy=0.95, neutral="brand", font_pairing="poppins-inter",
        roundness=0.4, density="compact", shadow_depth=0.55, type_scale=1.333,
    ),
    "luxurious": entry(
        "luxurious, luxury, premium, opulent, exclusive, upscale, high end, prestige, lavish", "#8c6a34",
        accent="#1c1b19,#2f3e46,#6b2737",
        harmony="complementary", vibrancy=0.4, neutral="warm", font_pairing="playfair-source", roundness=0.05,
        density="spacious", shadow_depth=0.3, type_scale=1.333,
    ),
    "elegant": entry(
        "elegant, refined, sophisticated, classy, graceful, polished", "#6d5068", accent="#c2a878,#8a9a8c,#b4869f",
        harmony="analogous", vibrancy=0.3, neutral="warm", font_pairing="garamond-karla", roundness=0.1,
        density="spacious", shadow_depth=0.25, type_scale=1.333,
    ),
    "serious": entry(
        "serious, formal, authoritative, institutional, sober, dignified", "#26395a", accent="#a67c2d,#8b1e3f,#5c6b73",
        harmony="analogous", vibrancy=0.3, neutral="cool", font_pairing="baskerville-franklin", roundness=0.08,
        density="comfortable", shadow_depth=0.25, type_scale=1.2,
    ),
    "friendly": entry(
        "friendly, approachable, welcoming, kind, human, caring, inclusive, warm hearted", "#f08a2a",
        accent="#2bb5a0,#ffcb47,#6c8cff",
        harmony="split-complementary", vibrancy=0.7, neutral="warm", font_pairing="nunito", roundness=0.75,
        density="comfortable", shadow_depth=0.45, type_scale=1.25,
    ),
    "minimal": entry(
        "minimal, minimalist, clean, simple, understated, scandinavian, bare", "#3e4452",
        harmony="monochrome", vibrancy=0.15, neutral="pure", font_pairing="geist", roundness=0.15,
        density="spacious", shadow_depth=0.12, type_scale=1.2,
    ),
    "romantic": entry(
        "romantic, tender, intimate, love, lovely", "#d65a86", accent="#e8c39e,#9b6a8a,#c9d6c3",
        harmony="analogous", vibrancy=0.55, neutral="warm", font_pairing="playfair-source", roundness=0.6,
        shadow_depth=0.35, type_scale=1.333,
    ),
    "moody": entry(
        "moody, mysterious, dramatic, brooding, gothic, nocturnal", "#3d2b63", accent="#c08a3e,#2f6f6a,#8c2f39",
        harmony="analogous", vibrancy=0.45, neutral="cool", font_pairing="dm-serif-dm-sans", roundness=0.15,
        density="spacious", shadow_depth=0.65, type_scale=1.414,
    ),
    "fresh": entry(
        "fresh, crisp, breezy, clean air, revitalising, revitalizing", "#1fbf9f", accent="#ffd166,#ff8fa3,#6c63ff",
        harmony="split-complementary", vibrancy=0.7, neutral="cool", font_pairing="outfit-figtree",
        roundness=0.5, shadow_depth=0.3, type_scale=1.25,
    ),
    "retro": entry(
        "retro, vintage, nostalgic, seventies, 70s, old school, groovy", "#d4762c", accent="#2a9d8f,#e9c46a,#264653",
        harmony="triadic", vibrancy=0.6, neutral="warm", font_pairing="fraunces-work", roundness=0.45,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "rustic": entry(
        "rustic, handmade, crafted, artisan, artisanal, homemade, handcrafted", "#9a5b2e",
        accent="#6b8f3a,#c9a66b,#3d5a80",
        harmony="analogous", vibrancy=0.45, neutral="warm", font_pairing="fraunces-work", roundness=0.45,
        shadow_depth=0.3, type_scale=1.25,
    ),
    "cozy": entry(
        "cozy, cosy, inviting, homely, snug, comforting", "#b5602c", accent="#d9a441,#7a8b5c,#a44a3f",
        harmony="analogous", vibrancy=0.5, neutral="warm", font_pairing="fraunces-work", roundness=0.6,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "sweet": entry(
        "sweet, sugary, delightful, charming, adorable", "#f28bb5", accent="#7fd1c3,#ffd6a5,#b8a1e3",
        harmony="analogous", vibrancy=0.55, neutral="warm", font_pairing="nunito", roundness=0.85,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "adventurous": entry(
        "adventurous, adventure, wild, explorer, outdoors, outdoor, rugged", "#d9582b",
        accent="#2f6f4f,#f2a541,#3a7ca5",
        harmony="split-complementary", vibrancy=0.7, neutral="warm", font_pairing="bricolage-dm", roundness=0.3,
        shadow_depth=0.45, type_scale=1.333,
    ),
    "classic": entry(
        "classic, timeless, traditional, heritage, established, old world", "#1f3552", accent="#b08d3c,#7a2230,#4e6e58",
        harmony="complementary", vibrancy=0.35, neutral="warm", font_pairing="baskerville-franklin",
        roundness=0.1, shadow_depth=0.25, type_scale=1.25,
    ),
}

ADJECTIVES = {
    "trustworthy": entry(
        "trustworthy, trust, trusted, reliable, safe, stable, dependable, honest", "#1f5fd1",
        accent="#1fa971,#f2a900,#5ab0e8",
        harmony="analogous", vibrancy=0.55, neutral="cool", font_pairing="manrope-inter", roundness=0.35,
        shadow_depth=0.35, type_scale=1.2,
    ),
    "corporate": entry(
        "corporate, professional, business, enterprise, b2b, consulting, consultancy", "#0b5cad",
        accent="#f2a900,#18a999,#e4572e",
        harmony="analogous", vibrancy=0.45, neutral="cool", font_pairing="manrope-inter", roundness=0.2,
        density="comfortable", shadow_depth=0.3, type_scale=1.2,
    ),
    "modern": entry(
        "modern, contemporary, sleek, startup, cutting edge", "#4f46e5", accent="#ff6b6b,#22d3ee,#facc15",
        harmony="split-complementary", vibrancy=0.65, neutral="brand", font_pairing="inter", roundness=0.45,
        shadow_depth=0.4, type_scale=1.25,
    ),
    "techy": entry(
        "techy, tech, technical, futuristic, digital, innovative, cyber, hacker, sci fi, scifi", "#00a7e1",
        accent="#b4ff39,#ff2e88,#7c4dff",
        harmony="complementary", vibrancy=0.9, neutral="cool", font_pairing="sora-jakarta", roundness=0.2,
        density="compact", shadow_depth=0.5, type_scale=1.25,
    ),
    "organic": entry(
        "organic, natural, eco, sustainable, green living, botanical, plant based, biodegradable", "#4f8f3a",
        accent="#d98c3a,#c9a66b,#e07a5f",
        harmony="analogous", vibrancy=0.5, neutral="warm", font_pairing="fraunces-work", roundness=0.6,
        shadow_depth=0.3, type_scale=1.25,
    ),
    "editorial": entry(
        "editorial, magazine, news, newspaper, journal, blog, literary, publishing, publisher", "#a32727",
        accent="#1f2a44,#f2c14e,#2d6a4f",
        harmony="complementary", vibrancy=0.5, neutral="pure", font_pairing="source", roundness=0.0,
        density="comfortable", shadow_depth=0.15, type_scale=1.333,
    ),
    "youthful": entry(
        "youthful, young, gen z, teen, teens, trendy", "#7b5cff", accent="#ffd000,#00d1b2,#ff5c8a",
        harmony="triadic", vibrancy=0.85, neutral="brand", font_pairing="outfit-figtree", roundness=0.7,
        shadow_depth=0.45, type_scale=1.25,
    ),
    "accessible": entry(
        "accessible, legible, readable, dyslexia friendly, easy to read", "#1767b3", accent="#e08a00,#0f9d58,#c2185b",
        harmony="analogous", vibrancy=0.5, neutral="cool", font_pairing="lexend", roundness=0.4,
        density="spacious", shadow_depth=0.3, type_scale=1.2,
    ),
}
