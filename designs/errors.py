from designforge.errors import Conflict, DomainError, NotFound, ProviderUnavailable


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


class IdempotencyConflict(Conflict):
    code = "idempotency_conflict"
    message = "This Idempotency-Key was already used with a different request."


class GenerationFailed(ProviderUnavailable):
    """A generation that failed after its credits were taken; they have been returned in full.

    502 when the provider answered unusably, 503 when it could not be reached in time, and 500
    (`server_error`) when a retry with the same Idempotency-Key finds a generation that failed on our side.
    """

    def __init__(self, message: str, *, status_code: int, details: dict | None = None):
        self.status_code = status_code
        if status_code == 500:
            self.code = "server_error"
        super().__init__(message, details=details)


class DesignSystemNotFound(NotFound):
    message = "There is no such design system."


class GenerationNotFound(NotFound):
    message = "There is no such generation."
