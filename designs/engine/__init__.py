"""DesignForge generation engine: a brief or a brand colour in, accessible design tokens out.

Pure Python (no Django). Colour maths is done with coloraide. Typical use::

    intent = interpret("calm, trustworthy fintech", seed_color="#2563eb")
    tokens = generate_design_system(intent)
    report = build_report(tokens)
    css = export(tokens, "css", name="Acme")
"""

from .ai import INTENT_JSON_SCHEMA, intent_from_ai
from .color import normalise_hex
from .errors import EngineInputError
from .exports import EXPORT_FORMATS, export
from .from_tokens import intent_from_tokens
from .generate import generate_colors, generate_design_system, generate_typography
from .intent import INTENT_FIELDS, LOCKABLE, Intent, intent_json_schema
from .interpret import interpret
from .repair import repair_themes
from .report import build_report
from .tokens import validate_tokens
from .variants import MAX_VARIANT, variant
from .version import ENGINE_VERSION

__all__ = [
    "ENGINE_VERSION",
    "EXPORT_FORMATS",
    "INTENT_FIELDS",
    "INTENT_JSON_SCHEMA",
    "LOCKABLE",
    "MAX_VARIANT",
    "EngineInputError",
    "Intent",
    "build_report",
    "export",
    "generate_colors",
    "generate_design_system",
    "generate_typography",
    "intent_from_ai",
    "intent_from_tokens",
    "intent_json_schema",
    "interpret",
    "normalise_hex",
    "repair_themes",
    "validate_tokens",
    "variant",
]
