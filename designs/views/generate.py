"""Generate: the same generation service as `POST /api/generate/*`, from a form that works with or
without JavaScript (htmx swaps the panel in place and shows progress while it works).

With workers the generation is queued: the form moves on to the generation's own page, which shows
progress until it is done and then opens the result. Without JavaScript that page refreshes itself
every two seconds; with htmx it asks every second and is redirected once the generation has finished.
"""

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from credits import selectors as credit_selectors
from credits.errors import InsufficientCredits
from designforge.errors import DomainError

from .. import selectors, services
from ..errors import DesignSystemLimitReached, GenerationNotFound
from ..models import Generation
from .presentation import error_text


class GenerateForm(forms.Form):
    prompt = forms.CharField(
        label="Describe your brand or product",
        max_length=services.MAX_PROMPT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "calm, trustworthy fintech for young families"}),
    )
    # Empty: no brand colour. Checked by the service (as for the API); a bad one is this field's error.
    seed_color = forms.CharField(label="Brand colour (optional)", max_length=7, required=False)
    kind = forms.ChoiceField(
        label="What to generate", choices=Generation.Kind.choices, initial=Generation.Kind.DESIGN_SYSTEM
    )
    name = forms.CharField(label="Name (optional)", max_length=services.MAX_NAME_LENGTH, required=False)
    # One key per rendered form: a double submit generates (and charges) once.
    request_key = forms.UUIDField(widget=forms.HiddenInput)

    def clean_seed_color(self):
        seed = self.cleaned_data["seed_color"].strip()
        return f"#{seed}" if seed and not seed.startswith("#") else seed

    def clean(self):
        data = super().clean()
        if "prompt" in data and not data.get("prompt") and not data.get("seed_color"):
            self.add_error("prompt", "Describe your brand or product, or give a brand colour (or both).")
        return data

    def add_service_errors(self, error: DomainError) -> bool:
        """The service's field messages (`seed_color`, `prompt`, `name`) on their fields; False when the
        error is not about this form's fields (credits, the provider), to be shown above the form."""
        if error.code != "invalid" or not error.details or not set(error.details) <= set(self.fields):
            return False
        for field, problems in error.details.items():
            for problem in problems:
                self.add_error(field, problem)
        return True


def _fresh_form(data=None) -> GenerateForm:
    return GenerateForm(data, initial={"request_key": uuid.uuid4()})


def _generate_page(request, form, *, error: DomainError | None = None, status: int = 200):
    costs = list(credit_selectors.feature_costs())
    balance = credit_selectors.balance_of(request.user)
    by_code = {cost.code: cost.credits for cost in costs}
    kind = form["kind"].value() or Generation.Kind.DESIGN_SYSTEM
    context = {
        "form": form,
        "kinds": [
            {"value": value, "label": label, "credits": by_code.get(value), "checked": value == kind}
            for value, label in Generation.Kind.choices
        ],
        "balance": balance,
        "cost": by_code.get(kind, by_code.get(Generation.Kind.DESIGN_SYSTEM)),
        "cheapest": min(by_code.values(), default=0),
        "error": error,
        "error_text": error_text(error) if error else "",
        "insufficient": isinstance(error, InsufficientCredits),
        "limit_reached": isinstance(error, DesignSystemLimitReached),
        "saved": selectors.saved_allowance(request.user),  # the page always saves: full means upgrade first
        # Focus goes to the first problem (the field, or the message above the form), with or without JavaScript.
        "first_invalid": next((name for name in ("prompt", "seed_color", "kind", "name") if form[name].errors), ""),
    }
    if request.headers.get("HX-Request"):
        # htmx swaps only 2xx answers: the panel, with its message, comes back as 200.
        return render(request, "designs/_generate_panel.html", context)
    return render(request, "designs/generate.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def generate(request):
    """Generate a design system (the same service as `POST /api/generate/*`) and open its page."""
    if request.method == "GET":
        return _generate_page(request, _fresh_form())
    form = GenerateForm(request.POST)
    if not form.is_valid():
        return _generate_page(request, form, status=400)
    data = form.cleaned_data
    try:
        generation = services.generation_run(
            user=request.user,
            kind=data["kind"],
            prompt=data["prompt"],
            seed_color=data["seed_color"] or None,
            save=True,
            name=data["name"],
            idempotency_key=f"page:{data['request_key']}",
        )
    except DomainError as error:
        # A new key for the next try: the failed request stays answered by its own outcome.
        retry = _fresh_form({**request.POST.dict(), "request_key": str(uuid.uuid4())})
        retry.is_valid()
        if retry.add_service_errors(error):
            return _generate_page(request, retry, status=error.status_code)
        return _generate_page(request, retry, error=error, status=error.status_code)
    return _follow(request, generation)


def _go(request, target: str):
    """Redirect, the htmx way (HX-Redirect, a full page load) or the plain way."""
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = target
        return response
    return redirect(target)


def _follow(request, generation: Generation):
    """Where a generation leads: its progress page while pending, its design system once it succeeded."""
    if generation.status == Generation.Status.PENDING:
        return _go(request, reverse("generation", args=[generation.pk]))
    if generation.design_system_id is None:  # a retried form whose design system was deleted since
        messages.info(request, "That generation's design system has been deleted.")
        return _go(request, reverse("dashboard"))
    messages.success(
        request,
        f"Generated “{generation.design_system.name}” for {generation.credits_charged} "
        f"credit{'' if generation.credits_charged == 1 else 's'}.",
    )
    return _go(request, reverse("design-system", args=[generation.design_system_id]))


@login_required
@require_GET
def generation_status(request, pk):
    """A queued generation's page: progress while it runs (refreshing itself), then on to the result;
    a failure is shown with the credits returned and a way back to the form."""
    try:
        generation = selectors.generation_of(user=request.user, pk=pk)
    except GenerationNotFound:
        raise Http404("There is no such generation.")
    if generation.status == Generation.Status.SUCCEEDED:
        return _follow(request, generation)
    context = {
        "generation": generation,
        "error": services.user_message(generation) if generation.status == Generation.Status.FAILED else "",
        "insufficient": False,
    }
    if request.headers.get("HX-Request"):
        return render(request, "designs/_generation_progress.html", context)
    return render(request, "designs/generation.html", context)
