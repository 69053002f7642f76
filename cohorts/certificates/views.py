"""Completion and certificates: each participant's standing against the completion rule, the
facilitators' sign-off and issue actions, the confirmed bulk issue of a closed cohort, and
downloads for each role. The public verification pages are `verification_views`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import deny
from links.downloads import content_disposition

from .. import permissions
from ..completion.forms import SignOffWithdrawForm
from ..completion.services import completion_sign_off, completion_sign_off_withdraw
from ..completion.standing import standings_for
from ..models import Certificate, CertificateBulkIssue, Cohort, CompletionSignOff, Enrolment
from ..record_versions import cohort_record_versions
from . import bulk, pdf, services
from .forms import BulkIssueConfirmForm, ReissueForm, RevokeForm
from .table import completion_list, completion_table

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
    permission = permissions.check(user, "see-own-certificates")
    if not permission:
        return deny(request, permission)
    enrolments = (
        _enrolments()
        .filter(pk__in=Enrolment.objects.visible_to(user).values("pk"))
        .filter(Q(participant=user) | Q(organisation__nominators=user))
        .active()
        .distinct()
        .order_by("-cohort__starts_on", "participant__last_name", "pk")
    )
    page = Paginator(enrolments, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cohorts/certificates/mine.html", {"page": page, "rows": _rows(page)})


@login_required
def cohort_completion(request, pk):
    """Everyone's standing on a cohort (a nominator sees their own officers only), with the
    sign-off, issue, re-issue and revoke actions for those who run it."""
    # Its facilitators come with it: both permissions below ask whether the viewer is one.
    cohort = get_object_or_404(
        Cohort.objects.select_related("programme", "place").prefetch_related("facilitators"),
        pk=pk,
    )
    permission = permissions.check(request.user, "view-completion", cohort)
    if not permission:
        return deny(request, permission)
    versions = cohort_record_versions([cohort.pk])  # read before the rows it keeps
    listed = completion_list(
        request.user,
        cohort,
        versions=versions,
        sees_everyone=bool(permissions.check(request.user, "run-cohort", cohort)),
    )
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    can_issue = bool(permissions.check(request.user, "issue-certificates", cohort))
    # Bulk issues are followed by those who may issue: nobody else may open one.
    runs = cohort.certificate_runs.all()[:5] if can_issue else []
    table = completion_table(
        request,
        cohort,
        list(page.object_list),
        queryset=_enrolments(),
        can_issue=can_issue,
        versions=versions,
    )
    return render(
        request,
        "cohorts/certificates/completion.html",
        {
            "cohort": cohort,
            "page": page,
            "rows": table.rows,
            "can_issue": can_issue,
            # The downloads of every certificate are offered once there is one to download.
            "has_certificates": table.has_certificates,
            "runs": runs,
        },
    )


def _runnable_enrolment(request, pk):
    enrolment = get_object_or_404(
        _enrolments().filter(pk__in=Enrolment.objects.visible_to(request.user).values("pk")),
        pk=pk,
    )
    return enrolment, permissions.check(request.user, "issue-certificates", enrolment.cohort)


@login_required
@require_POST
def enrolment_sign_off(request, pk):
    enrolment, permission = _runnable_enrolment(request, pk)
    if not permission:
        return deny(request, permission)
    try:
        completion_sign_off(enrolment=enrolment, signed_off_by=request.user)
        messages.success(request, f"{enrolment.participant} signed off as completed.")
    except ValidationError as error:
        messages.error(request, _errors(error))
    return redirect("cohorts:cohort_completion", enrolment.cohort_id)


@login_required
def enrolment_sign_off_withdraw(request, pk):
    """Withdraw a sign-off, saying why: the reason is kept in the cohort's history."""
    enrolment, permission = _runnable_enrolment(request, pk)
    if not permission:
        return deny(request, permission)
    sign_off = CompletionSignOff.objects.filter(enrolment=enrolment).first()
    if sign_off is None:
        messages.info(request, f"{enrolment.participant} is not signed off.")
        return redirect("cohorts:cohort_completion", enrolment.cohort_id)
    form = SignOffWithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            completion_sign_off_withdraw(
                enrolment=enrolment, withdrawn_by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            messages.success(request, f"Sign-off withdrawn for {enrolment.participant}.")
            return redirect("cohorts:cohort_completion", enrolment.cohort_id)
    return render(
        request,
        "cohorts/certificates/sign_off_withdraw.html",
        {"enrolment": enrolment, "sign_off": sign_off, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def certificate_issue(request, pk):
    enrolment, permission = _runnable_enrolment(request, pk)
    if not permission:
        return deny(request, permission)
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
    return cohort, permissions.check(request.user, "issue-certificates", cohort)


@login_required
def bulk_issue(request, pk):
    """Shows who will get a certificate and who will not (and why); issues nothing until the
    facilitator ticks the box and confirms."""
    cohort, permission = _runnable_cohort(request, pk)
    if not permission:
        return deny(request, permission)
    preview = bulk.certificate_bulk_issue_preview(cohort=cohort)
    signed = BulkIssueConfirmForm.sign(preview.enrolment_ids)
    form = BulkIssueConfirmForm(
        request.POST if request.method == "POST" else None, initial={"enrolments": signed}
    )
    if request.method == "POST" and form.is_valid():
        try:
            job = bulk.certificate_bulk_issue(
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
    permission = permissions.check(request.user, "issue-certificates", job.cohort)
    if not permission:
        return deny(request, permission)
    return render(request, "cohorts/certificates/bulk_progress.html", {"job": job})


def _pdf_response(data: bytes, filename: str):
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(filename)
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
    data = pdf.certificate_pdf_bytes(certificate)
    return _pdf_response(data, pdf.certificate_filename(certificate))


@login_required
@require_GET
def cohort_certificates_download(request, pk, export_format):
    """All of a cohort's valid certificates as one ZIP of PDFs, or one merged PDF."""
    cohort, permission = _runnable_cohort(request, pk)
    if not permission:
        return deny(request, permission)
    if export_format not in ("zip", "pdf"):
        raise Http404
    certificates = list(
        Certificate.objects.valid()
        .filter(enrolment__cohort=cohort)
        .select_related("enrolment__cohort")
        .order_by("holder_name", "pk")[: pdf.COHORT_DOWNLOAD_LIMIT]
    )
    if not certificates:
        messages.error(request, "This cohort has no certificates to download yet.")
        return redirect("cohorts:cohort_completion", cohort.pk)
    stem = f"certificates-cohort-{cohort.pk}"
    if export_format == "zip":
        response = HttpResponse(pdf.certificates_zip(certificates), "application/zip")
        response["Content-Disposition"] = content_disposition(f"{stem}.zip")
        return response
    return _pdf_response(pdf.certificates_merged_pdf(certificates), f"{stem}.pdf")


def _runnable_certificate(request, pk):
    certificate = get_object_or_404(
        Certificate.objects.visible_to(request.user).select_related(
            "enrolment__cohort__programme", "enrolment__participant"
        ),
        pk=pk,
    )
    cohort = certificate.enrolment.cohort
    return certificate, permissions.check(request.user, "issue-certificates", cohort)


def _certificate_form(request, pk, form_class, action, template):
    certificate, permission = _runnable_certificate(request, pk)
    if not permission:
        return deny(request, permission)
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
