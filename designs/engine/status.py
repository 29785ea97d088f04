"""Status colours (success, warning, danger, info) that survive colour blindness.

Hue alone cannot separate red from green for protan and deutan viewers, or
blue from green for tritan viewers, so the status fills also differ in
lightness: in the light theme success is a light green, warning a mid amber,
danger and info darker red and blue (told apart by hue under every
simulation). These choices were made by searching step combinations and are
verified for every palette; if a check ever failed, a nearby combination
that passes is searched for instead.

Status colours follow the brand's vibrancy in five bands, so a muted brand
gets calmer status colours. The scales and steps of a band depend on nothing
else, so each band is computed once per process.
"""

import itertools
from functools import lru_cache

from .color import cvd_distance, takes_text
from .palette import build_scale
from .shapes import SIMULATIONS, STATUS_DISTANCE, STATUS_SCALES, STEPS, base_theme, theme_ratios

STATUS_HUES = {"success": 150.0, "warning": 75.0, "danger": 27.0, "info": 245.0}

#: Peak OKLCH chroma of the status scales in each vibrancy band (vibrancy 0, 0.25, 0.5, 0.75, 1).
BAND_CHROMA = (0.09, 0.115, 0.14, 0.165, 0.19)

#: Designed fill step of each status colour per theme.
STATUS_STEPS = {
    "light": {"success": "300", "warning": "400", "danger": "600", "info": "600"},
    "dark": {"success": "200", "warning": "300", "danger": "500", "info": "400"},
}

#: Steps the fallback search may use per side.
_SEARCH_STEPS = {"light": STEPS[2:9], "dark": STEPS[1:8]}


def band(vibrancy: float) -> int:
    """The status band (0..4) of a vibrancy in 0..1."""
    return round(min(max(vibrancy, 0.0), 1.0) * (len(BAND_CHROMA) - 1))


@lru_cache(maxsize=len(BAND_CHROMA))
def status_scales(band_index: int) -> dict[str, dict[str, str]]:
    """The four status scales of a band."""
    peak = BAND_CHROMA[band_index]
    return {name: build_scale(STATUS_HUES[name], peak) for name in STATUS_SCALES}


def status_distances(roles: dict[str, str]) -> list[tuple[str, str, str, float]]:
    """``(simulation, a, b, ΔE2000)`` for every pair of status colours present in ``roles``."""
    names = [name for name in STATUS_SCALES if name in roles]
    return [
        (simulation, first, second, cvd_distance(roles[first], roles[second], simulation))
        for simulation in SIMULATIONS
        for first, second in itertools.combinations(names, 2)
    ]


def min_status_distance(roles: dict[str, str]) -> float:
    """Smallest simulated distance between any two status colours (inf if fewer than two)."""
    return min((entry[3] for entry in status_distances(roles)), default=float("inf"))


def choose_status_steps(colors: dict[str, dict[str, str]], theme: str) -> dict[str, str]:
    """Pick the scale step used as the fill of each status colour in ``theme``.

    The designed steps of its side (light or dark) are returned when they pass: distinct under every
    simulation, and (in a high-contrast theme) taking 7:1 text. Otherwise the passing combination
    closest to the design, or failing that the best-separated one whose fills take that text.
    """
    side = base_theme(theme)
    text_ratio = theme_ratios(theme)[0]
    designed = STATUS_STEPS[side]

    def roles_for(steps: dict[str, str]) -> dict[str, str]:
        return {name: colors[name][steps[name]] for name in STATUS_SCALES}

    def usable(steps: dict[str, str]) -> bool:
        return all(takes_text(colour, text_ratio) for colour in roles_for(steps).values())

    if usable(designed) and min_status_distance(roles_for(designed)) >= STATUS_DISTANCE:
        return dict(designed)
    candidates = sorted(
        itertools.product(_SEARCH_STEPS[side], repeat=len(STATUS_SCALES)),
        key=lambda combo: (
            sum(abs(STEPS.index(s) - STEPS.index(designed[n])) for s, n in zip(combo, STATUS_SCALES, strict=True)),
            combo,
        ),
    )
    best, best_distance = dict(designed), -1.0
    for combo in candidates:
        steps = dict(zip(STATUS_SCALES, combo, strict=True))
        if not usable(steps):
            continue
        distance = min_status_distance(roles_for(steps))
        if distance >= STATUS_DISTANCE:
            return steps
        if distance > best_distance:
            best, best_distance = steps, distance
    return best


@lru_cache(maxsize=len(BAND_CHROMA) * 4)
def band_fill_steps(band_index: int, theme: str) -> dict[str, str]:
    """The fill step of each status colour of a band in a theme (searched once per process)."""
    return choose_status_steps(status_scales(band_index), theme)
