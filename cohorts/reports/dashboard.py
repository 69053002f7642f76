"""The cohort dashboard: every cohort a person may see (a programme manager: all of them; a
facilitator: those they run), a row each with its status, seats filled, participants at risk
of not completing, next session and sector mix against its target; filtered by programme and
status, a page at a time, in a constant number of queries however many cohorts and people.

Each figure comes from its rule's one definition: seats held (`Enrolment.SEAT_HOLDING`), at
risk (`completion.standing`), the mix (`enrolment.mix`)."""

import datetime as dt
from dataclasses import dataclass
from functools import partial

from django.db.models import Case, IntegerField, Value, When
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from kept.parts import digest

from ..completion.schedule import KeptSession, held_so_far, kept_schedules
from ..completion.standing import Standing, standings_for
from ..enrolment.mix import CohortMix, cohort_mixes
from ..models import Cohort, Enrolment
from ..record_versions import cached_for_cohorts, cohort_record_versions

PER_PAGE = 25
ROW_TEMPLATE = "cohorts/includes/dashboard_row.html"
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
    next_session: KeptSession | None
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


def dashboard_rows(cohorts, *, now: dt.datetime | None = None) -> list[str]:
    """The table row of each of these cohorts (one page of them), rendered. Each is kept in the
    cache under the version of its cohort's record (`record_versions`) and what else it shows:
    the cohort, its programme's title and its place's name as read with the page, the sessions
    held by now, whether the cohort has ended and which session is next. So a row is rendered again
    only when something it shows has changed; on a page where every row is kept, the rows cost
    two cache reads besides the versions and no query."""
    now = now or timezone.now()
    cohorts = list(cohorts)
    versions = cohort_record_versions(c.pk for c in cohorts)
    schedules = kept_schedules(cohorts, versions=versions)

    def shown(cohort):
        sessions = schedules[cohort.pk]
        next_session = _next_session(sessions, now)
        read = digest([_as_read(cohort)])
        return f"{held_so_far(cohort, sessions, now)}:{next_session and next_session.pk}:{read}"

    html = cached_for_cohorts(
        "dashboard-row",
        cohorts,
        partial(_rendered_rows, schedules=schedules, versions=versions, now=now),
        extra=shown,
        versions=versions,
    )
    return [mark_safe(html[cohort.pk]) for cohort in cohorts]


def _as_read(cohort):
    """What the row shows of the cohort, its programme and place, as read with the page: the
    programme's title and the place's name are not part of the cohort's record, and the
    cohort was read before its version, so a change made in between would otherwise be kept
    under the new version."""
    return "\n".join(
        str(value)
        for value in (
            cohort.name,
            cohort.status,
            cohort.starts_on,
            cohort.ends_on,
            cohort.capacity,
            cohort.target_min_sectors,
            cohort.target_max_share_percent,
            cohort.programme.title,
            cohort.place or "",
        )
    )


def _next_session(sessions, now):
    return next((s for s in sessions if s.ends_at >= now), None)


def _rendered_rows(cohorts, *, schedules, versions, now):
    """{cohort id: its row's HTML} for cohorts whose row is not kept."""
    mixes = cohort_mixes(cohorts)
    running = [c for c in cohorts if c.status == Cohort.Status.RUNNING]

    at_risk = cached_for_cohorts(
        "dashboard-at-risk",
        running,
        partial(_at_risk_counts, by_cohort=schedules, now=now),
        extra=lambda cohort: held_so_far(cohort, schedules[cohort.pk], now),
        versions=versions,
    )
    rows = {
        cohort.pk: DashboardRow(
            cohort=cohort,
            seats_held=mixes[cohort.pk].total,
            mix=mixes[cohort.pk],
            next_session=_next_session(schedules[cohort.pk], now),
            at_risk=at_risk.get(cohort.pk),
        )
        for cohort in cohorts
    }
    return {pk: render_to_string(ROW_TEMPLATE, {"row": row}) for pk, row in rows.items()}


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
