from designforge.errors import Conflict, DomainError, NotFound, ProviderUnavailable
from designforge.plans import UPGRADE_URL, PlanRequired


class InvalidInput(DomainError):
    """400 `invalid`; `details` maps each field to its messages."""

    code = "invalid"
    message = "The request is invalid; see details."


class InvalidTokens(InvalidInput):
    """A tokens payload that breaks the token contract; `details` maps `tokens.<path>` to messages."""

    message = "The tokens are invalid; see details."

    def __init__(self, engine_errors: dict[str, list[str]]):
        details = {path if path == "tokens" else f"tokens.{path}": messages for path, messages in engine_errors.items()}
        super().__init__(details=details)


class InvalidIntent(InvalidInput):
    """An intent that is not one; `details` maps `intent.<field>` (or `intent`) to messages."""

    message = "The intent is invalid; see details."

    def __init__(self, engine_errors: dict[str, list[str]]):
        details = {path if path == "intent" else f"intent.{path}": messages for path, messages in engine_errors.items()}
        super().__init__(details=details)


class IdempotencyConflict(Conflict):
    code = "idempotency_conflict"
    message = "This Idempotency-Key was already used with a different request."


class GenerationFailed(ProviderUnavailable):
    """A generation that failed after its credits were taken; they have been returned in full.

    502 when the provider answered unusably, 503 when it could not be reached in time, and, when a retry
    with the same Idempotency-Key finds a generation that failed, 500 (`server_error`) for one that failed
    on our side and 403 (`plan_required`) for one whose save lost a race at the plan's limit.
    """

    def __init__(self, message: str, *, status_code: int, details: dict | None = None):
        self.status_code = status_code
        if status_code == 500:
            self.code = "server_error"
        if status_code == 403:
            self.code = "plan_required"
            details = {**(details or {}), "upgrade_url": UPGRADE_URL}
        super().__init__(message, details=details)


class DesignSystemNotFound(NotFound):
    message = "There is no such design system."


class DesignSystemLimitReached(PlanRequired):
    """403 `plan_required`: the owner's plan allows no more saved design systems. `details` holds the
    `limit`, the `count` saved, the `plan` and where to upgrade (`required_plan`, `upgrade_url`)."""

    def __init__(self, *, count: int, limit: int, plan: str, plan_name: str, upgrade_plan: str):
        way_out = f"Delete one, or upgrade at {UPGRADE_URL}," if upgrade_plan else "Delete one"
        way_out += " to save more."
        super().__init__(
            required_plan=upgrade_plan or plan,
            plan_name=plan_name,
            message=f"Your {plan_name} plan keeps up to {limit} saved design systems and you have {count}. {way_out}",
            details={"limit": limit, "count": count, "plan": plan},
        )
class GenerationNotFound(NotFound):
    message = "There is no such generation."
