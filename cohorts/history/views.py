"""The cohort history page."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from accounts.permissions import deny
from personal_data.models import PersonalDataAccess, personal_data_access_record

from .. import permissions
from ..models import Cohort
from .forms import HistoryFilterForm
from .selectors import cohort_history as history_rows
from .selectors import history_entries

PER_PAGE = 50


@login_required
def cohort_history(request, pk):
    cohort = get_object_or_404(Cohort.objects.select_related("programme", "place"), pk=pk)
    permission = permissions.check(request.user, "view-cohort-history", cohort)
    if not permission:
        return deny(request, permission)
    form = HistoryFilterForm(request.GET or None, cohort=cohort)
    kinds = person = None
    if form.is_bound and form.is_valid():
        kinds = [form.cleaned_data["kind"]] if form.cleaned_data["kind"] else None
        person = form.cleaned_data["person"]
    page = Paginator(history_rows(cohort, kinds=kinds, person=person), PER_PAGE).get_page(
        request.GET.get("page")
    )
    personal_data_access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.VIEWED,
        description=f"History of {cohort}",
        object_key=f"cohort:{cohort.pk}",
    )
    return render(
        request,
        "cohorts/history.html",
        {
            "cohort": cohort,
            "form": form,
            "page": page,
            "entries": history_entries(page.object_list),
            "filtered": bool(kinds or person),
        },
    )
