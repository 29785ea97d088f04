"""Benchmark the generation engine: full design systems (with their report) per second on one core.

Usage: .venv/bin/python bench/engine.py [N]

N different briefs with N different brand colours (and N intents with random colours, harmonies and
vibrancies), none seen before by the process, are read, generated and reported on one core, after a
warm-up on other inputs. That is what a running server does with a new request: the memo caches
only help where inputs really share work (the status colours of a vibrancy band, white and black
text, common greys). The fully cold figure clears every memo cache before each run, for comparison.
Target (issue 8): a design system in 5 ms or less.
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from designs.engine import Intent, build_report, generate_design_system, interpret  # noqa: E402
from designs.engine.color import clear_caches  # noqa: E402
from designs.engine.intent import HARMONIES, NEUTRAL_TINTS  # noqa: E402

BRIEF_WORDS = (
    "calm trustworthy fintech playful gaming kids luxurious boutique hotel bold energetic sports minimal "
    "developer tools warm organic bakery serious legal pastel neon dark deep muted coral teal burgundy navy "
    "mint sage forest green dusty rose wine coffee travel health education beauty fashion music"
)
WORDS = BRIEF_WORDS.split(" ")


def cases(count: int, seed: int) -> list:
    rng = random.Random(seed)
    briefs = [(" ".join(rng.sample(WORDS, rng.randint(2, 5))), f"#{rng.randrange(1 << 24):06x}") for _ in range(count)]
    intents = [
        Intent(primary=f"#{rng.randrange(1 << 24):06x}", harmony=rng.choice(HARMONIES), vibrancy=round(rng.random(), 2),
               neutral=rng.choice(NEUTRAL_TINTS))
        for _ in range(count)
    ]
    return [("brief", brief) for brief in briefs] + [("intent", intent) for intent in intents]


def run(work: list, cold: bool) -> float:
    """Seconds for every case: read (briefs), generate the design system, report."""
    start = time.perf_counter()
    for kind, case in work:
        if cold:
            clear_caches()
        intent = interpret(*case) if kind == "brief" else case
        build_report(generate_design_system(intent))
    return time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    run(cases(40, seed=1), cold=False)  # warm-up: imports, the status bands, the vocabulary
    fresh = cases(count, seed=2)
    warm = run(fresh, cold=False)
    cold = run(cases(count, seed=3), cold=True)
    total = len(fresh)
    print(f"engine: {warm / total * 1000:.2f} ms per design system with its report "
          f"({total / warm:.0f}/s; {total} new briefs and intents, one core, a running process)")
    print(f"engine: {cold / total * 1000:.2f} ms per design system with every memo cache cleared first "
          f"({total / cold:.0f}/s)")


if __name__ == "__main__":
    main()
