"""What a user's plan allows, for the apps that sit below billing.

Plans are billing's rows, edited by staff in admin, but each limit is enforced where the thing is
made: designs counts saved design systems, accounts counts API keys, credits grants the signup
credits. Those apps must not import billing, so billing registers the reader of its rows here in its
`AppConfig.ready()` (as webhook processors register with the inbox) and the apps ask `limits_for()`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .errors import DomainError

UPGRADE_URL = "/billing/"


@dataclass(frozen=True)
class PlanLimits:
    """One plan's limits. `None` means unlimited; `api_keys == 0` means the plan has no API keys."""

    plan: str
    plan_name: str
    max_design_systems: int | None
    api_keys: int
    #: The plan to upgrade to for more (shown in `plan_required` answers); "" when none is higher.
    upgrade_plan: str = ""


class PlanRequired(DomainError):
    """A feature or a limit of a higher plan: 403 with where to upgrade."""

    status_code = 403
    code = "plan_required"

    def __init__(self, *, required_plan: str, plan_name: str, message: str = "", details: dict | None = None):
        super().__init__(
            message or f"This needs the {plan_name} plan. Upgrade at {UPGRADE_URL}.",
            details={"required_plan": required_plan, "upgrade_url": UPGRADE_URL, **(details or {})},
        )


Reader = Callable[[str], PlanLimits]
_reader: Reader | None = None
_signup_credits: Callable[[], int] | None = None


def register(*, limits: Reader, signup_credits: Callable[[], int]) -> None:
    """Billing's readers: plan code -> PlanLimits, and the credits a new user is granted."""
    global _reader, _signup_credits
    _reader, _signup_credits = limits, signup_credits


def limits_for(user) -> PlanLimits:
    """The limits of the user's current plan."""
    if _reader is None:
        raise RuntimeError("No plan reader is registered (billing registers it in its AppConfig.ready()).")
    return _reader(user.plan)


def signup_credits() -> int:
    """Credits granted once to every new user (the free plan's grant, staff-editable)."""
    if _signup_credits is None:
        raise RuntimeError("No plan reader is registered (billing registers it in its AppConfig.ready()).")
    return _signup_credits()
