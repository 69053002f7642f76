"""The cohort overview for programme managers and its facilitators (the mix of sectors and
organisations against the target, who is enrolled, and a link to the cohort's history), and the
"people on this cohort" page for its participants."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from accounts.permissions import deny
from personal_data.models import PersonalDataAccess, personal_data_access_record

from .. import permissions
from ..models import Cohort
from . import selectors, services
from .mix import cohort_mix

PER_PAGE = 50
# A cohort meets six to eight times; a page lists at most this many of its sessions.
SESSIONS_LIMIT = 50


def _cohort(pk):
    return get_object_or_404(Cohort.objects.select_related("programme", "place"), pk=pk)


@login_required
def cohort_overview(request, pk):
    cohort = _cohort(pk)
    permission = permissions.check(request.user, "view-cohort-mix", cohort)
    if not permission:
        return deny(request, permission)
    mix = cohort_mix(cohort)
    enrolments = Paginator(selectors.cohort_enrolments(cohort), PER_PAGE).get_page(
        request.GET.get("page")
    )
    # A programme manager acts on anyone's place from here, through the same services.
    nominates = bool(permissions.check(request.user, "act-for-anyone"))
    if nominates:
        for enrolment in enrolments:
            enrolment.can_withdraw = enrolment.status in services.WITHDRAWABLE
            enrolment.can_substitute = enrolment.status in services.SUBSTITUTABLE
            enrolment.can_move = enrolment.status in services.MOVABLE
    return render(
        request,
        "cohorts/overview.html",
        {
            "cohort": cohort,
            "sessions": cohort.sessions.order_by("starts_at", "pk")[:SESSIONS_LIMIT],
            "mix": mix,
            "max_share_x": 160 + 3 * cohort.target_max_share_percent,
            "enrolments": enrolments,
            "nominates": nominates,
            "seat_lines": selectors.cohort_seat_lines(cohort) if nominates else [],
            "may_schedule": permissions.check(request.user, "schedule-sessions", cohort),
        },
    )


@login_required
def cohort_people(request, pk):
    cohort = _cohort(pk)
    permission = permissions.check(request.user, "see-fellow-participants", cohort)
    if not permission:
        return deny(request, permission)
    people = Paginator(selectors.fellow_participants(cohort), PER_PAGE).get_page(
        request.GET.get("page")
    )
    personal_data_access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.VIEWED,
        description=f"People on {cohort}",
        object_key=f"cohort:{cohort.pk}",
    )
    return render(
        request,
        "cohorts/people.html",
        {
            "cohort": cohort,
            "people": people,
            "can_run": bool(permissions.check(request.user, "run-cohort", cohort)),
        },
    )
