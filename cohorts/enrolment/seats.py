"""Seats: how many of a cohort's seats are held, and how many are left for an organisation.

The one definition of the seat rules, used by nominating (one officer or a file), the waiting
list, the nominator portal, the home page and the permission to nominate:
- an enrolment holds a seat when its status is one of `Enrolment.SEAT_HOLDING`
  (`Enrolment.objects.holding_seats()`);
- an organisation has seats on a cohort only if its allocation there is more than nought;
- seats left = the smaller of what is left of the organisation's allocation and what is left
  of the cohort's capacity, never below nought.
"""

from dataclasses import dataclass

from django.db.models import Count

from accounts.permissions import ALLOWED, Permission

from ..models import Enrolment, SeatAllocation


def gives_seats(allocated):
    """Whether an allocation of `allocated` seats lets the organisation nominate at all: an
    allocation of nought seats is the same as none."""
    return allocated > 0


def cohort_seats_left(capacity, held):
    """Seats left on a cohort of `capacity` with `held` of them taken, by anyone."""
    return max(0, capacity - held)


@dataclass(frozen=True)
class Seats:
    """One organisation's seats on one cohort, from the counts the caller has in hand."""

    capacity: int  # the cohort's
    cohort_held: int  # seats held on the cohort, by every organisation
    allocated: int  # the organisation's allocation (0 when it has none)
    organisation_held: int  # seats held by the organisation's officers

    @property
    def left(self):
        """How many more of the organisation's officers can be invited straight away."""
        if not gives_seats(self.allocated):
            return 0
        return max(
            0,
            min(
                self.allocated - self.organisation_held,
                cohort_seats_left(self.capacity, self.cohort_held),
            ),
        )

    @property
    def limited_by_cohort(self):
        """Fewer seats left than the allocation allows, because the cohort is filling up."""
        return self.left < self.allocated - self.organisation_held


def seats_held(cohort):
    """Seats held on `cohort`: (total, {organisation id: seats held}). One query."""
    by_organisation = dict(
        Enrolment.objects.filter(cohort=cohort)
        .holding_seats()
        .values_list("organisation")
        .annotate(n=Count("pk"))
        .values_list("organisation", "n")
    )
    return sum(by_organisation.values()), by_organisation


def allocated_seats(cohort, organisation):
    """The seats `organisation` is allocated on `cohort` (0 when it has no allocation)."""
    return (
        SeatAllocation.objects.filter(cohort=cohort, organisation=organisation)
        .values_list("seats", flat=True)
        .first()
        or 0
    )


def seats_for(cohort, organisation):
    """`organisation`'s `Seats` on `cohort`. Two queries."""
    total, by_organisation = seats_held(cohort)
    return Seats(
        capacity=cohort.capacity,
        cohort_held=total,
        allocated=allocated_seats(cohort, organisation),
        organisation_held=by_organisation.get(organisation.pk, 0),
    )


def nominations_open(cohort, organisation):
    """Whether `cohort` takes nominations from `organisation` at all: it is open for enrolment
    and the organisation has seats on it (past its seats, officers go on the waiting list)."""
    return takes_nominations(cohort, organisation, allocated_seats(cohort, organisation))


def takes_nominations(cohort, organisation, allocated):
    """`nominations_open`, for a caller that has the organisation's allocation in hand."""
    if not cohort.is_open_for_enrolment:
        return Permission(False, "This cohort is not open for enrolment.")
    if not gives_seats(allocated):
        return Permission(False, f"{organisation} has no seats on this cohort.")
    return ALLOWED
