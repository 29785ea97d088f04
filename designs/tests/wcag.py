"""The WCAG 2.x contrast ratio written out from the specification, for tests: an oracle that shares no
code with the engine (which goes through coloraide), so a bug in the engine's maths cannot hide itself.
`test_engine_colors.py` checks it against published ratios."""


def channel(value: int) -> float:
    """sRGB channel to linear light, as WCAG 2.x defines it."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def wcag_luminance(hex_color: str) -> float:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio of two `#rrggbb` colours."""
    lighter, darker = sorted((wcag_luminance(foreground), wcag_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
