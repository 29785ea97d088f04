"""Compare DesignForge's colours with Material 3, Tailwind and Radix on the same coloraide checks.

Usage: .venv/bin/python bench/palette_quality.py

Every tool is given the same brand seeds (``SEEDS`` in ``designs/tests/reference_palettes.py``):
DesignForge and Material generate from the seed; Tailwind and Radix are fixed palettes, so the brand
family is the one holding the colour nearest the seed (CIEDE2000), as a user would pick it. Light and
dark UI roles are then built the way each tool is commonly used (the ``*_USAGE`` tables there), and
every tool is measured by the functions below, which call coloraide directly (not the engine's helpers):

- seed kept: the seed hex appears unchanged in the tool's brand scale (n/a for fixed palettes);
- monotonic: OKLCH lightness strictly falls from the lightest step to the darkest (distinct scales);
- evenness: OKLCH lightness gap per nominal step (50 and 950 are half steps, Material's tones are
  its labels / 10), largest divided by smallest; 1.00 is perfectly even. Monotonic scales only; shown
  over all steps and over the interior (without the gap at either end, where tools bend on purpose);
- contrast: WCAG 2.1 ratios of the pairs DesignForge's report checks (``CONTRAST_CONTRACT``), 4.5:1
  for text and 3:1 for the primary and focus ring against the page, in light and dark;
- status: smallest CIEDE2000 distance between the four status colours (success, warning, danger,
  info) under protanopia, deuteranopia and tritanopia (coloraide filters, full severity, clipped).

Deterministic; prints plain lines and exits 1 only if DesignForge itself breaks one of its guarantees.
"""

import math
import statistics
import sys
import time
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coloraide import Color  # noqa: E402
from materialyoucolor.blend.blend import Blend  # noqa: E402
from materialyoucolor.dynamiccolor.material_dynamic_colors import MaterialDynamicColors  # noqa: E402
from materialyoucolor.hct.hct import Hct  # noqa: E402
from materialyoucolor.palettes.core_palette import CorePalette  # noqa: E402
from materialyoucolor.scheme.scheme_fidelity import SchemeFidelity  # noqa: E402
from materialyoucolor.scheme.scheme_tonal_spot import SchemeTonalSpot  # noqa: E402

from designs.engine import generate_colors, interpret  # noqa: E402
from designs.engine.report import CONTRAST_CONTRACT  # noqa: E402
from designs.tests import reference_palettes as ref  # noqa: E402

THEMES = ("light", "dark")
STATUS = ("success", "warning", "danger", "info")
SIMULATIONS = ("protan", "deutan", "tritan")
STATUS_DISTANCE = 10.0
WHITE, BLACK = "#ffffff", "#000000"
#: Nominal position of the 50..950 steps: 50 and 950 are half steps.
STEP_POSITION = (0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9.5)

# --- measurements (coloraide only) -------------------------------------------------------------------------


@cache
def lightness(hex_color: str) -> float:
    return Color(hex_color).convert("oklch")["lightness"]


@cache
def contrast(foreground: str, background: str) -> float:
    return Color(foreground).contrast(background, method="wcag21")


@cache
def _simulated(hex_color: str, simulation: str | None) -> Color:
    colour = Color(hex_color)
    return colour if simulation is None else colour.filter(simulation, 1.0).clip("srgb")


@cache
def delta_e(first: str, second: str, simulation: str | None) -> float:
    return _simulated(first, simulation).delta_e(_simulated(second, simulation), method="2000")


def to_hex(css: str) -> str:
    """Any CSS colour to sRGB hex, gamut-mapped as CSS Color 4 specifies (OKLCH chroma reduction)."""
    colour = Color(css)
    if not colour.in_gamut("srgb"):
        colour = colour.fit("srgb", method="minde-chroma")
    return colour.convert("srgb").to_string(hex=True)


def is_monotonic(scale: tuple[str, ...]) -> bool:
    values = [lightness(c) for c in scale]
    return all(a > b for a, b in zip(values, values[1:], strict=False))


def evenness(scale: tuple[str, ...], positions: tuple[float, ...]) -> float:
    """Largest over smallest lightness gap per nominal step (1.0 = even); inf if not monotonic."""
    values = [lightness(c) for c in scale]
    gaps = [(a - b) / (q - p) for a, b, p, q in zip(values, values[1:], positions, positions[1:], strict=False)]
    return max(gaps) / min(gaps) if min(gaps) > 0 else float("inf")


def contrast_rows(roles: dict[str, str]) -> list[tuple[str, str, float, float]]:
    """``(foreground, background, ratio, required)`` for each pair of the report's contract."""
    return [(fg, bg, contrast(roles[fg], roles[bg]), need) for fg, bg, need in CONTRAST_CONTRACT]


def status_min(roles: dict[str, str], simulation: str | None) -> float:
    return min(delta_e(roles[a], roles[b], simulation) for a, b in combinations(STATUS, 2))


def best_text(fill: str) -> str:
    return max((WHITE, BLACK), key=lambda c: contrast(c, fill))


# --- what each tool produces for one seed -----------------------------------------------------------------


@dataclass
class Output:
    """One tool's answer for one seed: scales (lightest first) and light/dark roles."""

    scales: dict[str, tuple[str, ...]]
    positions: tuple[float, ...]
    themes: dict[str, dict[str, str]]
    brand_scale: tuple[str, ...] | None = None  # None: a fixed palette, the seed is not an input
    brand_palette: set[str] | None = None  # every colour the brand scale could hold (Material: tones 0..100)
    theme_colours: set[str] = field(default_factory=set)  # every colour the tool puts in its themes


def designforge(seed: str) -> Output:
    tokens = generate_colors(interpret("", seed))
    scales = {name: tuple(scale.values()) for name, scale in tokens["colors"].items()}
    themes = tokens["themes"]
    theme_colours = {c for roles in themes.values() for c in roles.values()}
    return Output(scales, STEP_POSITION, themes, scales["primary"], set(scales["primary"]), theme_colours)


_MDC = MaterialDynamicColors(spec=ref.MATERIAL_SPEC)


def _argb(hex_color: str) -> int:
    return 0xFF000000 | int(hex_color[1:], 16)


def _hex(argb: int) -> str:
    return f"#{argb & 0xFFFFFF:06x}"


def material(seed: str, scheme_class=SchemeTonalSpot) -> Output:
    source = _argb(seed)
    status_palettes = {
        name: CorePalette.of(Blend.harmonize(_argb(value), source)).a1
        for name, value in ref.MATERIAL_STATUS_SOURCES.items()
    }
    schemes = {
        theme: scheme_class(Hct.from_int(source), theme == "dark", 0.0, spec_version=ref.MATERIAL_SPEC)
        for theme in THEMES
    }
    themes = {}
    for theme, scheme in schemes.items():
        roles = {ours: _hex(getattr(_MDC, theirs).get_argb(scheme)) for ours, theirs in ref.MATERIAL_ROLES.items()}
        colour_tone, on_tone = (40, 100) if theme == "light" else (80, 20)
        for name, tones in status_palettes.items():
            roles[name], roles[f"on-{name}"] = _hex(tones.tone(colour_tone)), _hex(tones.tone(on_tone))
        themes[theme] = roles
    light = schemes["light"]
    palettes = {
        "primary": light.primary_palette,
        "secondary": light.secondary_palette,
        "tertiary": light.tertiary_palette,
        "neutral": light.neutral_palette,
        "neutral-variant": light.neutral_variant_palette,
        "error": light.error_palette,
        **status_palettes,
    }
    scales = {name: tuple(_hex(p.tone(t)) for t in ref.MATERIAL_TONES) for name, p in palettes.items()}
    positions = tuple((100 - t) / 10 for t in ref.MATERIAL_TONES)
    every_tone = {_hex(palettes["primary"].tone(t)) for t in range(101)}
    every_role = {_hex(colour.get_argb(scheme)) for scheme in schemes.values() for colour in _MDC.all_colors}
    return Output(scales, positions, themes, scales["primary"], every_tone, every_role)


def _nearest_family(seed: str, families: dict[str, tuple[str, ...]], names) -> str:
    """The family holding the colour nearest ``seed`` (CIEDE2000); ties go to the first listed."""
    return min(names, key=lambda name: min(delta_e(seed, c, None) for c in families[name]))


def _nearest_hue(hue: float, families: dict[str, tuple[str, ...]], names, middle: int) -> str:
    """The chromatic family whose middle step's OKLCH hue is nearest ``hue``."""

    def distance(name):
        _, chroma, family_hue = Color(families[name][middle]).convert("oklch").coords()
        return (abs((family_hue - hue + 180) % 360 - 180) if chroma >= 0.05 else 999.0, names.index(name))

    return min(names, key=distance)


@cache
def _tailwind_families(version: int) -> dict[str, tuple[str, ...]]:
    if version == 3:
        return dict(ref.TAILWIND_V3)
    return {name: tuple(to_hex(c) for c in scale) for name, scale in ref.TAILWIND_V4.items()}


def _brand_hues(seed: str) -> dict[str, float]:
    """The hues DesignForge's offline interpreter picks for this seed: the same brief for every tool."""
    intent = interpret("", seed)
    return {"primary": intent.primary_hue, "secondary": intent.secondary_hue, "accent": intent.accent_hue}


def tailwind(seed: str, version: int, best_on_text: bool = False) -> Output:
    families = _tailwind_families(version)
    names = list(families)
    middle = ref.TAILWIND_STEPS.index("500")
    hues = _brand_hues(seed)
    brand = {
        "primary": _nearest_family(seed, families, names),
        "secondary": _nearest_hue(hues["secondary"], families, names, middle),
        "accent": _nearest_hue(hues["accent"], families, names, middle),
    }

    def pick(value):
        if isinstance(value, str):
            return value
        family, step = value
        return families[family][ref.TAILWIND_STEPS.index(step)]

    themes = {}
    for theme in THEMES:
        usage = ref.TAILWIND_USAGE[theme]
        roles = {role: pick(usage[role]) for role in ("background", "surface", "text", "text-muted")}
        for role, family in brand.items():
            roles[role] = pick((family, usage["brand-step"]))
        roles["focus-ring"] = roles["primary"]
        roles.update({name: pick(value) for name, value in usage["status"].items()})
        for name in ("primary", "secondary", "accent", *STATUS):
            roles[f"on-{name}"] = best_text(roles[name]) if best_on_text else ref.TAILWIND_ON_FILL
        themes[theme] = roles
    return Output(families, STEP_POSITION, themes)


def radix(seed: str, best_on_text: bool = False) -> Output:
    hues = _brand_hues(seed)
    names = list(ref.RADIX_ACCENTS)
    brand = {
        "primary": _nearest_family(seed, ref.RADIX_LIGHT, names),
        "secondary": _nearest_hue(hues["secondary"], ref.RADIX_LIGHT, names, 8),
        "accent": _nearest_hue(hues["accent"], ref.RADIX_LIGHT, names, 8),
    }
    usage = ref.RADIX_USAGE
    themes = {}
    for theme, scales in (("light", ref.RADIX_LIGHT), ("dark", ref.RADIX_DARK)):
        gray = scales[ref.RADIX_MATCHING_GRAY[brand["primary"]]]
        roles = {role: gray[usage[role] - 1] for role in ("background", "surface", "text", "text-muted")}
        families = dict(brand, **usage["status"])
        for role, family in families.items():
            roles[role] = scales[family][usage["solid"] - 1]
            conventional = ref.RADIX_CONTRAST.get(family, WHITE)
            roles[f"on-{role}"] = best_text(roles[role]) if best_on_text else conventional
        roles["focus-ring"] = scales[brand["primary"]][usage["focus-ring"] - 1]
        themes[theme] = roles
    # Dark scales run dark to light: reverse them so every scale is listed lightest first.
    scales = {**ref.RADIX_LIGHT, **{f"{name}-dark": scale[::-1] for name, scale in ref.RADIX_DARK.items()}}
    return Output(scales, tuple(range(1, 13)), themes)


TOOLS = {
    "DesignForge": designforge,
    "Material 3 (TonalSpot)": material,
    "Material 3 (Fidelity)": lambda seed: material(seed, SchemeFidelity),
    "Tailwind v3.4": lambda seed: tailwind(seed, 3),
    "Tailwind v4.3": lambda seed: tailwind(seed, 4),
    "Radix Colors 3": radix,
}
#: Fixed palettes measured again with the better of black and white text on every fill.
BEST_TEXT_VARIANTS = {
    "Tailwind v3.4": lambda seed: tailwind(seed, 3, best_on_text=True),
    "Tailwind v4.3": lambda seed: tailwind(seed, 4, best_on_text=True),
    "Radix Colors 3": lambda seed: radix(seed, best_on_text=True),
}

# --- aggregation over the seeds ----------------------------------------------------------------------------


@dataclass
class Metrics:
    seed_kept: tuple[int, int] | None
    seed_in_palette: tuple[int, int] | None
    seed_in_theme: tuple[int, int] | None
    monotonic: tuple[int, int]
    evenness: list[float]
    evenness_interior: list[float]
    contrast: tuple[int, int]
    contrast_failures: dict[str, int]
    status_min: dict[str | None, float]  # per simulation (None = normal vision), over seeds and themes
    status_below: dict[str | None, tuple[int, int]]


def measure(build) -> Metrics:
    seeds = [hex_color for _, hex_color in ref.SEEDS]
    outputs = [(seed, build(seed)) for seed in seeds]
    seeded = outputs[0][1].brand_scale is not None
    distinct = {}
    for _, out in outputs:
        for name, scale in out.scales.items():
            distinct.setdefault(scale, (name, out.positions))
    steady = [(scale, positions) for scale, (_, positions) in distinct.items() if is_monotonic(scale)]
    passed = total = 0
    failures: dict[str, int] = {}
    sims = (None, *SIMULATIONS)
    status_values: dict[str | None, list[float]] = {sim: [] for sim in sims}
    for _, out in outputs:
        for theme in THEMES:
            roles = out.themes[theme]
            for fg, bg, ratio, need in contrast_rows(roles):
                total += 1
                if ratio >= need:
                    passed += 1
                else:
                    key = f"{theme} {fg}/{bg}"
                    failures[key] = failures.get(key, 0) + 1
            for sim in sims:
                status_values[sim].append(status_min(roles, sim))
    return Metrics(
        seed_kept=(sum(seed in out.brand_scale for seed, out in outputs), len(outputs)) if seeded else None,
        seed_in_palette=(sum(seed in out.brand_palette for seed, out in outputs), len(outputs)) if seeded else None,
        seed_in_theme=(sum(seed in out.theme_colours for seed, out in outputs), len(outputs)) if seeded else None,
        monotonic=(sum(is_monotonic(scale) for scale in distinct), len(distinct)),
        evenness=[evenness(scale, positions) for scale, positions in steady],
        evenness_interior=[evenness(scale[1:-1], positions[1:-1]) for scale, positions in steady],
        contrast=(passed, total),
        contrast_failures=failures,
        status_min={sim: min(values) for sim, values in status_values.items()},
        status_below={sim: (sum(v < STATUS_DISTANCE for v in vs), len(vs)) for sim, vs in status_values.items()},
    )


@cache
def measure_all() -> dict[str, Metrics]:
    """Metrics of every tool, then of the fixed palettes' best-text variants (named with a ``*``)."""
    builds = {**TOOLS, **{f"{name}*": build for name, build in BEST_TEXT_VARIANTS.items()}}
    return {name: measure(build) for name, build in builds.items()}


# --- printing ---------------------------------------------------------------------------------------------


def floor2(value: float) -> float:
    """Round down to two decimals, so a printed distance never overstates (9.999 shows as 9.99)."""
    return math.floor(value * 100) / 100


def _rate(pair: tuple[int, int] | None) -> str:
    if pair is None:
        return "n/a (fixed palette)"
    done, total = pair
    return f"{done:>3}/{total:<3} {100 * done / total:5.1f}%"


def _spread(values: list[float]) -> str:
    return f"median {statistics.median(values):5.2f}  worst {max(values):6.2f}"


def _contrast(m: Metrics) -> str:
    worst = sorted(m.contrast_failures.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return _rate(m.contrast) + ("  most failed: " + ", ".join(f"{k} x{v}" for k, v in worst) if worst else "")


def _seed_kept(m: Metrics) -> str:
    text = _rate(m.seed_kept)
    if m.seed_kept is not None and m.seed_in_palette != m.seed_kept:
        text += f"  (at any tone 0..100 of the primary palette: {_rate(m.seed_in_palette).strip()})"
    return text


def better_than_us(ours: Metrics, theirs: Metrics) -> list[str]:
    """The measured metrics on which ``theirs`` beats DesignForge (strictly)."""
    ratio = lambda pair: pair[0] / pair[1]  # noqa: E731
    cvd = lambda m: min(m.status_min[sim] for sim in SIMULATIONS)  # noqa: E731
    higher_is_better = (
        ("contrast", ratio(ours.contrast), ratio(theirs.contrast)),
        ("monotonic", ratio(ours.monotonic), ratio(theirs.monotonic)),
        ("status under CVD", cvd(ours), cvd(theirs)),
        ("status, normal vision", ours.status_min[None], theirs.status_min[None]),
        ("median evenness", -statistics.median(ours.evenness), -statistics.median(theirs.evenness)),
        ("worst evenness", -max(ours.evenness), -max(theirs.evenness)),
        ("median interior evenness", -statistics.median(ours.evenness_interior),
         -statistics.median(theirs.evenness_interior)),
        ("worst interior evenness", -max(ours.evenness_interior), -max(theirs.evenness_interior)),
    )
    better = [label for label, us, them in higher_is_better if them > us]
    if theirs.seed_kept is not None and ratio(theirs.seed_kept) > ratio(ours.seed_kept):
        better.append("seed kept")
    return better


def main() -> int:
    start = time.perf_counter()
    results = measure_all()
    width = max(len(name) for name in results) + 2
    print(f"palette quality over {len(ref.SEEDS)} seeds: " + " ".join(h for _, h in ref.SEEDS))
    sections = (
        ("seed kept exactly in the brand scale", _seed_kept, TOOLS),
        ("seed used as a theme colour (light or dark)", lambda m: _rate(m.seed_in_theme), TOOLS),
        ("monotonic OKLCH lightness (distinct scales)", lambda m: _rate(m.monotonic), TOOLS),
        ("step evenness, all steps (max/min OKLCH-L gap per step, 1.00 = even)", lambda m: _spread(m.evenness), TOOLS),
        ("step evenness, interior steps (end gaps left out)", lambda m: _spread(m.evenness_interior), TOOLS),
        ("WCAG 2.1 contrast pairs passing (the report's 13 pairs x light/dark x seeds)", _contrast, results),
    )
    for title, show, names in sections:
        print(f"\n{title}")
        for name in names:
            print(f"  {name:<{width}}{show(results[name])}")
    print("  * = the same fixed palette with the better of black/white text on every fill (its most generous use)")
    print("\nstatus colours: min CIEDE2000 between success/warning/danger/info over seeds x themes (cases below 10)")
    sims = (None, *SIMULATIONS)
    print(f"  {'':<{width}}" + "".join(f"{sim or 'normal':>15}" for sim in sims))
    for name in TOOLS:
        m, below = results[name], results[name].status_below
        cells = "".join(f"{floor2(m.status_min[s]):7.2f} ({below[s][0]:>2}/{below[s][1]})" for s in sims)
        print(f"  {name:<{width}}{cells}")

    ours = results["DesignForge"]
    contrast_ok = ours.contrast[0] == ours.contrast[1]
    status_ok = all(ours.status_min[sim] >= STATUS_DISTANCE for sim in SIMULATIONS)
    seed_ok = ours.seed_kept[0] == ours.seed_kept[1]
    print("\nsummary")
    print(
        f"  DesignForge: contrast {ratio_text(ours.contrast)}, seed kept {ratio_text(ours.seed_kept)}, "
        f"monotonic {ratio_text(ours.monotonic)}, status >= 10 under every simulation: {'yes' if status_ok else 'NO'}"
    )
    for name, m in results.items():
        if name != "DesignForge":
            better = better_than_us(ours, m)
            print(f"  {name:<{width}}better than DesignForge on: {', '.join(better) if better else 'none of these'}")
    print(f"({time.perf_counter() - start:.1f} s)")
    return 0 if contrast_ok and status_ok and seed_ok else 1


def ratio_text(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}"


if __name__ == "__main__":
    sys.exit(main())
