"""An intent read back from tokens (for design systems saved from raw tokens): regenerating from it gives
back the brand fills exactly and the other settings as the tokens show them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from designs.engine import EngineInputError, Intent, generate_colors, generate_design_system, generate_typography
from designs.engine.from_tokens import NO_COLOUR_PRIMARY, intent_from_tokens
from designs.engine.intent import HARMONIES, INTENT_FIELDS, NEUTRAL_TINTS, TYPE_SCALE_STOPS
from designs.engine.shapes import DENSITIES

from .test_engine_colors import PROPERTY, colours, unit

intents = st.builds(
    Intent,
    primary=colours,
    secondary=st.none() | colours,
    accent=st.none() | colours,
    harmony=st.sampled_from(HARMONIES),
    vibrancy=unit,
    neutral=st.sampled_from(NEUTRAL_TINTS),
    font_pairing=st.sampled_from(INTENT_FIELDS["font_pairing"].choices),
    type_scale=st.sampled_from(sorted(TYPE_SCALE_STOPS.values())),
    base_size=st.integers(14, 20),
    density=st.sampled_from(DENSITIES),
    roundness=unit,
    shadow_depth=unit,
)


@PROPERTY
@given(intent=intents)
def test_regenerating_from_the_read_intent_keeps_what_the_tokens_show(intent):
    tokens = generate_design_system(intent)
    read = intent_from_tokens(tokens)
    again = generate_design_system(read)

    for name in ("primary", "secondary", "accent"):
        assert again["themes"]["light"][name] == tokens["themes"]["light"][name]
    assert read.primary == intent.primary
    assert (read.font_pairing, read.type_scale, read.base_size, read.density) == (
        intent.font_pairing, intent.type_scale, intent.base_size, intent.density)
    assert again["typography"] == tokens["typography"] and again["spacing"] == tokens["spacing"]
    # Status colours follow the vibrancy band: the same band gives the very same status scales.
    assert {name: again["colors"][name] for name in ("success", "warning", "danger", "info")} == {
        name: tokens["colors"][name] for name in ("success", "warning", "danger", "info")}
    assert abs(read.roundness - intent.roundness) <= 1 / 12 + 1e-9  # radii are whole pixels
    assert abs(read.shadow_depth - intent.shadow_depth) <= 0.05


@pytest.mark.parametrize("tint", NEUTRAL_TINTS)
def test_the_neutral_tint_is_read_from_the_grey_scale(tint):
    intent = Intent(primary="#2563eb", neutral=tint, vibrancy=0.8)
    assert intent_from_tokens(generate_colors(intent)).neutral == tint


def test_colours_only_tokens_keep_the_default_type_and_shape():
    intent = intent_from_tokens(generate_colors(Intent(primary="#0e7c66", font_pairing="source", roundness=1)))
    assert intent.primary == "#0e7c66"
    assert (intent.font_pairing, intent.roundness) == (INTENT_FIELDS["font_pairing"].default,
                                                       INTENT_FIELDS["roundness"].default)


def test_typography_only_tokens_get_a_stand_in_brand_colour():
    intent = intent_from_tokens(generate_typography(Intent(primary="#ff0000", font_pairing="fraunces-work",
                                                           type_scale=1.333, base_size=18, density="spacious")))
    assert intent.primary == NO_COLOUR_PRIMARY and intent.secondary is None
    assert (intent.font_pairing, intent.type_scale, intent.base_size, intent.density) == (
        "fraunces-work", 1.333, 18, "spacious")


def test_families_of_no_pairing_take_the_one_sharing_the_most():
    tokens = generate_typography(Intent(primary="#000000", font_pairing="source"))
    tokens["typography"]["families"]["heading"] = {"name": "Fraunces", "stack": '"Fraunces", serif'}
    # Source Sans 3 body and Source Code Pro mono: still closest to the "source" pairing.
    assert intent_from_tokens(tokens).font_pairing == "source"
    tokens["typography"]["families"] = {
        role: {"name": "Comic Neue", "stack": '"Comic Neue", sans-serif'} for role in ("heading", "body", "mono")}
    assert intent_from_tokens(tokens).font_pairing == INTENT_FIELDS["font_pairing"].default


def test_hand_made_values_out_of_the_intents_ranges_are_brought_into_them():
    tokens = generate_design_system(Intent(primary="#2563eb"))
    tokens["typography"]["scale"]["ratio"] = 1.9
    tokens["typography"]["scale"]["base_px"] = 28
    tokens["radii"]["md"] = "3rem"
    tokens["spacing"]["base_px"] = 9
    read = intent_from_tokens(tokens)
    assert (read.type_scale, read.base_size, read.roundness, read.density) == (1.414, 20, 1.0, "spacious")


def test_malformed_tokens_are_refused():
    with pytest.raises(EngineInputError):
        intent_from_tokens({"colors": {"primary": {"500": "blue"}}})
