"""One vocabulary entry: the phrases that trigger it and what it suggests."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    phrases: tuple[str, ...]
    colour: str | None = None
    accents: tuple[str, ...] = ()
    settings: dict = field(default_factory=dict)


def entry(phrases: str, colour: str | None = None, accent: str = "", **settings) -> Entry:
    accents = tuple(a.strip() for a in accent.split(",") if a.strip())
    return Entry(tuple(p.strip() for p in phrases.split(",")), colour, accents, settings)
