"""A design system's page (its owner's, or anyone's when public) and the owner's changes to it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from designforge.errors import DomainError

from .. import selectors, services
from ..engine import EXPORT_FORMATS
from ..errors import DesignSystemNotFound
from .presentation import (
    EXPORT_LABELS,
    PREVIEW_CHART,
    VISION_MODES,
    contrast_rows,
    error_text,
    previews,
    spacing_scale,
    swatch_scales,
    type_scale,
)


def _visible(request, pk):
    """The design system if the requester may see it (their own, or a public one); 404 otherwise."""
    try:
        return selectors.design_system_for_export(pk=pk, user=request.user)
    except DesignSystemNotFound:
        raise Http404("There is no such design system.")


def _own(request, pk):
    try:
        return selectors.design_system_of(user=request.user, pk=pk)
    except DesignSystemNotFound:
        raise Http404("There is no such design system.")


def _export_links(design_system, preferred: str) -> list[dict]:
    formats = sorted(EXPORT_FORMATS, key=lambda fmt: fmt != preferred)
    return [
        {
            "format": fmt,
            "label": EXPORT_LABELS.get(fmt, fmt),
            "url": reverse("api-design-system-export", kwargs={"pk": design_system.pk, "file_format": fmt}),
            "preferred": fmt == preferred,
        }
        for fmt in formats
    ]


@require_http_methods(["GET"])
def design_system_page(request, pk):
    """Swatches, a light and dark preview of real components in the system's own tokens, a colour-vision
    switch, the contrast report and the export downloads; for the owner also rename, publish and delete."""
    design_system = _visible(request, pk)
    tokens = design_system.tokens
    is_owner = request.user.is_authenticated and design_system.owner_id == request.user.pk
    preferred = request.user.preferences.get("export_format", "css") if request.user.is_authenticated else "css"
    vision = request.GET.get("vision", "normal")
    if vision not in dict(VISION_MODES):
        vision = "normal"
    report = design_system.report or {}
    context = {
        "design_system": design_system,
        "is_owner": is_owner,
        "scales": swatch_scales(tokens),
        "previews": previews(tokens),
        "types": type_scale(tokens),
        "spaces": spacing_scale(tokens),
        "typography": tokens.get("typography"),
        "contrast_rows": contrast_rows(tokens, report),
        "distance_rows": report.get("status_distances", []),
        "failing": sum(not row["passes"] for row in report.get("contrast", [])),
        "exports": _export_links(design_system, preferred),
        "vision": vision,
        "vision_modes": VISION_MODES,
        "chart_heights": PREVIEW_CHART,
    }
    return render(request, "designs/detail.html", context)


@login_required
@require_POST
def design_system_rename(request, pk):
    design_system = _own(request, pk)
    try:
        services.design_system_update(design_system=design_system, name=request.POST.get("name", ""))
    except DomainError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, "Renamed.")
    return redirect("design-system", pk=design_system.pk)


@login_required
@require_POST
def design_system_visibility(request, pk):
    design_system = _own(request, pk)
    make_public = request.POST.get("is_public") == "true"
    try:
        services.design_system_update(design_system=design_system, is_public=make_public)
    except DomainError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, "Published to the showcase: anyone with the link can see and export it." if make_public
            else "Made private: only you can see it now."
        )
    return redirect("design-system", pk=design_system.pk)


@login_required
@require_POST
def design_system_delete(request, pk):
    design_system = _own(request, pk)
    name = design_system.name
    try:
        services.design_system_delete(design_system=design_system)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("design-system", pk=pk)
    messages.success(request, f"Deleted “{name}”.")
    return redirect("dashboard")
