"""Middleware that only pages need: the API (`/api/`) goes straight past it.

Flash messages ("Generated “Acme” for 2 credits") are shown by the dashboard's templates; no API
answer ever carries one. Django's MessageMiddleware would still build its cookie and session
storages on every request, so `/api/` requests skip it: the hot API paths do no work for a page.
"""

from django.contrib.messages.middleware import MessageMiddleware

API_PREFIX = "/api/"


class PageMessageMiddleware(MessageMiddleware):
    """Django's MessageMiddleware, for every path outside `/api/`."""

    def process_request(self, request):
        if not request.path.startswith(API_PREFIX):
            super().process_request(request)

    def process_response(self, request, response):
        if hasattr(request, "_messages"):
            return super().process_response(request, response)
        return response
