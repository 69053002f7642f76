"""The nominator portal: seats on open cohorts, nominating officers one by one or from a file,
and resending, withdrawing or substituting them. Views parse input, check permission, call a
service and render; the rules live in the services, `seats` and `cohorts.permissions`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from accounts.permissions import deny
from accounts.roles import is_programme_manager
from links.downloads import content_disposition
from spreadsheets.formats import SpreadsheetError
from spreadsheets.uploads import UploadStore

from .. import permissions
from ..models import Cohort, Enrolment, Organisation
from . import services
from .back import add_errors, back_to, back_url, portal_url
from .forms import NominationUploadForm, OfficerForm
from .imports import TEMPLATE_FORMATS, nominations_template, read_nominations_file, review_rows
from .portal import PortalView, portal_body
from .seats import seats_for

# An uploaded file waits here between its preview and the nominator's confirmation.
UPLOADS = UploadStore("nominations")


def _nomination_target(request, cohort_pk, organisation_pk):
    """The cohort and organisation in the address, and whether this person may nominate."""
    cohort = get_object_or_404(Cohort.objects.select_related("programme", "place"), pk=cohort_pk)
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    return cohort, organisation, permissions.check(request.user, "nominate", cohort, organisation)


ORGANISATIONS_PER_PAGE = 50


def _acting_for(request):
    """The organisation a programme manager acts for (?organisation=id), or None."""
    try:
        pk = int(request.GET.get("organisation", "") or 0)
    except ValueError:
        return None
    return Organisation.objects.filter(pk=pk).first() if pk else None


@login_required
def portal(request):
    """Open cohorts the nominator's organisations have seats on, and their officers. A
    programme manager picks an organisation and sees the portal as its nominator would, to act
    for it (through the same services: seats, history and notifications hold)."""
    user = request.user
    permission = permissions.check(user, "use-nominator-portal")
    if not permission:
        return deny(request, permission)
    acting_for = _acting_for(request) if is_programme_manager(user) else None
    if is_programme_manager(user) and acting_for is None:
        organisations = Paginator(
            Organisation.objects.select_related("place").order_by("name"), ORGANISATIONS_PER_PAGE
        ).get_page(request.GET.get("page"))
        return render(
            request, "cohorts/nominate/choose_organisation.html", {"organisations": organisations}
        )
    organisations = [acting_for] if acting_for else list(Organisation.objects.nominated_by(user))
    view = PortalView.from_request(request, organisations, acting_for)
    return render(request, "cohorts/nominate/portal.html", {"body": portal_body(request, view)})


@login_required
def nominate_officer(request, cohort_pk, organisation_pk):
    cohort, organisation, permission = _nomination_target(request, cohort_pk, organisation_pk)
    if not permission:
        return deny(request, permission)
    form = OfficerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enrolment = services.enrolment_nominate(
                actor=request.user, cohort=cohort, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
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
            return redirect(back_url(request, cohort=cohort, organisation=organisation))
    return render(
        request,
        "cohorts/nominate/officer_form.html",
        {
            "form": form,
            "cohort": cohort,
            "organisation": organisation,
            "seats_left": seats_for(cohort, organisation).left,
            "heading": f"Nominate an officer for {cohort}",
            "back": back_to(request),
            "back_url": back_url(request, cohort=cohort, organisation=organisation),
            "button": "Nominate",
        },
    )


@login_required
def nomination_template(request, export_format):
    """The spreadsheet to fill in: the header row the import reads, in CSV or Excel."""
    if export_format not in TEMPLATE_FORMATS:
        raise Http404("No such spreadsheet format.")
    permission = permissions.check(request.user, "download-nomination-template")
    if not permission:
        return deny(request, permission)
    content, content_type, filename = nominations_template(export_format)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    return response


@login_required
def import_upload(request, cohort_pk, organisation_pk):
    """Upload a file of officers; it is read and checked, and nothing is saved yet."""
    cohort, organisation, permission = _nomination_target(request, cohort_pk, organisation_pk)
    if not permission:
        return deny(request, permission)
    form = NominationUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            read_nominations_file(uploaded)
        except SpreadsheetError as error:
            form.add_error("file", str(error))
        else:
            uploaded.seek(0)
            key = UPLOADS.save(
                owner=request.user,
                data=uploaded.read(),
                meta={
                    "cohort": cohort.pk,
                    "organisation": organisation.pk,
                    "file_name": uploaded.name[:200],
                    "allow_waiting_list": form.cleaned_data["allow_waiting_list"],
                },
            )
            return redirect("cohorts:import_preview", cohort.pk, organisation.pk, key)
    return render(
        request,
        "cohorts/nominate/import_upload.html",
        {
            "form": form,
            "cohort": cohort,
            "organisation": organisation,
            "seats_left": seats_for(cohort, organisation).left,
            "back_url": back_url(request, cohort=cohort, organisation=organisation),
        },
    )


@login_required
def import_preview(request, cohort_pk, organisation_pk, key):
    """Every row with its problems, or who will be invited and who waits; confirm saves all
    the rows or none."""
    cohort, organisation, permission = _nomination_target(request, cohort_pk, organisation_pk)
    if not permission:
        return deny(request, permission)
    upload = UPLOADS.load(key=key, owner=request.user)
    pending = upload.meta if upload else None
    if not pending or pending["cohort"] != cohort.pk or pending["organisation"] != organisation.pk:
        messages.error(request, "That upload has expired or was already imported. Upload it again.")
        return redirect("cohorts:import_upload", cohort.pk, organisation.pk)
    # The file was read when it was uploaded: it reads the same again.
    rows = read_nominations_file(ContentFile(upload.data, name=pending["file_name"]))
    review = None
    if request.method == "POST":
        try:
            enrolments = services.enrolment_bulk_nominate(
                actor=request.user,
                cohort=cohort,
                organisation=organisation,
                rows=rows,
                allow_waiting_list=pending["allow_waiting_list"],
                file_name=pending["file_name"],
            )
        except services.ImportRejected as rejected:
            review = rejected.review
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("cohorts:nominate")
        else:
            UPLOADS.remove(key=key)
            waiting = sum(1 for e in enrolments if e.status == Enrolment.Status.WAITING_LIST)
            messages.success(
                request,
                f"{len(enrolments)} officers nominated"
                + (f", {waiting} of them on the waiting list" if waiting else "")
                + ". We are emailing them now.",
            )
            if back_to(request) == "cohort":
                return redirect("cohorts:overview", cohort.pk)
            return redirect(
                portal_url(request, organisation, cohort=cohort.pk) + "#officers-heading"
            )
    if review is None:
        review = review_rows(
            cohort=cohort,
            organisation=organisation,
            rows=rows,
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
