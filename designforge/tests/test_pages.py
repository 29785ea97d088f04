"""The lean path: `/api/` requests skip the middleware work only pages need (flash messages)."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_requests_build_no_message_storage(api):
    response = api.get("/api/health")
    assert response.status_code == 200 and not hasattr(response.wsgi_request, "_messages")


def test_pages_still_get_their_messages(client, user):
    client.force_login(user)
    response = client.post("/generate/", {"prompt": "", "kind": "colors", "request_key": "not-a-uuid"})
    assert hasattr(response.wsgi_request, "_messages")
    from designs.models import Generation

    data = {"prompt": "calm", "kind": "colors", "name": "", "request_key": "5b0f3c9e-2f4a-4c53-9d7a-1f1d3c0e9b11"}
    page = client.post("/generate/", data, follow=True)
    assert Generation.objects.count() == 1 and "Generated" in page.content.decode()  # the flash message shows
