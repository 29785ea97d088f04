"""Staff browse design systems and generations in admin; changes go through the services."""

import pytest

from accounts.models import User
from accounts.tests.factories import UserFactory
from designs import services
from designs.models import DesignSystem, Generation

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    staff = UserFactory.create()
    User.objects.filter(pk=staff.pk).update(is_staff=True, is_superuser=True)
    client.force_login(User.objects.get(pk=staff.pk))
    return client


def test_staff_browse_design_systems_and_generations(staff_client, user):
    generation = services.generation_run(user=user, kind="colors", prompt="calm fintech", save=True)
    design_system = generation.design_system

    listing = staff_client.get("/admin/designs/designsystem/?q=" + user.email)
    assert listing.status_code == 200 and design_system.name.encode() in listing.content
    detail = staff_client.get(f"/admin/designs/designsystem/{design_system.pk}/change/")
    assert detail.status_code == 200 and b"&quot;primary&quot;" in detail.content

    assert staff_client.get("/admin/designs/generation/?status__exact=succeeded&provider=offline").status_code == 200
    page = staff_client.get(f"/admin/designs/generation/{generation.pk}/change/")
    assert page.status_code == 200 and b"calm fintech" in page.content
    assert staff_client.get("/admin/designs/generation/add/").status_code == 403


def test_staff_rename_publish_and_delete_through_admin(staff_client, user):
    design_system = services.generation_run(user=user, kind="colors", save=True).design_system
    url = f"/admin/designs/designsystem/{design_system.pk}/change/"

    response = staff_client.post(url, {"name": "Renamed", "is_public": "on"})
    assert response.status_code == 302
    design_system.refresh_from_db()
    assert (design_system.name, design_system.is_public) == ("Renamed", True)

    staff_client.post(f"/admin/designs/designsystem/{design_system.pk}/delete/", {"post": "yes"})
    assert DesignSystem.objects.count() == 0 and Generation.objects.get().design_system is None
