"""How faithfully the offline engine reads briefs: distinct systems for distinct briefs, colour words
and modifiers honoured, brand colours exact, every contrast check passed.

Usage: .venv/bin/python bench/brief_fidelity.py

Prints, for the briefs below (colour words, modifiers, moods and industries):
- pairwise distinctness: the mean ΔE-OK of the primary, secondary and accent 500 steps for every
  pair of briefs (minimum, 5th percentile, pairs under 0.05);
- on-colour: the share of colour-word briefs whose primary lands in the named colour's hue range
  (within 25 degrees of the named colour's OKLCH hue; chroma under 0.04 for black, white and greys);
- modifiers: the share of "pastel", "neon" and "dark" briefs whose brand colour has the lightness and
  chroma the word means (pastel: L >= 0.8 and C <= 0.12; neon: at least 85% of the chroma sRGB allows
  at its lightness and hue, and L >= 0.6; dark: L <= 0.45);
- brand exactness: for brand colours given as a seed (and as secondary/accent in an intent), the share
  that appear unchanged in their scale and as the light theme's fill;
- contrast: the share of generated systems whose report passes;
- look-alikes: the briefs' systems whose report warns that a brand colour looks like a status colour
  in some theme, and those where it is the secondary or the accent (the primary is the brief's own).
Targets (issue 8): no pair under 0.05; >= 90% on-colour; 100% exact and passing.
"""

import itertools
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from designs.engine import Intent, build_report, generate_design_system, interpret  # noqa: E402
from designs.engine.color import delta_e_ok, max_chroma, oklch  # noqa: E402
from designs.engine.lexicon import lookup  # noqa: E402

#: (brief, the colour name it uses or None, the modifier it uses or None)
BRIEFS = [
    ("premium burgundy wine estate", "burgundy", None),
    ("forest green outdoor gear shop", "forest green", None),
    ("navy and gold private bank", "navy", None),
    ("mint fresh dental clinic", "mint", None),
    ("dusty rose bridal boutique", "dusty rose", None),
    ("terracotta ceramics studio", "terracotta", None),
    ("teal telehealth platform", "teal", None),
    ("mustard yellow retro diner", "mustard yellow", None),
    ("lavender sleep and meditation app", "lavender", None),
    ("coral reef conservation charity", "coral", None),
    ("charcoal and copper architecture firm", "charcoal", None),
    ("electric blue ev charging network", "electric blue", None),
    ("sage green yoga retreat", "sage green", None),
    ("crimson esports team", "crimson", None),
    ("sky blue travel booking", "sky blue", None),
    ("olive oil producer from a family grove", "olive", None),
    ("plum luxury chocolatier", "plum", None),
    ("turquoise surf school", "turquoise", None),
    ("black and white photography portfolio", "black", None),
    ("orange grocery delivery startup", "orange", None),
    ("magenta music festival", "magenta", None),
    ("emerald jewellery house", "emerald", None),
    ("sweet pastel bakery", None, "pastel"),
    ("pastel kids learning app", None, "pastel"),
    ("pastel blue baby clothes", "pastel blue", "pastel"),
    ("neon gaming", None, "neon"),
    ("neon green crypto exchange", "neon green", "neon"),
    ("neon pink nightclub", "neon pink", "neon"),
    ("dark moody cocktail bar", None, "dark"),
    ("dark academia book club", None, "dark"),
    ("dark green whisky distillery", "dark green", "dark"),
    ("calm trustworthy fintech", None, None),
    ("serious corporate law firm", None, None),
    ("elegant minimal luxury noir fashion house", "noir", None),
    ("cozy artisan coffee roastery", None, None),
    ("bold sustainable energy", None, None),
    ("playful kids reading app", None, None),
    ("friendly neighbourhood vet", None, None),
    ("futuristic ai assistant", None, None),
    ("minimal developer tools", None, None),
    ("energetic fitness tracker", None, None),
    ("warm family restaurant", None, None),
    ("modern b2b analytics dashboard", None, None),
    ("romantic wedding planner", None, None),
    ("rustic farm to table market", None, None),
    ("edgy streetwear label", None, None),
    ("accessible government services portal", None, None),
    ("whimsical children's toy store", None, None),
    ("cheerful sunny holiday rentals", None, None),
    ("secure cybersecurity startup", None, None),
    ("retro seventies record label", None, None),
    ("zen meditation app", None, None),
]

#: Brand colours given by users: the hard cases, then random ones.
SEEDS = ["#ffd400", "#000000", "#ffffff", "#808080", "#39ff14", "#1e40af", "#f43f5e", "#fafafa", "#050505", "#00ffff"]
HUE_RANGE = 25.0


def _hue_gap(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


def on_colour(primary: str, name: str) -> bool:
    target = lookup(tuple(name.split()))
    target_l, target_c, target_h = oklch(target)
    lightness, chroma, hue = oklch(primary)
    if target_c < 0.04:
        return chroma < 0.04
    return _hue_gap(hue, target_h) <= HUE_RANGE


def modifier_holds(primary: str, modifier: str) -> bool:
    lightness, chroma, hue = oklch(primary)
    if modifier == "pastel":
        return lightness >= 0.8 and chroma <= 0.12
    if modifier == "neon":
        return lightness >= 0.6 and chroma >= 0.85 * max_chroma(lightness, hue)
    return lightness <= 0.45


def exact(tokens: dict, scale: str, colour: str) -> bool:
    return colour in tokens["colors"][scale].values() and tokens["themes"]["light"][scale] == colour


def main() -> None:
    systems = []
    passing = 0
    look_alike_roles = []
    for brief, _, _ in BRIEFS:
        intent = interpret(brief)
        tokens = generate_design_system(intent)
        report = build_report(tokens)
        passing += report["passes"]
        look_alike_roles.append({warning["roles"][0] for warning in report["warnings"]})
        systems.append((brief, intent, tokens))

    distances = []
    for (brief_a, _, a), (brief_b, _, b) in itertools.combinations(systems, 2):
        mean = statistics.fmean(
            delta_e_ok(a["colors"][scale]["500"], b["colors"][scale]["500"])
            for scale in ("primary", "secondary", "accent")
        )
        distances.append((mean, brief_a, brief_b))
    distances.sort()
    values = [d for d, _, _ in distances]
    fifth = values[max(0, round(len(values) * 0.05) - 1)]
    close = [entry for entry in distances if entry[0] < 0.05]

    coloured = [(brief, name, intent) for (brief, name, _), (_, intent, _) in zip(BRIEFS, systems, strict=True) if name]
    on = [brief for brief, name, intent in coloured if on_colour(intent.primary, name)]
    modified = [(brief, mod, intent) for (brief, _, mod), (_, intent, _) in zip(BRIEFS, systems, strict=True) if mod]
    held = [brief for brief, mod, intent in modified if modifier_holds(intent.primary, mod)]

    rng = random.Random(8)
    seeds = SEEDS + [f"#{rng.randrange(1 << 24):06x}" for _ in range(60)]
    exact_count = total = 0
    for index, seed in enumerate(seeds):
        tokens = generate_design_system(interpret(BRIEFS[index % len(BRIEFS)][0], seed))
        passing += build_report(tokens)["passes"]
        exact_count += exact(tokens, "primary", seed)
        total += 1
        secondary, accent = seeds[(index + 1) % len(seeds)], seeds[(index + 2) % len(seeds)]
        tokens = generate_design_system(Intent(primary=seed, secondary=secondary, accent=accent))
        passing += build_report(tokens)["passes"]
        exact_count += exact(tokens, "secondary", secondary) + exact(tokens, "accent", accent)
        total += 2
    generated = len(systems) + 2 * len(seeds)

    print(f"briefs: {len(BRIEFS)} ({len(coloured)} with a colour word, {len(modified)} with pastel/neon/dark)")
    print(f"distinctness (mean ΔE-OK of primary/secondary/accent 500, {len(values)} pairs): "
          f"min {values[0]:.3f}, 5th percentile {fifth:.3f}, median {statistics.median(values):.3f}; "
          f"pairs under 0.05: {len(close)}")
    for mean, a, b in distances[:3]:
        print(f"  closest: {mean:.3f}  {a!r} ~ {b!r}")
    print(f"on-colour: {len(on)}/{len(coloured)} = {len(on) / len(coloured):.0%}"
          + "".join(f"\n  off: {brief!r}" for brief, _, _ in coloured if brief not in on))
    print(f"modifiers: {len(held)}/{len(modified)} = {len(held) / len(modified):.0%}"
          + "".join(f"\n  missed: {brief!r}" for brief, _, _ in modified if brief not in held))
    print(f"brand exactness: {exact_count}/{total} = {exact_count / total:.0%}")
    print(f"contrast passes: {passing}/{generated} = {passing / generated:.0%}")
    derived = sum(bool(roles - {"primary"}) for roles in look_alike_roles)
    print(f"look-alikes: {sum(map(bool, look_alike_roles))}/{len(BRIEFS)} systems warn that a brand colour looks "
          f"like a status colour; {derived}/{len(BRIEFS)} the secondary or accent")
    if exact_count != total or passing != generated:
        sys.exit(1)


if __name__ == "__main__":
    main()
