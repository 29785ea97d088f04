"""Reading what the tools wrote back into values to compare with the tokens."""

import re

import tinycss2

from designs.engine.color import parse_css_color
from designs.engine.layout import parse_shadow
from designs.engine.tokens import parse_font_stack


def css_blocks(text: str) -> dict[tuple[str, ...], dict[str, str]]:
    """``{(at-rule..., selector): {property: value}}`` of a stylesheet, nested at-rules followed.
    Blocks with the same path are merged, later declarations winning (as the cascade would)."""
    blocks: dict[tuple[str, ...], dict[str, str]] = {}

    def walk(nodes, path):
        for node in nodes:
            if node.type == "qualified-rule":
                selector = " ".join(tinycss2.serialize(node.prelude).split())
                target = blocks.setdefault((*path, selector), {})
                for item in tinycss2.parse_blocks_contents(node.content, skip_whitespace=True, skip_comments=True):
                    if item.type == "declaration":
                        value = " ".join(tinycss2.serialize(item.value).split())
                        target[item.name] = value + (" !important" if item.important else "")
            elif node.type == "at-rule" and node.content is not None:
                head = " ".join(f"@{node.at_keyword} {tinycss2.serialize(node.prelude)}".split())
                if node.lower_at_keyword == "font-face":
                    blocks.setdefault((*path, head), {})
                    blocks[(*path, head)][f"#{len(blocks)}"] = tinycss2.serialize(node.content)
                    continue
                walk(tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True), (*path, head))

    walk(tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True), ())
    return blocks


def font_face_count(text: str) -> int:
    return len(re.findall(r"@font-face\s*\{", text))


def hex_of(text: str) -> str:
    parsed = parse_css_color(text.strip())
    assert parsed is not None, f"not a colour: {text!r}"
    return parsed[0]


def rgb(hex_value: str) -> tuple[int, int, int]:
    return tuple(int(hex_value[i:i + 2], 16) for i in (1, 3, 5))


def close_colour(text: str, hex_value: str, tolerance: int = 1) -> bool:
    """Whether a colour as a tool or browser wrote it is the hex colour (within rounding of a unit)."""
    return max(abs(a - b) for a, b in zip(rgb(hex_of(text)), rgb(hex_value), strict=True)) <= tolerance


def stack(text: str) -> list[str]:
    names = parse_font_stack(text.strip())
    assert names is not None, f"not a font stack: {text!r}"
    return names


def shadow_layers(text: str) -> list[tuple]:
    """A box-shadow as comparable layers (lengths in px, colour and alpha rounded)."""
    def px(length):
        value, unit = length
        return round(value * (16 if unit == "rem" else 1), 3)

    return [(layer["inset"], px(layer["offset_x"]), px(layer["offset_y"]), px(layer["blur"]), px(layer["spread"]),
             layer["color"], round(layer["alpha"], 3)) for layer in parse_shadow(text.strip())]


def length_px(text: str) -> float:
    match = re.fullmatch(r"(-?[\d.]+)(px|rem)|0", text.strip())
    assert match, f"not a length: {text!r}"
    if text.strip() == "0":
        return 0.0
    return round(float(match.group(1)) * (16 if match.group(2) == "rem" else 1), 4)


def same_clamp(text: str, expected: str) -> bool:
    return re.sub(r"\s+", "", text) == re.sub(r"\s+", "", expected)


def resolve(blocks_chain: list[dict[str, str]], value: str, depth: int = 0) -> str:
    """Follow ``var(--x)`` through blocks (the first holding ``--x`` wins)."""
    match = re.fullmatch(r"var\(\s*(--[\w-]+)\s*\)", value.strip())
    if not match or depth > 16:
        return value
    for block in blocks_chain:
        if match.group(1) in block:
            return resolve(blocks_chain, block[match.group(1)], depth + 1)
    raise AssertionError(f"{value} is defined nowhere")
