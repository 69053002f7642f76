"""The personal-data access log as programme managers read it: filtered, paginated, and
exported (formula-safe, through `spreadsheets.writer`). Exporting the log is itself logged."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from accounts.permissions import deny
from spreadsheets.writer import CONTENT_TYPES, write_spreadsheet

from . import permissions
from .forms import AccessLogFilterForm
from .models import PersonalDataAccess, personal_data_access_record

PER_PAGE = 50
# The most rows one export holds (the newest first); filter by dates for older ones.
EXPORT_LIMIT = 50_000
HEADER = ["When", "Who", "Who (email)", "Did", "What", "Whose data", "Whose data (email)"]


def _person(user):
    return (user.get_full_name().strip(), user.email) if user else ("The system", "")


def _rows(form):
    return (
        PersonalDataAccess.objects.search(**form.filters())
        .select_related("actor", "subject")
        .order_by("-at", "-pk")
    )


@login_required
def access_log(request):
    permission = permissions.check(request.user, "view-access-log")
    if not permission:
        return deny(request, permission)
    form = AccessLogFilterForm(request.GET or None)
    page = Paginator(_rows(form), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "personal_data/access_log.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@login_required
@never_cache
def access_log_export(request, export_format):
    if export_format not in CONTENT_TYPES:
        raise Http404("No such format.")
    permission = permissions.check(request.user, "view-access-log")
    if not permission:
        return deny(request, permission)
    form = AccessLogFilterForm(request.GET or None)
    rows = [HEADER]
    for entry in _rows(form)[:EXPORT_LIMIT]:
        rows.append(
            [
                timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
                *_person(entry.actor),
                entry.get_action_display(),
                entry.description,
                *(_person(entry.subject) if entry.subject else ("", "")),
            ]
        )
    personal_data_access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.EXPORTED,
        description=f"Personal data access log ({export_format}, {len(rows) - 1} entries)",
        object_key="access-log",
    )
    response = HttpResponse(
        write_spreadsheet(rows, export_format, title="Access log"),
        content_type=CONTENT_TYPES[export_format],
    )
    response["Content-Disposition"] = (
        f'attachment; filename="personal-data-access-log.{export_format}"'
    )
    return response
