from designforge.errors import DomainError, NotFound


class InsufficientCredits(DomainError):
    status_code = 402
    code = "insufficient_credits"

    def __init__(self, *, required: int, available: int):
        noun = "credit" if required == 1 else "credits"
        super().__init__(
            f"This action costs {required} {noun}; you have {available}.",
            details={"required": required, "available": available},
        )


class UnknownFeature(NotFound):
    message = "There is no such feature."


class InvalidAmount(DomainError):
    code = "invalid"
    message = "The amount must be a non-zero whole number of credits."


class SelfGrant(DomainError):
    status_code = 403
    code = "permission_denied"
    message = "You cannot grant credits to yourself: ask another staff member."
