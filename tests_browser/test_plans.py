"""Plan limits as a person meets them: a free plan whose saved design systems are full asks to upgrade on
the generate page and the list, before anything is spent; the pricing table says the limits."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from credits.selectors import balance_of
from designs import services
from designs.engine import generate_design_system, interpret

from .conftest import sign_in
from .test_dashboard import accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_full_free_plan_asks_to_upgrade_before_generating(page, shoot):
    sign_in(page, "full@example.com")
    user = User.objects.get(email="full@example.com")
    tokens = generate_design_system(interpret("calm fintech", "#2563eb"))
    for i in range(10):
        services.design_system_create(owner=user, name=f"Saved {i}", tokens=tokens)

    page.goto("/generate/")
    prompt = page.get_by_test_id("saved-limit")
    expect(prompt).to_contain_text("You have saved 10 of 10 design systems")
    expect(page.get_by_role("button", name="Generate")).to_be_disabled()
    assert accessible(page) == []
    shoot(page, "generate-plan-full")

    page.goto("/designs/")
    expect(page.get_by_test_id("saved-limit")).to_contain_text("They all stay, and stay editable.")
    shoot(page, "designs-plan-full")
    page.get_by_test_id("upgrade").click()
    page.wait_for_url("**/billing/")
    expect(page.get_by_test_id("plan-limit-free")).to_have_text("Up to 10 saved design systems")
    expect(page.get_by_test_id("plan-limit-pro").first).to_have_text("Unlimited saved design systems")
    assert balance_of(user) == 10
