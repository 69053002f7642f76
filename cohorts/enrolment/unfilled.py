"""Seats still unfilled a set number of weeks (ACADEMY_SEATS_UNFILLED_WEEKS) before a cohort
open for enrolment starts: each nominator whose organisation has seats left is told once (the
scheduler's daily "seats-unfilled" job)."""

import datetime as dt

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from links import absolute_reverse
from notifications.services import Message, notifications_send

from ..mail import cohort_values, person_values
from ..models import Cohort, SeatAllocation
from .seats import Seats, seats_held


def _starts_in(days):
    weeks, rest = divmod(days, 7)
    if weeks and not rest:
        return f"{weeks} week{'s' if weeks != 1 else ''}"
    return f"{days} day{'s' if days != 1 else ''}"


def seats_unfilled_notify(*, today=None, weeks=None) -> int:
    """Tell nominators of organisations with seats left on cohorts starting within `weeks`
    weeks; each nominator once per cohort, however often it runs."""
    today = today or timezone.localdate()
    weeks = settings.ACADEMY_SEATS_UNFILLED_WEEKS if weeks is None else weeks
    cohorts = (
        Cohort.objects.filter(
            status=Cohort.Status.OPEN,
            starts_on__gt=today,
            starts_on__lte=today + dt.timedelta(weeks=weeks),
        )
        .select_related("programme")
        .prefetch_related(
            Prefetch(
                "seat_allocations",
                queryset=SeatAllocation.objects.select_related("organisation").prefetch_related(
                    "organisation__nominators"
                ),
            )
        )
    )
    messages = []
    for cohort in cohorts:
        total, used = seats_held(cohort)
        for allocation in cohort.seat_allocations.all():
            organisation = allocation.organisation
            left = Seats(
                capacity=cohort.capacity,
                cohort_held=total,
                allocated=allocation.seats,
                organisation_held=used.get(organisation.pk, 0),
            ).left
            if not left:
                continue
            for nominator in organisation.nominators.all():
                messages.append(
                    Message(
                        kind="seats-unfilled",
                        key=f"{cohort.pk}:{organisation.pk}",
                        recipient=nominator,
                        values={
                            **person_values(nominator),
                            **cohort_values(cohort),
                            "organisation": str(organisation),
                            "seats_left": str(left),
                            "starts_in": _starts_in((cohort.starts_on - today).days),
                            "nominate_link": absolute_reverse(
                                "cohorts:nominate_officer", cohort.pk, organisation.pk
                            ),
                        },
                        programme_id=cohort.programme_id,
                    )
                )
    return len(notifications_send(messages))
