from django import forms
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from designforge.errors import DomainError
from designforge.plans import limits_for

from . import selectors, services
from .preferences import PREFERENCES

NEW_KEY_SESSION = "new_api_key"


class DevSignInForm(forms.Form):
    email = forms.EmailField(label="E-mail", max_length=320)


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or settings.LOGIN_REDIRECT_URL
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return settings.LOGIN_REDIRECT_URL
    return target


def dev_sign_in_enabled() -> bool:
    """Development sign-in needs DEBUG too: settings refuse to start with it on and DEBUG off, and
    this second check holds even if a deployment toggles one without the other."""
    return settings.DEV_SIGN_IN and settings.DEBUG


@require_http_methods(["GET", "POST"])
def sign_in(request):
    """Clerk's sign-in UI when configured; otherwise, in development, a form that signs in as any e-mail."""
    form = DevSignInForm(request.POST or None)
    if request.method == "POST":
        if not dev_sign_in_enabled():
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


class PreferencesForm(forms.Form):
    theme = forms.ChoiceField(
        label=PREFERENCES["theme"][0], choices=PREFERENCES["theme"][1], widget=forms.RadioSelect
    )
    export_format = forms.ChoiceField(label=PREFERENCES["export_format"][0], choices=PREFERENCES["export_format"][1])


class ApiKeyForm(forms.Form):
    name = forms.CharField(label="Key name", max_length=100, help_text='What it is for, e.g. "CI exports".')


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """The profile Clerk holds for the user, their preferences (saved through the accounts service)
    and their personal API keys."""
    form = _preferences_form(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update_preferences(user=request.user, changes=form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Preferences saved.")
            return redirect("account")
    return _account_page(request, form=form)


def _preferences_form(request, data=None) -> PreferencesForm:
    prefs = request.user.preferences
    initial = {"theme": prefs.get("theme", "system"), "export_format": prefs.get("export_format", "css")}
    return PreferencesForm(data, initial=initial)


def _account_page(request, *, form=None, key_form=None, status=200):
    context = {
        "form": form or _preferences_form(request),
        "key_form": key_form or ApiKeyForm(),
        "api_keys": selectors.active_api_keys_of(request.user),
        "api_key_allowance": limits_for(request.user).api_keys,
        # The whole key, made by the previous request: shown on this page once, then gone from the session.
        "new_api_key": request.session.pop(NEW_KEY_SESSION, None),
        # Without the Clerk Backend API there is nothing to sync from: the button is off, with a reason.
        "clerk_sync": bool(settings.CLERK_SECRET_KEY),
    }
    return render(request, "accounts/account.html", context, status=status)


@login_required
@require_POST
def api_key_create(request):
    """Make a key (the same service as `POST /api/keys`); the page after the redirect shows it once."""
    key_form = ApiKeyForm(request.POST)
    if key_form.is_valid():
        try:
            key, secret = services.api_key_create(user=request.user, name=key_form.cleaned_data["name"])
        except DomainError as error:
            messages.error(request, error.message)
        else:
            request.session[NEW_KEY_SESSION] = {"name": key.name, "key": secret}
            return redirect("account")
    return _account_page(request, key_form=key_form, status=400 if key_form.errors else 200)


@login_required
@require_POST
def api_key_revoke(request, pk: int):
    try:
        key = services.api_key_revoke(user=request.user, key_id=pk)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"The key {key.prefix}… ({key.name}) is revoked: it stops working now.")
    return redirect("account")


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
