import pytest

from accounts.models import User
from designforge.models import WebhookEvent

pytestmark = pytest.mark.django_db


def test_staff_can_replay_a_stored_event_from_admin(client, user):
    from accounts.tests.factories import clerk_user_object

    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    client.force_login(user)
    event = WebhookEvent.objects.create(
        source="clerk",
        event_id="msg_stored",
        event_type="user.created",
        payload={"type": "user.created", "data": clerk_user_object("user_replayed")},
        status="failed",
        error="boom",
    )
    response = client.post("/admin/designforge/webhookevent/", {"action": "replay", "_selected_action": [event.pk]})
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.status, event.error, event.attempts) == ("processed", "", 1)
    assert User.objects.filter(clerk_id="user_replayed").count() == 1


def test_inbox_admin_is_read_only(client, user):
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    client.force_login(user)
    event = WebhookEvent.objects.create(
        source="clerk", event_id="msg_kept", event_type="user.created", payload={"type": "user.created"},
        status="failed", error="boom",
    )
    kept = WebhookEvent.objects.values().get(pk=event.pk)
    url = f"/admin/designforge/webhookevent/{event.pk}/change/"
    assert client.get("/admin/designforge/webhookevent/").status_code == 200
    assert client.get("/admin/designforge/webhookevent/add/").status_code == 403
    added = client.post("/admin/designforge/webhookevent/add/", {"source": "stripe", "event_id": "evt_new"})
    assert added.status_code == 403
    page = client.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()  # shown, not editable
    changed = {"source": "clerk", "event_id": "msg_kept", "event_type": "user.deleted", "status": "processed",
               "error": "", "payload": "{}", "_save": "Save"}
    assert client.post(url, changed).status_code == 403
    assert client.get(f"/admin/designforge/webhookevent/{event.pk}/delete/").status_code == 403
    assert client.post(f"/admin/designforge/webhookevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    client.post("/admin/designforge/webhookevent/", {"action": "delete_selected", "_selected_action": [event.pk],
                                                      "post": "yes"})
    assert WebhookEvent.objects.values().get(pk=event.pk) == kept  # the row is as it was
    assert WebhookEvent.objects.count() == 1
