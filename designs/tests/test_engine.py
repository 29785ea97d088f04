"""Engine API, the intent, brief reading, the AI contract, variations, typography/layout, validation and the
catalogue. Pure Python: these tests never need Django."""

import json
import math
import re

import jsonschema
import pytest
from coloraide import Color
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designs import engine
from designs.engine import (
    ENGINE_VERSION,
    INTENT_FIELDS,
    INTENT_JSON_SCHEMA,
    LOCKABLE,
    EngineInputError,
    Intent,
    build_report,
    generate_colors,
    generate_design_system,
    generate_typography,
    intent_from_ai,
    intent_json_schema,
    interpret,
    normalise_hex,
    validate_tokens,
    variant,
)
from designs.engine.catalogue import describe
from designs.engine.font_faces import font_catalogue
from designs.engine.fonts import FONT_PAIRING_KEYS, PAIRINGS, heading_kind
from designs.engine.layout import parse_shadow
from designs.engine.lexicon import lookup, name_count
from designs.engine.tokens import parse_font_stack

PROPERTY = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
TYPE_STEPS = ["xs", "sm", "base", "lg", "xl", "2xl", "3xl", "4xl", "5xl"]
_CLAMP = re.compile(r"clamp\(([\d.]+)rem, (-?[\d.]+)rem \+ ([\d.]+)vw, ([\d.]+)rem\)")


def oklch(hex_color: str) -> tuple[float, float, float]:
    lightness, chroma, hue = Color(hex_color).convert("oklch").coords()
    return lightness, chroma, 0.0 if math.isnan(hue) else hue


def hue_gap(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


def gamut_max(lightness: float, hue: float) -> float:
    """The most chroma sRGB shows at this lightness and hue, found by bisection with coloraide."""
    low, high = 0.0, 0.5
    for _ in range(30):
        middle = (low + high) / 2
        low, high = (middle, high) if Color("oklch", [lightness, middle, hue]).in_gamut("srgb") else (low, middle)
    return low


# --- the package -----------------------------------------------------------------------------------------------


def test_public_api_is_exported():
    for name in (
        "ENGINE_VERSION",
        "Intent",
        "INTENT_FIELDS",
        "INTENT_JSON_SCHEMA",
        "EngineInputError",
        "interpret",
        "intent_from_ai",
        "variant",
        "generate_colors",
        "generate_typography",
        "generate_design_system",
        "build_report",
        "validate_tokens",
        "repair_themes",
        "EXPORT_FORMATS",
        "export",
        "normalise_hex",
    ):
        assert hasattr(engine, name) and name in engine.__all__, name
    assert ENGINE_VERSION.startswith("2.")


def test_engine_has_no_django_imports_and_short_modules():
    from pathlib import Path

    for path in Path(engine.__file__).parent.glob("*.py"):
        source = path.read_text()
        assert not re.search(r"^\s*(from|import)\s+django", source, re.M), path.name
        assert len(source.splitlines()) <= 450, f"{path.name} is too long"


@pytest.mark.parametrize(
    ("given", "expected"), [("#ABC", "#aabbcc"), ("#AABBCC", "#aabbcc"), ("#0a0B0c", "#0a0b0c"), ("#fff", "#ffffff")]
)
def test_normalise_hex_accepts_short_and_long_forms(given, expected):
    assert normalise_hex(given) == expected


@pytest.mark.parametrize("bad", ["abc", "#abcd", "#gggggg", "red", "rgb(0,0,0)", "", " #fff", "#fffffff", None, 12])
def test_normalise_hex_rejects_everything_else(bad):
    with pytest.raises(EngineInputError):
        normalise_hex(bad)


# --- the intent ------------------------------------------------------------------------------------------------


def test_an_intent_needs_only_a_primary_and_round_trips_through_json():
    intent = Intent.from_dict({"primary": "#FFD400"})
    assert intent.primary == "#ffd400"
    assert intent.to_dict() == {
        name: (spec.default if name != "primary" else "#ffd400") for name, spec in INTENT_FIELDS.items()
    }
    assert Intent.from_dict(json.loads(json.dumps(intent.to_dict()))) == intent


def test_numbers_are_rounded_on_the_way_in():
    intent = Intent(primary="#123456", vibrancy=0.123456, type_scale=1.23456, roundness=1)
    assert (intent.vibrancy, intent.type_scale, intent.roundness) == (0.12, 1.235, 1.0)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"primary": "blue"}, "primary"),
        ({"primary": None}, "primary"),
        ({"secondary": "#12345"}, "secondary"),
        ({"harmony": "clashing"}, "harmony"),
        ({"vibrancy": 1.01}, "vibrancy"),
        ({"vibrancy": -0.1}, "vibrancy"),
        ({"vibrancy": "0.5"}, "vibrancy"),
        ({"vibrancy": float("nan")}, "vibrancy"),
        ({"vibrancy": True}, "vibrancy"),
        ({"neutral": "beige"}, "neutral"),
        ({"font_pairing": "comic-sans"}, "font_pairing"),
        ({"type_scale": 1.5}, "type_scale"),
        ({"base_size": 16.5}, "base_size"),
        ({"base_size": 21}, "base_size"),
        ({"density": "cozy"}, "density"),
        ({"roundness": 2}, "roundness"),
        ({"shadow_depth": -1}, "shadow_depth"),
        ({"mood": "calm"}, "mood"),
    ],
)
def test_every_bad_field_is_named(change, field):
    with pytest.raises(EngineInputError) as caught:
        Intent.from_dict({"primary": "#2563eb", **change})
    assert field in caught.value.errors, caught.value.errors
    assert isinstance(caught.value, ValueError)


def test_a_missing_primary_and_a_non_object_are_refused():
    with pytest.raises(EngineInputError) as caught:
        Intent.from_dict({"harmony": "triadic"})
    assert caught.value.errors == {"primary": ["is required"]}
    with pytest.raises(EngineInputError):
        Intent.from_dict(["#2563eb"])


def test_the_openapi_schema_states_every_range_and_choice():
    schema = intent_json_schema()
    assert schema["required"] == ["primary"] and schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(INTENT_FIELDS)
    for name, spec in INTENT_FIELDS.items():
        prop = schema["properties"][name]
        if spec.choices:
            assert prop["enum"] == list(spec.choices)
        if spec.low is not None:
            assert (prop["minimum"], prop["maximum"]) == (spec.low, spec.high)
    assert re.fullmatch(schema["properties"]["primary"]["pattern"], "#abc")
    assert schema["properties"]["secondary"]["nullable"] is True


# --- reading a brief -------------------------------------------------------------------------------------------


def test_the_lexicon_knows_css_and_survey_names_and_leaves_unkind_ones_out():
    assert name_count() > 1000
    assert lookup(("burgundy",)) and lookup(("dusty", "rose")) and lookup(("forest", "green"))
    assert lookup(("navy",)) and lookup(("mint",)) and lookup(("rebecca", "purple")) is None
    assert lookup(("medium", "aquamarine")) == "#66cdaa"  # the CSS name written as words
    assert lookup(("puke",)) is None and lookup(("dark",)) is None


def test_no_phrase_means_two_things():
    from designs.engine.modifiers import SYNONYMS
    from designs.engine.vocabulary import ADJECTIVES, INDUSTRIES, LAYOUT_WORDS, MOODS, TYPE_WORDS

    claims = [
        phrase for table in (MOODS, ADJECTIVES, INDUSTRIES) for entry in table.values() for phrase in entry.phrases
    ]
    claims += [p for words in LAYOUT_WORDS.values() for p in words.split(", ")]
    claims += [p for words in TYPE_WORDS.values() for p in words.split(", ")]
    claims += [p for words in SYNONYMS.values() for p in words.split(", ")]
    repeated = sorted({phrase for phrase in claims if claims.count(phrase) > 1})
    assert repeated == []


@pytest.mark.parametrize(
    ("brief", "name"),
    [
        ("premium burgundy wine estate", ("burgundy",)),
        ("a dusty rose bridal shop", ("dusty", "rose")),
        ("forest green outdoor gear", ("forest", "green")),
        ("navy banking app", ("navy",)),
        ("mint dental clinic", ("mint",)),
    ],
)
def test_a_colour_name_is_the_brand_colour(brief, name):
    assert interpret(brief).primary == lookup(name)


def test_colours_written_out_come_first_and_in_order():
    intent = interpret("brand #FF5500, then rgb(0 102 204) and hsl(140deg 60% 40%), sage green")
    assert intent.primary == "#ff5500" and intent.secondary == "#0066cc"
    assert intent.accent == normalise_hex(Color("hsl(140deg 60% 40%)").convert("srgb").to_string(hex=True))


def test_a_users_seed_is_the_primary_whatever_the_brief_says():
    intent = interpret("neon pink and burgundy", "#2563EB")
    assert intent.primary == "#2563eb" and intent.secondary == lookup(("neon", "pink"))


def test_modifiers_move_a_colour_continuously():
    base = oklch(interpret("cerulean").primary)
    pastel = oklch(interpret("pastel cerulean").primary)
    slightly = oklch(interpret("slightly pastel cerulean").primary)
    very_dark = oklch(interpret("very dark cerulean").primary)
    dark = oklch(interpret("dark cerulean").primary)
    assert pastel[0] > slightly[0] > base[0] and pastel[1] < base[1]
    assert very_dark[0] < dark[0] < base[0]
    assert hue_gap(pastel[2], base[2]) < 6 and hue_gap(dark[2], base[2]) < 6
    neon = oklch(interpret("neon gaming").primary)
    assert neon[1] >= 0.85 * gamut_max(neon[0], neon[2]) and neon[0] >= 0.6
    warm, cool = oklch(interpret("warm cerulean").primary), oklch(interpret("cool cerulean").primary)
    assert hue_gap(warm[2], 55) < hue_gap(base[2], 55) and hue_gap(cool[2], 245) < hue_gap(base[2], 245)
    muted = oklch(interpret("muted cerulean").primary)
    assert muted[1] < 0.7 * base[1]


def test_a_modifier_before_a_colour_moves_only_that_colour():
    intent = interpret("deep teal and coral")
    assert oklch(intent.primary)[0] < oklch(lookup(("teal",)))[0]
    assert intent.secondary == lookup(("coral",))


@pytest.mark.parametrize(
    ("brief", "setting", "value"),
    [
        ("monochrome fashion", "harmony", "monochrome"),
        ("compact analytics", "density", "compact"),
        ("airy spacious blog", "density", "spacious"),
        ("brutalist sharp corners", "roundness", 0.0),
        ("flat design", "shadow_depth", 0.05),
        ("large text for seniors", "base_size", 18),
        ("greyscale portfolio", "neutral", "pure"),
        ("triadic colourful toys", "harmony", "triadic"),
    ],
)
def test_layout_and_colour_words_set_their_setting(brief, setting, value):
    assert getattr(interpret(brief), setting) == value


def test_type_words_and_family_names_choose_the_pairing():
    assert heading_kind(interpret("playful kids app with serif headings").font_pairing) == "serif"
    assert interpret("a bakery set in fraunces").font_pairing == "fraunces-work"
    assert interpret("playfair for a wedding site").font_pairing == "playfair-source"
    assert interpret("law firm").font_pairing == "baskerville-franklin"


def test_moods_and_industries_shape_the_whole_intent():
    legal, kids = interpret("serious corporate law firm"), interpret("playful kids reading app")
    assert legal.roundness < 0.3 < kids.roundness and legal.vibrancy < kids.vibrancy
    assert legal.harmony != kids.harmony and legal.font_pairing != kids.font_pairing
    # The industry pairs an accent with its colour: gold or burgundy for a law firm, not a derived hue.
    assert interpret("law firm").accent in {"#b38b3e", "#7a2230", "#4f6d7a"}


def test_monochrome_asks_for_one_hue_so_no_accent_is_paired():
    intent = interpret("monochrome fintech")
    assert intent.harmony == "monochrome" and intent.accent is None and intent.secondary is None


def test_a_brief_we_cannot_read_still_gets_a_colour_of_its_own():
    first, second = interpret("Zorblax"), interpret("Quuxolon")
    assert first == interpret("Zorblax") and first.primary != second.primary
    assert interpret("").primary == interpret("   ").primary


def test_accents_and_case_and_punctuation_do_not_matter():
    assert interpret("Café, ROASTERY!") == interpret("cafe roastery")


def test_interpret_rejects_bad_input():
    with pytest.raises(EngineInputError):
        interpret(None)
    with pytest.raises(EngineInputError):
        interpret("calm", "blue")


@PROPERTY
@given(prompt=st.text(max_size=300))
def test_any_text_reads_into_a_valid_intent_the_same_way_twice(prompt):
    intent = interpret(prompt)
    assert intent == interpret(prompt) and Intent.from_dict(intent.to_dict()) == intent


# --- the AI contract -------------------------------------------------------------------------------------------


def answer(**overrides) -> dict:
    base = {
        "primary": "#2f9e6b",
        "secondary": None,
        "accent": "#f59e0b",
        "harmony": "analogous",
        "vibrancy": 0.5,
        "neutral": "warm",
        "font_pairing": "nunito",
        "type_scale": 1.2,
        "base_size": 16,
        "density": "spacious",
        "roundness": 0.8,
        "shadow_depth": 0.3,
    }
    return {**base, **overrides}


def test_the_ai_schema_is_the_intent_in_strict_structured_output_form():
    schema = INTENT_JSON_SCHEMA
    assert set(schema["properties"]) == set(INTENT_FIELDS) and schema["required"] == list(INTENT_FIELDS)
    assert schema["additionalProperties"] is False
    text = json.dumps(schema)
    assert not re.search(r'"(minimum|maximum|pattern|default|nullable)"', text)
    assert schema["properties"]["secondary"]["type"] == ["string", "null"]
    assert schema["properties"]["font_pairing"]["enum"] == list(FONT_PAIRING_KEYS)
    assert "from 0 to 1" in schema["properties"]["vibrancy"]["description"]


def test_the_ai_schema_is_valid_json_schema_and_every_intent_matches_it():
    jsonschema.Draft202012Validator.check_schema(INTENT_JSON_SCHEMA)
    jsonschema.validate(answer(), INTENT_JSON_SCHEMA)
    for prompt in ("calm fintech", "", "neon pink and burgundy, playful"):  # what the engine reads is an answer too
        jsonschema.validate(interpret(prompt).to_dict(), INTENT_JSON_SCHEMA)


@pytest.mark.parametrize(
    "bad",
    [
        answer(extra=1),
        {k: v for k, v in answer().items() if k != "harmony"},
        answer(font_pairing="comic-sans"),
        answer(harmony="random"),
        answer(secondary=5),
        answer(vibrancy="high"),
    ],
    ids=["extra field", "missing field", "unknown pairing", "unknown harmony", "colour not a string", "number as text"],
)
def test_an_answer_the_schema_refuses_is_refused_by_the_engine_too(bad):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, INTENT_JSON_SCHEMA)
    with pytest.raises(EngineInputError):
        intent_from_ai(bad, seed_color=None)


def test_an_answer_becomes_an_intent_with_numbers_brought_into_range():
    intent = intent_from_ai(answer(vibrancy=3, base_size=9, type_scale=2.0), seed_color=None)
    assert (intent.primary, intent.accent, intent.vibrancy, intent.base_size, intent.type_scale) == (
        "#2f9e6b",
        "#f59e0b",
        1.0,
        14,
        1.414,
    )


def test_the_users_seed_wins_over_the_models_primary():
    assert intent_from_ai(answer(primary="#ff0000"), seed_color="#2563EB").primary == "#2563eb"
    assert intent_from_ai(answer(primary="not a colour"), seed_color="#2563eb").primary == "#2563eb"


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (answer(font_pairing="comic-sans"), "font_pairing"),
        (answer(primary="red"), "primary"),
        (answer(harmony="x"), "harmony"),
        (answer(vibrancy="lots"), "vibrancy"),
        ({**answer(), "mood": "calm"}, "mood"),
        ({k: v for k, v in answer().items() if k != "density"}, "density"),
        ("[]", "answer"),
    ],
)
def test_anything_else_that_is_off_is_refused(bad, field):
    with pytest.raises(EngineInputError) as caught:
        intent_from_ai(bad, seed_color=None)
    assert field in caught.value.errors


# --- variations ------------------------------------------------------------------------------------------------


BASE = Intent(primary="#1e40af", secondary="#f97316", harmony="triadic", vibrancy=0.6, font_pairing="inter")


def test_variant_zero_is_the_intent_itself_and_others_are_stable():
    assert variant(BASE, 0) == BASE
    assert variant(BASE, 3) == variant(Intent.from_dict(BASE.to_dict()), 3)


def test_variants_differ_from_each_other_and_from_the_intent():
    alternatives = [variant(BASE, n) for n in range(1, 9)]
    assert len(set(alternatives) | {BASE}) == 9
    tokens = [json.dumps(generate_design_system(a), sort_keys=True) for a in alternatives]
    assert len(set(tokens)) == 8


@PROPERTY
@given(n=st.integers(1, 999), locks=st.lists(st.sampled_from(LOCKABLE), unique=True))
def test_locked_parts_never_change_and_unlocked_ones_may(n, locks):
    alternative = variant(BASE, n, locks)
    for name in locks:
        assert getattr(alternative, name) == getattr(BASE, name), name
    assert build_report(generate_colors(alternative))["passes"]


def test_locking_one_part_does_not_change_how_another_varies():
    free, locked = variant(BASE, 5), variant(BASE, 5, ["font_pairing"])
    assert (
        locked.font_pairing == BASE.font_pairing and locked.harmony == free.harmony and locked.primary == free.primary
    )


def test_a_fully_locked_variant_is_the_intent():
    assert variant(BASE, 7, list(LOCKABLE)) == BASE


@pytest.mark.parametrize(
    ("n", "locks", "field"),
    [
        (-1, [], "variant"),
        (1000, [], "variant"),
        ("2", [], "variant"),
        (True, [], "variant"),
        (1, ["colour"], "locks"),
        (1, "primary", "locks"),
    ],
)
def test_bad_variants_and_locks_are_refused(n, locks, field):
    with pytest.raises(EngineInputError) as caught:
        variant(BASE, n, locks)
    assert field in caught.value.errors


# --- typography and layout -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("ratio", "base"), [(1.067, 14), (1.25, 16), (1.414, 20)])
def test_type_scale_follows_the_intents_ratio_and_base_and_is_fluid(ratio, base):
    tokens = generate_typography(Intent(primary="#2563eb", type_scale=ratio, base_size=base))
    assert set(tokens) == {"typography", "spacing"}
    scale = tokens["typography"]["scale"]
    assert scale["ratio"] == ratio and scale["base_px"] == base and list(scale["steps"]) == TYPE_STEPS
    assert scale["steps"]["base"]["max_rem"] == base / 16
    previous_max = 0.0
    for step in TYPE_STEPS:
        entry = scale["steps"][step]
        low, intercept, slope, high = map(float, _CLAMP.fullmatch(entry["clamp"]).groups())
        assert (low, high) == (entry["min_rem"], entry["max_rem"])
        assert low <= high and high > previous_max and low >= 0.75, "no text smaller than 12px"
        previous_max = high
        assert abs(intercept + slope * 320 / 100 / 16 - low) < 0.001
        assert abs(intercept + slope * 1280 / 100 / 16 - high) < 0.001
    heights = list(tokens["typography"]["line_heights"].values())
    assert all(a >= b for a, b in zip(heights, heights[1:], strict=False)) and heights[0] > heights[-1]


def test_every_pairing_uses_self_hosted_families_with_generic_fallbacks():
    catalogue = font_catalogue()
    for key in FONT_PAIRING_KEYS:
        families = generate_typography(Intent(primary="#2563eb", font_pairing=key))["typography"]["families"]
        assert set(families) == {"heading", "body", "mono"}
        for role, family in families.items():
            assert family["name"] in catalogue, family
            assert family["stack"].startswith(f'"{family["name"]}"')
            assert family["stack"].endswith("monospace" if role == "mono" else ("serif", "sans-serif"))
            assert parse_font_stack(family["stack"])[0] == family["name"]
    assert len(FONT_PAIRING_KEYS) == len(PAIRINGS) >= 12


def _rem(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(rem|px)", value).groups()
    return float(number) / (16 if unit == "px" else 1)


def test_roundness_and_shadow_depth_scale_the_tokens_continuously():
    radii = [_rem(generate_design_system(Intent(primary="#2563eb", roundness=r))["radii"]["lg"]) for r in (0, 0.5, 1)]
    assert radii[0] == 0 < radii[1] < radii[2]

    def strength(depth):
        shadows = generate_design_system(Intent(primary="#2563eb", shadow_depth=depth))["shadows"]
        layers = parse_shadow(shadows["lg"])
        return max(layer["alpha"] for layer in layers), max(layer["offset_y"][0] for layer in layers)

    flat, deep = strength(0.0), strength(1.0)
    assert flat[0] < deep[0] and flat[1] < deep[1]


def test_density_sets_the_spacing_unit():
    bases = [
        generate_typography(Intent(primary="#2563eb", density=d))["spacing"]["base_px"]
        for d in ("compact", "comfortable", "spacious")
    ]
    assert bases == sorted(bases) and len(set(bases)) == 3


def test_generation_is_deterministic_down_to_key_order():
    intent = interpret("warm organic bakery", "#c2410c")
    first, second = generate_design_system(intent), generate_design_system(Intent.from_dict(intent.to_dict()))
    assert json.dumps(first) == json.dumps(second)
    assert list(first) == ["colors", "themes", "typography", "spacing", "radii", "shadows"]


# --- the catalogue ---------------------------------------------------------------------------------------------


def test_the_catalogue_describes_every_option():
    described = describe()
    assert described["version"] == ENGINE_VERSION and described["lockable"] == list(LOCKABLE)
    assert set(described["intent"]) == set(INTENT_FIELDS)
    assert described["intent"]["vibrancy"] == {**described["intent"]["vibrancy"], "min": 0.0, "max": 1.0}
    assert [p["key"] for p in described["font_pairings"]] == list(FONT_PAIRING_KEYS)
    for pairing in described["font_pairings"]:
        for role in ("heading", "body", "mono"):
            family = pairing[role]
            assert family["name"] in font_catalogue() and family["license"] == "OFL-1.1"
            assert 400 in family["weights"] and family["stack"].startswith(f'"{family["name"]}"')


# --- validate_tokens -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tokens():
    return generate_design_system(interpret("calm trustworthy fintech", "#2563EB"))


@pytest.mark.parametrize(
    ("stack", "names"),
    [
        ('"Inter", ui-sans-serif, sans-serif', ["Inter", "ui-sans-serif", "sans-serif"]),
        ("Inter, 'Segoe UI', serif", ["Inter", "Segoe UI", "serif"]),
        ("-apple-system", ["-apple-system"]),
    ],
)
def test_font_stacks_are_read_into_names(stack, names):
    assert parse_font_stack(stack) == names


@pytest.mark.parametrize("stack", ['"Inter', "Inter'", '"In"ter"', "Inter,,serif", "", 'a"b', "Inter; } *"])
def test_broken_font_stacks_are_refused(stack, tokens):
    assert parse_font_stack(stack) is None
    payload = json.loads(json.dumps(tokens))
    payload["typography"]["families"]["body"]["stack"] = stack
    with pytest.raises(EngineInputError) as caught:
        validate_tokens(payload)
    assert "typography.families.body.stack" in caught.value.errors


def test_every_name_of_a_stack_is_quoted_properly_on_the_way_out(tokens):
    payload = json.loads(json.dumps(tokens))
    payload["typography"]["families"]["body"]["stack"] = "Work Sans, 'Helvetica Neue', sans-serif"
    assert validate_tokens(payload)["typography"]["families"]["body"]["stack"] == (
        '"Work Sans", "Helvetica Neue", sans-serif'
    )


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
