"""Attendance rates across every cohort of a programme, for programme managers: worked out in
the database, counting the marks the completion rule counts as attended, over the sessions held
so far (`CohortSessionQuerySet.held`), so a cohort half way through is not read as failing."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..models import (
    AttendanceMark,
    Cohort,
    CohortSession,
    CompletionRule,
    Enrolment,
    attended_statuses,
)
from .grid import TAKING_PART, Rate

PROGRAMME_COHORT_LIMIT = 100


@dataclass
class ProgrammeCohortRate:
    cohort: Cohort
    participants: int
    scheduled: int
    held: int
    rate: Rate


def programme_rates(*, programme, now: dt.datetime | None = None) -> list[ProgrammeCohortRate]:
    """Attendance rates of every cohort of a programme (the newest first, at most
    PROGRAMME_COHORT_LIMIT), in a constant number of queries."""
    now = now or timezone.now()
    rule = CompletionRule.objects.filter(programme=programme).first()

    def count_of(queryset):
        subquery = queryset.values("cohort_id").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(subquery, output_field=IntegerField()), Value(0))

    cohorts = (
        Cohort.objects.filter(programme=programme)
        .select_related("place")
        .annotate(
            n_scheduled=count_of(CohortSession.objects.scheduled().filter(cohort=OuterRef("pk"))),
            n_held=count_of(CohortSession.objects.held(now).filter(cohort=OuterRef("pk"))),
            n_participants=count_of(
                Enrolment.objects.filter(cohort=OuterRef("pk"), status__in=TAKING_PART)
            ),
            n_attended=Coalesce(
                Subquery(
                    AttendanceMark.objects.filter(
                        Q(enrolment__status__in=TAKING_PART),
                        enrolment__cohort=OuterRef("pk"),
                        status__in=attended_statuses(rule),
                    )
                    .values("enrolment__cohort")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
        )
        .order_by("-starts_on", "name")[:PROGRAMME_COHORT_LIMIT]
    )
    return [
        ProgrammeCohortRate(
            cohort=c,
            participants=c.n_participants,
            scheduled=c.n_scheduled,
            held=c.n_held,
            rate=Rate(c.name, c.n_attended, c.n_participants * c.n_held),
        )
        for c in cohorts
    ]
