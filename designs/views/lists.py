"""The dashboard, the user's own design systems and the public showcase (both searchable and sortable)."""

import re
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from credits import selectors as credit_selectors

from .. import selectors
from .presentation import cards, spend_chart

RECENT_DESIGN_SYSTEMS = 6
RECENT_ACTIVITY = 5
PAGE_SIZE = 12
CHART_DAYS = 30
SORT_CHOICES = [("newest", "Newest first"), ("updated", "Recently changed"), ("oldest", "Oldest first"),
                ("name", "Name, A to Z")]
#: Ledger entries of a generation (its charge, its refund) carry its id in their idempotency key.
_GENERATION_KEY = re.compile(r"^(?:refund:)?gen:(\d+)$")


def _activity(user) -> list[dict]:
    """The latest ledger entries, each with the design system its generation saved (if it still exists)."""
    entries = list(credit_selectors.ledger_of(user)[:RECENT_ACTIVITY])
    generation_of = {entry.pk: int(match.group(1)) for entry in entries
                     if (match := _GENERATION_KEY.match(entry.idempotency_key))}
    saved = selectors.design_systems_of_generations(user=user, generation_ids=generation_of.values())
    return [{"entry": entry, "design_system": saved.get(generation_of.get(entry.pk))} for entry in entries]


@login_required
def dashboard(request):
    """Balance, plan, recent design systems, credits spent per day and recent activity."""
    user = request.user
    recent = list(selectors.design_systems_of(user)[:RECENT_DESIGN_SYSTEMS])
    context = {
        "balance": credit_selectors.balance_of(user),
        "recent": cards(recent),
        "design_system_count": selectors.design_systems_of(user).count() if len(recent) == RECENT_DESIGN_SYSTEMS
        else len(recent),
        "chart": spend_chart(credit_selectors.daily_spend(user, days=CHART_DAYS)),
        "activity": _activity(user),
    }
    return render(request, "designs/dashboard.html", context)


def _listing(request, find) -> dict:
    """A page of design systems found by `find(search=, sort=)`, with the search and sort kept in its links."""
    search = request.GET.get("q", "").strip()[:selectors.MAX_SEARCH_LENGTH]
    sort = request.GET.get("sort", "newest")
    if sort not in dict(SORT_CHOICES):
        sort = "newest"
    page = Paginator(find(search=search, sort=sort), PAGE_SIZE).get_page(request.GET.get("page"))
    kept = {key: value for key, value in (("q", search), ("sort", sort)) if value and value != "newest"}
    return {
        "page": page,
        "cards": cards(page.object_list),
        "search": search,
        "sort": sort,
        "sort_choices": SORT_CHOICES,
        "page_query": urlencode(kept) + "&" if kept else "",
    }


@login_required
def design_system_list(request):
    """All of the user's design systems, newest first, searchable and sortable, against the plan's limit."""
    context = _listing(request, lambda **how: selectors.design_systems_of(request.user, **how))
    count = None if context["search"] else context["page"].paginator.count  # a search counts only its matches
    context["saved"] = selectors.saved_allowance(request.user, count=count)
    return render(request, "designs/list.html", context)


def showcase(request):
    """Public design systems, newest first, searchable and sortable; signed-in people can duplicate them."""
    context = _listing(request, selectors.showcase)
    return render(request, "designs/showcase.html", {**context, "duplicate": request.user.is_authenticated})
