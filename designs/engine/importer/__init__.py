"""Import and repair: an existing theme in, our tokens, its failing contrast pairs and the smallest
repair out.

``import_theme(text)`` reads shadcn/ui or Tailwind CSS variables, a W3C DTCG file or our own JSON
tokens (``css``, ``dtcg``, ``json``; told apart by themselves unless ``format`` says), maps them to
our roles, completes what the input lacks the way the engine would (and says so), reports every
pair, and repairs each failing colour by the least ΔE-OK change that passes (hue kept; backgrounds
and fills never move), listing every change. Pure: nothing is saved.
"""

from ..report import build_report
from ..tokens import validate_tokens
from .assemble import assemble
from .css import read_css
from .documents import read_json
from .minimal import minimal_repair
from .source import Problem, UnreadableTheme

IMPORT_FORMATS = ("auto", "css", "dtcg", "json")

__all__ = ["IMPORT_FORMATS", "Problem", "UnreadableTheme", "import_theme"]


def _read(text: str, format: str):
    if format not in IMPORT_FORMATS:
        raise UnreadableTheme([Problem(f"unknown format {format[:20]!r}: use one of {', '.join(IMPORT_FORMATS)}")])
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise UnreadableTheme([Problem("the input is empty", 1, 1)])
    if format == "css" or (format == "auto" and text.lstrip()[0] not in "{["):
        return read_css(text)
    return read_json(text, None if format == "auto" else format)


def _message(move: dict, names: dict[str, str]) -> str:
    def named(role: str) -> str:
        return names.get(role, role)

    ratios = ", ".join(f"{pair['before']:.2f} -> {pair['after']:.2f} on {named(pair['background'])}"
                       for pair in move["pairs"])
    if not move["repaired"]:
        return (f"{named(move['role'])} {move['from']} ({move['theme']}) cannot pass: {ratios} (needs "
                f"{move['pairs'][0]['required']:g}:1); no colour of its hue does, so change the colour behind it")
    return f"{named(move['role'])} {move['from']} -> {move['to']}: {ratios} ({move['theme']})"


def import_theme(text: str, format: str = "auto") -> dict:
    """``{format, intent, tokens, report, failures, repaired: {tokens, report}, changes, unrepaired,
    completed, unused}``; UnreadableTheme (with the line and the reason of each problem) otherwise."""
    source = _read(text, format)
    tokens, intent, completed = assemble(source)
    tokens = validate_tokens(tokens)
    report = build_report(tokens)
    repaired = {**tokens, "themes": dict(tokens["themes"])}
    changes, unrepaired = [], []
    for theme, given in source.themes.items():
        fixed, moves = minimal_repair(theme, tokens["themes"][theme], movable=set(given))
        repaired["themes"][theme] = fixed
        names = {role: colour.name for role, colour in given.items()}
        for move in moves:
            entry = {**move, "name": names.get(move["role"], move["role"]),
                     "pairs": [{**pair, "background_name": names.get(pair["background"], pair["background"])}
                               for pair in move["pairs"]],
                     "message": _message(move, names)}
            (changes if move["repaired"] else unrepaired).append(entry)
    return {
        "format": source.format,
        "intent": intent.to_dict(),
        "tokens": tokens,
        "report": report,
        "failures": [row for row in report["contrast"] if not row["passes"]],
        "repaired": {"tokens": repaired, "report": build_report(repaired)},
        "changes": changes,
        "unrepaired": unrepaired,
        "completed": completed,
        "unused": source.unused,
    }
