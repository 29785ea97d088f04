"""Documents the error envelope on every API operation of the OpenAPI schema, and the two webhook
endpoints (plain Django views, so drf-spectacular does not see them)."""

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


WEBHOOK_ENDPOINTS = {
    "/api/webhooks/clerk": (
        "clerk_webhook",
        "Clerk's user events (Svix)",
        "Verified with `svix` (`svix-id`, `svix-timestamp`, `svix-signature`; 5-minute tolerance), checked for "
        "shape, stored once per `svix-id` and acknowledged; a worker then applies it (inline, before the answer, "
        "when the server has no `REDIS_URL`). `user.created` / `user.updated` upsert the user by Clerk id, "
        "`user.deleted` closes the account; other types are recorded. A repeated `svix-id` changes nothing.",
    ),
    "/api/webhooks/stripe": (
        "stripe_webhook",
        "Stripe's billing events",
        "Verified with `stripe` (`Stripe-Signature`, 300 s tolerance), checked for shape, stored once per event "
        "id and acknowledged; a worker then applies it (inline, before the answer, when the server has no "
        "`REDIS_URL`). Each event id takes effect once.",
    ),
}


def add_webhook_endpoints(result, generator, request, public):
    """drf-spectacular post-processing hook: `POST /api/webhooks/clerk` and `/api/webhooks/stripe`."""
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    received = {
        "type": "object",
        "required": ["status"],
        "properties": {"status": {"type": "string", "enum": ["received"]}},
    }
    for path, (operation_id, summary, description) in WEBHOOK_ENDPOINTS.items():
        result.setdefault("paths", {})[path] = {
            "post": {
                "operationId": operation_id,
                "summary": summary,
                "description": description,
                "tags": ["webhooks"],
                "security": [],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}},
                "responses": {
                    "200": {
                        "description": "Stored (or already stored): it will be applied exactly once.",
                        "content": {"application/json": {"schema": received}},
                    },
                    "400": {
                        "description": "`invalid_signature`: missing, malformed or wrong signature, or a stale "
                        "timestamp; `invalid`: a body that is not a well-formed event (encoding, JSON, the type or "
                        "length of any field read). Nothing was written.",
                        "content": ref,
                    },
                    "413": {"description": "`payload_too_large`: the body is too large.", "content": ref},
                    "500": {
                        "description": "`server_error`: the event could not be stored (nothing was written), or, "
                        "without workers, applying it failed; the sender delivers it again.",
                        "content": ref,
                    },
                    "503": {
                        "description": "`not_configured`: no signing secret is set; nothing was written.",
                        "content": ref,
                    },
                },
            }
        }
    return result
