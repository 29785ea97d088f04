"""Presentation for the design-system pages: the credits chart's geometry, swatch label colours, the CSS
custom properties that draw a preview with a design system's own tokens, and error text for messages.
Nothing here decides anything; every value comes from the tokens, the report or a selector."""

import re

from designforge.errors import DomainError

from ..engine.color import contrast
from ..engine.shapes import THEME_ROLES

PREVIEW_CHART = [38, 62, 45, 80, 56, 92, 70]

EXPORT_LABELS = {
    "css": "CSS variables",
    "scss": "SCSS",
    "tailwind": "Tailwind v4",
    "dtcg": "Design tokens (W3C)",
    "json": "JSON",
}
VISION_MODES = [
    ("normal", "Typical colour vision"),
    ("protanopia", "Protanopia (no red cones)"),
    ("deuteranopia", "Deuteranopia (no green cones)"),
    ("tritanopia", "Tritanopia (no blue cones)"),
    ("achromatopsia", "Achromatopsia (no colour)"),
]
# The engine validates every token value; anything outside this alphabet is still left out of the page's CSS.
_SAFE_CSS_VALUE = re.compile(r"[#\w\s.,()%/+\-\"']+")


def _css(value) -> str | None:
    value = str(value)
    return value if _SAFE_CSS_VALUE.fullmatch(value) and "/*" not in value else None


def _declarations(pairs) -> str:
    return "; ".join(f"{name}: {css}" for name, value in pairs if (css := _css(value)) is not None)


def preview_style(tokens: dict, theme: str) -> str:
    """Inline CSS custom properties (`--ds-*`) that draw the preview with the design system's own tokens.
    Roles missing from the tokens fall back to the dashboard's own (e.g. a typography-only system)."""
    pairs = []
    roles = tokens.get("themes", {}).get(theme)
    if roles:
        pairs += [(f"--ds-{role}", value) for role, value in roles.items()]
        pairs.append(("color-scheme", theme))
    else:
        pairs += [(f"--ds-{role}", f"var(--color-{role})") for role in THEME_ROLES]
    typography = tokens.get("typography")
    if typography:
        pairs += [(f"--ds-font-{role}", family["stack"]) for role, family in typography["families"].items()]
    if tokens.get("spacing"):
        pairs += [(f"--ds-space-{key}", value) for key, value in tokens["spacing"]["scale"].items()]
    pairs += [(f"--ds-radius-{name}", value) for name, value in tokens.get("radii", {}).items()]
    pairs += [(f"--ds-shadow-{name}", value) for name, value in tokens.get("shadows", {}).items()]
    return _declarations(pairs)


def swatch_scales(tokens: dict) -> list[dict]:
    """Every colour scale, each step with its hex and the more legible of white or black text on it."""
    scales = []
    for scale, steps in tokens.get("colors", {}).items():
        swatches = []
        for step, hex_color in steps.items():
            on_white, on_black = contrast("#ffffff", hex_color), contrast("#000000", hex_color)
            text = "#ffffff" if on_white >= on_black else "#000000"
            swatches.append({
                "step": step,
                "hex": hex_color,
                "style": _declarations([("background", hex_color), ("color", text)]),
                "ratio": max(on_white, on_black),
            })
        scales.append({"name": scale, "swatches": swatches})
    return scales


def previews(tokens: dict) -> list[dict]:
    """One preview per theme the tokens hold; one in the dashboard's colours when they hold none."""
    themes = [theme for theme in ("light", "dark") if theme in tokens.get("themes", {})]
    if not themes:
        return [{"theme": "", "label": "Preview (no colours in this system)", "style": preview_style(tokens, "")}]
    return [
        {"theme": theme, "label": f"{theme.title()} theme", "style": preview_style(tokens, theme)} for theme in themes
    ]


def contrast_rows(tokens: dict, report: dict) -> list[dict]:
    """The report's contrast rows, each with a sample of its two colours."""
    themes = tokens.get("themes", {})
    rows = []
    for row in report.get("contrast", []):
        roles = themes.get(row["theme"], {})
        foreground, background = roles.get(row["foreground"], ""), roles.get(row["background"], "")
        sample = _declarations([("color", foreground), ("background", background)]) if foreground else ""
        rows.append({**row, "sample": sample})
    return rows


def type_scale(tokens: dict) -> list[dict]:
    steps = tokens.get("typography", {}).get("scale", {}).get("steps", {})
    return [{"step": step, "style": _declarations([("font-size", entry["clamp"])])} for step, entry in steps.items()]


def spacing_scale(tokens: dict) -> list[dict]:
    scale = tokens.get("spacing", {}).get("scale", {})
    return [{"key": key, "value": value, "style": _declarations([("width", value)])} for key, value in scale.items()
            if key != "0"]


def strip(tokens: dict) -> list[str]:
    """A few representative colours for a design system's card (empty when it has no colours)."""
    colors = tokens.get("colors", {})
    picks = [("primary", "600"), ("primary", "300"), ("secondary", "500"), ("accent", "500"), ("neutral", "200"),
             ("neutral", "800")]
    return [colors[scale][step] for scale, step in picks if step in colors.get(scale, {})]


def spend_chart(daily: list[tuple], *, width: int = 300, height: int = 100) -> dict:
    """Bar geometry for credits spent per day, in SVG user units (the template draws it, no JavaScript).
    The SVG stretches to its box; labels are HTML around it, so they stay legible at any width."""
    top = max((credits for _, credits in daily), default=0)
    scale_max = max(top, 1)
    plot_top, plot_bottom = 4, height
    slot = width / max(len(daily), 1)
    bars = []
    for index, (day, credits) in enumerate(daily):
        bar_height = max((plot_bottom - plot_top) * max(credits, 0) / scale_max, 1)
        bars.append({
            "x": round(index * slot + slot * 0.15, 2),
            "y": round(plot_bottom - bar_height, 2),
            "width": round(slot * 0.7, 2),
            "height": round(bar_height, 2),
            "day": day,
            "credits": credits,
        })
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "max": top,
        "total": sum(credits for _, credits in daily),
        "days": len(daily),
        "plot_top": plot_top,
        "plot_bottom": plot_bottom,
        "ticks": [daily[i][0] for i in (0, len(daily) // 2, len(daily) - 1)] if daily else [],
    }


def error_text(error: DomainError) -> str:
    """The error's message, or for invalid input the field messages themselves ("see details" helps no one here)."""
    problems = [str(m) for messages_ in error.details.values() if isinstance(messages_, list) for m in messages_]
    return " ".join(problems) if error.code == "invalid" and problems else error.message



def cards(design_systems) -> list[dict]:
    return [{"design_system": ds, "strip": strip(ds.tokens)} for ds in design_systems]
