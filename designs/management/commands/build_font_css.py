"""Build static/fonts/fonts.css: the `@font-face` rules of every self-hosted family, for the pages.

URLs are relative to the stylesheet, so the manifest storage rewrites them to hashed names in production.
A browser downloads only the faces a page uses (and of those, only the subsets its text needs). The file is
committed; a test checks it still equals what this command makes. Re-run after `vendor_fonts`:

    python manage.py build_font_css          # write static/fonts/fonts.css
    python manage.py build_font_css --check  # fail if the committed file is out of date
"""

from django.core.management.base import BaseCommand

from designs.engine.font_faces import font_catalogue, font_face_rules
from designs.management.committed_files import write_or_check

from .vendor_fonts import fonts_dir

HEADER = "/* Self-hosted font families (static/fonts/README.md). Written by `python manage.py build_font_css`. */\n"


def font_css() -> str:
    return HEADER + font_face_rules(font_catalogue(), "")


class Command(BaseCommand):
    help = "Generate static/fonts/fonts.css, the @font-face rules of every self-hosted font family."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Write nothing; fail if the file is out of date.")

    def handle(self, *args, check=False, **options):
        path = fonts_dir() / "fonts.css"
        css = font_css()
        write_or_check(self, path, css, check=check)
