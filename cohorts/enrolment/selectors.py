"""Reads for the nominator portal, the cohort overview and the "people on this cohort" page.
Every list is bounded or paginated by the view."""

from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q
from django.db.models.query import ModelIterable

from accounts.roles import is_nominator

from ..models import Cohort, Enrolment, SeatAllocation
from .seats import Seats, takes_nominations


@dataclass
class SeatLine:
    """One organisation's seats on one open cohort, as its nominator sees them."""

    cohort: Cohort
    organisation: object
    allocated: int
    used: int
    waiting: int
    cohort_used: int

    @property
    def seats(self):
        return Seats(
            capacity=self.cohort.capacity,
            cohort_held=self.cohort_used,
            allocated=self.allocated,
            organisation_held=self.used,
        )

    @property
    def left(self):
        return self.seats.left

    @property
    def limited_by_cohort(self):
        """Fewer seats left than the allocation allows, because the cohort is filling up."""
        return self.seats.limited_by_cohort

    @property
    def takes_nominations(self):
        return bool(takes_nominations(self.cohort, self.organisation, self.allocated))


class _CohortsNamed(ModelIterable):
    """Rows (enrolments, seat allocations) whose cohort is selected without its programme page:
    each cohort is given the programme's title annotated beside it, as
    `Cohort.objects.with_programme_title()` gives it, so that naming it builds no page."""

    def __iter__(self):
        for row in super().__iter__():
            row.cohort.programme_title = row.cohort_programme_title
            yield row


def _with_cohort_names(queryset):
    queryset = queryset.select_related("cohort").annotate(
        cohort_programme_title=F("cohort__programme__title")
    )
    queryset._iterable_class = _CohortsNamed
    return queryset


def open_seat_lines(organisations, limit=50):
    """The open cohorts the nominator's organisations have seats on, with seats used and left.
    Two queries whatever the number of cohorts."""
    return _seat_lines(
        SeatAllocation.objects.filter(
            organisation__in=organisations, cohort__status=Cohort.Status.OPEN
        ),
        limit=limit,
    )


def cohort_seat_lines(cohort, limit=100):
    """Every organisation's seats on one cohort, with seats used and left (for those who set
    up cohorts and nominate for any organisation). Two queries."""
    return _seat_lines(SeatAllocation.objects.filter(cohort=cohort), limit=limit)


def _seat_lines(allocations, *, limit):
    allocations = list(
        _with_cohort_names(allocations.select_related("cohort__place", "organisation")).order_by(
            "cohort__starts_on", "cohort__name", "organisation__name"
        )[:limit]
    )
    cohort_ids = {a.cohort_id for a in allocations}
    # Counted in one query with the waiting list, so the seat-holding statuses are named here as
    # `Enrolment.objects.holding_seats()` names them.
    holding = Q(status__in=Enrolment.SEAT_HOLDING)
    counts = {
        (row["cohort"], row["organisation"]): row
        for row in Enrolment.objects.filter(cohort__in=cohort_ids)
        .values("cohort", "organisation")
        .annotate(
            used=Count("pk", filter=holding),
            waiting=Count("pk", filter=Q(status=Enrolment.Status.WAITING_LIST)),
        )
    }
    cohort_used = {}
    for (cohort_id, _), row in counts.items():
        cohort_used[cohort_id] = cohort_used.get(cohort_id, 0) + row["used"]
    return [
        SeatLine(
            cohort=a.cohort,
            organisation=a.organisation,
            allocated=a.seats,
            used=counts.get((a.cohort_id, a.organisation_id), {}).get("used", 0),
            waiting=counts.get((a.cohort_id, a.organisation_id), {}).get("waiting", 0),
            cohort_used=cohort_used.get(a.cohort_id, 0),
        )
        for a in allocations
    ]


OFFICER_ROW_FIELDS = (
    "status",
    "cohort_id",
    "organisation_id",
    "replaces_id",
    "participant__first_name",
    "participant__last_name",
    "participant__email",
    "participant__job_title",
    "participant__team",
    "cohort__name",
    "cohort__starts_on",
    "cohort__programme",
)


def officers_of(organisations, *, cohort_id=None, status=None):
    """The enrolments of the nominator's own organisations' officers, newest cohorts first."""
    officers = (
        _with_cohort_names(Enrolment.objects.filter(organisation__in=organisations))
        .select_related("participant")
        # The columns the list shows: a full page of rows each carrying every column of the
        # officer, the cohort and its programme page cost more to load than to fetch.
        .only(*OFFICER_ROW_FIELDS)
        # Whom a substitute replaced, for the page shown only: joined into the list query it
        # made PostgreSQL hash every enrolment in the academy before sorting the few hundred.
        .prefetch_related(
            Prefetch("replaces", queryset=Enrolment.objects.select_related("participant"))
        )
        .order_by("-cohort__starts_on", "cohort__name", "participant__last_name", "pk")
    )
    if cohort_id:
        officers = officers.filter(cohort_id=cohort_id)
    if status:
        officers = officers.filter(status=status)
    return officers


# The most cohorts the officer list can be filtered by.
OFFICERS_COHORT_LIMIT = 50


def officers_cohorts(organisations, limit=OFFICERS_COHORT_LIMIT):
    """The cohorts these organisations have officers on, newest first (to filter the officer
    list by, and for a nominator's links to each one's attendance and completion)."""
    return list(
        Cohort.objects.filter(
            pk__in=Enrolment.objects.filter(organisation__in=organisations).values("cohort_id")
        )
        .with_programme_title()
        # What the lists show of each: its name, status and dates.
        .only("name", "status", "starts_on", "ends_on", "programme")
        .order_by("-starts_on", "name")[:limit]
    )


def organisations_cohort_ids(organisations):
    """Every cohort these organisations have officers or seats on: what their portal shows.
    One query."""
    officers = Enrolment.objects.filter(organisation__in=organisations).order_by()
    seats = SeatAllocation.objects.filter(organisation__in=organisations).order_by()
    return list(officers.values_list("cohort_id", flat=True).union(seats.values_list("cohort_id")))


def fellow_participants(cohort):
    """Who is taking part in the cohort: name, organisation and job title only."""
    return (
        Enrolment.objects.active()
        .filter(cohort=cohort)
        .select_related("participant", "organisation")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )


def cohort_enrolments(cohort):
    return (
        Enrolment.objects.filter(cohort=cohort)
        .select_related("participant", "organisation", "nominated_by")
        .order_by("status", "participant__last_name", "participant__first_name", "pk")
    )


def officers_in_care_of(user):
    """The people whose records a nominator sees besides their own: their organisations'
    officers (the notifications app asks through its VISIBLE_PEOPLE hook)."""
    if not is_nominator(user):
        return None
    return Enrolment.objects.filter(organisation__nominators=user).values("participant_id")
