import pytest

from designforge import plans

pytestmark = pytest.mark.django_db


def test_the_seeded_plans_have_the_contract_limits(user):
    free = plans.limits_for(user)
    assert (free.plan, free.max_design_systems, free.api_keys, free.upgrade_plan) == ("free", 10, 0, "pro")
    user.plan = "pro"
    pro = plans.limits_for(user)
    assert (pro.plan, pro.max_design_systems, pro.api_keys, pro.upgrade_plan) == ("pro", None, 10, "")
    assert plans.signup_credits() == 10


def test_limits_follow_what_staff_change(user):
    from billing.models import Plan
    from billing.services import plan_save

    free = Plan.objects.get(code="free")
    free.max_design_systems, free.signup_credits = 3, 25
    plan_save(plan=free)
    assert plans.limits_for(user).max_design_systems == 3
    assert plans.signup_credits() == 25


def test_an_unknown_plan_code_gets_the_free_limits(user):
    user.plan = "retired-plan"
    assert plans.limits_for(user).plan == "free"


def test_plan_required_carries_the_upgrade_url():
    error = plans.PlanRequired(required_plan="pro", plan_name="Pro")
    assert (error.status_code, error.code) == (403, "plan_required")
    assert error.details == {"required_plan": "pro", "upgrade_url": "/billing/"}
