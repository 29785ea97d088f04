"""What a user's preferences may hold: known keys, each with its allowed values (all strings).

One schema for the API (`PATCH /api/me`), the account page and the service that stores them, so
nothing else (no nested object, no unknown key) can ever be stored.
"""

THEME_CHOICES = [("system", "Follow my device"), ("light", "Light"), ("dark", "Dark")]
# The design exports (designs.engine.EXPORT_FORMATS; a test keeps the two in step). Accounts sits under
# designs, so it names them rather than importing them.
EXPORT_FORMAT_CHOICES = [
    ("css", "CSS custom properties"),
    ("scss", "SCSS variables"),
    ("tailwind", "Tailwind CSS v4 theme"),
    ("dtcg", "W3C design tokens (JSON)"),
    ("tokens-studio", "Tokens Studio (JSON)"),
    ("style-dictionary", "Style Dictionary build (for the W3C tokens)"),
    ("json", "Raw tokens (JSON)"),
    ("shadcn", "shadcn/ui theme (CSS)"),
]

#: key -> (label, choices)
PREFERENCES = {
    "theme": ("Dashboard theme", THEME_CHOICES),
    "export_format": ("Default export format", EXPORT_FORMAT_CHOICES),
}


def is_valid(key, value) -> bool:
    return key in PREFERENCES and isinstance(value, str) and value in {code for code, _ in PREFERENCES[key][1]}


def errors_in(changes: dict) -> dict[str, list[str]]:
    """Field errors of a change set (a value of null removes the key, so it is always allowed)."""
    errors = {}
    for key, value in changes.items():
        if key not in PREFERENCES:
            errors[key] = [f"Unknown preference; known: {', '.join(PREFERENCES)}."]
        elif value is not None and not is_valid(key, value):
            allowed = ", ".join(code for code, _ in PREFERENCES[key][1])
            errors[key] = [f"Must be one of {allowed}, or null to remove it."]
    return errors
