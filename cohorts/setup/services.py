"""Setting up cohorts in code, with the same guard rails as the admin's cohort screen: seat
allocations within the capacity, sessions covering modules of the cohort's own programme,
facilitators who hold the role (each defined once in `cohorts.models.cohorts`), and, for a
session added after the fact, who it would move (`standing_changes_preview`).

The demo data loader builds its cohorts with these; programme managers use the admin."""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from ..completion.changes import standing_changes_preview
from ..models import (
    Cohort,
    CohortSession,
    Organisation,
    SeatAllocation,
    check_allocations,
    check_facilitators,
    check_session_modules,
)


def cohort_create(
    *,
    programme,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    capacity: int,
    status: str = Cohort.Status.DRAFT,
    place=None,
    facilitators: Iterable = (),
    allocations: Mapping[Organisation, int] | None = None,
    **options,
) -> Cohort:
    """Set up a cohort of `programme` with its facilitators and its seat allocations (seats
    per organisation). Everything is checked before anything is saved. `options` are the
    cohort's other fields (target mix, check-in window)."""
    facilitators = list(facilitators)
    allocations = dict(allocations or {})
    cohort = Cohort(
        programme=programme,
        name=name,
        place=place,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        status=status,
        **options,
    )
    cohort.full_clean()
    check_facilitators(facilitators)
    try:
        check_allocations(capacity, allocations.values())
    except ValidationError as error:
        raise ValidationError({"seat_allocations": error.messages}) from error
    rows = [
        SeatAllocation(organisation=organisation, seats=seats)
        for organisation, seats in allocations.items()
    ]
    for row in rows:
        row.full_clean(exclude=["cohort"])
    with transaction.atomic():
        # A cluster: the facilitators and allocations are saved with the cohort, in one go.
        cohort.facilitators = facilitators
        cohort.seat_allocations = rows
        cohort.save()
    return cohort


def cohort_status_set(*, cohort: Cohort, status: str) -> Cohort:
    """Move a cohort to `status`: open it for enrolment, start it running, close it."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        cohort.status = status
        cohort.full_clean()
        cohort.save(update_fields=["status", "updated_at"])
    return cohort


def cohort_session_add(
    *,
    cohort: Cohort,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    modules: Iterable = (),
    confirm_standing_changes: bool = False,
    **fields,
) -> CohortSession:
    """Add a cohort session covering `modules` (of the cohort's own programme). `fields` are
    its venue, joining link and material.

    On a cohort with certificates or sign-offs, a session that would move anyone's standing is
    refused, naming who, unless `confirm_standing_changes` says the caller has seen it (as the
    admin's tick box does)."""
    modules = list(modules)
    session = CohortSession(
        cohort=cohort, title=title, starts_at=starts_at, ends_at=ends_at, **fields
    )
    session.full_clean(exclude=["cohort"])
    check_session_modules(cohort.programme, modules)
    with transaction.atomic():
        Cohort.objects.select_for_update().filter(pk=cohort.pk).exists()
        if not confirm_standing_changes:
            preview = standing_changes_preview(
                cohorts=[cohort], sessions=[*cohort.sessions.all(), session]
            )
            if preview.needs_confirming:
                names = ", ".join(str(c.enrolment.participant) for c in preview.changes)
                raise ValidationError(" ".join(preview.summary) + f" ({names})")
        session.save()
        session.modules = modules
        session.save()
    return session
