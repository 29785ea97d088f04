"""Industries: what a brand does, and the colours and pairings its field expects."""

from .entries import entry

INDUSTRIES = {
    "fintech": entry(
        "fintech, finance, financial, bank, banking, neobank, payments, payment, investing, investment, wealth, "
        "accounting, budgeting, savings, money", "#1b63e8", accent="#12b886,#7c5cff,#ff8c42",
        harmony="analogous", vibrancy=0.6, neutral="cool", font_pairing="manrope-inter", roundness=0.35,
        density="compact", shadow_depth=0.3, type_scale=1.2,
    ),
    "crypto": entry(
        "crypto, cryptocurrency, web3, blockchain, defi, nft, trading, exchange", "#7b3fe4",
        accent="#00e5ff,#f7931a,#ff3d81",
        harmony="complementary", vibrancy=0.9, neutral="cool", font_pairing="sora-jakarta", roundness=0.3,
        density="compact", shadow_depth=0.6, type_scale=1.25,
    ),
    "insurance": entry(
        "insurance, insurer, pension, pensions", "#22619e", accent="#f59f00,#26a69a,#ef6c57",
        harmony="analogous", vibrancy=0.45, neutral="cool", font_pairing="manrope-inter", roundness=0.35,
        shadow_depth=0.3, type_scale=1.2,
    ),
    "health": entry(
        "health, healthcare, medical, clinic, hospital, pharma, pharmacy, doctor, doctors, telehealth, dental, "
        "dentist, patient, patients", "#0f9a97", accent="#ff8a65,#7bd389,#6a7fdb",
        harmony="analogous", vibrancy=0.55, neutral="cool", font_pairing="lexend", roundness=0.6,
        density="comfortable", shadow_depth=0.25, type_scale=1.2,
    ),
    "wellness": entry(
        "wellness, wellbeing, well being, yoga, meditation, therapy, mental health, self care, spa, retreat",
        "#6fa38d", accent="#e6b89c,#b5a8d6,#f2d0a4",
        harmony="analogous", vibrancy=0.35, neutral="warm", font_pairing="lexend", roundness=0.7,
        density="spacious", shadow_depth=0.2, type_scale=1.25,
    ),
    "fitness": entry(
        "fitness, gym, workout, training, running, sports, sport, athletic, athletes, cycling", "#ff3b1f",
        accent="#c6f000,#00e0ff,#111111",
        harmony="complementary", vibrancy=1.0, neutral="pure", font_pairing="bricolage-dm", roundness=0.2,
        density="compact", shadow_depth=0.6, type_scale=1.333,
    ),
    "education": entry(
        "education, edtech, learning, school, schools, university, course, courses, teaching, students, "
        "tutoring, academy, classroom", "#3653d6", accent="#ffc53d,#ff6b6b,#2ec4b6",
        harmony="triadic", vibrancy=0.65, neutral="brand", font_pairing="source", roundness=0.45,
        density="comfortable", shadow_depth=0.35, type_scale=1.25,
    ),
    "kids": entry(
        "kids, children, childrens, child, toddler, toddlers, toys, toy, nursery, preschool", "#ff8a1f",
        accent="#3ec1d3,#ffd23f,#8e7dff",
        harmony="triadic", vibrancy=0.9, neutral="warm", font_pairing="nunito", roundness=0.95,
        density="comfortable", shadow_depth=0.5, type_scale=1.25,
    ),
    "gaming": entry(
        "gaming, game, games, esports, gamer, gamers, arcade, console", "#7a35f0", accent="#00f0b5,#ff2e97,#ffe600",
        harmony="complementary", vibrancy=0.95, neutral="cool", font_pairing="space-grotesk-plex", roundness=0.15,
        density="compact", shadow_depth=0.7, type_scale=1.333,
    ),
    "food": entry(
        "food, restaurant, restaurants, recipe, recipes, cooking, kitchen, meal, meals, dining, bistro, grocery, "
        "delivery, pizza, burger, burgers", "#d9443a", accent="#6a994e,#f4a259,#ffd166",
        harmony="split-complementary", vibrancy=0.75, neutral="warm", font_pairing="fraunces-work", roundness=0.5,
        shadow_depth=0.4, type_scale=1.25,
    ),
    "bakery": entry(
        "bakery, bakeries, pastry, patisserie, cake, cakes, bakehouse, desserts, dessert, cupcakes", "#e39670",
        accent="#8ecae6,#e07a9b,#7a4e2d",
        harmony="analogous", vibrancy=0.5, neutral="warm", font_pairing="fraunces-work", roundness=0.7,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "confectionery": entry(
        "chocolatier, chocolate shop, chocolates, confectionery, confectioner, sweets, candy, candy shop, "
        "ice cream, gelato", "#7b3f2a", accent="#f2a7b8,#8fd3c1,#e8c07d",
        harmony="analogous", vibrancy=0.55, neutral="warm", font_pairing="dm-serif-dm-sans", roundness=0.55,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "books": entry(
        "books, bookshop, bookstore, book club, library, libraries, literature, academia, academic, reading club, "
        "poetry, novel, novels", "#5a3e2b", accent="#2f5d50,#7a2230,#c9a45c",
        harmony="analogous", vibrancy=0.35, neutral="warm", font_pairing="garamond-karla", roundness=0.1,
        shadow_depth=0.3, type_scale=1.333,
    ),
    "coffee": entry(
        "coffee, cafe, café, coffeehouse, roastery, roaster, roasters, espresso bar, coffee shop", "#6f4a32",
        accent="#d4a373,#7f9c8c,#c0553f",
        harmony="analogous", vibrancy=0.45, neutral="warm", font_pairing="dm-serif-dm-sans", roundness=0.4,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "wine": entry(
        "winery, vineyard, vineyards, wine estate, wine bar, sommelier, wines", "#6e2233",
        accent="#8a9a5b,#c9a45c,#2f3e46",
        harmony="complementary", vibrancy=0.45, neutral="warm", font_pairing="garamond-karla", roundness=0.1,
        density="spacious", shadow_depth=0.3, type_scale=1.333,
    ),
    "brewery": entry("brewery, craft beer, beer, taproom, brewing, distillery", "#c98418",
    accent="#2f4f3a,#e3b23c,#8c2f1c",
                      harmony="complementary", vibrancy=0.7, neutral="warm", font_pairing="bricolage-dm",
                      roundness=0.3, shadow_depth=0.4),
    "travel": entry(
        "travel, tourism, booking, vacation, vacations, holiday, holidays, airline, flights, trips, trip, "
        "destination, destinations", "#0a8fa3", accent="#ff6f61,#ffd23f,#2ec4b6",
        harmony="split-complementary", vibrancy=0.7, neutral="brand", font_pairing="outfit-figtree",
        roundness=0.6, shadow_depth=0.4, type_scale=1.25,
    ),
    "hospitality": entry(
        "hotel, hotels, resort, resorts, boutique hotel, hospitality, inn, lodge", "#7c6142",
        accent="#2e4a3f,#c8a96a,#8c3b3b",
        harmony="complementary", vibrancy=0.4, neutral="warm", font_pairing="playfair-source", roundness=0.2,
        density="spacious", shadow_depth=0.3, type_scale=1.333,
    ),
    "legal": entry(
        "legal, law, lawyer, lawyers, attorney, attorneys, law firm, compliance, notary, solicitors", "#1d2b48",
        accent="#b38b3e,#7a2230,#4f6d7a",
        harmony="analogous", vibrancy=0.28, neutral="cool", font_pairing="baskerville-franklin", roundness=0.05,
        density="comfortable", shadow_depth=0.2, type_scale=1.2,
    ),
    "developer tools": entry(
        "developer tools, dev tools, devtools, developer, developers, api, apis, devops, infrastructure, "
        "open source, cli, sdk, saas, cloud, hosting, database", "#6852d6", accent="#2ee6a6,#ffb86b,#ff5c93",
        harmony="analogous", vibrancy=0.7, neutral="pure", font_pairing="geist", roundness=0.35,
        density="compact", shadow_depth=0.3, type_scale=1.2,
    ),
    "ai": entry(
        "ai, artificial intelligence, machine learning, ml, llm, chatbot, assistant, copilot", "#7c5cff",
        accent="#ff7ab6,#2ee6d6,#c6ff4d",
        harmony="split-complementary", vibrancy=0.8, neutral="cool", font_pairing="sora-jakarta", roundness=0.45,
        shadow_depth=0.45, type_scale=1.25,
    ),
    "cybersecurity": entry(
        "cybersecurity, security, infosec, privacy, encryption, firewall, vpn", "#00b37e",
        accent="#9b5de5,#00e5ff,#ff9f1c",
        harmony="complementary", vibrancy=0.8, neutral="cool", font_pairing="space-grotesk-plex", roundness=0.15,
        density="compact", shadow_depth=0.5, type_scale=1.2,
    ),
    "ecommerce": entry(
        "ecommerce, e commerce, shop, shopping, store, retail, marketplace, checkout, online store", "#f04e2c",
        accent="#1d3557,#ffb703,#2a9d8f",
        harmony="split-complementary", vibrancy=0.8, neutral="brand", font_pairing="poppins-inter",
        roundness=0.45, shadow_depth=0.45, type_scale=1.25,
    ),
    "fashion": entry(
        "fashion, apparel, clothing, couture, fashion house, streetwear, boutique, atelier, runway", "#2a2630",
        harmony="monochrome", vibrancy=0.2, neutral="pure", font_pairing="dm-serif-dm-sans", roundness=0.0,
        density="spacious", shadow_depth=0.15, type_scale=1.414,
    ),
    "beauty": entry(
        "beauty, cosmetics, skincare, skin care, makeup, salon, nails, haircare, fragrance, perfume", "#c98f93",
        accent="#c6a15b,#8fa89b,#b48ead",
        harmony="analogous", vibrancy=0.4, neutral="warm", font_pairing="playfair-source", roundness=0.75,
        density="spacious", shadow_depth=0.3, type_scale=1.333,
    ),
    "jewellery": entry(
        "jewelry, jewellery, jeweller, jeweler, watches, diamonds, diamond", "#a88a4f",
        accent="#1f3d36,#2c3e66,#7a2230",
        harmony="complementary", vibrancy=0.45, neutral="warm", font_pairing="garamond-karla", roundness=0.05,
        density="spacious", shadow_depth=0.3, type_scale=1.333,
    ),
    "nonprofit": entry(
        "nonprofit, non profit, charity, ngo, community, volunteer, volunteers, foundation, donation, donations",
        "#2a9d78", accent="#f4a259,#ffd166,#5b8def",
        harmony="split-complementary", vibrancy=0.6, neutral="warm", font_pairing="source", roundness=0.5,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "energy": entry(
        "energy, solar, renewable, renewables, climate, clean energy, electric vehicles, ev, charging, battery",
        "#f2b705",
        accent="#1b998b,#2d6cdf,#8ac926",
        harmony="complementary", vibrancy=0.85, neutral="cool", font_pairing="space-grotesk-plex", roundness=0.3,
        shadow_depth=0.4, type_scale=1.25,
    ),
    "real estate": entry(
        "real estate, property, properties, realtor, homes, housing, rental, rentals, mortgage", "#2f5e55",
        accent="#c9a66b,#3d5a80,#d1855c",
        harmony="analogous", vibrancy=0.4, neutral="warm", font_pairing="manrope-inter", roundness=0.3,
        shadow_depth=0.35, type_scale=1.25,
    ),
    "agriculture": entry(
        "agriculture, farm, farms, farming, farmers, harvest, orchard, agritech", "#6a8f25",
        accent="#e9c46a,#bc6c25,#4a7c59",
        harmony="analogous", vibrancy=0.55, neutral="warm", font_pairing="fraunces-work", roundness=0.4,
        shadow_depth=0.3,
    ),
    "automotive": entry(
        "automotive, car, cars, motors, garage, dealership, racing, motorsport", "#c3161f",
        accent="#2b2d42,#f2a900,#8d99ae",
        harmony="complementary", vibrancy=0.85, neutral="pure", font_pairing="sora-jakarta", roundness=0.15,
        density="compact", shadow_depth=0.6, type_scale=1.333,
    ),
    "music": entry(
        "music, musician, band, label, records, concert, concerts, festival, podcast, audio, streaming", "#e5336f",
        accent="#ffd23f,#00d1ff,#9b5de5",
        harmony="triadic", vibrancy=0.9, neutral="cool", font_pairing="bricolage-dm", roundness=0.35,
        shadow_depth=0.55, type_scale=1.333,
    ),
    "creative": entry(
        "creative, agency, studio, design studio, portfolio, art, artist, artists, gallery, photography",
        "#ff5a5f", accent="#2ec4b6,#ffbf69,#5e60ce",
        harmony="triadic", vibrancy=0.8, neutral="pure", font_pairing="dm-serif-dm-sans", roundness=0.25,
        shadow_depth=0.4, type_scale=1.414,
    ),
    "architecture": entry(
        "architecture, architect, architects, interior design, interiors, furniture, construction", "#5b5f66",
        accent="#c2703d,#a3b18a,#3a5a78",
        harmony="monochrome", vibrancy=0.12, neutral="pure", font_pairing="geist", roundness=0.05,
        density="spacious", shadow_depth=0.15, type_scale=1.333,
    ),
    "logistics": entry(
        "logistics, shipping, freight, supply chain, warehouse, courier, fleet", "#f27b0c",
        accent="#1d3557,#2ec4b6,#ffcc00",
        harmony="complementary", vibrancy=0.75, neutral="cool", font_pairing="manrope-inter", roundness=0.25,
        density="compact", shadow_depth=0.35, type_scale=1.2,
    ),
    "science": entry(
        "science, biotech, research, lab, laboratory, genomics, chemistry, scientific", "#00869e",
        accent="#ff6b6b,#ffd166,#845ec2",
        harmony="analogous", vibrancy=0.6, neutral="cool", font_pairing="inter", roundness=0.3,
        shadow_depth=0.3, type_scale=1.2,
    ),
    "government": entry(
        "government, civic, public sector, council, municipal, city services, public service", "#1b3a66",
        accent="#c1121f,#e9c46a,#2a9d8f",
        harmony="analogous", vibrancy=0.4, neutral="cool", font_pairing="source", roundness=0.15,
        density="comfortable", shadow_depth=0.2, type_scale=1.2,
    ),
    "pets": entry(
        "pets, pet, dog, dogs, cat, cats, vet, veterinary, grooming, puppy", "#f0983a",
        accent="#2a9d8f,#ffb4a2,#6d9dc5",
        harmony="split-complementary", vibrancy=0.7, neutral="warm", font_pairing="nunito", roundness=0.8,
        shadow_depth=0.4, type_scale=1.25,
    ),
    "florist": entry(
        "florist, flowers, flower, floral, garden, gardening, plants, nursery garden, botanics", "#d3527d",
        accent="#588157,#f6bd60,#b8a1e3",
        harmony="split-complementary", vibrancy=0.6, neutral="warm", font_pairing="garamond-karla",
        roundness=0.6, shadow_depth=0.3, type_scale=1.25,
    ),
    "wedding": entry(
        "wedding, weddings, bridal, bride, engagement, events, event planning", "#caa089",
        accent="#9bb1a1,#b8a9c9,#e8b4a0",
        harmony="analogous", vibrancy=0.3, neutral="warm", font_pairing="playfair-source", roundness=0.5,
        density="spacious", shadow_depth=0.25, type_scale=1.333,
    ),
    "productivity": entry(
        "productivity, project management, tasks, to do, todo, calendar, notes, collaboration, workspace, crm, "
        "analytics, dashboard, dashboards", "#3b6cf2", accent="#ff8a00,#22c55e,#ec4899",
        harmony="split-complementary", vibrancy=0.65, neutral="brand", font_pairing="inter", roundness=0.4,
        density="compact", shadow_depth=0.3, type_scale=1.2,
    ),
    "media": entry(
        "media, film, cinema, movies, tv, television, video, entertainment, theatre, theater", "#b3202f",
        accent="#f4c430,#00b4d8,#2b2d42",
        harmony="complementary", vibrancy=0.7, neutral="cool", font_pairing="dm-serif-dm-sans", roundness=0.2,
        shadow_depth=0.55, type_scale=1.414,
    ),
    "hr": entry(
        "hr, recruiting, recruitment, hiring, jobs, careers, talent, payroll, people ops", "#12a08a",
        accent="#ff7f50,#6c63ff,#ffd166",
        harmony="split-complementary", vibrancy=0.6, neutral="brand", font_pairing="outfit-figtree",
        roundness=0.55, shadow_depth=0.35, type_scale=1.25,
    ),
}
