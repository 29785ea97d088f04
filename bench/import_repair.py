"""Benchmark import and repair: shadcn themes read, completed, reported and minimally repaired per second,
and how far the repair moves colours compared with the engine's lightness-only repair.

Usage: .venv/bin/python bench/import_repair.py [N]

N shadcn/ui themes (`:root` and `.dark`, oklch values) with random brand colours and text, border and ring
colours drawn so that many pairs fail, none seen before by the process, are imported on one core after a
warm-up on others. For every colour the repair moved, its ΔE-OK is compared with the move of
`repair_themes` (the engine's repair of edited tokens: lightness only, chroma kept) on the same tokens.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from designs.engine import repair_themes  # noqa: E402
from designs.engine.color import delta_e_ok  # noqa: E402
from designs.engine.importer import import_theme  # noqa: E402


def oklch(rng: random.Random, lightness: tuple[float, float], chroma: float) -> str:
    return f"oklch({rng.uniform(*lightness):.3f} {rng.uniform(0, chroma):.3f} {rng.uniform(0, 360):.1f})"


def theme(rng: random.Random) -> str:
    brand = oklch(rng, (0.45, 0.75), 0.2)
    light = {
        "background": "oklch(1 0 0)", "foreground": oklch(rng, (0.2, 0.6), 0.03), "card": "oklch(0.99 0 0)",
        "primary": brand, "primary-foreground": oklch(rng, (0.85, 1), 0.02),
        "muted-foreground": oklch(rng, (0.45, 0.7), 0.04), "destructive": oklch(rng, (0.5, 0.65), 0.22),
        "border": oklch(rng, (0.85, 0.95), 0.02), "input": oklch(rng, (0.8, 0.95), 0.02),
        "ring": oklch(rng, (0.6, 0.8), 0.1),
    }
    dark = {
        "background": oklch(rng, (0.12, 0.2), 0.02), "foreground": oklch(rng, (0.7, 0.98), 0.02),
        "card": oklch(rng, (0.18, 0.25), 0.02), "primary": brand, "primary-foreground": oklch(rng, (0.1, 0.4), 0.02),
        "muted-foreground": oklch(rng, (0.45, 0.75), 0.03), "border": "oklch(1 0 0 / 10%)",
        "input": "oklch(1 0 0 / 15%)", "ring": oklch(rng, (0.35, 0.6), 0.05),
    }

    def block(selector: str, roles: dict) -> str:
        return selector + " {\n" + "".join(f"  --{name}: {value};\n" for name, value in roles.items()) + "}\n"

    return block(":root", light) + block(".dark", dark)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    for source in (theme(random.Random(seed)) for seed in range(10)):
        import_theme(source)  # warm-up: imports, status bands
    rng = random.Random(12345)
    sources = [theme(rng) for _ in range(count)]
    times, moved, ours, lightness_only, unrepaired = [], 0, [], [], 0
    for source in sources:
        start = time.perf_counter()
        result = import_theme(source)
        times.append(time.perf_counter() - start)
        engine_repair = repair_themes(result["tokens"])["themes"]
        unrepaired += len(result["unrepaired"])
        for change in result["changes"]:
            moved += 1
            ours.append(delta_e_ok(change["from"], change["to"]))
            lightness_only.append(delta_e_ok(change["from"], engine_repair[change["theme"]][change["role"]]))
    times.sort()
    print(f"import_repair: {count} shadcn themes (light and dark), one core")
    median, p95 = statistics.median(times) * 1000, times[int(0.95 * count)] * 1000
    print(f"  per theme: median {median:.1f} ms, p95 {p95:.1f} ms, max {times[-1] * 1000:.1f} ms "
          f"({count / sum(times):.1f} themes/s)")
    print(f"  colours moved: {moved} ({moved / count:.1f} a theme), left for their background to change: {unrepaired}")
    print(f"  mean ΔE-OK of a move: {statistics.mean(ours):.4f} (minimal repair) vs "
          f"{statistics.mean(lightness_only):.4f} (lightness-only repair of the same tokens)")
    closer = sum(a < b - 1e-9 for a, b in zip(ours, lightness_only, strict=True))
    farther = sum(a > b + 1e-9 for a, b in zip(ours, lightness_only, strict=True))
    print(f"  moves closer than the lightness-only repair: {closer}, as close: {moved - closer - farther}, "
          f"farther: {farther}")


if __name__ == "__main__":
    main()
