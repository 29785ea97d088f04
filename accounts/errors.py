from designforge.errors import DomainError


class AccountClosed(DomainError):
    status_code = 403
    code = "account_closed"
    message = "This account has been closed."


class InvalidPreferences(DomainError):
    status_code = 400
    code = "invalid"
    message = "The preferences are invalid; see details."


class EmailTaken(DomainError):
    status_code = 409
    code = "conflict"
    message = "This e-mail belongs to a real account: development sign-in cannot take it."
