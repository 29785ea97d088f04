"""Benchmark the exporters: milliseconds per file for every export format, on one core.

Usage: .venv/bin/python bench/exports.py [N]

N design systems from the offline engine (random brand colours, every font pairing in turn) are made
first; each format then exports every one of them (validation included, as a download does), after a
warm-up. Prints the median and the slowest export per format, and the size of the files. Fails (exit 1)
only if an export is empty.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from designs.engine import EXPORT_FORMATS, Intent, export, generate_design_system  # noqa: E402
from designs.engine.fonts import FONT_PAIRING_KEYS  # noqa: E402


def systems(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    return [
        generate_design_system(Intent(primary=f"#{rng.randrange(1 << 24):06x}",
                                      font_pairing=FONT_PAIRING_KEYS[index % len(FONT_PAIRING_KEYS)]))
        for index in range(count)
    ]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    warm = systems(5, seed=1)
    work = systems(count, seed=2)
    for fmt in EXPORT_FORMATS:
        for tokens in warm:
            export(tokens, fmt, name="Warm-up", font_base_url="https://designforge.example/static/fonts/")
    failed = False
    for fmt in EXPORT_FORMATS:
        times, sizes = [], []
        for tokens in work:
            start = time.perf_counter()
            text = export(tokens, fmt, name="Café Lumière", font_base_url="https://designforge.example/static/fonts/")
            times.append((time.perf_counter() - start) * 1000)
            sizes.append(len(text.encode()))
            failed |= not text.strip()
        print(f"export  {fmt:<17} median {statistics.median(times):6.2f} ms  max {max(times):6.2f} ms  "
              f"{statistics.median(sizes) / 1024:6.1f} KB  (n={count}, one core)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
