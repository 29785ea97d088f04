"""Engine API, prompt understanding, the AI contract, typography/layout and validation.

Pure Python: these tests never need Django.
"""

import json
import math
import re
import time

import pytest

from designs import engine
from designs.engine import (
    ENGINE_VERSION,
    INTENT_JSON_SCHEMA,
    EngineInputError,
    Intent,
    build_report,
    generate_colors,
    generate_design_system,
    generate_typography,
    intent_from_ai,
    interpret,
    normalise_hex,
    validate_tokens,
)
from designs.engine.color import clear_caches
from designs.engine.fonts import FONT_PAIRING_KEYS
from designs.engine.layout import parse_shadow
from designs.engine.vocabulary import (
    ADJECTIVES,
    CHROMA_WORDS,
    COLOUR_WORDS,
    INDUSTRIES,
    LAYOUT_WORDS,
    MOODS,
    all_phrases,
)

PUBLIC_API = {
    "ENGINE_VERSION",
    "Intent",
    "INTENT_JSON_SCHEMA",
    "EngineInputError",
    "interpret",
    "intent_from_ai",
    "generate_colors",
    "generate_typography",
    "generate_design_system",
    "build_report",
    "validate_tokens",
    "repair_themes",
    "EXPORT_FORMATS",
    "export",
    "normalise_hex",
}
TYPE_STEPS = ["xs", "sm", "base", "lg", "xl", "2xl", "3xl", "4xl", "5xl"]


def hue_distance(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


def ai_answer(**overrides) -> dict:
    answer = {
        "primary_hue": 258,
        "secondary_hue": 288.5,
        "accent_hue": 40,
        "primary_color": None,
        "secondary_color": None,
        "accent_color": None,
        "chroma": "balanced",
        "mood": "calm",
        "industry": "fintech",
        "density": "comfortable",
        "roundness": "soft",
        "font_pairing": "manrope",
    }
    answer.update(overrides)
    return answer


# --- API surface -----------------------------------------------------------------------------------------------


def test_public_api_is_exported():
    assert set(engine.__all__) >= PUBLIC_API
    for name in PUBLIC_API:
        assert hasattr(engine, name), name
    assert isinstance(ENGINE_VERSION, str) and ENGINE_VERSION


def test_engine_has_no_django_imports():
    from pathlib import Path

    for path in Path(engine.__file__).parent.glob("*.py"):
        source = path.read_text()
        assert not re.search(r"^\s*(from|import)\s+django", source, re.M), path.name
        assert len(source.splitlines()) <= 400, f"{path.name} is too long"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("#ABC", "#aabbcc"), ("#AABBCC", "#aabbcc"), ("#0a0B0c", "#0a0b0c"), ("#fff", "#ffffff")],
)
def test_normalise_hex_accepts_short_and_long_forms(given, expected):
    assert normalise_hex(given) == expected


@pytest.mark.parametrize("bad", ["abc", "#abcd", "#gggggg", "red", "rgb(0,0,0)", "", " #fff", "#fffffff", None, 12])
def test_normalise_hex_rejects_everything_else(bad):
    with pytest.raises(EngineInputError):
        normalise_hex(bad)


def test_engine_input_error_is_a_value_error_with_field_errors():
    with pytest.raises(ValueError) as caught:
        Intent.from_dict({"primary_hue": 1})
    assert isinstance(caught.value, EngineInputError)
    assert "secondary_hue" in caught.value.errors
    assert all(isinstance(messages, list) for messages in caught.value.errors.values())


# --- Intent ----------------------------------------------------------------------------------------------------


def test_intent_round_trips_through_json():
    intent = interpret("Playful gaming, pink and teal", "#FF00FF")
    data = json.loads(json.dumps(intent.to_dict()))
    assert Intent.from_dict(data) == intent
    assert data["seed_color"] == "#ff00ff"
    assert isinstance(data["keywords"], list)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"primary_hue": -1}, "primary_hue"),
        ({"secondary_hue": 361}, "secondary_hue"),
        ({"accent_hue": "blue"}, "accent_hue"),
        ({"accent_hue": True}, "accent_hue"),
        ({"primary_hue": math.nan}, "primary_hue"),
        ({"chroma": "loud"}, "chroma"),
        ({"density": "cosy"}, "density"),
        ({"roundness": "blobby"}, "roundness"),
        ({"font_pairing": "comic-sans"}, "font_pairing"),
        ({"mood": "angry"}, "mood"),
        ({"industry": "mining"}, "industry"),
        ({"seed_color": "blue"}, "seed_color"),
        ({"accent_color": "#12"}, "accent_color"),
        ({"keywords": "calm"}, "keywords"),
        ({"source": "magic"}, "source"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_intent_from_dict_rejects_bad_fields(change, field):
    data = interpret("calm fintech").to_dict()
    data.update(change)
    with pytest.raises(EngineInputError) as caught:
        Intent.from_dict(data)
    assert field in caught.value.errors


def test_intent_from_dict_requires_core_fields_and_defaults_optional_ones():
    data = interpret("calm fintech").to_dict()
    for optional in ("seed_color", "secondary_color", "accent_color", "keywords", "source"):
        data.pop(optional)
    assert Intent.from_dict(data).seed_color is None
    del data["chroma"]
    with pytest.raises(EngineInputError) as caught:
        Intent.from_dict(data)
    assert caught.value.errors == {"chroma": ["is required"]}


# --- Offline interpretation ------------------------------------------------------------------------------------


def test_vocabulary_phrases_are_unambiguous_and_cover_the_brief():
    phrases = all_phrases()
    assert len(phrases) == len(set(phrases)), "a phrase maps to two meanings"
    assert {"calm", "playful", "bold", "luxurious", "serious", "friendly", "energetic", "minimal"} <= set(MOODS)
    assert {
        "fintech", "health", "education", "gaming", "food", "travel", "legal", "developer tools", "ecommerce",
        "nonprofit",
    } <= set(INDUSTRIES)
    assert {
        "red", "coral", "orange", "amber", "yellow", "lime", "green", "emerald", "teal", "cyan", "sky", "blue",
        "indigo", "violet", "purple", "magenta", "pink", "rose", "brown", "grey",
    } <= set(COLOUR_WORDS)
    assert {"trustworthy", "modern", "elegant", "warm", "cool", "techy", "organic"} <= set(ADJECTIVES)
    for _, settings in list(MOODS.values()) + list(INDUSTRIES.values()) + list(ADJECTIVES.values()):
        assert settings.get("font_pairing", "inter") in FONT_PAIRING_KEYS
    assert set(CHROMA_WORDS) <= {"muted", "balanced", "vivid"}
    assert {value for _, value in LAYOUT_WORDS} <= {"compact", "spacious", "sharp", "round"}


def test_interpret_reads_the_example_prompt():
    intent = interpret("calm, trustworthy fintech")
    assert intent.mood == "calm"
    assert intent.industry == "fintech"
    assert intent.keywords == ("calm", "trustworthy", "fintech")
    assert hue_distance(intent.primary_hue, 255) < 10  # trustworthy blue
    assert intent.chroma == "muted" and intent.density == "spacious"
    assert intent.source == "vocabulary" and intent.seed_color is None


def test_interpret_ignores_case_and_punctuation():
    assert interpret("CALM!!! Trustworthy... FinTech?") == interpret("calm trustworthy fintech")
    assert interpret("  Developer-Tools  ").industry == "developer tools"
    assert interpret("E-Commerce").industry == "ecommerce"
    assert interpret("banks").industry == "fintech"


def test_explicit_colour_words_beat_mood_and_industry():
    assert hue_distance(interpret("calm fintech").primary_hue, 27) > 90
    intent = interpret("calm red fintech")
    assert hue_distance(intent.primary_hue, COLOUR_WORDS["red"][0]) < 1
    assert intent.mood == "calm" and intent.industry == "fintech"
    both = interpret("green and purple gaming")
    assert hue_distance(both.primary_hue, COLOUR_WORDS["green"][0]) < 1
    assert hue_distance(both.secondary_hue, COLOUR_WORDS["purple"][0]) < 1


def test_seed_sets_primary_hue_and_empty_prompt_with_seed_is_valid():
    from coloraide import Color

    intent = interpret("", "#FF6600")
    assert intent.seed_color == "#ff6600"
    assert hue_distance(intent.primary_hue, Color("#ff6600").convert("oklch")["hue"]) < 0.01
    assert hue_distance(interpret("blue", "#ff6600").primary_hue, intent.primary_hue) < 0.01
    grey = interpret("", "#808080")
    assert grey.seed_color == "#808080" and 0 <= grey.primary_hue < 360


def test_empty_prompt_without_seed_gives_a_sensible_default():
    intent = interpret("")
    assert intent == interpret("   ...  ")
    assert intent.mood == "neutral" and intent.industry == "general"
    assert intent.chroma == "balanced" and intent.density == "comfortable" and intent.font_pairing == "inter"
    assert intent.keywords == ()
    assert build_report(generate_design_system(intent))["passes"]


def test_hex_codes_in_the_prompt_become_colours():
    intent = interpret("Brand is #FF6600 with #003366 and #0c0")
    assert (intent.seed_color, intent.secondary_color, intent.accent_color) == ("#ff6600", "#003366", "#00cc00")
    seeded = interpret("secondary #003366", "#123456")
    assert seeded.seed_color == "#123456" and seeded.secondary_color == "#003366"


def test_prompt_chooses_type_pairing_density_and_roundness():
    assert interpret("luxurious boutique hotel").font_pairing == "playfair-lato"
    assert interpret("techy developer tools").font_pairing == "space-plex"
    assert interpret("friendly food delivery").roundness == "round"
    assert interpret("compact dashboard, sharp corners").density == "compact"
    assert interpret("spacious and airy").density == "spacious"


def test_interpret_rejects_bad_input():
    with pytest.raises(EngineInputError):
        interpret("calm", "not-a-colour")
    with pytest.raises(EngineInputError):
        interpret(None)


def test_interpret_is_deterministic_and_bounded():
    prompt = "bold energetic orange sports brand " * 200
    assert interpret(prompt) == interpret(prompt)
    assert interpret(prompt).keywords == ("bold", "energetic", "orange")


# --- AI contract -----------------------------------------------------------------------------------------------


def _walk_schema(node):
    yield node
    for child in node.get("properties", {}).values():
        yield from _walk_schema(child)


def test_intent_schema_is_strict_structured_output_compatible():
    assert INTENT_JSON_SCHEMA["type"] == "object"
    for node in _walk_schema(INTENT_JSON_SCHEMA):
        if node.get("type") == "object":
            assert node["additionalProperties"] is False
            assert sorted(node["required"]) == sorted(node["properties"])
        for unsupported in ("minimum", "maximum", "pattern", "format", "default", "oneOf"):
            assert unsupported not in node
    props = INTENT_JSON_SCHEMA["properties"]
    assert props["font_pairing"]["enum"] == list(FONT_PAIRING_KEYS)
    assert props["primary_color"]["type"] == ["string", "null"]
    assert set(props) >= {"primary_hue", "secondary_hue", "accent_hue", "chroma", "mood", "industry", "density",
                          "roundness", "font_pairing"}
    json.dumps(INTENT_JSON_SCHEMA)


def test_a_valid_answer_matches_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(ai_answer(), INTENT_JSON_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(ai_answer(extra=1), INTENT_JSON_SCHEMA)


def test_intent_from_ai_builds_an_intent():
    intent = intent_from_ai(ai_answer(accent_color="#FFAA00"), prompt="Calm fintech", seed_color=None)
    assert intent.source == "ai"
    assert intent.font_pairing == "manrope" and intent.mood == "calm"
    assert intent.accent_color == "#ffaa00"
    assert intent.keywords == ("calm", "fintech")
    assert build_report(generate_design_system(intent))["passes"]


def test_user_seed_always_wins_over_the_ai():
    from coloraide import Color

    intent = intent_from_ai(ai_answer(primary_color="#00ff00", primary_hue=140), prompt="x", seed_color="#FF0066")
    assert intent.seed_color == "#ff0066"
    assert hue_distance(intent.primary_hue, Color("#ff0066").convert("oklch")["hue"]) < 0.01
    tokens = generate_colors(intent)
    assert "#ff0066" in tokens["colors"]["primary"].values()
    suggested = intent_from_ai(ai_answer(primary_color="#00FF00"), prompt="x", seed_color=None)
    assert suggested.seed_color == "#00ff00"


@pytest.mark.parametrize(
    ("answer", "field"),
    [
        (ai_answer(primary_hue=400), "primary_hue"),
        (ai_answer(secondary_hue=-5), "secondary_hue"),
        (ai_answer(accent_hue="orange"), "accent_hue"),
        (ai_answer(primary_hue=True), "primary_hue"),
        (ai_answer(chroma="neon"), "chroma"),
        (ai_answer(font_pairing="Comic Sans"), "font_pairing"),
        (ai_answer(mood=None), "mood"),
        (ai_answer(primary_color="#12345"), "primary_color"),
        (ai_answer(secondary_color="blue"), "secondary_color"),
        (ai_answer(rationale="because"), "rationale"),
        ({k: v for k, v in ai_answer().items() if k != "density"}, "density"),
        ("not an object", "answer"),
    ],
)
def test_intent_from_ai_rejects_invalid_answers(answer, field):
    with pytest.raises(EngineInputError) as caught:
        intent_from_ai(answer, prompt="calm", seed_color=None)
    assert field in caught.value.errors


def test_intent_from_ai_rejects_a_bad_user_seed():
    with pytest.raises(EngineInputError) as caught:
        intent_from_ai(ai_answer(), prompt="calm", seed_color="#zzz")
    assert "seed_color" in caught.value.errors


# --- Typography and layout -------------------------------------------------------------------------------------

_CLAMP = re.compile(r"clamp\(([\d.]+)rem, (-?[\d.]+)rem \+ ([\d.]+)vw, ([\d.]+)rem\)")


@pytest.mark.parametrize(("density", "ratio"), [("compact", 1.2), ("comfortable", 1.25), ("spacious", 1.333)])
def test_type_scale_is_fluid_and_follows_density(density, ratio):
    intent = Intent(primary_hue=250, secondary_hue=280, accent_hue=30, density=density)
    tokens = generate_typography(intent)
    assert set(tokens) == {"typography", "spacing"}
    scale = tokens["typography"]["scale"]
    assert scale["ratio"] == ratio and scale["base_px"] == 16
    assert list(scale["steps"]) == TYPE_STEPS
    assert scale["steps"]["base"]["min_rem"] == 1.0
    previous_max = 0.0
    for step in TYPE_STEPS:
        entry = scale["steps"][step]
        low, intercept, slope, high = map(float, _CLAMP.fullmatch(entry["clamp"]).groups())
        assert (low, high) == (entry["min_rem"], entry["max_rem"])
        assert low <= high and high > previous_max
        assert low >= 0.75, "no text smaller than 12px"
        previous_max = high
        # The preferred value reaches the bounds at the 320px and 1280px viewports.
        assert abs(intercept + slope * 320 / 100 / 16 - low) < 0.001
        assert abs(intercept + slope * 1280 / 100 / 16 - high) < 0.001
    heights = list(tokens["typography"]["line_heights"].values())
    assert list(tokens["typography"]["line_heights"]) == TYPE_STEPS
    assert all(a >= b for a, b in zip(heights, heights[1:], strict=False)) and heights[0] > heights[-1]
    assert tokens["typography"]["weights"] == {"regular": 400, "medium": 500, "semibold": 600, "bold": 700}


def test_font_families_have_generic_fallbacks():
    for key in FONT_PAIRING_KEYS:
        intent = Intent(primary_hue=1, secondary_hue=2, accent_hue=3, font_pairing=key)
        families = generate_typography(intent)["typography"]["families"]
        assert set(families) == {"heading", "body", "mono"}
        for role, family in families.items():
            assert family["stack"].startswith(f'"{family["name"]}"')
            generic = "monospace" if role == "mono" else ("serif", "sans-serif")
            assert family["stack"].endswith(generic)
    assert 8 <= len(FONT_PAIRING_KEYS) <= 14


def _rem(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(rem|px)", value).groups()
    return float(number) / (16 if unit == "px" else 1)


def test_spacing_radii_and_shadows_follow_one_reading():
    compact = generate_design_system(interpret("compact sharp dashboard"))
    spacious = generate_design_system(interpret("spacious rounded"))
    assert compact["spacing"]["base_px"] < spacious["spacing"]["base_px"]
    assert compact["spacing"]["scale"]["0"] == "0rem"
    for tokens in (compact, spacious):
        base = tokens["spacing"]["base_px"]
        for key, value in tokens["spacing"]["scale"].items():
            assert abs(_rem(value) - int(key) * base / 16) < 1e-4
        radii = tokens["radii"]
        assert list(radii) == ["none", "sm", "md", "lg", "xl", "full"]
        sizes = [_rem(radii[k]) for k in ("none", "sm", "md", "lg", "xl", "full")]
        assert sizes == sorted(sizes) and sizes[0] == 0
        assert list(tokens["shadows"]) == ["sm", "md", "lg", "xl"]
        blurs = [max(layer["blur"][0] for layer in parse_shadow(s)) for s in tokens["shadows"].values()]
        assert blurs == sorted(blurs)
    assert _rem(compact["radii"]["lg"]) < _rem(spacious["radii"]["lg"])


# --- Determinism, report scope, speed --------------------------------------------------------------------------


def test_generation_is_deterministic_down_to_key_order():
    intent = interpret("warm organic bakery", "#c2410c")
    first = generate_design_system(intent)
    clear_caches()
    second = generate_design_system(Intent.from_dict(intent.to_dict()))
    assert json.dumps(first) == json.dumps(second)
    assert json.dumps(build_report(first)) == json.dumps(build_report(second))
    assert list(first) == ["colors", "themes", "typography", "spacing", "radii", "shadows"]


def test_report_covers_exactly_what_the_tokens_hold():
    intent = interpret("calm fintech")
    colours_only = build_report(generate_colors(intent))
    assert len(colours_only["contrast"]) == 2 * 13 and len(colours_only["status_distances"]) == 2 * 18
    typography_only = build_report(generate_typography(intent))
    assert typography_only == {"contrast": [], "status_distances": [], "passes": True}
    scales_only = build_report({"colors": generate_colors(intent)["colors"]})
    assert scales_only["contrast"] == []


def test_full_design_system_and_report_are_fast():
    prompts = [("calm trustworthy fintech", "#2563eb"), ("playful gaming", None), ("luxury", "#fafafa")]
    durations = []
    for prompt, seed in prompts:
        clear_caches()
        start = time.perf_counter()
        build_report(generate_design_system(interpret(prompt, seed)))
        durations.append(time.perf_counter() - start)
    # Generous bound (cold caches, shared CI cores); typical runs take ~15 ms.
    assert max(durations) < 0.25, durations


# --- validate_tokens -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tokens():
    return generate_design_system(interpret("calm trustworthy fintech", "#2563EB"))


def test_validate_tokens_returns_a_normalised_copy(tokens):
    payload = json.loads(json.dumps(tokens))
    payload["themes"]["light"]["text"] = payload["themes"]["light"]["text"].upper()
    payload["colors"]["primary"]["500"] = "#ABC"
    clean = validate_tokens(payload)
    assert clean["themes"]["light"]["text"] == tokens["themes"]["light"]["text"]
    assert clean["colors"]["primary"]["500"] == "#aabbcc"
    assert payload["colors"]["primary"]["500"] == "#ABC", "input must not be mutated"
    assert validate_tokens(tokens) == tokens


def _broken(tokens, path: str, value):
    payload = json.loads(json.dumps(tokens))
    *parents, last = path.split(".")
    node = payload
    for key in parents:
        node = node[key]
    if value is KeyError:
        del node[last]
    else:
        node[last] = value
    return payload


@pytest.mark.parametrize(
    ("path", "value", "error_path"),
    [
        ("themes.light.text", "black", "themes.light.text"),
        ("themes.dark.on-info", KeyError, "themes.dark.on-info"),
        ("themes.dark.glow", "#ffffff", "themes.dark.glow"),
        ("themes.sepia", {}, "themes.sepia"),
        ("colors.primary.500", KeyError, "colors.primary.500"),
        ("colors.primary.1000", "#000000", "colors.primary.1000"),
        ("colors.brand", {}, "colors.brand"),
        ("colors.neutral", ["#fff"], "colors.neutral"),
        ("typography.scale.steps.lg.clamp", "clamp(1rem, 2vw, 3rem); } body {", "typography.scale.steps.lg.clamp"),
        ("typography.families.body.stack", "Inter; } * { display:none", "typography.families.body.stack"),
        ("typography.weights.bold", 700.5, "typography.weights.bold"),
        ("typography.line_heights.xs", True, "typography.line_heights.xs"),
        ("typography.scale.ratio", 5, "typography.scale.ratio"),
        ("spacing.scale.4", "1 rem", "spacing.scale.4"),
        ("spacing.base_px", 0, "spacing.base_px"),
        ("radii.md", "-4px", "radii.md"),
        ("shadows.md", "0 1px 2px red; } body {", "shadows.md"),
        ("shadows.lg", KeyError, "shadows.lg"),
        ("sparkles", {}, "sparkles"),
    ],
)
def test_validate_tokens_rejects_bad_shapes_with_field_paths(tokens, path, value, error_path):
    with pytest.raises(EngineInputError) as caught:
        validate_tokens(_broken(tokens, path, value))
    assert error_path in caught.value.errors, caught.value.errors


@pytest.mark.parametrize("payload", [None, [], {}, "tokens"])
def test_validate_tokens_rejects_non_payloads(payload):
    with pytest.raises(EngineInputError) as caught:
        validate_tokens(payload)
    assert "tokens" in caught.value.errors


def test_validate_tokens_collects_every_error(tokens):
    payload = _broken(_broken(tokens, "themes.light.text", "nope"), "radii.sm", "big")
    with pytest.raises(EngineInputError) as caught:
        validate_tokens(payload)
    assert {"themes.light.text", "radii.sm"} <= set(caught.value.errors)


def test_validate_tokens_canonicalises_shadows(tokens):
    payload = _broken(tokens, "shadows.sm", "0 1px 2px rgba(0, 0, 0, .5)")
    assert validate_tokens(payload)["shadows"]["sm"] == "0 1px 2px 0 rgb(0 0 0 / 0.5)"
