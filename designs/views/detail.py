"""A design system's page (its owner's editor, or anyone's read-only view when public) and the changes to
it: edit (preview, take a variation, save), rename, publish, delete, duplicate."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from designforge.errors import DomainError

from .. import selectors, services
from ..api.preview import requester_key
from ..engine import EXPORT_FORMATS
from ..errors import DesignSystemNotFound, InvalidInput
from . import editor
from .presentation import EXPORT_LABELS, VISION_MODES, error_text
from .specimen import (
    contrast_rows,
    panes,
    radius_samples,
    role_uses,
    shadow_samples,
    spacing_steps,
    swatch_scales,
    theme_roles,
    type_specimen,
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


def _shadcn_install(request, design_system) -> dict:
    """The shadcn CLI command that installs the design system: by its registry item's URL when it is public;
    a private one through a registry in the project's components.json that sends an API key."""
    url = request.build_absolute_uri(reverse("shadcn-registry-item", kwargs={"pk": design_system.pk}))
    registry = {"@designforge": {"url": url.rsplit("/", 1)[0] + "/{name}.json",
                                 "headers": {"Authorization": "Bearer ${DESIGNFORGE_API_KEY}"}}}
    address = url if design_system.is_public else f"@designforge/{design_system.pk}"
    return {
        "shadcn_command": f"npx shadcn@latest add {address}",
        "shadcn_registry": json.dumps({"registries": registry}, indent=2),
    }


def _render(request, design_system, *, tokens=None, report=None, form=None, unsaved=False, status=200):
    """The page for `tokens` (the saved ones unless a preview is shown); for the owner with the editor's
    `form` (the saved intent unless given) and the variations of the intent it holds."""
    tokens = design_system.tokens if tokens is None else tokens
    report = (design_system.report or {}) if report is None else report
    is_owner = request.user.is_authenticated and design_system.owner_id == request.user.pk
    preferred = request.user.preferences.get("export_format", "css") if request.user.is_authenticated else "css"
    vision = request.GET.get("vision", "normal")
    if vision not in dict(VISION_MODES):
        vision = "normal"
    context = {
        "design_system": design_system,
        "is_owner": is_owner,
        "tokens_shown": tokens,
        "report": report,
        "unsaved": unsaved,
        "scales": swatch_scales(tokens),
        "roles": theme_roles(tokens),
        "role_uses": json.dumps(role_uses()),
        "panes": panes(tokens),
        "types": type_specimen(tokens),
        "spaces": spacing_steps(tokens),
        "radii": radius_samples(tokens),
        "shadows": shadow_samples(tokens),
        "typography": tokens.get("typography"),
        "has_colours": "themes" in tokens,
        "contrast_rows": contrast_rows(tokens, report),
        "distance_rows": report.get("status_distances", []),
        "checks": len(report.get("contrast", [])),
        "failing": sum(not row["passes"] for row in report.get("contrast", [])),
        "exports": _export_links(design_system, preferred),
        **_shadcn_install(request, design_system),
        "vision": vision,
        "vision_modes": VISION_MODES,
    }
    if is_owner:
        form = form or editor.initial_form(design_system)
        current = form.current()
        found, paused = ([], "") if current is None else editor.variations(
            intent=current[0], locks=current[1], requester=requester_key(request))
        context.update(
            form=form,
            groups=editor.control_groups(form, tokens),
            pairings=editor.pairing_options(form),
            variations=found,
            variations_paused=paused,
            sections=" ".join(tokens),
            from_tokens=design_system.intent is None,
            saved_intent=json.dumps(editor.saved_intent(design_system)),
        )
    return render(request, "designs/detail.html", context, status=status)


@require_http_methods(["GET"])
def design_system_page(request, pk):
    """The preview of a real product in the system's own tokens (light and dark), the type specimen, space
    and shape, swatches, the contrast report and exports; for the owner, the editor around them."""
    return _render(request, _visible(request, pk))


@login_required
@require_POST
def design_system_edit(request, pk):
    """The editor's form without JavaScript: preview the intent, take a variation (`take`) or save it."""
    design_system = _own(request, pk)
    form = editor.IntentForm(request.POST)
    if not form.is_valid():
        return _render(request, design_system, form=form, status=400)
    take = request.POST.get("take", "")
    try:
        if "save" in request.POST:
            services.design_system_update(design_system=design_system, intent=form.intent())
            messages.success(request, "Saved. Exports and the showcase use the new version now.")
            return redirect("design-system", pk=design_system.pk)
        result = services.preview_run(
            intent=form.intent(), requester=requester_key(request),
            variant_number=int(take) if take.isdigit() else 0, locks=form.locked(),
        )
    except InvalidInput as error:
        form.add_engine_errors(error)
        return _render(request, design_system, form=form, status=400)
    except DomainError as error:
        messages.error(request, error_text(error))
        return _render(request, design_system, form=form, status=error.status_code)
    tokens, report = editor.shown(design_system, result)
    return _render(request, design_system, tokens=tokens, report=report, unsaved=True,
                   form=editor.form_for(result["intent"], form.locked()))


@login_required
@require_POST
def design_system_duplicate(request, pk):
    """A private copy in the requester's own list (of theirs, or of a public one), opened for editing."""
    source = _visible(request, pk)
    try:
        copy = services.design_system_duplicate(design_system=source, owner=request.user)
    except DomainError as error:
        messages.error(request, error_text(error))
        return redirect("design-system", pk=source.pk)
    messages.success(request, f"“{copy.name}” is in your design systems now: edit it as you like.")
    return redirect("design-system", pk=copy.pk)


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
