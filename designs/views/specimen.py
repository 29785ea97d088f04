"""What a design system's page draws from its tokens: the CSS custom properties (`--ds-*`) that paint the
preview in the system's own colours, fonts and shapes, the swatches with their contrast and uses, the
type specimen, spacing, radii and shadows, and the contrast report's samples.

Everything is listed in the token contract's order (JSON stored in PostgreSQL comes back with its keys
reordered), and nothing is decided here: every value comes from the tokens or the report.
`static/js/preview.js` writes the same custom properties in the browser when the editor previews a change.
"""

import re

from ..engine.color import contrast
from ..engine.shapes import (
    BASE_ROLES,
    FAMILY_ROLES,
    FILLED_ROLES,
    RADII,
    SCALE_NAMES,
    SHADOWS,
    SPACING_KEYS,
    STANDARD_THEMES,
    STEPS,
    THEME_ROLES,
    TYPE_STEPS,
    WEIGHTS,
    colour_roles,
)

WHITE, BLACK = "#ffffff", "#000000"
# The engine validates every token value; anything outside this alphabet is still left out of the page's CSS.
_SAFE_CSS_VALUE = re.compile(r"[#\w\s.,()%/+\-\"']+")

#: What each role is for, in plain words ("{name}" is the colour's name).
_BASE_USES = {
    "background": "page background",
    "surface": "cards and panels",
    "text": "body text",
    "text-muted": "secondary text",
    "border": "dividers",
    "border-strong": "input borders",
    "focus-ring": "focus ring",
}
_COLOUR_USES = ("{name} buttons and badges", "text on {name}", "{name} text and links", "{name} tints",
                "text on {name} tints")
#: Where the dashboard's own tokens stand in for a section the design system does not have.
_DASHBOARD_FONTS = {"heading": "var(--font-heading)", "body": "var(--font-body)", "mono": "var(--font-mono)"}
_RADIUS_SAMPLES = {"none": "Tables", "sm": "Badges", "md": "Buttons, inputs", "lg": "Cards", "xl": "Dialogs",
                   "full": "Avatars, pills"}
_SHADOW_SAMPLES = {"sm": "Inputs, raised buttons", "md": "Cards", "lg": "Menus, popovers", "xl": "Dialogs"}


def role_use(role: str) -> str:
    if role in _BASE_USES:
        return _BASE_USES[role]
    for name in FILLED_ROLES:
        roles = colour_roles(name)
        if role in roles:
            return _COLOUR_USES[roles.index(role)].format(name=name)
    return role


def role_uses() -> dict[str, str]:
    """Every theme role and what it is for (the editor relabels swatches with it after a preview)."""
    return {role: role_use(role) for role in THEME_ROLES}


def css_value(value) -> str | None:
    value = str(value)
    return value if _SAFE_CSS_VALUE.fullmatch(value) and "/*" not in value else None


def declarations(pairs) -> str:
    return "; ".join(f"{name}: {css}" for name, value in pairs if (css := css_value(value)) is not None)


def pane_variables(tokens: dict, theme: str) -> list[tuple[str, str]]:
    """Every `--ds-*` custom property of a preview pane in `theme`, from the design system's tokens; a
    section the tokens lack (a colours-only or typography-only system) is drawn with the dashboard's."""
    pairs: list[tuple[str, str]] = []
    roles = tokens.get("themes", {}).get(theme)
    if roles:
        pairs += [(f"--ds-{role}", roles[role]) for role in THEME_ROLES if role in roles]
        pairs.append(("color-scheme", theme))
    else:
        pairs += [(f"--ds-{role}", f"var(--color-{role})") for role in THEME_ROLES]
    typography = tokens.get("typography")
    if typography:
        pairs += [(f"--ds-font-{role}", typography["families"][role]["stack"]) for role in FAMILY_ROLES]
        pairs += [(f"--ds-weight-{name}", typography["weights"][name]) for name in WEIGHTS]
        pairs += [(f"--ds-text-{step}", typography["scale"]["steps"][step]["clamp"]) for step in TYPE_STEPS]
        pairs += [(f"--ds-leading-{step}", typography["line_heights"][step]) for step in TYPE_STEPS]
    else:
        pairs += [(f"--ds-font-{role}", value) for role, value in _DASHBOARD_FONTS.items()]
        pairs += [(f"--ds-weight-{name}", f"var(--font-weight-{name})") for name in WEIGHTS]
        pairs += [(f"--ds-text-{step}", f"var(--text-{step})") for step in TYPE_STEPS]
        pairs += [(f"--ds-leading-{step}", f"var(--leading-{step})") for step in TYPE_STEPS]
    scale = tokens.get("spacing", {}).get("scale")
    pairs += [(f"--ds-space-{key}", scale[key] if scale else f"var(--spacing-{key})") for key in SPACING_KEYS]
    radii = tokens.get("radii")
    pairs += [(f"--ds-radius-{name}", radii[name] if radii else f"var(--radius-{name})") for name in RADII]
    shadows = tokens.get("shadows")
    pairs += [(f"--ds-shadow-{name}", shadows[name] if shadows else f"var(--shadow-{name})") for name in SHADOWS]
    return pairs


def pane_style(tokens: dict, theme: str) -> str:
    """The inline style of a preview pane: its `--ds-*` custom properties."""
    return declarations(pane_variables(tokens, theme))


def panes(tokens: dict) -> list[dict]:
    """One preview pane per standard theme (both drawn in the dashboard's colours when the tokens have none)."""
    has_colours = bool(tokens.get("themes"))
    return [
        {"theme": theme, "label": f"{theme.title()} theme", "style": pane_style(tokens, theme if has_colours else "")}
        for theme in STANDARD_THEMES
    ]


def _legible_text(fill: str) -> tuple[str, float]:
    on_white, on_black = contrast(WHITE, fill), contrast(BLACK, fill)
    return (WHITE, on_white) if on_white >= on_black else (BLACK, on_black)


def _uses(themes: dict, hex_color: str) -> list[str]:
    """What a colour is used for, per theme: ["Light: body text, dividers", "Dark: ..."]."""
    uses = []
    for theme in STANDARD_THEMES:
        roles = [role_use(role) for role in THEME_ROLES if themes.get(theme, {}).get(role) == hex_color]
        if roles:
            uses.append(f"{theme.title()}: {', '.join(roles)}")
    return uses


def swatch_scales(tokens: dict) -> list[dict]:
    """Every colour scale in order, each step with its hex, its CSS variable, the more legible of white or
    black text on it (and that text's contrast), its contrast with the light and dark page, and the roles
    that use it."""
    colors, themes = tokens.get("colors", {}), tokens.get("themes", {})
    pages = {theme: themes[theme]["background"] for theme in STANDARD_THEMES if theme in themes}
    scales = []
    for scale in SCALE_NAMES:
        if scale not in colors:
            continue
        swatches = []
        for step in STEPS:
            hex_color = colors[scale][step]
            text, ratio = _legible_text(hex_color)
            swatches.append({
                "step": step,
                "hex": hex_color,
                "variable": f"--color-{scale}-{step}",
                "style": declarations([("background", hex_color), ("color", text)]),
                "ratio": ratio,
                "on_pages": [{"theme": theme, "ratio": contrast(hex_color, page)} for theme, page in pages.items()],
                "uses": _uses(themes, hex_color),
            })
        scales.append({"name": scale, "swatches": swatches})
    return scales


def theme_roles(tokens: dict) -> list[dict]:
    """Each theme's roles in order, grouped (surfaces and text, then each colour), with their uses."""
    themes = tokens.get("themes", {})
    groups = [("Surfaces and text", BASE_ROLES)] + [(name.title(), colour_roles(name)) for name in FILLED_ROLES]
    return [
        {
            "theme": theme,
            "groups": [
                {"label": label, "roles": [
                    {"role": role, "hex": themes[theme][role], "use": role_use(role), "variable": f"--color-{role}",
                     "style": declarations([("background", themes[theme][role])])}
                    for role in roles
                ]}
                for label, roles in groups
            ],
        }
        for theme in STANDARD_THEMES
        if theme in themes
    ]


def contrast_rows(tokens: dict, report: dict) -> list[dict]:
    """The report's contrast rows, each with a sample drawn as what it checks: text as text, a border or
    focus ring (non-text) as a line and a ring on its background."""
    themes = tokens.get("themes", {})
    rows = []
    for row in report.get("contrast", []):
        roles = themes.get(row["theme"], {})
        foreground, background = roles.get(row["foreground"], ""), roles.get(row["background"], "")
        if row.get("kind") == "non-text":
            sample = declarations([("--ds-sample-line", foreground), ("background", background)])
        else:
            sample = declarations([("color", foreground), ("background", background)])
        rows.append({**row, "kind": row.get("kind", "text"), "sample": sample if foreground else "",
                     "key": f"{row['theme']}:{row['foreground']}:{row['background']}"})
    return rows


def size_text(min_rem: float, max_rem: float, leading: float) -> str:
    """"14–16 px · line 1.5": a type step's size on phones and wide screens (one figure when they agree)."""
    low, high = f"{min_rem * 16:.3g}", f"{max_rem * 16:.3g}"
    return f"{low if low == high else f'{low}–{high}'} px · line {leading:g}"


def type_specimen(tokens: dict) -> list[dict]:
    """Every type step, largest first, with its size range and line height."""
    typography = tokens.get("typography")
    if not typography:
        return []
    steps = typography["scale"]["steps"]
    return [
        {
            "step": step,
            "sizes": size_text(steps[step]["min_rem"], steps[step]["max_rem"], typography["line_heights"][step]),
            "large": TYPE_STEPS.index(step) >= TYPE_STEPS.index("xl"),
        }
        for step in reversed(TYPE_STEPS)
    ]


def spacing_steps(tokens: dict) -> list[dict]:
    scale = tokens.get("spacing", {}).get("scale", {})
    return [{"key": key, "value": scale[key]} for key in SPACING_KEYS if key in scale and key != "0"]


def radius_samples(tokens: dict) -> list[dict]:
    radii = tokens.get("radii", {})
    return [{"name": name, "value": radii[name], "use": _RADIUS_SAMPLES[name]} for name in RADII if name in radii]


def shadow_samples(tokens: dict) -> list[dict]:
    shadows = tokens.get("shadows", {})
    return [{"name": name, "use": _SHADOW_SAMPLES[name]} for name in SHADOWS if name in shadows]
