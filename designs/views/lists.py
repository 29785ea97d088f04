"""The dashboard, the user's own design systems and the public showcase."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from credits import selectors as credit_selectors

from .. import selectors
from .presentation import cards, spend_chart

RECENT_DESIGN_SYSTEMS = 6
PAGE_SIZE = 12
CHART_DAYS = 30


@login_required
def dashboard(request):
    """Balance, plan, recent design systems and credits spent per day."""
    user = request.user
    recent = list(selectors.design_systems_of(user)[:RECENT_DESIGN_SYSTEMS])
    context = {
        "balance": credit_selectors.balance_of(user),
        "recent": cards(recent),
        "design_system_count": selectors.design_systems_of(user).count() if len(recent) == RECENT_DESIGN_SYSTEMS
        else len(recent),
        "chart": spend_chart(credit_selectors.daily_spend(user, days=CHART_DAYS)),
        "ledger": list(credit_selectors.ledger_of(user)[:5]),
    }
    return render(request, "designs/dashboard.html", context)

@login_required
def design_system_list(request):
    """All of the user's design systems, newest first."""
    page = Paginator(selectors.design_systems_of(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    saved = selectors.saved_allowance(request.user, count=page.paginator.count)
    context = {"page": page, "cards": cards(page.object_list), "saved": saved}
    return render(request, "designs/list.html", context)


def showcase(request):
    """Public design systems, newest first."""
    page = Paginator(selectors.showcase(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "designs/showcase.html", {"page": page, "cards": cards(page.object_list)})
