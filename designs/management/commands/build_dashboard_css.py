"""Build the dashboard's own design tokens (static/css/tokens.css) with our engine: we use what we sell.

The file is committed, so `make run` needs no build step; a test checks it still equals what this
command produces, so it never drifts from the engine. Re-run after changing the engine or the brief:

    python manage.py build_dashboard_css          # write static/css/tokens.css
    python manage.py build_dashboard_css --check  # fail if the committed file is out of date
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from designs.engine import Intent, export, generate_design_system
from designs.management.committed_files import write_or_check

#: The dashboard's design system: an intent, as a customer would set it in the editor.
DASHBOARD_INTENT = Intent(
    primary="#4f46e5",
    harmony="analogous",
    vibrancy=0.55,
    neutral="cool",
    font_pairing="inter",
    type_scale=1.2,
    base_size=16,
    density="comfortable",
    roundness=0.45,
    shadow_depth=0.35,
)
DASHBOARD_NAME = "DesignForge dashboard"


def dashboard_tokens() -> dict:
    return generate_design_system(DASHBOARD_INTENT)


def dashboard_css() -> str:
    return export(dashboard_tokens(), "css", name=DASHBOARD_NAME, font_base_url=None)  # pages link fonts.css


def default_path() -> Path:
    return Path(settings.BASE_DIR) / "static" / "css" / "tokens.css"


class Command(BaseCommand):
    help = "Generate the dashboard's CSS custom properties (static/css/tokens.css) with the design engine."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=None, help="Where to write (default static/css/tokens.css).")
        parser.add_argument("--check", action="store_true", help="Write nothing; fail if the file is out of date.")

    def handle(self, *args, output=None, check=False, **options):
        path = output or default_path()
        css = dashboard_css()
        write_or_check(self, path, css, check=check)
