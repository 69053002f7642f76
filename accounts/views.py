"""Signing in securely: two-factor codes for staff, and the privacy notice. (A person's own data
download and erasure are the `personal_data` app's.)"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from .forms import TokenForm
from .two_factor import (
    confirmed_device,
    totp_device_confirm,
    totp_device_start,
    totp_qr_svg,
    totp_secret,
    two_factor_required,
)


def _safe_next(request, default="home"):
    """Only ever continue to a page on this site (never `//evil.example` and the like)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


@login_required
@never_cache
def two_factor(request):
    """Confirm a code from the authenticator app; the first time, set the app up with a QR
    code. Either way the person then continues to the page they asked for."""
    user = request.user
    if user.is_verified() or not two_factor_required(user):
        return redirect(_safe_next(request))
    device = confirmed_device(user)
    setting_up = device is None
    if setting_up:
        device = totp_device_start(user=user)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        ok = (
            totp_device_confirm(device=device, token=token)
            if setting_up
            else device.verify_token(token)
        )
        if ok:
            otp_login(request, device)
            if setting_up:
                messages.success(request, "Your authenticator app is set up.")
            return redirect(_safe_next(request))
        form.add_error("token", "That code is not right, or has expired. Try the current one.")
    context = {"form": form, "setting_up": setting_up, "next": _safe_next(request)}
    if setting_up:
        context.update(qr_svg=totp_qr_svg(device), secret=totp_secret(device))
    return render(
        request,
        "accounts/two_factor.html",
        context,
        status=400 if form.errors else 200,
    )


def privacy(request):
    """The privacy notice: what the academy holds, why, for how long, and people's rights."""
    return render(
        request,
        "accounts/privacy.html",
        {"retention_years": settings.ACADEMY_RETENTION_YEARS},
    )
