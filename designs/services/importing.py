"""Import and repair: an existing theme read, checked and minimally repaired by the engine. Free, and
nothing is saved (saving the repaired tokens is `design_system_create`, free as well)."""

from django.conf import settings

from designforge.ratelimit import rate_limit_hit

from ..engine.importer import IMPORT_FORMATS, UnreadableTheme, import_theme
from ..errors import InvalidInput

#: The longest theme accepted, in characters (a shadcn theme is about 4,000; a large DTCG file 100,000).
MAX_IMPORT_LENGTH = 200_000


def theme_import(*, source: str, file_format: str = "auto", requester: str) -> dict:
    """The engine's reading of `source` (shadcn/Tailwind CSS variables, DTCG or our JSON): parsed tokens,
    their report and failing pairs, the minimally repaired tokens and every change (see
    `designs.engine.importer.import_theme`). Counted against `PREVIEW_RATE_LIMIT` with the previews
    (429 `rate_limited`). An unreadable theme is `InvalidInput` (400) whose `details.source` says each
    problem's line and reason and `details.problems` gives them as `{line, column, reason}`."""
    rate_limit_hit(scope="preview", key=requester, rate=settings.PREVIEW_RATE_LIMIT)
    if not isinstance(source, str) or len(source) > MAX_IMPORT_LENGTH:
        raise InvalidInput(details={"source": [f"Must be a text of at most {MAX_IMPORT_LENGTH} characters."]})
    if file_format not in IMPORT_FORMATS:
        raise InvalidInput(details={"format": [f"Must be one of: {', '.join(IMPORT_FORMATS)}."]})
    try:
        return import_theme(source, file_format)
    except UnreadableTheme as exc:
        raise InvalidInput(
            f"The theme cannot be read. {exc.problems[0].text()}",
            details={
                "source": [problem.text() for problem in exc.problems],
                "problems": [{"line": p.line, "column": p.column, "reason": p.reason} for p in exc.problems],
            },
        )
