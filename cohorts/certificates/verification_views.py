"""The public certificate verification pages, at /certificates/ (no sign-in needed): a form to
type a code, and each code's own page saying what the certificate says and whether it is valid."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.client_ip import client_ip

from . import verification
from .forms import VerificationForm


def _too_many(request):
    return render(
        request,
        "cohorts/certificates/verify_limited.html",
        {"minutes": verification.VERIFY_WINDOW_SECONDS // 60},
        status=429,
    )


@require_GET
def verify(request):
    """The form where a verifier types a code; it leads to the code's own page."""
    form = VerificationForm(request.GET or None)
    if request.GET and form.is_valid():
        code = form.cleaned_data["code"]
        display = "-".join(code[i : i + 4] for i in range(0, len(code), 4))
        return redirect("certificates:verify", display)
    return render(
        request,
        "cohorts/certificates/verify_form.html",
        {"form": form},
        status=400 if request.GET else 200,
    )


@require_GET
@never_cache
def verify_code(request, code):
    """What the certificate with this code says, and whether it is valid or revoked (and
    when). An unknown code gets the same page with "not found", as a 404; too many of those
    from one address in ten minutes and it gets a 429 instead."""
    client = client_ip(request)
    if verification.verification_blocked(client=client):
        return _too_many(request)
    certificate = verification.certificate_lookup(typed=code)
    if certificate is None:
        verification.verification_failed(client=client)
        return render(
            request,
            "cohorts/certificates/verify_result.html",
            {"certificate": None, "form": VerificationForm()},
            status=404,
        )
    if code != certificate.display_code:
        return redirect(reverse("certificates:verify", args=[certificate.display_code]))
    return render(
        request,
        "cohorts/certificates/verify_result.html",
        {"certificate": certificate, "form": VerificationForm()},
    )
