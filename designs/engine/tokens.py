"""Validation of token payloads that come from outside the engine.

``validate_tokens`` checks every section it finds against the token contract
(exact keys, ``#rrggbb`` colours, numbers in range, CSS values the exporters
can write safely) and returns a normalised copy in canonical key order.
Problems are collected, not stopped at: the EngineInputError lists every
field path (``"themes.light.text"``) with its messages.
"""

import math
import re

from .color import normalise_hex
from .errors import EngineInputError
from .fonts import stack_text
from .layout import format_shadow, parse_length, parse_shadow
from .shapes import (
    FAMILY_ROLES,
    RADII,
    SCALE_NAMES,
    SECTIONS,
    SHADOWS,
    SPACING_KEYS,
    STEPS,
    THEME_ROLES,
    THEMES,
    TYPE_STEPS,
    WEIGHTS,
)

_FONT_NAME = re.compile(r"[A-Za-z0-9\-][A-Za-z0-9 _.\-]{0,79}")
_MAX_STACK_NAMES = 20
_NUM = r"-?\d+(?:\.\d+)?"
_CLAMP = re.compile(rf"clamp\(\s*{_NUM}rem\s*,\s*{_NUM}rem\s*[+-]\s*\d+(?:\.\d+)?vw\s*,\s*{_NUM}rem\s*\)")


class _Errors:
    """Collects ``path -> messages``."""

    def __init__(self):
        self.found: dict[str, list[str]] = {}

    def add(self, path: str, message: str) -> None:
        self.found.setdefault(path, []).append(message)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _join(path: str, key) -> str:
    return f"{path}.{key}" if path else str(key)


def _exact_keys(value, path: str, expected, errors: _Errors, *, subset: bool = False) -> bool:
    """Check ``value`` is an object with exactly (or, with ``subset``, some of) ``expected`` keys.

    ``path`` "" means the payload itself (reported as "tokens").
    """
    if not isinstance(value, dict):
        errors.add(path or "tokens", "must be an object")
        return False
    ok = True
    for key in value:
        if key not in expected:
            errors.add(_join(path, key), "unknown key")
            ok = False
    if subset:
        if not value:
            errors.add(path or "tokens", f"must contain at least one of: {', '.join(expected)}")
            ok = False
    else:
        for key in expected:
            if key not in value:
                errors.add(_join(path, key), "is required")
                ok = False
    return ok


def _hex(value, path: str, errors: _Errors) -> str | None:
    try:
        return normalise_hex(value)
    except EngineInputError:
        errors.add(path, "must be a #rrggbb colour")
        return None


def _number(value, path: str, errors: _Errors, low: float, high: float) -> float | None:
    if not _is_number(value) or not low <= value <= high:
        errors.add(path, f"must be a number from {low:g} to {high:g}")
        return None
    return value


def _colour_table(value, path: str, keys, errors: _Errors, subset_of=None) -> dict:
    """Validate ``{name: {key: hex}}`` (``subset_of`` limits the names) -> normalised copy."""
    result = {}
    if not _exact_keys(value, path, subset_of, errors, subset=True):
        return result
    for name in subset_of:
        if name in value:
            inner = value[name]
            _exact_keys(inner, f"{path}.{name}", keys, errors)
            if isinstance(inner, dict):
                result[name] = {key: _hex(inner[key], f"{path}.{name}.{key}", errors) for key in keys if key in inner}
    return result


def parse_font_stack(stack: str) -> list[str] | None:
    """The family names of a CSS font-family list (quoted or not), or None when it is not one:
    unbalanced quotes, empty entries, or characters a family name should not hold."""
    if not isinstance(stack, str) or len(stack) > 600:
        return None
    names = []
    for raw in stack.split(","):
        item = raw.strip()
        if len(item) >= 2 and item[0] == item[-1] and item[0] in "\"'":
            item = item[1:-1].strip()
        if not _FONT_NAME.fullmatch(item) or "  " in item:
            return None
        names.append(item)
    return names if 0 < len(names) <= _MAX_STACK_NAMES else None


def _typography(value, errors: _Errors) -> dict:
    path = "typography"
    if not _exact_keys(value, path, ("families", "scale", "weights", "line_heights"), errors):
        return {}
    result: dict = {"families": {}, "scale": {}, "weights": {}, "line_heights": {}}
    families = value["families"]
    if _exact_keys(families, f"{path}.families", FAMILY_ROLES, errors):
        for role in FAMILY_ROLES:
            family, where = families[role], f"{path}.families.{role}"
            if not _exact_keys(family, where, ("name", "stack"), errors):
                continue
            if not isinstance(family["name"], str) or not _FONT_NAME.fullmatch(family["name"]):
                errors.add(f"{where}.name", "must be a plain font name")
            names = parse_font_stack(family["stack"])
            if names is None:
                errors.add(f"{where}.stack", "must be a CSS font-family list of plain names, each quoted or not")
            result["families"][role] = {"name": family["name"], "stack": stack_text(names or [])}
    scale = value["scale"]
    if _exact_keys(scale, f"{path}.scale", ("ratio", "base_px", "steps"), errors):
        result["scale"] = {
            "ratio": _number(scale["ratio"], f"{path}.scale.ratio", errors, 1.0, 2.0),
            "base_px": _number(scale["base_px"], f"{path}.scale.base_px", errors, 8, 32),
            "steps": {},
        }
        if _exact_keys(scale["steps"], f"{path}.scale.steps", TYPE_STEPS, errors):
            for step in TYPE_STEPS:
                entry, where = scale["steps"][step], f"{path}.scale.steps.{step}"
                if not _exact_keys(entry, where, ("min_rem", "max_rem", "clamp"), errors):
                    continue
                low = _number(entry["min_rem"], f"{where}.min_rem", errors, 0.1, 20)
                high = _number(entry["max_rem"], f"{where}.max_rem", errors, 0.1, 20)
                if low is not None and high is not None and high < low:
                    errors.add(f"{where}.max_rem", "must not be smaller than min_rem")
                if not isinstance(entry["clamp"], str) or not _CLAMP.fullmatch(entry["clamp"]):
                    errors.add(f"{where}.clamp", "must look like clamp(<min>rem, <a>rem + <b>vw, <max>rem)")
                result["scale"]["steps"][step] = {"min_rem": low, "max_rem": high, "clamp": entry["clamp"]}
    weights = value["weights"]
    if _exact_keys(weights, f"{path}.weights", tuple(WEIGHTS), errors):
        for name in WEIGHTS:
            weight = weights[name]
            if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 1000:
                errors.add(f"{path}.weights.{name}", "must be an integer from 1 to 1000")
            result["weights"][name] = weight
    heights = value["line_heights"]
    if _exact_keys(heights, f"{path}.line_heights", TYPE_STEPS, errors):
        for step in TYPE_STEPS:
            result["line_heights"][step] = _number(heights[step], f"{path}.line_heights.{step}", errors, 0.5, 3)
    return result


def _lengths(value, path: str, keys, errors: _Errors) -> dict:
    result = {}
    if _exact_keys(value, path, keys, errors):
        for key in keys:
            length = value[key]
            parsed = parse_length(length) if isinstance(length, str) else None
            if parsed is None or parsed[0] < 0:
                errors.add(f"{path}.{key}", "must be a non-negative length in px or rem")
            result[key] = length
    return result


def _spacing(value, errors: _Errors) -> dict:
    if not _exact_keys(value, "spacing", ("base_px", "scale"), errors):
        return {}
    base = value["base_px"]
    if not isinstance(base, int) or isinstance(base, bool) or not 1 <= base <= 32:
        errors.add("spacing.base_px", "must be an integer from 1 to 32")
    return {"base_px": base, "scale": _lengths(value["scale"], "spacing.scale", SPACING_KEYS, errors)}


def _shadows(value, errors: _Errors) -> dict:
    result = {}
    if _exact_keys(value, "shadows", SHADOWS, errors):
        for key in SHADOWS:
            try:
                result[key] = format_shadow(parse_shadow(value[key]))
            except ValueError:
                errors.add(f"shadows.{key}", "must be a CSS box-shadow (offsets, blur, spread, colour)")
    return result


def validate_tokens(tokens: dict) -> dict:
    """Check a token payload and return a normalised copy (lower-case hex, canonical order).

    Any subset of the sections ``colors, themes, typography, spacing, radii,
    shadows`` may be present (at least one); each present section must be
    complete. Raises EngineInputError with dotted field paths.
    """
    errors = _Errors()
    if not _exact_keys(tokens, "", SECTIONS, errors, subset=True):
        raise EngineInputError(errors.found)
    clean: dict = {}
    if "colors" in tokens:
        clean["colors"] = _colour_table(tokens["colors"], "colors", STEPS, errors, SCALE_NAMES)
    if "themes" in tokens:
        clean["themes"] = _colour_table(tokens["themes"], "themes", THEME_ROLES, errors, THEMES)
    if "typography" in tokens:
        clean["typography"] = _typography(tokens["typography"], errors)
    if "spacing" in tokens:
        clean["spacing"] = _spacing(tokens["spacing"], errors)
    if "radii" in tokens:
        clean["radii"] = _lengths(tokens["radii"], "radii", RADII, errors)
    if "shadows" in tokens:
        clean["shadows"] = _shadows(tokens["shadows"], errors)
    if errors.found:
        raise EngineInputError(errors.found)
    return clean
