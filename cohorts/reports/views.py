"""Reports: the cohort dashboard, a cohort's attendance grid and its exports, attendance rates
across a programme, and a cohort's progress through the programme's modules."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from accounts.permissions import deny
from links.downloads import content_disposition
from modules.models import ProgrammePage
from personal_data.models import PersonalDataAccess, personal_data_access_record

from .. import permissions
from ..models import Cohort
from .dashboard import PER_PAGE, dashboard_cohorts, dashboard_rows
from .exports import EXPORT_FORMATS, grid_export
from .forms import DashboardFilterForm
from .kept_grid import KeptGrid
from .programme import PROGRAMME_COHORT_LIMIT, programme_rates
from .progress import cohort_progress_table


def cohort_dashboard(request):
    """Every cohort a programme manager may see (a facilitator: the cohorts they run), with
    status, seats filled, at risk, next session and mix; each leads into its own screens."""
    permission = permissions.check(request.user, "view-cohort-dashboard")
    if not permission:
        return deny(request, permission)
    form = DashboardFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    cohorts = dashboard_cohorts(
        request.user, programme=filters.get("programme"), status=filters.get("status", "")
    )
    page = Paginator(cohorts, PER_PAGE).get_page(request.GET.get("page"))
    sees_programmes = bool(permissions.check(request.user, "view-programme-attendance"))
    return render(
        request,
        "cohorts/dashboard.html",
        {
            "form": form,
            "filtered": bool(filters.get("programme") or filters.get("status")),
            "page": page,
            "rows": dashboard_rows(page.object_list),
            "programmes": form.fields["programme"].queryset if sees_programmes else None,
        },
    )


def _grid(request, pk):
    cohort = get_object_or_404(
        Cohort.objects.select_related("programme", "place").prefetch_related("facilitators"),
        pk=pk,
    )
    permission = permissions.check(request.user, "view-cohort-attendance", cohort)
    if not permission:
        return None, deny(request, permission)
    return KeptGrid(cohort=cohort, user=request.user), None


def cohort_attendance(request, pk):
    """The cohort's attendance grid, rates and chart (a nominator: their own officers)."""
    grid, denied = _grid(request, pk)
    if denied:
        return denied
    return render(
        request,
        "cohorts/attendance/grid.html",
        {
            "grid": grid,
            "cohort": grid.cohort,
            "can_run": grid.may_run,
            "can_see_programme": bool(permissions.check(request.user, "view-programme-attendance")),
        },
    )


def cohort_attendance_export(request, pk, export_format):
    if export_format not in EXPORT_FORMATS:
        raise Http404("No such export format.")
    grid, denied = _grid(request, pk)
    if denied:
        return denied
    content, content_type, filename = grid_export(grid.grid, export_format)
    personal_data_access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.EXPORTED,
        description=f"Attendance export ({export_format}) of {grid.cohort}",
        object_key=f"cohort:{grid.cohort.pk}",
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    return response


def programme_attendance(request, pk):
    """Attendance rates across every cohort of a programme, for programme managers."""
    programme = get_object_or_404(ProgrammePage, pk=pk)
    permission = permissions.check(request.user, "view-programme-attendance")
    if not permission:
        return deny(request, permission)
    return render(
        request,
        "cohorts/attendance/programme.html",
        {
            "programme": programme,
            "cohorts": programme_rates(programme=programme),
            "limit": PROGRAMME_COHORT_LIMIT,
        },
    )


def cohort_progress(request, pk):
    """For a cohort's facilitators: who completed which module, and how many reflections each
    answered (never the answers)."""
    cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    permission = permissions.check(request.user, "view-cohort-progress", cohort)
    if not permission:
        return deny(request, permission)
    table = cohort_progress_table(cohort)
    return render(request, "modules/cohort_progress.html", {"cohort": cohort, **table})
