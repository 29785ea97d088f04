"""drf-spectacular post-processing: operations that refuse personal API keys say so (403)."""

KEYS_REFUSED = "`permission_denied`: personal API keys cannot call this endpoint; sign in instead."


def document_api_key_refusals(result, generator, request, public):
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            schemes = {name for requirement in operation.get("security", []) for name in requirement}
            if "ClerkSession" in schemes and "ApiKey" not in schemes:
                response = operation.setdefault("responses", {}).setdefault("403", {"description": KEYS_REFUSED})
                if KEYS_REFUSED not in response["description"]:
                    response["description"] = f"{response['description']} {KEYS_REFUSED}".strip()
    return result
