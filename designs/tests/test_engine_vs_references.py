"""DesignForge against the palettes people use today: Material 3, Tailwind v3/v4 and Radix Colors.

The measurements are those of ``bench/palette_quality.py`` (which prints them as a table); they call
coloraide directly, not the engine's helpers. The reference data and its provenance are in
``reference_palettes.py``. Each test asserts that DesignForge is at least as good as every reference
on one metric, over the same seeds; where a reference is better, no test claims otherwise:

- Material 3's tonal palettes are more even than DesignForge's seed-anchored brand scales in the worst
  case once the two end gaps are left out (worst interior max/min gap 1.32 against 1.51);
- Tailwind's and Radix's usual status colours are further apart for normal vision (min CIEDE2000
  33-40 against 28.6), though not under colour-vision-deficiency simulation.
"""

import importlib.util
import statistics
import sys
from pathlib import Path

import pytest
from coloraide import Color

from designs.engine import build_report, generate_colors, interpret

from . import reference_palettes as ref

_BENCH = Path(__file__).resolve().parents[2] / "bench" / "palette_quality.py"


def _load_bench():
    spec = importlib.util.spec_from_file_location("palette_quality", _BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


pq = _load_bench()
OURS = "DesignForge"
SEEDS = [hex_color for _, hex_color in ref.SEEDS]


@pytest.fixture(scope="module")
def results():
    return pq.measure_all()


@pytest.fixture(scope="module")
def ours(results):
    return results[OURS]


def references(results):
    return {name: metrics for name, metrics in results.items() if name != OURS}


def rate(pair):
    return pair[0] / pair[1]


# --- the reference data is what the packages publish ----------------------------------------------------


def test_reference_data_has_every_family_and_step():
    assert len(ref.TAILWIND_V3) == len(ref.TAILWIND_V4) == 22
    assert all(len(scale) == 11 for scale in (*ref.TAILWIND_V3.values(), *ref.TAILWIND_V4.values()))
    assert set(ref.RADIX_LIGHT) == set(ref.RADIX_DARK) and len(ref.RADIX_LIGHT) == 31
    assert all(len(scale) == 12 for scale in (*ref.RADIX_LIGHT.values(), *ref.RADIX_DARK.values()))
    assert set(ref.RADIX_MATCHING_GRAY) == set(ref.RADIX_ACCENTS) <= set(ref.RADIX_LIGHT)
    for scales in (ref.TAILWIND_V3, ref.RADIX_LIGHT, ref.RADIX_DARK):
        for value in (c for scale in scales.values() for c in scale):
            assert Color(value).to_string(hex=True) == value
    for value in (c for scale in ref.TAILWIND_V4.values() for c in scale):
        assert Color(value).space() == "oklch"


def test_reference_data_spot_checks():
    # Well-known published values (the existing deutan test uses the first two).
    assert ref.TAILWIND_V3["red"][ref.TAILWIND_STEPS.index("600")] == "#dc2626"
    assert ref.TAILWIND_V3["green"][ref.TAILWIND_STEPS.index("600")] == "#16a34a"
    assert ref.TAILWIND_V3["blue"][ref.TAILWIND_STEPS.index("500")] == "#3b82f6"
    assert ref.TAILWIND_V4["red"][ref.TAILWIND_STEPS.index("600")] == "oklch(57.7% 0.245 27.325)"
    assert ref.RADIX_LIGHT["red"][8] == "#e5484d"
    assert ref.RADIX_LIGHT["gray"][11] == "#202020"


def test_material_is_generated_by_material_color_utilities():
    # Baseline-style check against the official library's output for #2563eb (TonalSpot, 2021 spec).
    light = pq.material("#2563eb").themes["light"]
    assert (light["primary"], light["on-primary"], light["danger"]) == ("#4b5c92", "#ffffff", "#ba1a1a")


# --- DesignForge at least as good as every reference ----------------------------------------------------


def test_measured_contrast_agrees_with_the_engine_report():
    for seed in SEEDS:
        tokens = generate_colors(interpret("", seed))
        report = build_report(tokens)
        measured = [row for theme in pq.THEMES for row in pq.contrast_rows(tokens["themes"][theme])]
        assert report["passes"] and len(measured) == len(report["contrast"])
        assert all(ratio >= required for _, _, ratio, required in measured)


def test_every_contrast_pair_passes_and_no_reference_passes_more(ours, results):
    assert ours.contrast[0] == ours.contrast[1] == len(SEEDS) * 2 * len(pq.CONTRAST_CONTRACT)
    for name, theirs in references(results).items():
        assert rate(theirs.contrast) <= rate(ours.contrast), name


def test_fixed_palettes_used_conventionally_fail_contrast_pairs(results):
    for name in ("Tailwind v3.4", "Tailwind v4.3", "Radix Colors 3"):
        assert rate(results[name].contrast) < 1.0, name


def test_status_colours_stay_apart_under_every_simulation_where_no_reference_does(ours, results):
    for simulation in pq.SIMULATIONS:
        assert ours.status_min[simulation] >= pq.STATUS_DISTANCE, simulation
        assert ours.status_below[simulation][0] == 0, simulation
    our_worst = min(ours.status_min[sim] for sim in pq.SIMULATIONS)
    for name, theirs in references(results).items():
        their_worst = min(theirs.status_min[sim] for sim in pq.SIMULATIONS)
        assert their_worst < pq.STATUS_DISTANCE <= our_worst, name


def test_tailwind_usual_status_set_fails_for_deuteranopes():
    light = pq.tailwind(SEEDS[0], 3).themes["light"]
    assert (light["success"], light["danger"]) == ("#16a34a", "#dc2626")
    assert pq.delta_e(light["success"], light["danger"], "deutan") < pq.STATUS_DISTANCE


def test_seed_is_kept_exactly_unlike_material(ours, results):
    assert ours.seed_kept == (len(SEEDS), len(SEEDS))
    assert ours.seed_in_theme == (len(SEEDS), len(SEEDS))
    for name in ("Material 3 (TonalSpot)", "Material 3 (Fidelity)"):
        theirs = results[name]
        assert rate(theirs.seed_kept) <= rate(theirs.seed_in_palette) < rate(ours.seed_kept), name
        assert rate(theirs.seed_in_theme) <= rate(ours.seed_in_theme), name
    for name in ("Tailwind v3.4", "Tailwind v4.3", "Radix Colors 3"):
        assert results[name].seed_kept is None  # fixed palettes: the seed is not an input


def test_scales_are_monotonic_at_least_as_often_as_every_reference(ours, results):
    assert ours.monotonic[0] == ours.monotonic[1] > 0
    for name, theirs in references(results).items():
        assert rate(theirs.monotonic) <= rate(ours.monotonic), name
    assert rate(results["Radix Colors 3"].monotonic) < 1.0  # Radix's bright step 9 is lighter than step 8


def test_steps_are_at_least_as_even_overall(ours, results):
    for name, theirs in references(results).items():
        assert statistics.median(ours.evenness) <= statistics.median(theirs.evenness), name
        assert max(ours.evenness) <= max(theirs.evenness), name
        assert statistics.median(ours.evenness_interior) <= statistics.median(theirs.evenness_interior), name


def test_bench_runs_and_reports_designforge_guarantees(capsys):
    assert pq.main() == 0
    out = capsys.readouterr().out
    pairs = len(SEEDS) * 2 * len(pq.CONTRAST_CONTRACT)
    assert f"DesignForge: contrast {pairs}/{pairs}" in out
    assert "status >= 10 under every simulation: yes" in out
