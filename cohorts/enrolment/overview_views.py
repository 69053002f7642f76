"""The cohort overview for programme managers and its facilitators (the mix of sectors and
organisations against the target, who is enrolled, and, for managers, the enrolment history),
and the "people on this cohort" page for its participants."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from accounts.models import PersonalDataAccess, personal_data_access_record

from .. import enrolment_selectors
from ..mix import cohort_mix
from ..models import Cohort
from ..permissions import (
    can_see_fellow_participants,
    can_view_cohort_mix,
    can_view_enrolment_history,
)

PER_PAGE = 50
EVENTS_PER_PAGE = 30


def _cohort(pk):
    return get_object_or_404(Cohort.objects.select_related("programme", "place"), pk=pk)


@login_required
def cohort_overview(request, pk):
    cohort = _cohort(pk)
    permission = can_view_cohort_mix(request.user, cohort)
    if not permission:
        raise PermissionDenied(permission.reason)
    mix = cohort_mix(cohort)
    enrolments = Paginator(enrolment_selectors.cohort_enrolments(cohort), PER_PAGE).get_page(
        request.GET.get("page")
    )
    events = None
    if can_view_enrolment_history(request.user):
        events = Paginator(enrolment_selectors.cohort_events(cohort), EVENTS_PER_PAGE).get_page(
            request.GET.get("events_page")
        )
    return render(
        request,
        "cohorts/overview.html",
        {
            "cohort": cohort,
            "mix": mix,
            "max_share_x": 160 + 3 * cohort.target_max_share_percent,
            "enrolments": enrolments,
            "events": events,
        },
    )


@login_required
def cohort_people(request, pk):
    cohort = _cohort(pk)
    permission = can_see_fellow_participants(request.user, cohort)
    if not permission:
        raise PermissionDenied(permission.reason)
    people = Paginator(enrolment_selectors.fellow_participants(cohort), PER_PAGE).get_page(
        request.GET.get("page")
    )
    personal_data_access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.VIEWED,
        description=f"People on {cohort}",
        object_key=f"cohort:{cohort.pk}",
    )
    return render(request, "cohorts/people.html", {"cohort": cohort, "people": people})
