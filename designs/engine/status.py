"""Status colours (success, warning, danger, info) that survive colour blindness.

Hue alone cannot separate red from green for protan and deutan viewers, or
blue from green for tritan viewers, so the status roles also differ in
lightness: in the light theme success is a light green, warning a mid amber,
danger and info darker red and blue (told apart by hue under every
simulation). These choices were made by searching step combinations and are
verified on every generation; if a check ever failed, a nearby combination
that passes is searched for instead.
"""

import itertools

from .color import cvd_distance
from .palette import build_scale
from .shapes import SIMULATIONS, STATUS_DISTANCE, STATUS_SCALES, STEPS

STATUS_HUES = {"success": 150.0, "warning": 75.0, "danger": 27.0, "info": 245.0}

#: Status colours follow the brand's chroma level, within a range that stays distinguishable.
STATUS_CHROMA = {"muted": 0.11, "balanced": 0.14, "vivid": 0.17}

#: Designed role step of each status colour per theme.
STATUS_STEPS = {
    "light": {"success": "300", "warning": "400", "danger": "600", "info": "600"},
    "dark": {"success": "200", "warning": "300", "danger": "500", "info": "400"},
}

#: Steps the fallback search may use per theme.
_SEARCH_STEPS = {"light": STEPS[2:9], "dark": STEPS[1:8]}


def status_scales(chroma_level: str) -> dict[str, dict[str, str]]:
    """The four status scales for a chroma level."""
    peak = STATUS_CHROMA[chroma_level]
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
    """Pick the scale step used as the role colour of each status in ``theme``.

    The designed steps are returned when they pass; otherwise the passing
    combination closest to the design, or failing that the best-separated one.
    """
    designed = STATUS_STEPS[theme]

    def roles_for(steps: dict[str, str]) -> dict[str, str]:
        return {name: colors[name][steps[name]] for name in STATUS_SCALES}

    if min_status_distance(roles_for(designed)) >= STATUS_DISTANCE:
        return dict(designed)
    candidates = sorted(
        itertools.product(_SEARCH_STEPS[theme], repeat=len(STATUS_SCALES)),
        key=lambda combo: (
            sum(abs(STEPS.index(s) - STEPS.index(designed[n])) for s, n in zip(combo, STATUS_SCALES, strict=True)),
            combo,
        ),
    )
    best, best_distance = dict(designed), -1.0
    for combo in candidates:
        steps = dict(zip(STATUS_SCALES, combo, strict=True))
        distance = min_status_distance(roles_for(steps))
        if distance >= STATUS_DISTANCE:
            return steps
        if distance > best_distance:
            best, best_distance = steps, distance
    return best
