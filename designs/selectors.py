"""Reads of design systems and generations. Another user's private design system is never found."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from accounts.models import User
from designforge import plans

from .errors import DesignSystemNotFound, GenerationNotFound
from .models import DesignSystem, Generation


def design_systems_of(user: User) -> QuerySet[DesignSystem]:
    """The user's design systems, newest first."""
    return DesignSystem.objects.filter(owner_id=user.pk).order_by("-created_at", "-id")


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


def showcase() -> QuerySet[DesignSystem]:
    """Public design systems, newest first."""
    return DesignSystem.objects.filter(is_public=True).order_by("-created_at", "-id")


def design_system_for_export(*, pk, user: User | None) -> DesignSystem:
    """A design system the requester may download: their own, or anyone's public one (404 otherwise)."""
    visible = Q(is_public=True)
    if user is not None and user.is_authenticated:
        visible |= Q(owner_id=user.pk)
    design_system = DesignSystem.objects.filter(visible, pk=pk).first() if str(pk).isdigit() else None
    if design_system is None:
        raise DesignSystemNotFound()
    return design_system


def generations_of(user: User) -> QuerySet[Generation]:
    """The user's generations, newest first, with the design system each one saved."""
    return Generation.objects.filter(user_id=user.pk).select_related("design_system").order_by("-created_at", "-id")


def generation_of(*, user: User, pk) -> Generation:
    """One of the user's own generations; `GenerationNotFound` (404) for anyone else's."""
    generation = generations_of(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if generation is None:
        raise GenerationNotFound()
    return generation
