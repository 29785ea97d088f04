"""The plan gate: features of a paid plan, for API views and for pages.

API views list `RequiresPlan("pro")` in `permission_classes` (after authentication): a signed-in user
below that plan gets 403 `plan_required` with `details.required_plan` and `details.upgrade_url`.
Pages use `@plan_required("pro")`, which sends such a user to the billing page to upgrade.
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from rest_framework.permissions import BasePermission

from . import selectors
from .errors import UPGRADE_URL, PlanRequired
from .models import Plan


def _plan_name(code: str) -> str:
    return Plan.objects.filter(code=code).values_list("name", flat=True).first() or code


class RequiresPlan(BasePermission):
    """DRF permission: `permission_classes = [IsAuthenticated, RequiresPlan("pro")]`.

    DRF instantiates each entry of `permission_classes`; an instance answers that call with itself,
    so the plan can be given where the view is declared."""

    def __init__(self, plan: str):
        self.plan = plan

    def __call__(self):
        return self

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False  # answered 401 by DRF
        if not selectors.user_has_plan(user, self.plan):
            raise PlanRequired(required_plan=self.plan, plan_name=_plan_name(self.plan))
        return True


def plan_required(plan: str):
    """Page decorator: signed-out users go to sign-in; users below `plan` to the billing page."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not selectors.user_has_plan(request.user, plan):
                messages.info(request, f"This needs the {_plan_name(plan)} plan.")
                return redirect(f"{UPGRADE_URL}?{urlencode({'required_plan': plan})}")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
