import pytest

from accounts.models import User
from accounts.tests.factories import UserFactory, staff_user
from credits import services
from credits.models import LedgerEntry
from credits.selectors import audit_mismatches, balance_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    staff = UserFactory.create()
    User.objects.filter(pk=staff.pk).update(is_staff=True, is_superuser=True)
    client.force_login(staff)
    client.staff = staff
    return client


def test_grant_action_asks_for_amount_and_reason_then_grants_once(staff_client, user):
    url = "/admin/accounts/user/"
    form = staff_client.post(url, {"action": "grant_credits", "_selected_action": [user.pk]})
    assert form.status_code == 200 and b"reason" in form.content
    token = form.context["form"].initial["token"]
    submit = {
        "action": "grant_credits",
        "_selected_action": [user.pk],
        "apply": "1",
        "amount": 5,
        "reason": "Support goodwill",
        "token": token,
    }
    assert staff_client.post(url, submit).status_code == 302
    assert staff_client.post(url, submit).status_code == 302  # a double submit grants once
    entry = LedgerEntry.objects.get(kind="adjustment")
    assert (entry.amount, entry.description, entry.actor) == (5, "Support goodwill", staff_client.staff)
    assert balance_of(user) == 15 and audit_mismatches() == []


def test_grant_action_without_reason_grants_nothing(staff_client, user):
    response = staff_client.post(
        "/admin/accounts/user/",
        {
            "action": "grant_credits",
            "_selected_action": [user.pk],
            "apply": "1",
            "amount": 5,
            "reason": "",
            "token": "t",
        },
    )
    assert response.status_code == 200 and balance_of(user) == 10


def test_user_admin_lists_searches_and_shows_the_ledger(staff_client, user):
    listing = staff_client.get("/admin/accounts/user/", {"q": user.email, "plan": "free"})
    assert listing.status_code == 200 and user.email.encode() in listing.content
    detail = staff_client.get(f"/admin/accounts/user/{user.pk}/change/")
    assert detail.status_code == 200 and b"Welcome credits" in detail.content


def test_ledger_is_read_only_in_admin(staff_client, user):
    entry = LedgerEntry.objects.get(account__user=user)
    assert staff_client.get("/admin/credits/ledgerentry/").status_code == 200
    assert staff_client.get("/admin/credits/ledgerentry/add/").status_code == 403
    assert staff_client.post(f"/admin/credits/ledgerentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    staff_client.post(f"/admin/credits/ledgerentry/{entry.pk}/change/", {"amount": 999})
    entry.refresh_from_db()
    assert entry.amount == 10


def test_feature_costs_are_editable_by_staff_and_charged_at_once(staff_client):
    from credits.models import FeatureCost

    assert services.feature_cost("colors") == 1  # read, and remembered
    response = staff_client.post(
        "/admin/credits/featurecost/colors/change/",
        {"code": "colors", "name": "Colour palette", "description": "", "credits": 3},
    )
    assert response.status_code == 302 and FeatureCost.objects.get(code="colors").credits == 3
    assert services.feature_cost("colors") == 3


def _grant(client, user, amount=100_000, token="t1"):
    form = {"action": "grant_credits", "_selected_action": [user.pk], "apply": "1", "amount": amount}
    return client.post("/admin/accounts/user/", {**form, "reason": "Because", "token": token})


def test_view_only_staff_cannot_grant_credits(client, user):
    viewer = staff_user("accounts.view_user")
    client.force_login(viewer)
    assert client.get("/admin/accounts/user/").status_code == 200
    assert b"grant_credits" not in client.get("/admin/accounts/user/").content
    _grant(client, viewer)
    _grant(client, user, token="t2")
    assert balance_of(viewer) == 10 and balance_of(user) == 10
    assert not LedgerEntry.objects.filter(kind="adjustment").exists()


def test_the_grant_action_checks_its_permission_itself(rf, user):
    from django.contrib.admin.sites import site
    from django.core.exceptions import PermissionDenied

    viewer = staff_user("accounts.view_user")
    request = rf.post("/admin/accounts/user/", {"apply": "1", "amount": 5, "reason": "x", "token": "t"})
    request.user = viewer
    with pytest.raises(PermissionDenied):
        site._registry[User].grant_credits(request, User.objects.filter(pk=user.pk))
    assert balance_of(user) == 10


def test_staff_with_the_grant_permission_grant_to_others_but_never_to_themselves(client, user):
    granter = staff_user("accounts.view_user", "credits.grant_credits")
    client.force_login(granter)
    assert b"grant_credits" in client.get("/admin/accounts/user/").content
    _grant(client, user, amount=5)
    assert balance_of(user) == 15
    response = _grant(client, granter, amount=5, token="t2")
    assert response.status_code == 302
    assert balance_of(granter) == 10
    assert "cannot grant credits to yourself" in str(list(client.get("/admin/accounts/user/").context["messages"]))
