"""Benchmark the generation engine: full design systems (+ report) per second on one core.

Usage: .venv/bin/python bench/engine.py [N]

A fixed list of prompts x seeds is cycled through. After a warm-up, N runs of
``generate_design_system`` + ``build_report`` are timed twice: with the
engine's memo caches cleared before every run ("cold", the honest number for
new inputs) and with caches kept ("warm", repeated inputs).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from designs.engine import build_report, generate_design_system, interpret  # noqa: E402
from designs.engine.color import clear_caches  # noqa: E402

PROMPTS = [
    "calm, trustworthy fintech",
    "playful gaming for kids, pink and teal",
    "luxurious boutique hotel",
    "bold energetic sports brand",
    "minimal developer tools",
    "warm organic bakery",
    "serious legal practice",
    "",
]
SEEDS = [None, "#2563eb", "#ffff00", "#050505", "#fafafa", "#39ff14", "#808080", "#ff00ff", "#c2410c", "#0f766e"]
CASES = [(prompt, seed) for prompt in PROMPTS for seed in SEEDS]


def run(count: int, cold: bool) -> float:
    """Seconds for ``count`` full generations (interpret + design system + report)."""
    start = time.perf_counter()
    for index in range(count):
        if cold:
            clear_caches()
        prompt, seed = CASES[index % len(CASES)]
        build_report(generate_design_system(interpret(prompt, seed)))
    return time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    run(len(CASES), cold=False)  # warm-up: imports, JIT-free Python caches, branch warm-up
    cold = run(count, cold=True)
    warm = run(count, cold=False)
    print(
        f"engine: {count / cold:.1f} design systems/s (n={count}, one core, cold caches; "
        f"{cold / count * 1000:.1f} ms each)"
    )
    print(f"engine: {count / warm:.1f} design systems/s (n={count}, one core, warm caches, repeated inputs)")


if __name__ == "__main__":
    main()
