"""What the designs API's OpenAPI operations share: error descriptions (the schema hook adds the
error body to each)."""

from drf_spectacular.utils import OpenApiResponse


def error(description: str) -> OpenApiResponse:
    return OpenApiResponse(description=description)  # the schema hook adds the Error body


INVALID = error("`invalid`: the body is not a JSON object or a field is wrong; `details` holds the field errors.")
NOT_FOUND = error("`not_found`: no such design system, or it belongs to someone else.")
