"""Variations of an intent: the n-th deterministic alternative for every part not locked.

Variant 0 is the intent itself. Variant n draws, from a generator seeded by
the intent and n, another value for each unlocked part: another harmony,
neutral tint, pairing, density; vibrancy, roundness, shadow depth and the
type scale moved within their ranges; the primary turned on the wheel; the
secondary and accent as new colours from the (possibly new) harmony. So a
page can show four variations, each different, each the same every time.
"""

import hashlib
import json
import random

from .color import from_oklch, max_chroma, oklch
from .errors import EngineInputError
from .harmony import derive
from .intent import INTENT_FIELDS, LOCKABLE, TYPE_SCALE_STOPS, Intent

MAX_VARIANT = 999


def _others(choices, current, rng: random.Random):
    return rng.choice([choice for choice in choices if choice != current])


def _moved(value: float, name: str, spread: float, rng: random.Random) -> float:
    spec = INTENT_FIELDS[name]
    shift = rng.uniform(spread * 0.4, spread) * rng.choice((-1, 1))
    moved = value + shift
    if not spec.low <= moved <= spec.high:
        moved = value - shift
    return min(max(moved, spec.low), spec.high)


def _turned(colour: str, rng: random.Random) -> str:
    """The colour turned 25-70 degrees on the wheel, a little lighter or darker, as saturated
    (relative to what sRGB allows) as it was."""
    lightness, chroma, hue = oklch(colour)
    share = min(chroma / max_chroma(lightness, hue), 1.0) if chroma > 0.01 else 0.5
    hue = (hue + rng.uniform(25, 70) * rng.choice((-1, 1))) % 360
    lightness = min(max(lightness + rng.uniform(-0.08, 0.08), 0.25), 0.9)
    return from_oklch(lightness, share * max_chroma(lightness, hue), hue)


def check_locks(locks) -> tuple[str, ...]:
    """Validated lock names (any of the intent's fields), or EngineInputError."""
    if not isinstance(locks, list | tuple) or not all(isinstance(lock, str) for lock in locks):
        raise EngineInputError.single("locks", "must be a list of intent field names")
    unknown = sorted(set(locks) - set(LOCKABLE))
    if unknown:
        raise EngineInputError.single("locks", f"unknown parts {', '.join(unknown)}; lockable: {', '.join(LOCKABLE)}")
    return tuple(dict.fromkeys(locks))


def variant(intent: Intent, n: int, locks=()) -> Intent:
    """The n-th alternative of ``intent`` (0 is the intent itself), keeping every part in ``locks``."""
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_VARIANT:
        raise EngineInputError.single("variant", f"must be a whole number from 0 to {MAX_VARIANT}")
    locked = set(check_locks(locks))
    if n == 0:
        return intent
    base = intent.to_dict()
    seed = hashlib.sha256(json.dumps([base, n], sort_keys=True).encode()).digest()
    rng = random.Random(seed)
    changes: dict = {}

    def free(name: str) -> bool:
        return name not in locked

    # Every draw happens whatever is locked, so locking one part never changes another's variation.
    draws = {
        "primary": _turned(intent.primary, rng),
        "harmony": _others(INTENT_FIELDS["harmony"].choices, intent.harmony, rng),
        "neutral": _others(INTENT_FIELDS["neutral"].choices, intent.neutral, rng),
        "font_pairing": _others(INTENT_FIELDS["font_pairing"].choices, intent.font_pairing, rng),
        "density": _others(INTENT_FIELDS["density"].choices, intent.density, rng),
        "vibrancy": _moved(intent.vibrancy, "vibrancy", 0.3, rng),
        "roundness": _moved(intent.roundness, "roundness", 0.35, rng),
        "shadow_depth": _moved(intent.shadow_depth, "shadow_depth", 0.35, rng),
        "type_scale": _others(sorted(set(TYPE_SCALE_STOPS.values()) | {intent.type_scale}), intent.type_scale, rng),
        "base_size": min(max(intent.base_size + rng.choice((-2, -1, 1, 2)), 14), 20),
        "secondary_jitter": rng.uniform(-18, 18),
        "accent_jitter": rng.uniform(-18, 18),
    }
    for name in ("primary", "harmony", "neutral", "font_pairing", "density", "vibrancy", "roundness",
                 "shadow_depth", "type_scale", "base_size"):
        if free(name):
            changes[name] = draws[name]
    primary = changes.get("primary", intent.primary)
    for role in ("secondary", "accent"):
        if free(role):
            changes[role] = derive(
                primary,
                role=role,
                harmony=changes.get("harmony", intent.harmony),
                vibrancy=changes.get("vibrancy", intent.vibrancy),
                hue_jitter=draws[f"{role}_jitter"],
            )
    return intent.replace(**changes)
