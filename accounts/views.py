"""Signing in securely and people's personal data: two-factor codes for staff, the privacy
notice, a person's own data download, and erasure by a programme manager."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from .forms import EraseConfirmForm, TokenForm
from .models import PersonalDataAccess, personal_data_access_record
from .roles import is_programme_manager
from .two_factor import (
    confirmed_device,
    totp_device_confirm,
    totp_device_start,
    totp_qr_svg,
    totp_secret,
    two_factor_required,
)

User = get_user_model()


def _safe_next(request, default="home"):
    """Only ever continue to a page on this site (never `//evil.example` and the like)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    from django.urls import reverse

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
    from django.conf import settings

    return render(
        request,
        "accounts/privacy.html",
        {"retention_years": settings.ACADEMY_RETENTION_YEARS},
    )


@login_required
def my_data(request):
    """The page from which a person downloads everything held about them."""
    return render(request, "accounts/my_data.html", {})


@login_required
@never_cache
def my_data_download(request, export_format):
    from cohorts.personal_data import personal_data_csv, personal_data_export, personal_data_json

    if export_format not in ("json", "csv"):
        from django.http import Http404

        raise Http404("No such format.")
    data = personal_data_export(person=request.user)
    personal_data_access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.EXPORTED,
        description=f"Downloaded their own data ({export_format})",
        object_key=f"person:{request.user.pk}",
        subject=request.user,
    )
    if export_format == "json":
        body, content_type = personal_data_json(data), "application/json"
    else:
        body, content_type = personal_data_csv(data), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="my-academy-data.{export_format}"'
    return response


@login_required
def person_erase(request, pk):
    """A programme manager erases a person's details on request, after confirming."""
    from cohorts.personal_data import person_erase as erase

    if not is_programme_manager(request.user):
        raise PermissionDenied("Only programme managers can erase a person's details.")
    person = get_object_or_404(User, pk=pk)
    if person.erased_at:
        return render(request, "accounts/person_erased.html", {"person": person})
    form = EraseConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            erase(person=person, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Person #{person.pk}'s details are erased.")
            return redirect("accounts:person_erase", pk=person.pk)
    return render(
        request,
        "accounts/person_erase.html",
        {
            "person": person,
            "form": form,
            "enrolments": person.enrolments.select_related("cohort__programme")[:50],
        },
        status=400 if form.errors else 200,
    )
