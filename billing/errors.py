from designforge.errors import Conflict, DomainError, NotConfigured
from designforge.plans import UPGRADE_URL, PlanRequired

__all__ = [
    "UPGRADE_URL",
    "AlreadySubscribed",
    "IdempotencyConflict",
    "NoBillingAccount",
    "PlanRequired",
    "StripeNotConfigured",
]


class StripeNotConfigured(NotConfigured):
    message = "Payments are not configured on this server yet."


class AlreadySubscribed(Conflict):
    def __init__(self, *, plan: str, plan_name: str):
        super().__init__(
            f"You are already on the {plan_name} plan; change or cancel it from the billing portal.",
            details={"reason": "already_subscribed", "plan": plan},
        )


class NoBillingAccount(Conflict):
    message = "You have no billing account yet: the portal opens once you have bought a plan or a credit pack."

    def __init__(self):
        super().__init__(details={"reason": "no_customer"})


class IdempotencyConflict(DomainError):
    status_code = 409
    code = "idempotency_conflict"
    message = "This Idempotency-Key was already used for a different checkout."
