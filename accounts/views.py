from django import forms
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from designforge.errors import DomainError

from . import services


class DevSignInForm(forms.Form):
    email = forms.EmailField(label="E-mail", max_length=320)


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or settings.LOGIN_REDIRECT_URL
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return settings.LOGIN_REDIRECT_URL
    return target


@require_http_methods(["GET", "POST"])
def sign_in(request):
    """Clerk's sign-in UI when configured; otherwise, in development, a form that signs in as any e-mail."""
    form = DevSignInForm(request.POST or None)
    if request.method == "POST":
        if not settings.DEV_SIGN_IN:
            raise Http404("Development sign-in is off.")
        if form.is_valid():
            try:
                user = services.user_sign_in_dev(email=form.cleaned_data["email"])
            except DomainError as error:
                messages.error(request, error.message)
            else:
                auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                return redirect(_next_url(request))
    if request.user.is_authenticated and request.method == "GET":
        return redirect(_next_url(request))
    return render(request, "accounts/sign_in.html", {"form": form, "next": _next_url(request)})


@require_POST
def sign_out(request):
    auth.logout(request)
    response = redirect("/")
    response.delete_cookie("__session")
    return response


THEME_CHOICES = [("system", "Follow my device"), ("light", "Light"), ("dark", "Dark")]
# The design exports (designs.engine.EXPORT_FORMATS; a test keeps the two in step). Accounts sits under
# designs, so it names them rather than importing them.
EXPORT_FORMAT_CHOICES = [
    ("css", "CSS custom properties"),
    ("scss", "SCSS variables"),
    ("tailwind", "Tailwind CSS v4 theme"),
    ("dtcg", "W3C design tokens (JSON)"),
    ("json", "Raw tokens (JSON)"),
]


class PreferencesForm(forms.Form):
    theme = forms.ChoiceField(label="Dashboard theme", choices=THEME_CHOICES, widget=forms.RadioSelect)
    export_format = forms.ChoiceField(label="Default export format", choices=EXPORT_FORMAT_CHOICES)


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """The profile Clerk holds for the user, and their preferences (saved through the accounts service)."""
    prefs = request.user.preferences
    initial = {"theme": prefs.get("theme", "system"), "export_format": prefs.get("export_format", "css")}
    form = PreferencesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update_preferences(user=request.user, changes=form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Preferences saved.")
            return redirect("account")
    return render(request, "accounts/account.html", {"form": form})


@login_required
@require_POST
def account_sync(request):
    """Re-read the user's profile from Clerk (the same service as `POST /api/me/sync`)."""
    try:
        user = services.user_sync_from_clerk(user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if user.is_closed:
            auth.logout(request)
            messages.info(request, "Clerk no longer knows this account, so it has been closed.")
            return redirect("/")
        messages.success(request, "Your profile was updated from Clerk.")
    return redirect("account")
