"""Build designs/engine/vocabulary/README.md: the brief vocabulary as tables, for people writing briefs.

Committed; a test checks it still equals what this command makes. Re-run after changing the vocabulary:

    python manage.py build_vocabulary_doc          # write the file
    python manage.py build_vocabulary_doc --check  # fail if the committed file is out of date
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from designs.engine import vocabulary
from designs.management.committed_files import write_or_check

PATH = Path(vocabulary.__file__).resolve().parent / "README.md"


class Command(BaseCommand):
    help = "Generate designs/engine/vocabulary/README.md, the brief vocabulary as tables."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Write nothing; fail if the file is out of date.")

    def handle(self, *args, check=False, **options):
        write_or_check(self, PATH, vocabulary.markdown(), check=check)
