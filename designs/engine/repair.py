"""Repair the themes of tokens that did not come from the generator.

Client edits or imported themes can break contrast. ``repair_themes`` keeps
the backgrounds and the fills fixed and moves only the colours that fail,
each along its own OKLCH lightness (same hue and chroma) by the smallest
amount that passes.
"""

from .color import from_oklch, oklch
from .shapes import FILLED_ROLES, NON_TEXT_RATIO, TEXT_RATIO, colour_roles, theme_ratios
from .themes import solve_lightness
from .tokens import validate_tokens

#: How far (as a share of the lightness gap) the surface may be pulled towards the background.
_SURFACE_PULL = (0.25, 0.5, 0.75, 1.0)


def _on_pages(background: str, surface: str, ratio: float) -> list[tuple[str, float]]:
    return [(background, ratio), (surface, ratio)]


def _workable_surface(background: str, surface: str, texts: tuple[str, ...], ratio: float) -> str:
    """The surface, pulled towards the background only if the text colours cannot pass on both."""

    def workable(candidate: str) -> bool:
        return all(solve_lightness(text, _on_pages(background, candidate, ratio))[1] for text in texts)

    if workable(surface):
        return surface
    surface_l, chroma, hue = oklch(surface)
    background_l = oklch(background)[0]
    for pull in _SURFACE_PULL:
        candidate = from_oklch(surface_l + (background_l - surface_l) * pull, chroma, hue)
        if workable(candidate):
            return candidate
    return background


def repair_theme(roles: dict[str, str], text: float = TEXT_RATIO, non_text: float = NON_TEXT_RATIO) -> dict[str, str]:
    """One theme with every contract ratio met (roles that already pass are untouched)."""
    fixed = dict(roles)
    background = fixed["background"]
    fixed["surface"] = _workable_surface(background, fixed["surface"], (fixed["text"], fixed["text-muted"]), text)
    on_text = _on_pages(background, fixed["surface"], text)
    on_non_text = _on_pages(background, fixed["surface"], non_text)
    for role in ("text", "text-muted"):
        fixed[role] = solve_lightness(fixed[role], on_text)[0]
    for role in ("border-strong", "focus-ring"):
        fixed[role] = solve_lightness(fixed[role], on_non_text)[0]
    for name in FILLED_ROLES:
        fill, on_fill, text_role, subtle, on_subtle = colour_roles(name)
        fixed[on_fill] = solve_lightness(fixed[on_fill], [(fixed[fill], text)])[0]
        fixed[text_role] = solve_lightness(fixed[text_role], on_text)[0]
        fixed[on_subtle] = solve_lightness(fixed[on_subtle], [(fixed[subtle], text)])[0]
    return fixed


def repair_themes(tokens: dict) -> dict:
    """Validated copy of ``tokens`` whose themes meet every contrast requirement.

    Colour scales and other sections are returned as validated; raises
    EngineInputError if the tokens are malformed.
    """
    clean = validate_tokens(tokens)
    if "themes" in clean:
        clean["themes"] = {name: repair_theme(roles, *theme_ratios(name)) for name, roles in clean["themes"].items()}
    return clean
