"""The cohort dashboard: every cohort a person may see (a programme manager: all of them; a
facilitator: those they run), a row each with its status, seats filled, participants at risk
of not completing, next session and sector mix against its target; filtered by programme and
status, a page at a time, in a constant number of queries however many cohorts and people.

Each figure comes from its rule's one definition: seats held (`Enrolment.SEAT_HOLDING`), at
risk (`completion.standing`), the mix (`enrolment.mix`)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from ..completion.standing import Standing, standings_for
from ..enrolment.mix import CohortMix, cohort_mixes
from ..models import Cohort, CohortSession, Enrolment
from ..record_versions import cached_for_cohorts

PER_PAGE = 25
# Running cohorts first (what needs attention), then those filling up, then the rest.
STATUS_ORDER = (
    Cohort.Status.RUNNING,
    Cohort.Status.OPEN,
    Cohort.Status.DRAFT,
    Cohort.Status.CLOSED,
)


@dataclass
class DashboardRow:
    cohort: Cohort
    seats_held: int
    mix: CohortMix
    next_session: CohortSession | None
    at_risk: int | None  # None for a cohort not running: nobody can be at risk yet

    @property
    def seats_free(self):
        return max(0, self.cohort.capacity - self.seats_held)


def dashboard_cohorts(user, *, programme=None, status=""):
    """The cohorts this person may see, filtered, running ones first, then by start date."""
    cohorts = (
        Cohort.objects.visible_to(user)
        .select_related("programme", "place")
        .annotate(
            status_order=Case(
                *(When(status=value, then=Value(i)) for i, value in enumerate(STATUS_ORDER)),
                default=Value(len(STATUS_ORDER)),
                output_field=IntegerField(),
            )
        )
        .order_by("status_order", "-starts_on", "name", "pk")
    )
    if programme is not None:
        cohorts = cohorts.filter(programme=programme)
    if status:
        cohorts = cohorts.filter(status=status)
    return cohorts


def dashboard_rows(cohorts, *, now: dt.datetime | None = None) -> list[DashboardRow]:
    """A row for each of these cohorts (one page of them), in six queries plus the standings'
    own (at most six) for running cohorts whose at-risk count is not kept under the version of
    their record (`record_versions`)."""
    now = now or timezone.now()
    cohorts = list(cohorts)
    ids = [cohort.pk for cohort in cohorts]
    mixes = cohort_mixes(cohorts)
    # Every session of these cohorts, once: the next one of each, and the standings' sessions.
    sessions = list(CohortSession.objects.filter(cohort_id__in=ids).order_by("starts_at", "pk"))
    next_sessions = {}
    for session in sessions:
        if session.ends_at >= now:
            next_sessions.setdefault(session.cohort_id, session)
    running = [c for c in cohorts if c.status == Cohort.Status.RUNNING]
    by_cohort = defaultdict(list)
    for session in sessions:
        by_cohort[session.cohort_id].append(session)

    def held_so_far(cohort):
        # What the standings read of the clock: the sessions held by now, and whether the
        # cohort has ended. Kept under the cohort's version and these, so never stale.
        held = sum(1 for s in by_cohort[cohort.pk] if s.is_held(now))
        return f"{held}:{cohort.has_ended(now)}"

    at_risk = cached_for_cohorts(
        "dashboard-at-risk",
        running,
        partial(_at_risk_counts, by_cohort=by_cohort, now=now),
        extra=held_so_far,
    )
    return [
        DashboardRow(
            cohort=cohort,
            seats_held=mixes[cohort.pk].total,
            mix=mixes[cohort.pk],
            next_session=next_sessions.get(cohort.pk),
            at_risk=at_risk.get(cohort.pk),
        )
        for cohort in cohorts
    ]


def _at_risk_counts(cohorts, *, by_cohort, now):
    """How many participants of each of these running cohorts are at risk."""
    running = {c.pk: c for c in cohorts}
    counts = dict.fromkeys(running, 0)
    # Each enrolment gets the cohort already loaded rather than a copy of it per enrolment
    # (the standings read nothing of the participant but their id).
    enrolments = list(
        Enrolment.objects.active()
        .filter(cohort_id__in=list(running))
        .select_related("completion_sign_off", "certificate")
    )
    for enrolment in enrolments:
        enrolment.cohort = running[enrolment.cohort_id]
    standings = standings_for(
        enrolments, sessions=[s for pk in running for s in by_cohort[pk]], now=now
    )
    for standing in standings.values():
        if standing.standing == Standing.AT_RISK:
            counts[standing.enrolment.cohort_id] += 1
    return counts
