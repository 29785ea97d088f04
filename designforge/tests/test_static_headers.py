"""How the app serves its static files in production: collectstatic with DEBUG=False into a temporary
STATIC_ROOT, in a subprocess (the storage is chosen when settings load), then requests through the whole
middleware stack, as gunicorn would pass them."""

import json
import os
import subprocess
import sys
import textwrap

from django.conf import settings

FONT = "fonts/inter/inter-latin-wght-normal.woff2"

SERVE = textwrap.dedent(
    f"""
    import json, re
    import django
    django.setup()
    from django.core.management import call_command
    from django.templatetags.static import static
    from django.test import Client

    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client()

    def get(url):
        response = client.get(url, secure=True)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return {{"url": url, "status": response.status_code, "headers": dict(response.headers), "body": body}}

    css = get(static("fonts/fonts.css"))
    inter = re.search(rb'url\\("([^"]*inter-latin-wght-normal[^"]*)"\\)', css["body"]).group(1).decode()
    answers = {{
        "css": css,
        "font_from_css": get("/static/fonts/" + inter),
        "hashed_font": get(static("{FONT}")),
        "plain_font": get("/static/{FONT}"),
        "app_css": get(static("css/app.css")),
    }}
    for answer in answers.values():
        answer["signature"] = answer.pop("body")[:4].decode("latin-1")
    answers["inter_in_css"] = inter
    print(json.dumps(answers))
    """
)


def serve_in_production(tmp_path) -> dict:
    (tmp_path / "production_static_settings.py").write_text(
        f"from designforge.settings import *  # noqa: F403\nSTATIC_ROOT = {str(tmp_path / 'static')!r}\n"
    )
    env = {
        **os.environ,
        "DEBUG": "False",
        "SECRET_KEY": "static-headers-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "production_static_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(settings.BASE_DIR)]),
    }
    result = subprocess.run(
        [sys.executable, "-c", SERVE], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_fonts_are_cached_for_good_and_open_to_other_sites_while_other_files_are_not(tmp_path):
    answers = serve_in_production(tmp_path)
    forever = "max-age=315360000, public, immutable"

    # The page stylesheet is hashed, and so are the font URLs inside it (rewritten by the manifest storage).
    css, font_from_css = answers["css"], answers["font_from_css"]
    assert css["status"] == 200 and css["headers"]["Cache-Control"] == forever
    assert "Access-Control-Allow-Origin" not in css["headers"]
    assert answers["inter_in_css"] != "inter/inter-latin-wght-normal.woff2", "fonts.css still names the plain file"
    assert font_from_css["status"] == 200 and font_from_css["signature"] == "wOF2"
    assert font_from_css["headers"]["Cache-Control"] == forever
    assert font_from_css["headers"]["Content-Type"] == "font/woff2"
    assert font_from_css["headers"]["Access-Control-Allow-Origin"] == "*"

    hashed = answers["hashed_font"]
    assert hashed["status"] == 200 and hashed["headers"]["Cache-Control"] == forever
    assert hashed["headers"]["Access-Control-Allow-Origin"] == "*"

    # Exports use the plain name, which survives deploys: a week, not WhiteNoise's minute.
    plain = answers["plain_font"]
    assert plain["status"] == 200 and plain["signature"] == "wOF2"
    assert plain["headers"]["Cache-Control"] == "max-age=604800, public"
    assert plain["headers"]["Access-Control-Allow-Origin"] == "*"

    # Everything else stays same-origin.
    app_css = answers["app_css"]
    assert app_css["status"] == 200 and app_css["headers"]["Cache-Control"] == forever
    assert "Access-Control-Allow-Origin" not in app_css["headers"]
