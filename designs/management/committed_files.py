"""Files the management commands generate and we commit (static/css/tokens.css, static/fonts/fonts.css, the
brief vocabulary's README)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


def write_or_check(command: BaseCommand, path: Path, text: str, *, check: bool) -> None:
    """Write `text` to `path`, or with `check` write nothing and fail if the committed file differs from it."""
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            name = command.__module__.rsplit(".", 1)[-1]
            raise CommandError(f"{path} is out of date: run `python manage.py {name}`.")
        command.stdout.write(command.style.SUCCESS(f"{path} is up to date."))
        return
    path.write_text(text, encoding="utf-8")
    command.stdout.write(command.style.SUCCESS(f"Wrote {path} ({len(text)} bytes)."))
