"""Every write to saved design systems. Saving costs nothing, but creating is rate-limited per user
(`DESIGN_SYSTEM_RATE_LIMIT`), wherever it is asked for."""

from django.conf import settings

from accounts.models import User
from designforge.ratelimit import rate_limit_hit

from ..engine import build_report
from ..models import DesignSystem, Generation
from .inputs import MAX_PROMPT_LENGTH, checked_tokens, clean_name, clean_seed, clean_text


def default_name(prompt: str, seed_color: str) -> str:
    if prompt:
        return prompt if len(prompt) <= 60 else prompt[:59].rstrip() + "…"
    return f"Brand {seed_color}" if seed_color else "Untitled design system"


def design_system_create(
    *, owner: User, name: str, tokens: dict, prompt: str = "", seed_color: str = "", is_public: bool = False
) -> DesignSystem:
    """Save tokens as a design system, free of charge. The tokens are validated (`InvalidTokens`, 400,
    with a `tokens.<path>` key per problem) and stored normalised but otherwise as given, never
    repaired behind the user's back: the report, recomputed here, shows any pair that fails. Raises
    `RateLimited` (429) past the user's `DESIGN_SYSTEM_RATE_LIMIT`."""
    rate_limit_hit(scope="design-system-create", key=str(owner.pk), rate=settings.DESIGN_SYSTEM_RATE_LIMIT)
    clean = checked_tokens(tokens)
    return DesignSystem.objects.create(
        owner=owner,
        name=clean_name(name),
        prompt=clean_text(prompt, field="prompt", max_length=MAX_PROMPT_LENGTH),
        seed_color=clean_seed(seed_color),
        tokens=clean,
        report=build_report(clean),
        is_public=bool(is_public),
    )


def design_system_update(
    *, design_system: DesignSystem, name: str | None = None, is_public: bool | None = None, tokens: dict | None = None
) -> DesignSystem:
    """Change the name, visibility or tokens (None leaves a field as it is). New tokens are validated
    like `design_system_create` and the report is recomputed from them."""
    fields = ["updated_at"]
    if name is not None:
        design_system.name = clean_name(name)
        fields.append("name")
    if is_public is not None:
        design_system.is_public = bool(is_public)
        fields.append("is_public")
    if tokens is not None:
        design_system.tokens = checked_tokens(tokens)
        design_system.report = build_report(design_system.tokens)
        fields += ["tokens", "report"]
    design_system.save(update_fields=fields)
    return design_system


def design_system_delete(*, design_system: DesignSystem) -> None:
    """Delete a design system; generations that made it stay on record, unlinked."""
    design_system.delete()


def designs_erase_closed_user(sender, user: User, **kwargs) -> None:
    """Receiver of `accounts.signals.user_closed`, inside the closing transaction: the user's design
    systems are deleted and the prompts of their generations erased (the generation records stay,
    like the ledger, for accounting)."""
    DesignSystem.objects.filter(owner_id=user.pk).delete()
    Generation.objects.filter(user_id=user.pk).exclude(prompt="").update(prompt="")
