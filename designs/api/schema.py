"""What the designs API's OpenAPI operations share: error descriptions (the schema hook adds the
error body to each)."""

from drf_spectacular.utils import OpenApiResponse


def error(description: str) -> OpenApiResponse:
    return OpenApiResponse(description=description)  # the schema hook adds the Error body


INVALID = error("`invalid`: the body is not a JSON object or a field is wrong; `details` holds the field errors.")
NOT_FOUND = error("`not_found`: no such design system, or it belongs to someone else.")
SAVED_LIMIT = error(
    "`plan_required`: the plan's limit of saved design systems is reached (`details.limit`, `details.count`, "
    "`details.upgrade_url`); nothing was saved or charged. Saved ones stay, and stay editable."
)
