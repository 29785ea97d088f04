"""The landing page's live sample: a product page in a design system of the visitor's brand colour or of
one of a few example briefs, recoloured through the free preview (static/js/landing.js) or, without
JavaScript, by the form's own answer (`?brand=#rrggbb` or `?example=n`).

A template tag, so the landing page (the billing app's) needs no import of designs: the page loads it.
"""

import json
from functools import cache

from django import template

from designforge.errors import DomainError

from .. import services
from ..api.preview import requester_key
from ..engine import generate_design_system, interpret
from ..views.specimen import panes

register = template.Library()

EXAMPLE_BRIEFS = (
    "calm, trustworthy fintech for families",
    "playful reading app for children, rounded",
    "bold neon esports tournament site",
    "warm organic crafted bakery",
)


@cache
def examples() -> tuple[dict, ...]:
    """Each example brief with its intent and tokens, read once per process (they never change)."""
    found = []
    for number, brief in enumerate(EXAMPLE_BRIEFS, start=1):
        intent = interpret(brief)
        found.append({"number": number, "brief": brief, "intent": intent.to_dict(),
                      "tokens": generate_design_system(intent)})
    return tuple(found)


@register.inclusion_tag("designs/_live_sample.html", takes_context=True)
def live_sample(context) -> dict:
    request = context["request"]
    chosen = next((e for e in examples() if str(e["number"]) == request.GET.get("example")), examples()[0])
    tokens, brand, problem = chosen["tokens"], request.GET.get("brand", "").strip(), ""
    if brand:
        brand = brand if brand.startswith("#") else f"#{brand}"
        try:
            result = services.preview_run(intent={**chosen["intent"], "primary": brand, "secondary": None,
                                                  "accent": None}, requester=requester_key(request))
            tokens = result["tokens"]
        except DomainError as error:
            problem = "Write the colour as #RRGGBB, like #2563eb." if error.code == "invalid" else error.message
    return {
        "examples": [{**example, "intent_json": json.dumps(example["intent"])} for example in examples()],
        "chosen": chosen,
        "brand": brand or tokens["themes"]["light"]["primary"],
        "problem": problem,
        "panes": panes(tokens),
        "base_intent": json.dumps(chosen["intent"]),
    }
