"""Errors and the API error envelope.

Domain errors are exceptions that carry their HTTP meaning. One DRF exception handler turns them,
DRF's own exceptions and Django's into the contract's body:

    {"error": {"code": "...", "message": "...", "details": {...}}}

and rolls back the request's transaction. Anything unexpected is logged (with the request id) and
answered 500 with the same envelope: no stack trace or secret ever reaches a response body.
"""

import logging
import math

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from rest_framework import exceptions as drf
from rest_framework.response import Response
from rest_framework.views import set_rollback

logger = logging.getLogger("designforge.errors")


class DomainError(Exception):
    """A failure the user or caller can act on. Subclasses set `status_code`, `code` and a message."""

    status_code = 400
    code = "invalid"
    message = "The request could not be processed."

    def __init__(self, message: str | None = None, *, details: dict | None = None):
        self.message = message or self.message
        self.details = details or {}
        super().__init__(self.message)


class NotConfigured(DomainError):
    status_code = 503
    code = "not_configured"
    message = "This feature is not configured on this server."


class ProviderUnavailable(DomainError):
    status_code = 502
    code = "provider_unavailable"
    message = "An upstream provider failed. Nothing was charged; please try again."


class Conflict(DomainError):
    status_code = 409
    code = "conflict"
    message = "The request conflicts with the current state."


class NotFound(DomainError):
    status_code = 404
    code = "not_found"
    message = "Not found."


def error_body(code: str, message: str, details: dict | None = None) -> dict:
    return {"error": {"code": code, "message": message, "details": details or {}}}


def error_response(code: str, message: str, status: int, details: dict | None = None) -> JsonResponse:
    """The envelope for plain Django views (webhooks, 404/500 handlers under /api/)."""
    return JsonResponse(error_body(code, message, details), status=status)


_DRF_CODES = {
    drf.NotAuthenticated: ("not_authenticated", 401),
    drf.AuthenticationFailed: ("not_authenticated", 401),
    drf.PermissionDenied: ("permission_denied", 403),
    drf.NotFound: ("not_found", 404),
    drf.MethodNotAllowed: ("method_not_allowed", 405),
    drf.NotAcceptable: ("not_acceptable", 406),
    drf.UnsupportedMediaType: ("unsupported_media_type", 415),
    drf.Throttled: ("rate_limited", 429),
    drf.ParseError: ("invalid", 400),
    drf.ValidationError: ("invalid", 400),
}


def _drf_error(exc: drf.APIException) -> tuple[str, int, str, dict]:
    code, status = next(
        (value for cls, value in _DRF_CODES.items() if isinstance(exc, cls)),
        (exc.default_code, exc.status_code),
    )
    if isinstance(exc, drf.ValidationError):
        details = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        return code, status, "The request is invalid; see details.", details
    if isinstance(exc, drf.Throttled):
        wait = math.ceil(exc.wait or 1)
        return code, status, f"Too many requests. Try again in {wait} seconds.", {"retry_after": wait}
    if isinstance(exc, drf.NotAuthenticated | drf.AuthenticationFailed):
        return code, status, "Sign in to use this endpoint.", {}
    return code, status, str(exc.detail), {}


def api_exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: every error from an API view leaves through here."""
    headers = {}
    if isinstance(exc, DomainError):
        code, status, message, details = exc.code, exc.status_code, exc.message, exc.details
        headers.update(getattr(exc, "headers", {}))
    elif isinstance(exc, Http404):
        code, status, message, details = "not_found", 404, "Not found.", {}
    elif isinstance(exc, PermissionDenied):
        code, status, message, details = "permission_denied", 403, "You do not have permission to do this.", {}
    elif isinstance(exc, RequestDataTooBig):
        code, status, message, details = "payload_too_large", 413, "The request body is too large.", {}
    elif isinstance(exc, drf.APIException):
        code, status, message, details = _drf_error(exc)
        if isinstance(exc, drf.Throttled):
            headers["Retry-After"] = str(details["retry_after"])
        if isinstance(exc, drf.NotAuthenticated | drf.AuthenticationFailed):
            headers["WWW-Authenticate"] = 'Bearer realm="api"'
    else:
        logger.exception("Unhandled error in %s", context.get("view").__class__.__name__)
        code, status, message, details = "server_error", 500, "Something went wrong on our side.", {}
    set_rollback()
    return Response(error_body(code, message, details), status=status, headers=headers)


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request, exception=None):
    """handler404: the envelope under /api/, a friendly page elsewhere."""
    if _is_api(request):
        return error_response("not_found", "Not found.", 404)
    return render(request, "404.html", status=404)


def server_error(request):
    """handler500: the envelope under /api/, a friendly page elsewhere (Django has logged the error)."""
    if _is_api(request):
        return error_response("server_error", "Something went wrong on our side.", 500)
    return HttpResponseServerError(
        loader.get_template("500.html").render({"request_id": getattr(request, "request_id", "")})
    )
