"""shadcn/ui themes for Tailwind CSS v4: the CSS variables shadcn/ui's components read, from our roles.

shadcn/ui styles every component with about forty variables per mode (``--background``, ``--primary``,
``--muted-foreground``, ``--chart-1``...), in ``oklch()``, under ``:root`` and ``.dark``. Most are one of our
roles as it is; a few are colours shadcn/ui uses in ways our roles do not cover, and those are solved here
so that every pair shadcn/ui's components draw still meets our ratios (``SHADCN_PAIRS``):

- ``muted`` (tab lists, skeletons, code) starts from the neutral tint and moves in lightness until both
  texts reach the text ratio on it;
- ``accent`` (hovered and selected menu items) is our accent's tint, moved likewise until its text and
  the muted text drawn in those items reach it;
- ``destructive`` is both a fill (destructive buttons) and text (form errors on the page): the danger
  fill when it serves as both, else the danger text colour with a text colour solved for it;
- ``chart-1`` ... ``chart-5`` are picked from the brand and status colours (then their scales), each
  standing out from the page like a focus ring and every two apart under each colour-vision simulation
  by the distance our status colours keep.

The high-contrast themes go under ``@media (prefers-contrast: more)``, the one switch shadcn/ui projects
have for them: ``:root`` for light-high, ``.dark`` for dark-high.
"""

import itertools
import json

from .color import contrast, css_oklch, cvd_distance, delta_e, from_oklch, oklch
from .font_faces import font_catalogue, font_face_rules, hosted_families
from .fonts import family_kind
from .shapes import (
    BRAND_SCALES,
    SIMULATIONS,
    STATUS_DISTANCE,
    STEPS,
    THEMES,
    base_theme,
    theme_ratios,
)
from .themes import solve_lightness, solve_on_colour
from .tokens import parse_font_stack, validate_tokens

#: shadcn/ui's colour variables, in the order its own themes list them.
SHADCN_COLOURS = (
    "background", "foreground", "card", "card-foreground", "popover", "popover-foreground",
    "primary", "primary-foreground", "secondary", "secondary-foreground", "muted", "muted-foreground",
    "accent", "accent-foreground", "destructive", "destructive-foreground", "border", "input", "ring",
    "chart-1", "chart-2", "chart-3", "chart-4", "chart-5",
    "sidebar", "sidebar-foreground", "sidebar-primary", "sidebar-primary-foreground", "sidebar-accent",
    "sidebar-accent-foreground", "sidebar-border", "sidebar-ring",
)
CHARTS = tuple(f"chart-{n}" for n in range(1, 6))

#: shadcn/ui variables that are one of our roles as it is.
DIRECT_ROLES = {
    "background": "background",
    "foreground": "text",
    "card": "surface",
    "card-foreground": "text",
    "popover": "surface",
    "popover-foreground": "text",
    "primary": "primary",
    "primary-foreground": "on-primary",
    "secondary": "secondary",
    "secondary-foreground": "on-secondary",
    "muted-foreground": "text-muted",
    "accent-foreground": "on-accent-subtle",
    "border": "border",
    # Form fields are told apart from the page by their border alone: a control boundary.
    "input": "border-strong",
    "ring": "focus-ring",
    "sidebar": "surface",
    "sidebar-foreground": "text",
    "sidebar-primary": "primary",
    "sidebar-primary-foreground": "on-primary",
    "sidebar-accent-foreground": "on-accent-subtle",
    "sidebar-border": "border",
    "sidebar-ring": "focus-ring",
}


def shadcn_pairs(theme: str) -> tuple[tuple[str, str, float, str], ...]:
    """(foreground variable, background variable, minimum ratio, kind) that shadcn/ui's components draw,
    checked with the ratios of ``theme`` (text, then non-text: inputs, focus rings, chart marks)."""
    text, non_text = theme_ratios(theme)
    on_own = [
        ("foreground", "background"), ("card-foreground", "card"), ("popover-foreground", "popover"),
        ("primary-foreground", "primary"), ("secondary-foreground", "secondary"),
        ("muted-foreground", "muted"), ("accent-foreground", "accent"),
        ("destructive-foreground", "destructive"), ("sidebar-foreground", "sidebar"),
        ("sidebar-primary-foreground", "sidebar-primary"), ("sidebar-accent-foreground", "sidebar-accent"),
    ]
    elsewhere = [
        ("muted-foreground", "background"), ("muted-foreground", "card"), ("muted-foreground", "popover"),
        ("muted-foreground", "accent"), ("muted-foreground", "sidebar-accent"), ("foreground", "muted"),
        ("destructive", "background"), ("destructive", "card"),
    ]
    lines = [("input", "background"), ("input", "card"), ("ring", "background"), ("ring", "card"),
             ("sidebar-ring", "sidebar")]
    lines += [(chart, page) for chart in CHARTS for page in ("background", "card")]
    return tuple(
        [(fg, bg, text, "text") for fg, bg in on_own + elsewhere] + [(fg, bg, non_text, "non-text") for fg, bg in lines]
    )


def _distinct(first: str, second: str) -> bool:
    """Told apart with typical colour vision and under every colour-vision simulation."""
    return delta_e(first, second) >= STATUS_DISTANCE and all(
        cvd_distance(first, second, simulation) >= STATUS_DISTANCE for simulation in SIMULATIONS
    )


def _chart_candidates(roles: dict[str, str], colors: dict, needs):
    """Chart colours to choose from, best first: the fills, then the text colours, of the brand and status
    colours, then every step of their scales from the middle out; each moved in lightness until it
    stands out from the page, if it does not. A generator: most themes need only the first few."""
    names = BRAND_SCALES + ("info", "success", "warning", "danger")
    middle_out = sorted(STEPS, key=lambda step: abs(STEPS.index(step) - STEPS.index("500")))
    raw = itertools.chain(
        (roles[name] for name in names),
        (roles[f"{name}-text"] for name in names),
        (colors[name][step] for step in middle_out for name in names if name in colors),
    )
    seen = set()
    for colour in raw:
        solved, ok = solve_lightness(colour, needs)
        if ok and solved not in seen:
            seen.add(solved)
            yield solved


def chart_colours(roles: dict[str, str], colors: dict, theme: str) -> list[str]:
    """Five chart colours that stand out from the page (the theme's non-text ratio on background and
    surface) and from each other (``STATUS_DISTANCE`` with typical vision and under each simulation),
    the brand's first.

    When fewer than five candidates are all apart, the rest are the candidates farthest from those
    already chosen."""
    non_text = theme_ratios(theme)[1]
    needs = [(roles["background"], non_text), (roles["surface"], non_text)]
    chosen: list[str] = []
    passed: list[str] = []
    for colour in _chart_candidates(roles, colors, needs):
        if all(_distinct(colour, other) for other in chosen):
            chosen.append(colour)
            if len(chosen) == len(CHARTS):
                return chosen
        else:
            passed.append(colour)

    def nearest(colour: str) -> float:
        return min(
            min([delta_e(colour, other)] + [cvd_distance(colour, other, s) for s in SIMULATIONS]) for other in chosen
        )

    while len(chosen) < len(CHARTS) and passed:
        best = max(passed, key=nearest) if chosen else passed[0]
        chosen.append(best)
        passed.remove(best)
    return chosen


def _tint(roles: dict[str, str], colors: dict, theme: str) -> str:
    """Where ``muted`` starts: the neutral scale's tint, or the page nudged towards it."""
    if "neutral" in colors:
        return colors["neutral"]["100" if base_theme(theme) == "light" else "800"]
    lightness, chroma, hue = oklch(roles["background"])
    return from_oklch(lightness + (-0.03 if base_theme(theme) == "light" else 0.08), chroma, hue)


def shadcn_colours(roles: dict[str, str], colors: dict, theme: str) -> dict[str, str]:
    """Every shadcn/ui colour variable of one theme, as ``#rrggbb``, from that theme's roles."""
    text = theme_ratios(theme)[0]
    values = {var: roles[role] for var, role in DIRECT_ROLES.items()}
    values["muted"] = solve_lightness(
        _tint(roles, colors, theme), [(roles["text-muted"], text), (roles["text"], text)]
    )[0]
    values["accent"] = values["sidebar-accent"] = solve_lightness(
        roles["accent-subtle"], [(roles["on-accent-subtle"], text), (roles["text-muted"], text)]
    )[0]
    pages = [roles["background"], roles["surface"]]
    danger_ok = all(contrast(roles["danger"], page) >= text for page in pages)
    if danger_ok and contrast(roles["on-danger"], roles["danger"]) >= text:
        values["destructive"], values["destructive-foreground"] = roles["danger"], roles["on-danger"]
    else:
        values["destructive"] = roles["danger-text"]
        values["destructive-foreground"] = solve_on_colour(roles["danger-text"], colors.get("danger"), text)
    values.update(zip(CHARTS, chart_colours(roles, colors, theme), strict=True))
    return {var: values[var] for var in SHADCN_COLOURS}


def shadcn_themes(tokens: dict) -> dict[str, dict[str, str]]:
    """``{theme: {variable: #rrggbb}}`` for every theme the (validated) tokens hold."""
    themes, colors = tokens.get("themes", {}), tokens.get("colors", {})
    return {theme: shadcn_colours(themes[theme], colors, theme) for theme in THEMES if theme in themes}


def _kind(family: dict) -> str:
    """``sans``, ``serif`` or ``mono``: the catalogue's word for a self-hosted family, else the stack's
    generic family."""
    if family["name"] in font_catalogue():
        return family_kind(family["name"])
    names = parse_font_stack(family["stack"]) or []
    for generic, kind in (("monospace", "mono"), ("ui-monospace", "mono"), ("sans-serif", "sans"),
                          ("ui-sans-serif", "sans"), ("system-ui", "sans"), ("serif", "serif"), ("ui-serif", "serif")):
        if generic in names:
            return kind
    return "sans"


def font_variables(typography: dict) -> dict[str, str]:
    """Tailwind's font variables, as the Tailwind and shadcn/ui exports write them: ``font-sans`` (Tailwind's
    default, so the page's font) is the body family, ``font-heading`` the heading family, ``font-mono`` the
    mono one, and ``font-serif`` the heading or body family where one of them is a serif."""
    families = typography["families"]
    found = {"font-sans": families["body"]["stack"], "font-heading": families["heading"]["stack"],
             "font-mono": families["mono"]["stack"]}
    serif = next((families[role] for role in ("heading", "body") if _kind(families[role]) == "serif"), None)
    if serif is not None:
        found["font-serif"] = serif["stack"]
    return found

def radius_variables(radii: dict) -> tuple[str, dict[str, str]]:
    """shadcn/ui's ``--radius`` (our ``lg``, the radius of cards and dialogs) and the Tailwind radii it
    derives from it, here our own scale: ``radius-sm``, ``radius-md``, ``radius-xl``."""
    return radii["lg"], {"radius-sm": radii["sm"], "radius-md": radii["md"], "radius-lg": "var(--radius)",
                          "radius-xl": radii["xl"]}


def _block(selector: str, lines: list[str], indent: str = "") -> list[str]:
    return [f"{indent}{selector} {{", *(f"{indent}  {line}" for line in lines), f"{indent}}}"]


def _declarations(colours: dict[str, str]) -> list[str]:
    return [f"--{var}: {css_oklch(value)};" for var, value in colours.items()]


def to_shadcn(tokens: dict, title: str, font_base_url: str | None) -> str:
    """A Tailwind CSS v4 stylesheet in shadcn/ui's shape (its ``globals.css``): ``@import "tailwindcss"``,
    the fonts' ``@font-face`` rules, ``:root`` and ``.dark``, the high-contrast themes under
    ``prefers-contrast: more``, the ``@theme inline`` block mapping them to utilities, and shadcn/ui's base
    layer. ``tokens`` are validated."""
    out = [
        f"/* {title} */",
        "/* A shadcn/ui theme: replace the variables of your Tailwind CSS file (app/globals.css) with these, or",
        "   run `npx shadcn@latest add <this design system's registry URL>`. */",
        '@import "tailwindcss";',
    ]
    hosted = hosted_families(tokens)
    if hosted and font_base_url is not None:
        out += [f"/* Fonts: {', '.join(hosted)} (SIL Open Font License), served by DesignForge. */",
                font_face_rules(hosted, font_base_url).rstrip()]
    out += ["", "@custom-variant dark (&:is(.dark *));"]
    values = shadcn_themes(tokens)
    radius, radii = radius_variables(tokens["radii"]) if "radii" in tokens else (None, {})
    root = ([f"--radius: {radius};"] if radius else []) + _declarations(values.get("light", {}))
    if root:
        out += ["", *_block(":root", root)]
    if "dark" in values:
        out += ["", *_block(".dark", _declarations(values["dark"]))]
    high = [(selector, values[theme]) for selector, theme in ((":root", "light-high"), (".dark", "dark-high"))
            if theme in values]
    if high:
        out += ["", "@media (prefers-contrast: more) {"]
        for selector, colours in high:
            out += _block(selector, _declarations(colours), "  ")
        out.append("}")
    inline = [f"--{var}: {value};" for var, value in font_variables(tokens["typography"]).items()] if (
        "typography" in tokens) else []
    inline += [f"--{var}: {value};" for var, value in radii.items()]
    if values:
        inline += [f"--color-{var}: var(--{var});" for var in SHADCN_COLOURS]
    if inline:
        out += ["", *_block("@theme inline", inline)]
    if values:
        out += ["", "@layer base {", "  * {", "    @apply border-border outline-ring/50;", "  }", "  body {",
                "    @apply bg-background text-foreground;", "  }", "}"]
    return "\n".join(out) + "\n"


def registry_item(tokens: dict, *, name: str, title: str, description: str, fonts_stylesheet: str | None) -> dict:
    """The design system as a shadcn registry item (``registry:theme``, https://ui.shadcn.com/schema/
    registry-item.json): ``cssVars`` for ``@theme`` (fonts, radii), light and dark; and in ``css`` the
    high-contrast themes under ``prefers-contrast: more`` and an ``@import`` of ``fonts_stylesheet``
    (the app's stylesheet of its self-hosted fonts) when the tokens name any of them. The shadcn CLI
    writes ``cssVars`` and ``css`` into the project's CSS file and adds the ``@theme inline`` mapping of
    every colour. Raises EngineInputError for malformed tokens."""
    clean = validate_tokens(tokens)
    values = shadcn_themes(clean)
    css_vars: dict[str, dict[str, str]] = {}
    theme_vars = font_variables(clean["typography"]) if "typography" in clean else {}
    if "radii" in clean:
        radius, radii = radius_variables(clean["radii"])
        theme_vars.update({var: value for var, value in radii.items() if var != "radius-lg"})
    if theme_vars:
        css_vars["theme"] = theme_vars
    for theme in ("light", "dark"):
        if theme in values:
            css_vars[theme] = {var: css_oklch(value) for var, value in values[theme].items()}
    if "radii" in clean and "light" in css_vars:
        css_vars["light"] = {"radius": radius, **css_vars["light"]}
    css: dict = {}
    if fonts_stylesheet and hosted_families(clean):
        css[f"@import url({json.dumps(fonts_stylesheet)})"] = {}
    high = {selector: {f"--{var}": css_oklch(value) for var, value in values[theme].items()}
            for selector, theme in ((":root", "light-high"), (".dark", "dark-high")) if theme in values}
    if high:
        css["@media (prefers-contrast: more)"] = high
    item = {
        "$schema": "https://ui.shadcn.com/schema/registry-item.json",
        "name": name,
        "type": "registry:theme",
        "title": title,
        "description": description,
        "cssVars": css_vars,
    }
    if css:
        item["css"] = css
    return item
