"""Extra headers on the static files WhiteNoise serves (settings.WHITENOISE_ADD_HEADERS_FUNCTION).

Font files may be loaded by other sites: exported stylesheets point at our self-hosted fonts, and browsers
fetch web fonts in CORS mode, so fonts (and only fonts) answer `Access-Control-Allow-Origin: *`.
Under their hashed names (the manifest storage's, which our own pages use) WhiteNoise already caches them
forever. Exports use the plain names, which outlive a deploy (a hashed name disappears once its file
changes); those are cached for a week rather than WhiteNoise's minute, since they change only when the
fonts are re-vendored.
"""

PLAIN_FONT_MAX_AGE = 7 * 24 * 60 * 60


def add_font_headers(headers, path: str, url: str) -> None:
    if not headers.get("Content-Type", "").startswith("font/"):
        return
    headers["Access-Control-Allow-Origin"] = "*"
    if "immutable" not in headers.get("Cache-Control", ""):
        headers["Cache-Control"] = f"max-age={PLAIN_FONT_MAX_AGE}, public"
