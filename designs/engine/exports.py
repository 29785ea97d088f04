"""Export tokens as CSS, SCSS, Tailwind v4, DTCG, Tokens Studio, a Style Dictionary build, or JSON.

Every exporter first runs ``validate_tokens``, so only checked values
(hex colours, canonical shadows, plain font stacks, rem clamps) ever reach
the output, and writes only the sections the tokens contain. Every format
carries every theme the tokens hold (light, dark and the high-contrast pair)
as one variable per role switched by theme, never one variable per theme.
"""

import json
import re

from .color import css_display_p3, css_oklch
from .dtcg import to_dtcg
from .errors import EngineInputError
from .font_faces import font_face_rules, hosted_families
from .shadcn import font_variables, to_shadcn
from .shapes import FAMILY_ROLES, THEMES, base_theme
from .style_dictionary import style_dictionary_build
from .tokens import validate_tokens
from .tokens_studio import to_tokens_studio
from .version import ENGINE_VERSION

#: format -> (content type, file extension)
EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "css": ("text/css", "css"),
    "scss": ("text/x-scss", "scss"),
    "tailwind": ("text/css", "css"),
    "dtcg": ("application/design-tokens+json", "tokens.json"),
    "tokens-studio": ("application/json", "tokens-studio.json"),
    "style-dictionary": ("text/javascript", "style-dictionary.mjs"),
    "json": ("application/json", "json"),
    "shadcn": ("text/css", "css"),
}

#: What a name keeps in a file's title: letters and digits of any script, spaces and plain punctuation
#: (never a character that could end a comment or a string: ``*``, ``/``, quotes, ``<``, braces).
_UNSAFE_NAME = re.compile(r"[^\w .&()+,!?-]")


def _title(name: str) -> str:
    cleaned = " ".join(_UNSAFE_NAME.sub("", name if isinstance(name, str) else "").split())[:80].strip()
    return f"{cleaned or 'Design system'} - DesignForge engine {ENGINE_VERSION}"


def _scalar_variables(tokens: dict, spacing_unit: str = "spacing") -> list[tuple[str, str]]:
    """(name, value) pairs, without the ``--``/``$`` prefix, for everything except theme roles."""
    pairs: list[tuple[str, str]] = []
    for scale, steps in tokens.get("colors", {}).items():
        pairs += [(f"color-{scale}-{step}", value) for step, value in steps.items()]
    typography = tokens.get("typography")
    if typography:
        pairs += [(f"font-{role}", typography["families"][role]["stack"]) for role in FAMILY_ROLES]
        pairs += [(f"font-weight-{name}", str(value)) for name, value in typography["weights"].items()]
        pairs += [(f"text-{step}", entry["clamp"]) for step, entry in typography["scale"]["steps"].items()]
        pairs += [(f"leading-{step}", f"{value:g}") for step, value in typography["line_heights"].items()]
    spacing = tokens.get("spacing")
    if spacing:
        pairs.append((spacing_unit, f"{spacing['base_px'] / 16:g}rem"))
        pairs += [(f"spacing-{key}", value) for key, value in spacing["scale"].items()]
    pairs += [(f"radius-{name}", value) for name, value in tokens.get("radii", {}).items()]
    pairs += [(f"shadow-{name}", value) for name, value in tokens.get("shadows", {}).items()]
    return pairs


#: Where exported stylesheets load the self-hosted fonts from, unless the caller says otherwise.
DEFAULT_FONT_BASE_URL = "/static/fonts/"


def _font_faces(tokens: dict, base_url: str | None) -> list[str]:
    """`@font-face` rules for the families the tokens name that the app hosts (others are the user's own);
    none without a ``base_url`` (a page that links static/fonts/fonts.css already has them)."""
    hosted = hosted_families(tokens) if base_url is not None else []
    if not hosted:
        return []
    note = (
        f"/* Fonts: {', '.join(hosted)} (SIL Open Font License), served by DesignForge. To host them yourself, "
        "install their Fontsource packages (npm install @fontsource-variable/<name>) and drop these rules. */"
    )
    return [note, font_face_rules(hosted, base_url).rstrip(), ""]


def _block(selector: str, lines: list[str], indent: str = "") -> list[str]:
    return [f"{indent}{selector} {{", *(f"{indent}  {line}" for line in lines), f"{indent}}}"]


#: The media query under which each theme applies when the page names none (``data-theme`` names one).
_PREFERENCES = {
    "dark": "(prefers-color-scheme: dark)",
    "light-high": "(prefers-contrast: more)",
    "dark-high": "(prefers-color-scheme: dark) and (prefers-contrast: more)",
}


def _theme_blocks(themes: dict, prefix: str, scheme: bool) -> tuple[list[str], list[str]]:
    """Root declarations for the default theme, then the blocks that switch themes: by the reader's
    preferences (dark, more contrast) when the page sets no ``data-theme``, and by ``data-theme``."""
    def lines(theme: str) -> list[str]:
        head = [f"color-scheme: {base_theme(theme)};"] if scheme else []
        return head + [f"--{prefix}{role}: {value};" for role, value in themes[theme].items()]

    present = [theme for theme in THEMES if theme in themes]
    if not present:
        return [], []
    default = present[0]
    root = lines(default)
    switches: list[str] = []
    for theme in present[1:]:
        if theme in _PREFERENCES:
            switches += ["", f"@media {_PREFERENCES[theme]} {{"]
            switches += _block(":root:not([data-theme])", lines(theme), "  ") + ["}"]
    for theme in present if len(present) > 1 else ():
        switches += [""] + _block(f'[data-theme="{theme}"]', lines(theme))
    return root, switches


def _wide_gamut(tokens: dict, prefix: str) -> list[str]:
    """The scales again in ``oklch()`` and Display P3, for browsers that read them; the hex values
    written before stay the fallback. They are the same colours: the engine keeps every colour in sRGB,
    so the contrast it checked holds on every screen."""
    colors = tokens.get("colors")
    if not colors:
        return []
    def lines(write) -> list[str]:
        return [f"--{prefix}{scale}-{step}: {write(value)};" for scale, steps in colors.items()
                for step, value in steps.items()]
    return ["", "@supports (color: oklch(0% 0 0)) {", *_block(":root", lines(css_oklch), "  "), "}",
            "", "@media (color-gamut: p3) {", "  @supports (color: color(display-p3 0 0 0)) {",
            *_block(":root", lines(css_display_p3), "    "), "  }", "}"]


def to_css(tokens: dict, name: str, font_base_url: str | None) -> str:
    """Custom properties in ``:root``; light roles by default, dark via preference or ``data-theme``."""
    root = [f"--{var}: {value};" for var, value in _scalar_variables(tokens)]
    theme_root, switches = _theme_blocks(tokens.get("themes", {}), "color-", scheme=True)
    out = [f"/* {_title(name)} */", *_font_faces(tokens, font_base_url), *_block(":root", root + theme_root),
           *_wide_gamut(tokens, "color-"), *switches]
    return "\n".join(out) + "\n"


def _scss_map(entries: dict[str, str], indent: str = "  ") -> str:
    body = ",\n".join(f'{indent}"{key}": {value}' for key, value in entries.items())
    return f"(\n{body}\n{indent[:-2]})"


def to_scss(tokens: dict, name: str, font_base_url: str | None) -> str:
    """``$variables`` for every token, plus maps for scales, themes and groups."""
    out = [f"// {_title(name)}", *_font_faces(tokens, font_base_url)]
    out += [f"${var}: {value};" for var, value in _scalar_variables(tokens, spacing_unit="spacing-unit")]
    colors = tokens.get("colors", {})
    if colors:
        scale_maps = {scale: _scss_map(steps, "    ") for scale, steps in colors.items()}
        out += ["", f"$colors: {_scss_map(scale_maps)};"]
    themes = tokens.get("themes", {})
    for theme, roles in themes.items():
        out += ["", f"$theme-{theme}: {_scss_map(roles)};"]
    if themes:
        out.append("$themes: " + _scss_map({theme: f"$theme-{theme}" for theme in themes}) + ";")
    typography = tokens.get("typography")
    if typography:
        families = {role: f"({typography['families'][role]['stack']})" for role in FAMILY_ROLES}
        out += ["", f"$font-families: {_scss_map(families)};"]
        out.append(f"$font-weights: {_scss_map({k: str(v) for k, v in typography['weights'].items()})};")
        out.append(f"$type-scale: {_scss_map({k: v['clamp'] for k, v in typography['scale']['steps'].items()})};")
        out.append(f"$line-heights: {_scss_map({k: f'{v:g}' for k, v in typography['line_heights'].items()})};")
    if tokens.get("spacing"):
        out += ["", f"$spacing: {_scss_map(tokens['spacing']['scale'])};"]
    if tokens.get("radii"):
        out.append(f"$radii: {_scss_map(tokens['radii'])};")
    if tokens.get("shadows"):
        out.append(f"$shadows: {_scss_map({k: f'({v})' for k, v in tokens['shadows'].items()})};")
    return "\n".join(out) + "\n"


def to_tailwind(tokens: dict, name: str, font_base_url: str | None) -> str:
    """A Tailwind CSS v4 theme to import after Tailwind itself (``@import "tailwindcss";`` then this
    file): an ``@theme`` block, the fonts, and the theme roles.

    Theme roles become ``--color-<role>`` utilities (``bg-background``,
    ``text-on-primary``) that follow the light/dark switch.
    """
    theme_lines = []
    typography = tokens.get("typography")
    if typography:
        theme_lines += [f"--{var}: {value};" for var, value in font_variables(typography).items()]
    for var, value in _scalar_variables(tokens):
        if var.startswith("leading-"):
            var = f"text-{var.removeprefix('leading-')}--line-height"
        elif var.startswith("spacing-"):
            continue  # Tailwind v4 derives every spacing utility from --spacing
        elif var in ("font-heading", "font-mono"):
            continue  # written above, next to Tailwind's own --font-sans
        theme_lines.append(f"--{var}: {value};")
    out = [f"/* {_title(name)}. Import it after Tailwind: @import \"tailwindcss\"; @import \"./this-file.css\"; */",
           *_font_faces(tokens, font_base_url)]
    if theme_lines:
        out += _block("@theme", theme_lines)
    # In Tailwind's theme layer, so that what a project writes itself (outside any layer) still wins.
    wide_gamut = _wide_gamut(tokens, "color-")
    if wide_gamut:
        out += ["", "@layer theme {", *(f"  {line}" if line else line for line in wide_gamut[1:]), "}"]
    themes = tokens.get("themes", {})
    if themes:
        roles = next(iter(themes.values()))
        inline = [f"--color-{role}: var(--df-{role});" for role in roles]
        theme_root, switches = _theme_blocks(themes, "df-", scheme=True)
        out += ["", *_block("@theme inline", inline), "", *_block(":root", theme_root), *switches]
    return "\n".join(out) + "\n"


def to_json(tokens: dict, name: str, font_base_url: str | None) -> str:
    """The validated tokens as pretty JSON."""
    return json.dumps(tokens, indent=2, ensure_ascii=False) + "\n"


def _dtcg(tokens: dict, name: str, font_base_url: str | None) -> str:
    return json.dumps(to_dtcg(tokens, _title(name)), indent=2, ensure_ascii=False) + "\n"


def _tokens_studio(tokens: dict, name: str, font_base_url: str | None) -> str:
    return json.dumps(to_tokens_studio(tokens, _title(name)), indent=2, ensure_ascii=False) + "\n"


def _shadcn(tokens: dict, name: str, font_base_url: str | None) -> str:
    return to_shadcn(tokens, _title(name), font_base_url)


def _style_dictionary(tokens: dict, name: str, font_base_url: str | None) -> str:
    return style_dictionary_build(tokens, _title(name))


_EXPORTERS = {"css": to_css, "scss": to_scss, "tailwind": to_tailwind, "dtcg": _dtcg,
              "tokens-studio": _tokens_studio, "style-dictionary": _style_dictionary, "json": to_json,
              "shadcn": _shadcn}


def export(tokens: dict, fmt: str, *, name: str, font_base_url: str | None = DEFAULT_FONT_BASE_URL) -> str:
    """Render ``tokens`` in ``fmt`` (a key of EXPORT_FORMATS); ``name`` labels the file. The stylesheets
    load the self-hosted fonts from ``font_base_url`` (the app's absolute static fonts URL in downloads;
    None leaves the `@font-face` rules out).

    Raises EngineInputError for an unknown format or malformed tokens.
    """
    if fmt not in EXPORT_FORMATS:
        raise EngineInputError.single("format", f"must be one of: {', '.join(EXPORT_FORMATS)}")
    clean = validate_tokens(tokens)
    return _EXPORTERS[fmt](clean, name, font_base_url)
