"""Every write to saved design systems. Saving, editing and duplicating cost nothing (only reading a sentence,
generation, is paid), up to the plan's limit of saved design systems; creating one is rate-limited per
user (`DESIGN_SYSTEM_RATE_LIMIT`), wherever it is asked for."""

from django.conf import settings
from django.db import transaction

from accounts.models import User
from designforge.ratelimit import rate_limit_hit

from .. import selectors
from ..engine import Intent, build_report, generate_colors, generate_design_system, generate_typography
from ..errors import DesignSystemLimitReached, InvalidInput
from ..models import DesignSystem, Generation
from .inputs import (
    MAX_NAME_LENGTH,
    MAX_PROMPT_LENGTH,
    checked_intent,
    checked_tokens,
    clean_name,
    clean_seed,
    clean_text,
)

#: The sections each kind of generation makes; a design system regenerated from an intent keeps its kind.
_COLOUR_SECTIONS = {"colors", "themes"}
_TYPE_SECTIONS = {"typography", "spacing"}


def default_name(prompt: str, seed_color: str) -> str:
    if prompt:
        return prompt if len(prompt) <= 60 else prompt[:59].rstrip() + "…"
    return f"Brand {seed_color}" if seed_color else "Untitled design system"


def tokens_for(intent: Intent, sections=None) -> dict:
    """The tokens of an intent: the whole design system, or only colours or only typography when the
    design system being regenerated holds only those."""
    present = set(sections or ())
    if present and present <= _COLOUR_SECTIONS:
        return generate_colors(intent)
    if present and present <= _TYPE_SECTIONS:
        return generate_typography(intent)
    return generate_design_system(intent)


def design_system_limit_check(*, owner: User) -> None:
    """Refuse one more saved design system past the owner's plan limit: `DesignSystemLimitReached` (403
    `plan_required`, with `details.upgrade_url`, `limit` and `count`).

    Call it inside the transaction that saves, right before the insert: it locks the owner's row, so
    saves racing at the limit queue there and the later one counts the earlier (lock order: the user row
    first). Nothing saved is ever touched: an owner over the limit (after a downgrade) keeps and edits
    every design system, and saves again once back under it."""
    locked = User.objects.select_for_update().only("pk", "plan").get(pk=owner.pk)
    allowance = selectors.saved_allowance(locked)
    if allowance.is_full:
        raise DesignSystemLimitReached(
            count=allowance.count,
            limit=allowance.limit,
            plan=allowance.plan.plan,
            plan_name=allowance.plan.plan_name,
            upgrade_plan=allowance.plan.upgrade_plan,
        )


def design_system_create(
    *,
    owner: User,
    name: str,
    tokens: dict | None = None,
    intent: dict | None = None,
    prompt: str = "",
    seed_color: str = "",
    is_public: bool = False,
) -> DesignSystem:
    """Save a design system, free of charge, from raw tokens or from an intent (exactly one), within the
    plan's limit (`design_system_limit_check`). Raises `RateLimited` (429) past the user's
    `DESIGN_SYSTEM_RATE_LIMIT`.

    Raw tokens are validated (`InvalidTokens`, 400, with a `tokens.<path>` key per problem) and stored
    normalised but otherwise as given, never repaired behind the user's back: the report, recomputed
    here, shows any pair that fails. An intent (`InvalidIntent`, 400, `intent.<field>`) gives the
    engine's tokens, with every contrast guarantee, and stays editable.
    """
    rate_limit_hit(scope="design-system-create", key=str(owner.pk), rate=settings.DESIGN_SYSTEM_RATE_LIMIT)
    if (tokens is None) == (intent is None):
        raise InvalidInput(details={"tokens": ["Give either tokens or an intent."]})
    parsed = checked_intent(intent) if intent is not None else None
    clean = tokens_for(parsed) if parsed is not None else checked_tokens(tokens)
    fields = {
        "name": clean_name(name),
        "prompt": clean_text(prompt, field="prompt", max_length=MAX_PROMPT_LENGTH),
        "seed_color": clean_seed(seed_color),
        "intent": parsed.to_dict() if parsed is not None else None,
        "tokens": clean,
        "report": build_report(clean),
        "is_public": bool(is_public),
    }
    with transaction.atomic():
        design_system_limit_check(owner=owner)
        return DesignSystem.objects.create(owner=owner, **fields)


def design_system_update(
    *,
    design_system: DesignSystem,
    name: str | None = None,
    is_public: bool | None = None,
    tokens: dict | None = None,
    intent: dict | None = None,
) -> DesignSystem:
    """Change the name, visibility, tokens or intent (None leaves a field as it is), free of charge.

    New raw tokens are validated like `design_system_create`; the design system then has no intent
    (its tokens are no longer the engine's reading of one). A new intent regenerates the tokens (of
    the same kind: colours only stay colours only) and the report is recomputed either way.
    """
    if tokens is not None and intent is not None:
        raise InvalidInput(details={"tokens": ["Change either the tokens or the intent, not both."]})
    fields = ["updated_at"]
    if name is not None:
        design_system.name = clean_name(name)
        fields.append("name")
    if is_public is not None:
        design_system.is_public = bool(is_public)
        fields.append("is_public")
    if tokens is not None or intent is not None:
        if intent is not None:
            parsed = checked_intent(intent)
            design_system.tokens = tokens_for(parsed, design_system.tokens if design_system.intent else None)
            design_system.intent = parsed.to_dict()
        else:
            design_system.tokens = checked_tokens(tokens)
            design_system.intent = None
        design_system.report = build_report(design_system.tokens)
        fields += ["tokens", "intent", "report"]
    design_system.save(update_fields=fields)
    return design_system


def design_system_duplicate(*, design_system: DesignSystem, owner: User) -> DesignSystem:
    """A private copy of a design system (the caller's own, or a public one) in `owner`'s list, free,
    within the plan's limit and the creation rate limit."""
    rate_limit_hit(scope="design-system-create", key=str(owner.pk), rate=settings.DESIGN_SYSTEM_RATE_LIMIT)
    name = design_system.name if design_system.owner_id != owner.pk else f"Copy of {design_system.name}"
    with transaction.atomic():
        design_system_limit_check(owner=owner)
        return DesignSystem.objects.create(
            owner=owner,
            name=name[:MAX_NAME_LENGTH],
            prompt=design_system.prompt,
            seed_color=design_system.seed_color,
            intent=design_system.intent,
            tokens=design_system.tokens,
            report=design_system.report,
            is_public=False,
        )


def design_system_delete(*, design_system: DesignSystem) -> None:
    """Delete a design system; generations that made it stay on record, unlinked."""
    design_system.delete()


def designs_erase_closed_user(sender, user: User, **kwargs) -> None:
    """Receiver of `accounts.signals.user_closed`, inside the closing transaction: the user's design
    systems are deleted and the prompts of their generations erased (the generation records stay,
    like the ledger, for accounting)."""
    DesignSystem.objects.filter(owner_id=user.pk).delete()
    Generation.objects.filter(user_id=user.pk).exclude(prompt="").update(prompt="")
