"""Replaying a webhook event needs `designforge.replay_webhookevent`, not only the right to view the inbox."""

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import PermissionDenied

from accounts.models import User
from accounts.tests.factories import clerk_user_object, staff_user
from designforge.models import WebhookEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_event():
    return WebhookEvent.objects.create(
        source="clerk",
        event_id="msg_failed",
        event_type="user.created",
        payload={"type": "user.created", "data": clerk_user_object("user_replayed")},
        status="failed",
        error="boom",
    )


def replay(client, event):
    return client.post("/admin/designforge/webhookevent/", {"action": "replay", "_selected_action": [event.pk]})


def test_view_only_staff_cannot_replay(client, failed_event):
    client.force_login(staff_user("designforge.view_webhookevent"))
    listing = client.get("/admin/designforge/webhookevent/")
    assert listing.status_code == 200 and b'value="replay"' not in listing.content
    replay(client, failed_event)
    failed_event.refresh_from_db()
    assert (failed_event.status, failed_event.attempts) == ("failed", 0)
    assert not User.objects.filter(clerk_id="user_replayed").exists()


def test_the_replay_action_checks_its_permission_itself(rf, failed_event):
    request = rf.post("/admin/designforge/webhookevent/")
    request.user = staff_user("designforge.view_webhookevent")
    with pytest.raises(PermissionDenied):
        site._registry[WebhookEvent].replay(request, WebhookEvent.objects.all())
    failed_event.refresh_from_db()
    assert failed_event.status == "failed"


def test_staff_with_the_replay_permission_replay(client, failed_event):
    client.force_login(staff_user("designforge.view_webhookevent", "designforge.replay_webhookevent"))
    assert replay(client, failed_event).status_code == 302
    failed_event.refresh_from_db()
    assert (failed_event.status, failed_event.attempts) == ("processed", 1)
    assert User.objects.filter(clerk_id="user_replayed").count() == 1
