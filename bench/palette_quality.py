"""Compare DesignForge's colours with Material 3, Tailwind and Radix on the same coloraide checks.

Usage: .venv/bin/python bench/palette_quality.py

Every tool is given the same brand seeds (``SEEDS`` in ``designs/tests/reference_palettes.py``):
DesignForge and Material generate from the seed; Tailwind and Radix are fixed palettes, so each brand
family is the one holding the colour nearest (CIEDE2000) to DesignForge's primary (the seed), secondary
and accent, as a user would pick it. Light and dark themes with every role of the contract are then
built the way each tool is commonly used (``MATERIAL_ROLES`` and the ``*_USAGE`` tables there, with
their sources), and every tool is measured by the functions below, which call coloraide directly (not
the engine's helpers):

- seed kept: the seed hex appears unchanged in the tool's brand scale, and is the light theme's
  primary fill (n/a for fixed palettes, where the seed is not an input);
- monotonic: OKLCH lightness strictly falls from the lightest step to the darkest (distinct scales);
- evenness: OKLCH lightness gap per nominal step (50 and 950 are half steps, Material's tones are
  its labels / 10), largest divided by smallest; 1.00 is perfectly even. Monotonic scales only; shown
  over all steps and over the interior (without the gap at either end, where tools bend on purpose);
- contrast: WCAG 2.1 ratios of every pair of the report's contract (``CONTRAST_CONTRACT``) in light
  and dark: text, text-muted and each X-text on background and surface, on-X on X and on-X-subtle on
  X-subtle 4.5:1; border-strong and focus-ring on background and surface 3:1;
- status: smallest CIEDE2000 distance between the four status fills (success, warning, danger,
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
from designs.engine.shapes import BRAND_SCALES, FILLED_ROLES, colour_roles  # noqa: E402
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


def over(hex_color: str, opacity: float, page: str) -> str:
    """``hex_color`` at ``opacity`` laid on ``page`` (CSS source-over compositing, in sRGB), as hex."""
    if opacity >= 1.0:
        return hex_color
    return Color.layer([Color(hex_color).set("alpha", opacity), page], space="srgb").to_string(hex=True)


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
    return [(fg, bg, contrast(roles[fg], roles[bg]), need) for fg, bg, need, _ in CONTRAST_CONTRACT]


def pair_group(foreground: str) -> str:
    """The contract's name for a foreground role, the colour written X: ``on-primary-subtle`` -> ``on-X-subtle``."""
    for name in FILLED_ROLES:
        if foreground in colour_roles(name):
            return foreground.replace(name, "X")
    return foreground


#: Foreground groups of the contract, in its order: text, text-muted, on-X, X-text, on-X-subtle, ...
PAIR_GROUPS = tuple(dict.fromkeys(pair_group(fg) for fg, _, _, _ in CONTRAST_CONTRACT))


def status_min(roles: dict[str, str], simulation: str | None) -> float:
    return min(delta_e(roles[a], roles[b], simulation) for a, b in combinations(STATUS, 2))


def best_text(fill: str) -> str:
    return max((WHITE, BLACK), key=lambda c: contrast(c, fill))


def _colour(name: str, fill: str, on_fill: str, text: str, subtle: str, on_subtle: str) -> dict[str, str]:
    """The five roles of colour ``name``: X, on-X, X-text, X-subtle, on-X-subtle."""
    return dict(zip(colour_roles(name), (fill, on_fill, text, subtle, on_subtle), strict=True))


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


@cache
def _designforge_colors(seed: str) -> dict:
    return generate_colors(interpret("", seed))


def designforge(seed: str) -> Output:
    tokens = _designforge_colors(seed)
    scales = {name: tuple(scale.values()) for name, scale in tokens["colors"].items()}
    themes = tokens["themes"]
    theme_colours = {c for roles in themes.values() for c in roles.values()}
    return Output(scales, STEP_POSITION, themes, scales["primary"], set(scales["primary"]), theme_colours)


_MDC = MaterialDynamicColors(spec=ref.MATERIAL_SPEC)


def _argb(hex_color: str) -> int:
    return 0xFF000000 | int(hex_color[1:], 16)


def _hex(argb: int) -> str:
    return f"#{argb & 0xFFFFFF:06x}"


def _role(name: str, scheme) -> str:
    """The hex of Material dynamic colour ``name`` in ``scheme``."""
    return _hex(getattr(_MDC, name).get_argb(scheme))


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
        roles = {ours: _role(theirs, scheme) for ours, theirs in ref.MATERIAL_ROLES.items()}
        for name, family in ref.MATERIAL_COLOURS.items():
            on = f"on{family[0].upper()}{family[1:]}"
            families = (family, on, family, f"{family}Container", f"{on}Container")
            roles |= _colour(name, *(_role(theirs, scheme) for theirs in families))
        for name, tones in status_palettes.items():
            roles |= _colour(name, *(_hex(tones.tone(t)) for t in ref.MATERIAL_CUSTOM_TONES[theme]))
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


def _nearest_family(colour: str, families: dict[str, tuple[str, ...]], names) -> str:
    """The family holding the colour nearest ``colour`` (CIEDE2000); ties go to the first listed."""
    return min(names, key=lambda name: min(delta_e(colour, c, None) for c in families[name]))


def _brand_families(seed: str, families: dict[str, tuple[str, ...]], names) -> dict[str, str]:
    """For each brand colour DesignForge makes of this seed (the light fills: the seed itself, then the
    derived secondary and accent), the family a user of a fixed palette would pick: the same brief for
    every tool."""
    light = _designforge_colors(seed)["themes"]["light"]
    return {name: _nearest_family(light[name], families, names) for name in BRAND_SCALES}


@cache
def _tailwind_families(version: int) -> dict[str, tuple[str, ...]]:
    if version == 3:
        return dict(ref.TAILWIND_V3)
    return {name: tuple(to_hex(c) for c in scale) for name, scale in ref.TAILWIND_V4.items()}


def tailwind(seed: str, version: int, best_on_text: bool = False) -> Output:
    families = _tailwind_families(version)

    def pick(value):
        if isinstance(value, str):
            return value
        family, step = value
        return families[family][ref.TAILWIND_STEPS.index(step)]

    brand = _brand_families(seed, families, list(families))
    themes = {}
    for theme in THEMES:
        usage = ref.TAILWIND_USAGE[theme]
        roles = {role: pick(usage[role]) for role in ("background", "surface", "text", "text-muted", "border-strong")}
        subtle_step, opacity = usage["subtle"]
        colours = {name: (family, usage["brand-step"]) for name, family in brand.items()} | usage["status"]
        for name, (family, step) in colours.items():
            fill = pick((family, step))
            roles |= _colour(
                name,
                fill,
                best_text(fill) if best_on_text else ref.TAILWIND_ON_FILL,
                pick((family, usage["colour-text"])),
                over(pick((family, subtle_step)), opacity, roles["background"]),
                pick((family, usage["on-subtle"])),
            )
        roles["focus-ring"] = roles["primary"]
        themes[theme] = roles
    return Output(families, STEP_POSITION, themes)


def radix(seed: str, best_on_text: bool = False) -> Output:
    brand = _brand_families(seed, ref.RADIX_LIGHT, list(ref.RADIX_ACCENTS))
    usage = ref.RADIX_USAGE
    themes = {}
    for theme, scales in (("light", ref.RADIX_LIGHT), ("dark", ref.RADIX_DARK)):
        gray = scales[ref.RADIX_MATCHING_GRAY[brand["primary"]]]
        roles = {
            role: gray[usage[role] - 1] for role in ("background", "surface", "text", "text-muted", "border-strong")
        }
        for name, family in (brand | usage["status"]).items():
            text, subtle, on_subtle = (scales[family][usage[key] - 1] for key in ("colour-text", "subtle", "on-subtle"))
            fill = scales[family][usage["solid"] - 1]
            on_fill = best_text(fill) if best_on_text else ref.RADIX_CONTRAST.get(family, WHITE)
            roles |= _colour(name, fill, on_fill, text, subtle, on_subtle)
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
    seed_as_fill: tuple[int, int] | None
    seed_in_theme: tuple[int, int] | None
    monotonic: tuple[int, int]
    evenness: list[float]
    evenness_interior: list[float]
    contrast: tuple[int, int]
    contrast_by_group: dict[str, tuple[int, int]]
    contrast_failures: dict[str, int]
    status_min: dict[str | None, float]  # per simulation (None = normal vision), over seeds and themes
    status_below: dict[str | None, tuple[int, int]]


def _share(hits, outputs) -> tuple[int, int]:
    return sum(hits), len(outputs)


def measure(build) -> Metrics:
    seeds = [hex_color for _, hex_color in ref.SEEDS]
    outputs = [(seed, build(seed)) for seed in seeds]
    seeded = outputs[0][1].brand_scale is not None
    distinct = {}
    for _, out in outputs:
        for name, scale in out.scales.items():
            distinct.setdefault(scale, (name, out.positions))
    steady = [(scale, positions) for scale, (_, positions) in distinct.items() if is_monotonic(scale)]
    failures: dict[str, int] = {}
    by_group = {group: [0, 0] for group in PAIR_GROUPS}
    sims = (None, *SIMULATIONS)
    status_values: dict[str | None, list[float]] = {sim: [] for sim in sims}
    for _, out in outputs:
        for theme in THEMES:
            roles = out.themes[theme]
            for fg, bg, ratio, need in contrast_rows(roles):
                counts = by_group[pair_group(fg)]
                counts[1] += 1
                if ratio >= need:
                    counts[0] += 1
                else:
                    key = f"{theme} {fg}/{bg}"
                    failures[key] = failures.get(key, 0) + 1
            for sim in sims:
                status_values[sim].append(status_min(roles, sim))
    seed_shares = {
        "seed_kept": (seed in out.brand_scale for seed, out in outputs),
        "seed_in_palette": (seed in out.brand_palette for seed, out in outputs),
        "seed_as_fill": (seed == out.themes["light"]["primary"] for seed, out in outputs),
        "seed_in_theme": (seed in out.theme_colours for seed, out in outputs),
    }
    return Metrics(
        **{name: _share(hits, outputs) if seeded else None for name, hits in seed_shares.items()},
        monotonic=(sum(is_monotonic(scale) for scale in distinct), len(distinct)),
        evenness=[evenness(scale, positions) for scale, positions in steady],
        evenness_interior=[evenness(scale[1:-1], positions[1:-1]) for scale, positions in steady],
        contrast=(sum(done for done, _ in by_group.values()), sum(total for _, total in by_group.values())),
        contrast_by_group={group: tuple(counts) for group, counts in by_group.items()},
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


def _percent(pair: tuple[int, int]) -> str:
    return f"{100 * pair[0] / pair[1]:.0f}%"


def better_than_us(ours: Metrics, theirs: Metrics) -> list[str]:
    """The measured metrics on which ``theirs`` beats DesignForge (strictly)."""
    ratio = lambda pair: pair[0] / pair[1]  # noqa: E731
    cvd = lambda m: min(m.status_min[sim] for sim in SIMULATIONS)  # noqa: E731
    higher_is_better = [
        ("contrast", ratio(ours.contrast), ratio(theirs.contrast)),
        *((f"contrast of {group}", ratio(ours.contrast_by_group[group]), ratio(theirs.contrast_by_group[group]))
          for group in PAIR_GROUPS),
        ("monotonic", ratio(ours.monotonic), ratio(theirs.monotonic)),
        ("status under CVD", cvd(ours), cvd(theirs)),
        ("status, normal vision", ours.status_min[None], theirs.status_min[None]),
        ("median evenness", -statistics.median(ours.evenness), -statistics.median(theirs.evenness)),
        ("worst evenness", -max(ours.evenness), -max(theirs.evenness)),
        ("median interior evenness", -statistics.median(ours.evenness_interior),
         -statistics.median(theirs.evenness_interior)),
        ("worst interior evenness", -max(ours.evenness_interior), -max(theirs.evenness_interior)),
    ]
    for label, name in (("seed kept", "seed_kept"), ("seed as light fill", "seed_as_fill")):
        if getattr(theirs, name) is not None:
            higher_is_better.append((label, ratio(getattr(ours, name)), ratio(getattr(theirs, name))))
    return [label for label, us, them in higher_is_better if them > us]


def main() -> int:
    start = time.perf_counter()
    results = measure_all()
    width = max(len(name) for name in results) + 2
    pairs = len(CONTRAST_CONTRACT)
    print(f"palette quality over {len(ref.SEEDS)} seeds: " + " ".join(h for _, h in ref.SEEDS))
    sections = (
        ("seed kept exactly in the brand scale", _seed_kept, TOOLS),
        ("seed is the light theme's primary fill, exactly", lambda m: _rate(m.seed_as_fill), TOOLS),
        ("seed used as any theme colour (light or dark)", lambda m: _rate(m.seed_in_theme), TOOLS),
        ("monotonic OKLCH lightness (distinct scales)", lambda m: _rate(m.monotonic), TOOLS),
        ("step evenness, all steps (max/min OKLCH-L gap per step, 1.00 = even)", lambda m: _spread(m.evenness), TOOLS),
        ("step evenness, interior steps (end gaps left out)", lambda m: _spread(m.evenness_interior), TOOLS),
        (f"WCAG 2.1 contrast pairs passing (the report's {pairs} pairs x light/dark x seeds)", _contrast, results),
    )
    for title, show, names in sections:
        print(f"\n{title}")
        for name in names:
            print(f"  {name:<{width}}{show(results[name])}")
    print("  * = the same fixed palette with the better of black/white text on every fill (its most generous use)")
    print("\ncontrast pairs passing by foreground (X = each of primary, secondary, accent and the 4 statuses)")
    column = max(len(group) for group in PAIR_GROUPS) + 2
    print(f"  {'':<{width}}" + "".join(f"{group:>{column}}" for group in PAIR_GROUPS))
    for name, m in results.items():
        print(f"  {name:<{width}}" + "".join(f"{_percent(m.contrast_by_group[g]):>{column}}" for g in PAIR_GROUPS))
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
    seed_ok = ours.seed_kept[0] == ours.seed_kept[1] and ours.seed_as_fill[0] == ours.seed_as_fill[1]
    print("\nsummary")
    print(
        f"  DesignForge: contrast {ratio_text(ours.contrast)}, seed kept {ratio_text(ours.seed_kept)}, "
        f"seed as light fill {ratio_text(ours.seed_as_fill)}, monotonic {ratio_text(ours.monotonic)}, "
        f"status >= 10 under every simulation: {'yes' if status_ok else 'NO'}"
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
