"""The smallest change that makes a theme pass: each failing colour moves by the least ΔE-OK that meets
every ratio it must meet, keeping its hue; backgrounds and fills stay as they are.

Only the foreground of a pair moves (text, muted text, the text on a fill or a tint, coloured text,
the strong border, the focus ring), so a brand fill and the page never change. A foreground that must
meet several backgrounds (text on the page and on cards) meets them all at once.

The search: along lightness first, in both directions, with the chroma kept as far as sRGB allows;
the distance found bounds a search over lightness and chroma together (at each lightness within it,
the passing chroma nearest the colour's own), which sometimes finds a closer colour (a little less
saturated instead of much darker); then the same, finer, around the best. Each line is scanned
coarsely, then the first passing point on it is bisected.
"""

import math

from ..color import contrast, delta_e_ok, floor2, from_oklch, has_hue, oklch
from ..report import CONTRACTS
from ..themes import meets

#: Scanning finds the first passing colour along a line this coarsely, then bisection pins it down.
_SCAN_STEP = 0.01
_CHROMA_SCANS = 6
_BISECTIONS = 10
#: Lightness values tried across the best distance found so far, then again around the best of them.
_GRID = 24


def needs_of(theme: str, roles: dict[str, str]) -> dict[str, list[tuple[str, str, float]]]:
    """For each foreground role of ``theme``: ``[(background role, background colour, ratio), ...]``."""
    needs: dict[str, list] = {}
    for foreground, background, required, _kind in CONTRACTS[theme]:
        needs.setdefault(foreground, []).append((background, roles[background], required))
    return needs


def _first_passing(start: float, stop: float, passes, scans: int) -> float | None:
    """The value nearest ``start`` on the way to ``stop`` where ``passes`` holds: scanned in ``scans`` steps,
    then bisected between the last failing and the first passing value; None if none passes."""
    previous = start
    for i in range(1, scans + 1):
        value = start + (stop - start) * i / scans
        if passes(value):
            failing, passing = previous, value
            for _ in range(_BISECTIONS):
                middle = (failing + passing) / 2
                failing, passing = (failing, middle) if passes(middle) else (middle, passing)
            return passing
        previous = value
    return None


def nearest_passing(colour: str, needs: list[tuple[str, float]]) -> str | None:
    """The colour nearest ``colour`` (ΔE-OK) of the same hue that meets every ``(background, ratio)``;
    ``colour`` itself when it already does; None when no colour of that hue does."""
    if meets(colour, needs):
        return colour
    lightness, chroma, hue = oklch(colour)
    best, best_distance = None, math.inf

    def passes_at(candidate_l: float, candidate_c: float) -> bool:
        return meets(from_oklch(candidate_l, candidate_c, hue), needs)

    def consider(candidate_l: float, candidate_c: float) -> None:
        nonlocal best, best_distance
        candidate = from_oklch(candidate_l, candidate_c, hue)
        distance = delta_e_ok(colour, candidate)
        if distance < best_distance and meets(candidate, needs):
            best, best_distance = candidate, distance

    for end in (0.0, 1.0):  # lightness, chroma kept (as far as sRGB allows)
        scans = max(1, math.ceil(abs(end - lightness) / _SCAN_STEP))
        found = _first_passing(lightness, end, lambda value: passes_at(value, chroma), scans)
        if found is not None:
            consider(found, chroma)
    if best is None or not has_hue(colour):
        return best  # a grey stays grey: it has no hue to keep, only its lightness to move

    def across(centre: float, reach: float) -> None:
        """At each lightness within ``reach`` of ``centre``, the passing chroma nearest the colour's own."""
        for i in range(_GRID + 1):
            candidate_l = centre - reach + 2 * reach * i / _GRID
            span = best_distance ** 2 - (candidate_l - lightness) ** 2
            if not 0.0 <= candidate_l <= 1.0 or span <= 0:
                continue
            if passes_at(candidate_l, chroma):
                consider(candidate_l, chroma)
                continue
            for end in (max(chroma - math.sqrt(span), 0.0), chroma + math.sqrt(span)):
                found = _first_passing(chroma, end, lambda value, at=candidate_l: passes_at(at, value),
                                       _CHROMA_SCANS)
                if found is not None:
                    consider(candidate_l, found)

    across(lightness, best_distance)
    across(oklch(best)[0], 2 * best_distance / _GRID)
    return best


def minimal_repair(theme: str, roles: dict[str, str], movable) -> tuple[dict[str, str], list[dict]]:
    """``(roles with every failing role in movable moved, [what moved and why])``. A role that no colour of
    its hue can pass with stays as it is and is listed with ``"repaired": False``."""
    fixed = dict(roles)
    moves = []
    for role, pairs in needs_of(theme, roles).items():
        if role not in movable:
            continue
        failing = [(background, colour, ratio) for background, colour, ratio in pairs
                   if contrast(roles[role], colour) < ratio]
        if not failing:
            continue
        found = nearest_passing(roles[role], [(colour, ratio) for _, colour, ratio in pairs])
        if found is not None:
            fixed[role] = found
        moves.append({
            "theme": theme,
            "role": role,
            "from": roles[role],
            "to": fixed[role],
            "repaired": found is not None,
            "delta_e_ok": round(delta_e_ok(roles[role], fixed[role]), 4),
            "pairs": [
                {"background": background, "required": ratio, "before": floor2(contrast(roles[role], colour)),
                 "after": floor2(contrast(fixed[role], colour))}
                for background, colour, ratio in failing
            ],
        })
    return fixed, moves
