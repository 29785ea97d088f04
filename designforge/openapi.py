"""Documents the error envelope on every API operation of the OpenAPI schema."""

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "details"],
            "properties": {
                "code": {"type": "string", "example": "insufficient_credits"},
                "message": {"type": "string", "example": "This action costs 2 credits; you have 1."},
                "details": {"type": "object", "additionalProperties": True, "example": {"required": 2, "available": 1}},
            },
        }
    },
}

COMMON_ERRORS = {
    "400": "`invalid`: the request is malformed; `details` holds the field errors.",
    "401": "`not_authenticated`: no valid Clerk session token or API key.",
    "429": "`rate_limited`: too many requests; see the `Retry-After` header.",
    "500": "`server_error`: something failed on our side.",
}


def add_error_responses(result, generator, request, public):
    """drf-spectacular post-processing hook: the Error component, and the common error answers on
    every operation (operations that declare a status themselves keep their own description)."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in COMMON_ERRORS.items():
                if status == "401" and not operation.get("security"):
                    continue  # public endpoint
                responses.setdefault(status, {"description": description, "content": ref})
            for status, response in responses.items():
                if status.startswith(("4", "5")) and "content" not in response:
                    response["content"] = ref
    return result
