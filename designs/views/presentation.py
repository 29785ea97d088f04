"""Presentation for the dashboard pages: the credits chart's geometry, design-system cards and error text
for messages (what a design system's page draws from its tokens is in `specimen`). Nothing here decides
anything; every value comes from the tokens, the report or a selector."""

from designforge.errors import DomainError

EXPORT_LABELS = {
    "css": "CSS variables",
    "scss": "SCSS",
    "tailwind": "Tailwind v4",
    "dtcg": "Design tokens (W3C)",
    "tokens-studio": "Tokens Studio",
    "style-dictionary": "Style Dictionary build",
    "json": "JSON",
    "shadcn": "shadcn/ui",
}
VISION_MODES = [
    ("normal", "Typical colour vision"),
    ("protanopia", "Protanopia (no red cones)"),
    ("deuteranopia", "Deuteranopia (no green cones)"),
    ("tritanopia", "Tritanopia (no blue cones)"),
    ("achromatopsia", "Achromatopsia (no colour)"),
]


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
