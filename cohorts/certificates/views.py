"""Completion and certificates: each participant's standing against the completion rule, the
facilitators' sign-off and issue actions, the confirmed bulk issue of a closed cohort, downloads
for each role, and the public verification pages (cohorts.certificate_urls)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .. import certificates as services
from ..completion import completion_sign_off, completion_sign_off_withdraw, standings_for
from ..forms.certificates import (
    BulkIssueConfirmForm,
    ReissueForm,
    RevokeForm,
    VerificationForm,
)
from ..models import Certificate, CertificateBulkIssue, Cohort, Enrolment
from ..permissions import can_issue_certificates, can_view_completion

PER_PAGE = 50


def _errors(error: ValidationError):
    return " ".join(error.messages)


def _rows(page):
    """Each enrolment on the page with its standing and certificate (if any)."""
    standings = standings_for(page.object_list)
    return [(standings[e.pk], getattr(e, "certificate", None)) for e in page.object_list]


def _enrolments():
    return Enrolment.objects.select_related(
        "participant", "organisation", "cohort__programme", "cohort__place", "certificate"
    )


@login_required
def my_certificates(request):
    """A participant's own standing and certificates, and a nominator's officers'."""
    user = request.user
    enrolments = (
        _enrolments()
        .filter(pk__in=Enrolment.objects.visible_to(user).values("pk"))
        .filter(Q(participant=user) | Q(organisation__nominators=user))
        .filter(status__in=Enrolment.ACTIVE)
        .distinct()
        .order_by("-cohort__starts_on", "participant__last_name", "pk")
    )
    page = Paginator(enrolments, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cohorts/certificates/mine.html", {"page": page, "rows": _rows(page)})


@login_required
def cohort_completion(request, pk):
    """Everyone's standing on a cohort (a nominator sees their own officers only), with the
    sign-off, issue, re-issue and revoke actions for those who run it."""
    cohort = get_object_or_404(Cohort.objects.select_related("programme", "place"), pk=pk)
    permission = can_view_completion(request.user, cohort)
    if not permission:
        raise PermissionDenied(permission.reason)
    enrolments = (
        _enrolments()
        .filter(pk__in=Enrolment.objects.visible_to(request.user).values("pk"))
        .filter(cohort=cohort, status__in=Enrolment.ACTIVE)
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
    page = Paginator(enrolments, PER_PAGE).get_page(request.GET.get("page"))
    runs = cohort.certificate_runs.all()[:5]
    return render(
        request,
        "cohorts/certificates/completion.html",
        {
            "cohort": cohort,
            "page": page,
            "rows": _rows(page),
            "can_issue": bool(can_issue_certificates(request.user, cohort)),
            "runs": runs,
        },
    )


def _runnable_enrolment(request, pk):
    enrolment = get_object_or_404(
        _enrolments().filter(pk__in=Enrolment.objects.visible_to(request.user).values("pk")),
        pk=pk,
    )
    permission = can_issue_certificates(request.user, enrolment.cohort)
    if not permission:
        raise PermissionDenied(permission.reason)
    return enrolment


@login_required
@require_POST
def enrolment_sign_off(request, pk):
    enrolment = _runnable_enrolment(request, pk)
    try:
        if request.POST.get("action") == "withdraw":
            completion_sign_off_withdraw(enrolment=enrolment)
            messages.success(request, f"Sign-off withdrawn for {enrolment.participant}.")
        else:
            completion_sign_off(enrolment=enrolment, signed_off_by=request.user)
            messages.success(request, f"{enrolment.participant} signed off as completed.")
    except ValidationError as error:
        messages.error(request, _errors(error))
    return redirect("cohorts:cohort_completion", enrolment.cohort_id)


@login_required
@require_POST
def certificate_issue(request, pk):
    enrolment = _runnable_enrolment(request, pk)
    try:
        services.certificate_issue(enrolment=enrolment, issued_by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(
            request, f"Certificate issued to {enrolment.participant}; they are being emailed."
        )
    return redirect("cohorts:cohort_completion", enrolment.cohort_id)


def _runnable_cohort(request, pk):
    cohort = get_object_or_404(
        Cohort.objects.visible_to(request.user).select_related("programme", "place"), pk=pk
    )
    permission = can_issue_certificates(request.user, cohort)
    if not permission:
        raise PermissionDenied(permission.reason)
    return cohort


@login_required
def bulk_issue(request, pk):
    """Shows who will get a certificate and who will not (and why); issues nothing until the
    facilitator ticks the box and confirms."""
    cohort = _runnable_cohort(request, pk)
    preview = services.certificate_bulk_issue_preview(cohort=cohort)
    signed = BulkIssueConfirmForm.sign(preview.enrolment_ids)
    form = BulkIssueConfirmForm(
        request.POST if request.method == "POST" else None, initial={"enrolments": signed}
    )
    if request.method == "POST" and form.is_valid():
        try:
            job = services.certificate_bulk_issue(
                cohort=cohort,
                requested_by=request.user,
                enrolment_ids=form.cleaned_data["enrolments"],
            )
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            return redirect("cohorts:certificate_bulk_progress", job.pk)
    if request.method == "POST":
        # Always confirm against the list shown on this page now, not the one first shown.
        form.data = form.data.copy()
        form.data["enrolments"] = signed
    return render(
        request,
        "cohorts/certificates/bulk_issue.html",
        {
            "cohort": cohort,
            "preview": preview,
            "form": form,
            "is_closed": cohort.status == Cohort.Status.CLOSED,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@never_cache
def bulk_issue_progress(request, pk):
    job = get_object_or_404(
        CertificateBulkIssue.objects.select_related("cohort__programme", "requested_by"), pk=pk
    )
    if not Cohort.objects.visible_to(request.user).filter(pk=job.cohort_id).exists():
        raise Http404
    permission = can_issue_certificates(request.user, job.cohort)
    if not permission:
        raise PermissionDenied(permission.reason)
    return render(request, "cohorts/certificates/bulk_progress.html", {"job": job})


def _pdf_response(data: bytes, filename: str):
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def certificate_download(request, pk):
    """One certificate, for its holder, their nominator, and those who run the cohort. Anyone
    else (and a revoked certificate) gets a 404."""
    certificate = get_object_or_404(
        Certificate.objects.visible_to(request.user).valid().select_related("enrolment__cohort"),
        pk=pk,
    )
    data = services.certificate_pdf_bytes(certificate)
    return _pdf_response(data, services.certificate_filename(certificate))


@login_required
@require_GET
def cohort_certificates_download(request, pk, export_format):
    """All of a cohort's valid certificates as one ZIP of PDFs, or one merged PDF."""
    cohort = _runnable_cohort(request, pk)
    if export_format not in ("zip", "pdf"):
        raise Http404
    certificates = list(
        Certificate.objects.valid()
        .filter(enrolment__cohort=cohort)
        .select_related("enrolment__cohort")
        .order_by("holder_name", "pk")[: services.COHORT_DOWNLOAD_LIMIT]
    )
    if not certificates:
        messages.error(request, "This cohort has no certificates to download yet.")
        return redirect("cohorts:cohort_completion", cohort.pk)
    stem = f"certificates-cohort-{cohort.pk}"
    if export_format == "zip":
        response = HttpResponse(services.certificates_zip(certificates), "application/zip")
        response["Content-Disposition"] = f'attachment; filename="{stem}.zip"'
        return response
    return _pdf_response(services.certificates_merged_pdf(certificates), f"{stem}.pdf")


def _runnable_certificate(request, pk):
    certificate = get_object_or_404(
        Certificate.objects.visible_to(request.user).select_related(
            "enrolment__cohort__programme", "enrolment__participant"
        ),
        pk=pk,
    )
    permission = can_issue_certificates(request.user, certificate.enrolment.cohort)
    if not permission:
        raise PermissionDenied(permission.reason)
    return certificate


def _certificate_form(request, pk, form_class, action, template):
    certificate = _runnable_certificate(request, pk)
    initial = {"holder_name": certificate.holder_name}
    form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            action(certificate, request.user, form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, _errors(error))
        else:
            return redirect("cohorts:cohort_completion", certificate.enrolment.cohort_id)
    events = certificate.events.select_related("actor")[:20]
    return render(
        request,
        template,
        {"certificate": certificate, "form": form, "events": events},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def certificate_reissue(request, pk):
    def action(certificate, user, data):
        services.certificate_reissue(
            certificate=certificate,
            reissued_by=user,
            holder_name=data["holder_name"],
            reason=data["reason"],
        )
        messages.success(request, "Certificate re-issued with the same verification code.")

    return _certificate_form(request, pk, ReissueForm, action, "cohorts/certificates/reissue.html")


@login_required
def certificate_revoke(request, pk):
    def action(certificate, user, data):
        services.certificate_revoke(certificate=certificate, revoked_by=user, reason=data["reason"])
        messages.success(request, "Certificate revoked.")

    return _certificate_form(request, pk, RevokeForm, action, "cohorts/certificates/revoke.html")


# --- Public verification ---------------------------------------------------------------------


def _client(request):
    """The visitor's address, read from the same request headers the sign-in lockout trusts
    (AXES_IPWARE_META_PRECEDENCE_ORDER: REMOTE_ADDR unless a proxy's header is configured)."""
    order = getattr(settings, "AXES_IPWARE_META_PRECEDENCE_ORDER", None) or ["REMOTE_ADDR"]
    for key in order:
        value = request.META.get(key, "")
        if value:
            # A proxy's X-Forwarded-For lists the client first.
            return value.split(",")[0].strip()
    return "unknown"


def _too_many(request):
    return render(
        request,
        "cohorts/certificates/verify_limited.html",
        {"minutes": services.VERIFY_WINDOW_SECONDS // 60},
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
    client = _client(request)
    if services.verification_blocked(client=client):
        return _too_many(request)
    certificate = services.certificate_lookup(typed=code)
    if certificate is None:
        services.verification_failed(client=client)
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
