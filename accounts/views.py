from django import forms
from django.conf import settings
from django.contrib import auth, messages
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
