"""JSON with a nesting limit, for every body we parse: DRF's requests and both webhooks.

Python's own parser fails with RecursionError (a 500) near 1,000 levels, and a few hundred levels
stored in a JSON column later break whatever renders it. No request of ours needs more than a few
levels, so anything nested deeper than MAX_DEPTH is refused as malformed (400).
"""

import json

from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_DEPTH = 32


def too_deep(value) -> bool:
    """Whether a parsed JSON value nests more than MAX_DEPTH levels."""
    stack = [(value, 1)]
    while stack:  # iterative: a deep value must not exhaust the stack here either
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > MAX_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def loads(raw: bytes | str):
    """`json.loads`, raising ValueError for malformed JSON and for nesting past MAX_DEPTH."""
    try:
        value = json.loads(raw)
    except RecursionError:
        raise ValueError(f"JSON nested more than {MAX_DEPTH} levels deep") from None
    if too_deep(value):
        raise ValueError(f"JSON nested more than {MAX_DEPTH} levels deep")
    return value


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser (strict: no NaN or Infinity), answering 400 past MAX_DEPTH levels."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            value = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(f"JSON parse error - nested more than {MAX_DEPTH} levels deep") from None
        if too_deep(value):
            raise ParseError(f"JSON parse error - nested more than {MAX_DEPTH} levels deep")
        return value
