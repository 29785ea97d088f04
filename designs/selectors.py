"""Reads of design systems and generations. Another user's private design system is never found."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from accounts.models import User
from designforge import plans

from .errors import DesignSystemNotFound, GenerationNotFound
from .models import DesignSystem, Generation

#: How lists of design systems can be sorted, by the name pages use.
SORTS = {
    "newest": ("-created_at", "-id"),
    "oldest": ("created_at", "id"),
    "updated": ("-updated_at", "-id"),
    "name": (Lower("name"), "id"),
}
MAX_SEARCH_LENGTH = 100


def _found(design_systems: QuerySet[DesignSystem], search: str, sort: str) -> QuerySet[DesignSystem]:
    """Design systems whose name or sentence contains `search` (any case), in `sort` order (newest
    when unknown)."""
    search = search.strip()[:MAX_SEARCH_LENGTH]
    if search:
        design_systems = design_systems.filter(Q(name__icontains=search) | Q(prompt__icontains=search))
    return design_systems.order_by(*SORTS.get(sort, SORTS["newest"]))


def design_systems_of(user: User, *, search: str = "", sort: str = "newest") -> QuerySet[DesignSystem]:
    """The user's design systems, newest first (or as `sort` says), those matching `search` only."""
    return _found(DesignSystem.objects.filter(owner_id=user.pk), search, sort)


@dataclass(frozen=True)
class SavedAllowance:
    """How many design systems a user has saved, and how many their plan allows (None: unlimited)."""

    count: int
    limit: int | None
    plan: plans.PlanLimits

    @property
    def is_full(self) -> bool:
        """No room for another one. Someone over the limit (after a downgrade) keeps and edits theirs."""
        return self.limit is not None and self.count >= self.limit


def saved_allowance(user: User, *, count: int | None = None) -> SavedAllowance:
    """The user's saved design systems against their plan's limit (for pages, and for the check when
    saving); `count` when the caller has just counted them."""
    limits = plans.limits_for(user)
    if count is None:
        count = design_systems_of(user).count()
    return SavedAllowance(count=count, limit=limits.max_design_systems, plan=limits)


def design_system_of(*, user: User, pk) -> DesignSystem:
    """One of the user's own design systems; `DesignSystemNotFound` (404) for anyone else's."""
    design_system = design_systems_of(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if design_system is None:
        raise DesignSystemNotFound()
    return design_system


def showcase(*, search: str = "", sort: str = "newest") -> QuerySet[DesignSystem]:
    """Public design systems, newest first (or as `sort` says), those matching `search` only."""
    return _found(DesignSystem.objects.filter(is_public=True), search, sort)


def design_system_for_export(*, pk, user: User | None) -> DesignSystem:
    """A design system the requester may download: their own, or anyone's public one (404 otherwise)."""
    visible = Q(is_public=True)
    if user is not None and user.is_authenticated:
        visible |= Q(owner_id=user.pk)
    design_system = DesignSystem.objects.filter(visible, pk=pk).first() if str(pk).isdigit() else None
    if design_system is None:
        raise DesignSystemNotFound()
    return design_system


def design_systems_of_generations(*, user: User, generation_ids) -> dict[int, DesignSystem]:
    """The design system each of the user's generations saved (by generation id), in one query; a
    generation whose design system was deleted, or that saved none, is left out."""
    generations = Generation.objects.filter(user_id=user.pk, pk__in=list(generation_ids), design_system__isnull=False)
    return {generation.pk: generation.design_system for generation in generations.select_related("design_system")}


def generations_of(user: User) -> QuerySet[Generation]:
    """The user's generations, newest first, with the design system each one saved."""
    return Generation.objects.filter(user_id=user.pk).select_related("design_system").order_by("-created_at", "-id")


def generation_of(*, user: User, pk) -> Generation:
    """One of the user's own generations; `GenerationNotFound` (404) for anyone else's."""
    generation = generations_of(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if generation is None:
        raise GenerationNotFound()
    return generation
