"""Every list answers a malformed or out-of-range page with 400 `invalid`, as its schema says."""

import json

import pytest

pytestmark = pytest.mark.django_db
LISTS = ["/api/credits/ledger", "/api/design-systems/", "/api/showcase/", "/api/keys"]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "999"])
def test_a_bad_page_is_400_invalid(user_api, path, page):
    response = user_api.get(path, {"page": page})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and list(error["details"]) == ["page"]


@pytest.mark.parametrize("path", LISTS)
def test_the_first_and_last_page_of_a_list_are_fine_even_empty(user_api, path):
    for page in ("1", "last"):
        body = user_api.get(path, {"page": page}).json()
        assert {"next", "previous", "results"} <= set(body)


def test_the_schema_documents_the_page_limits(api):
    schema = json.loads(api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").content)
    for path in LISTS:
        operation = schema["paths"][path]["get"]
        params = {p["name"]: p for p in operation["parameters"]}
        assert params["page"]["schema"]["minimum"] == 1 and "400" in params["page"]["description"]
        assert (params["page_size"]["schema"]["minimum"], params["page_size"]["schema"]["maximum"]) == (1, 100)
        assert "400" in operation["responses"]
