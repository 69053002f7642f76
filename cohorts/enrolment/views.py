"""The nominator portal: seats on open cohorts, nominating officers one by one or from a file,
and resending, withdrawing or substituting them. Views parse input, check permission, call a
service and render; the rules live in cohorts.services and cohorts.permissions."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.roles import is_nominator

from .. import enrolment_selectors, services
from ..forms.nominations import NominationUploadForm, OfficerForm, WithdrawForm
from ..imports import ImportFileError, read_nominations_file, review_rows
from ..models import Cohort, Enrolment, Organisation
from ..permissions import can_manage_enrolment, can_nominate

OFFICERS_PER_PAGE = 25
# Parsed files wait in the user's session between preview and confirm; keep only a few.
SESSION_KEY = "cohorts_nomination_imports"
MAX_PENDING_IMPORTS = 3


def _check(permission):
    if not permission:
        raise PermissionDenied(permission.reason)


def _add_errors(form, error):
    """Put a service's ValidationError on the form, so the error summary shows it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _nomination_target(request, cohort_pk, organisation_pk):
    cohort = get_object_or_404(Cohort.objects.select_related("programme", "place"), pk=cohort_pk)
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    _check(can_nominate(request.user, cohort, organisation))
    return cohort, organisation


@login_required
def portal(request):
    """Open cohorts the nominator's organisations have seats on, and their officers."""
    user = request.user
    if not is_nominator(user):
        raise PermissionDenied("Only nominators of partner organisations can nominate officers.")
    organisations = list(Organisation.objects.nominated_by(user))
    status = request.GET.get("status", "")
    if status not in Enrolment.Status.values:
        status = ""
    try:
        cohort_id = int(request.GET.get("cohort", "") or 0)
    except ValueError:
        cohort_id = 0
    officers = enrolment_selectors.officers_of(organisations, cohort_id=cohort_id, status=status)
    page = Paginator(officers, OFFICERS_PER_PAGE).get_page(request.GET.get("page"))
    for enrolment in page:
        enrolment.can_resend = enrolment.status == Enrolment.Status.INVITED
        enrolment.can_withdraw = enrolment.status in services.WITHDRAWABLE
        enrolment.can_substitute = enrolment.status in services.SUBSTITUTABLE
    return render(
        request,
        "cohorts/nominate/portal.html",
        {
            "organisations": organisations,
            "seat_lines": enrolment_selectors.open_seat_lines(organisations),
            "page": page,
            "statuses": Enrolment.Status.choices,
            "status": status,
            "cohort_id": cohort_id,
        },
    )


@login_required
def nominate_officer(request, cohort_pk, organisation_pk):
    cohort, organisation = _nomination_target(request, cohort_pk, organisation_pk)
    form = OfficerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enrolment = services.enrolment_nominate(
                actor=request.user, cohort=cohort, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if enrolment.status == Enrolment.Status.WAITING_LIST:
                messages.success(
                    request,
                    f"{enrolment.participant} is on the waiting list: all your seats are taken. "
                    f"We have emailed them.",
                )
            else:
                messages.success(
                    request, f"{enrolment.participant} is nominated and we have emailed them."
                )
            return redirect("cohorts:nominate")
    return render(
        request,
        "cohorts/nominate/officer_form.html",
        {
            "form": form,
            "cohort": cohort,
            "organisation": organisation,
            "seats_left": services.seats_left(cohort, organisation),
            "heading": f"Nominate an officer for {cohort}",
            "button": "Nominate",
        },
    )


def _pending(request):
    return request.session.get(SESSION_KEY, {})


@login_required
def import_upload(request, cohort_pk, organisation_pk):
    """Upload a file of officers; it is read and checked, and nothing is saved yet."""
    cohort, organisation = _nomination_target(request, cohort_pk, organisation_pk)
    form = NominationUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            rows = read_nominations_file(uploaded)
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            key = secrets.token_urlsafe(12)
            pending = _pending(request)
            # Forget the oldest pending files so the session stays small.
            for old in list(pending)[: max(0, len(pending) - MAX_PENDING_IMPORTS + 1)]:
                pending.pop(old)
            pending[key] = {
                "cohort": cohort.pk,
                "organisation": organisation.pk,
                "file_name": uploaded.name[:200],
                "allow_waiting_list": form.cleaned_data["allow_waiting_list"],
                "rows": rows,
            }
            request.session[SESSION_KEY] = pending
            return redirect("cohorts:import_preview", cohort.pk, organisation.pk, key)
    return render(
        request,
        "cohorts/nominate/import_upload.html",
        {
            "form": form,
            "cohort": cohort,
            "organisation": organisation,
            "seats_left": services.seats_left(cohort, organisation),
        },
    )


@login_required
def import_preview(request, cohort_pk, organisation_pk, key):
    """Every row with its problems, or who will be invited and who waits; confirm saves all
    the rows or none."""
    cohort, organisation = _nomination_target(request, cohort_pk, organisation_pk)
    pending = _pending(request).get(key)
    if not pending or pending["cohort"] != cohort.pk or pending["organisation"] != organisation.pk:
        messages.error(request, "That upload has expired or was already imported. Upload it again.")
        return redirect("cohorts:import_upload", cohort.pk, organisation.pk)
    review = None
    if request.method == "POST":
        try:
            enrolments = services.enrolment_bulk_nominate(
                actor=request.user,
                cohort=cohort,
                organisation=organisation,
                rows=pending["rows"],
                allow_waiting_list=pending["allow_waiting_list"],
                file_name=pending["file_name"],
            )
        except services.ImportRejected as rejected:
            review = rejected.review
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("cohorts:nominate")
        else:
            stored = _pending(request)
            stored.pop(key, None)
            request.session[SESSION_KEY] = stored
            waiting = sum(1 for e in enrolments if e.status == Enrolment.Status.WAITING_LIST)
            messages.success(
                request,
                f"{len(enrolments)} officers nominated"
                + (f", {waiting} of them on the waiting list" if waiting else "")
                + ". We are emailing them now.",
            )
            return redirect(f"{reverse('cohorts:nominate')}?cohort={cohort.pk}")
    if review is None:
        review = review_rows(
            cohort=cohort,
            organisation=organisation,
            rows=pending["rows"],
            allow_waiting_list=pending["allow_waiting_list"],
        )
    return render(
        request,
        "cohorts/nominate/import_preview.html",
        {
            "cohort": cohort,
            "organisation": organisation,
            "review": review,
            "file_name": pending["file_name"],
            "allow_waiting_list": pending["allow_waiting_list"],
            "confirm_failed": request.method == "POST",
        },
    )


def _managed_enrolment(request, pk):
    enrolment = get_object_or_404(
        Enrolment.objects.visible_to(request.user).select_related(
            "participant", "organisation", "cohort__programme"
        ),
        pk=pk,
    )
    _check(can_manage_enrolment(request.user, enrolment))
    return enrolment


def _back_to_portal(request):
    return redirect("cohorts:nominate" if is_nominator(request.user) else "home")


@login_required
@require_POST
def enrolment_resend(request, pk):
    enrolment = _managed_enrolment(request, pk)
    try:
        services.invitation_resend(actor=request.user, enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"We are sending {enrolment.participant} a new invitation.")
    return _back_to_portal(request)


@login_required
def enrolment_withdraw(request, pk):
    enrolment = _managed_enrolment(request, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.enrolment_withdraw(
                actor=request.user, enrolment=enrolment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, f"{enrolment.participant} is withdrawn from {enrolment.cohort}."
            )
            return _back_to_portal(request)
    return render(request, "cohorts/nominate/withdraw.html", {"form": form, "enrolment": enrolment})


@login_required
def enrolment_substitute(request, pk):
    enrolment = _managed_enrolment(request, pk)
    form = OfficerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            substitute = services.enrolment_substitute(
                actor=request.user, enrolment=enrolment, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                f"{substitute.participant} takes over {enrolment.participant}'s seat; we have "
                f"emailed them an invitation.",
            )
            return _back_to_portal(request)
    return render(
        request,
        "cohorts/nominate/officer_form.html",
        {
            "form": form,
            "cohort": enrolment.cohort,
            "organisation": enrolment.organisation,
            "replacing": enrolment,
            "heading": f"Substitute another officer for {enrolment.participant}",
            "button": "Substitute",
        },
    )
