"""Builders for the attendance tests: a cohort with sessions at given London times, and many
participants made in bulk (so a 400-person register takes a moment, not a minute)."""

import datetime as dt

from django.contrib.auth.hashers import make_password

from accounts.models import User
from cohorts.models import LONDON, AttendanceMark, Cohort, CohortSession, Enrolment
from tests.accounts.factories import PASSWORD
from tests.cohorts.factories import (
    CohortFactory,
    CohortSessionFactory,
    CompletionRuleFactory,
    OrganisationFactory,
)

UTC = dt.UTC


def london(*args):
    return dt.datetime(*args, tzinfo=LONDON)


def cohort_with_sessions(
    *, facilitator=None, starts=None, n_sessions=8, rule_share=75, cohort_kwargs=None
):
    """A running cohort with `n_sessions` weekly sessions at 09:30 London, from `starts` (a
    London datetime; default 1 June 2026, so every session is in British Summer Time)."""
    starts = starts or london(2026, 6, 1, 9, 30)
    cohort = CohortFactory(
        starts_on=starts.date() - dt.timedelta(days=1),
        ends_on=starts.date() + dt.timedelta(days=7 * n_sessions + 1),
        status=Cohort.Status.RUNNING,
        facilitators=[facilitator] if facilitator else None,
        **(cohort_kwargs or {}),
    )
    if rule_share is not None:
        CompletionRuleFactory(programme=cohort.programme, min_share_attended=rule_share)
    sessions = [
        CohortSessionFactory(
            cohort=cohort,
            title=f"Session {i + 1}",
            starts_at=starts + dt.timedelta(days=7 * i),
            ends_at=starts + dt.timedelta(days=7 * i, hours=3),
        )
        for i in range(n_sessions)
    ]
    return cohort, sessions


def session_at(cohort, starts, title="Session"):
    return CohortSessionFactory(
        cohort=cohort, title=title, starts_at=starts, ends_at=starts + dt.timedelta(hours=3)
    )


_PASSWORD_HASH = None


def enrol_many(cohort, n, *, organisation=None, status=Enrolment.Status.CONFIRMED, prefix="p"):
    """`n` participants enrolled on `cohort`, in four queries whatever `n`."""
    global _PASSWORD_HASH
    _PASSWORD_HASH = _PASSWORD_HASH or make_password(PASSWORD)
    organisation = organisation or OrganisationFactory()
    tag = f"{prefix}{cohort.pk}"
    users = User.objects.bulk_create(
        User(
            username=f"{tag}-{i}@example.org",
            email=f"{tag}-{i}@example.org",
            first_name=f"{prefix.capitalize()}{i:03d}",
            last_name=f"Last{i:03d}",
            password=_PASSWORD_HASH,
        )
        for i in range(n)
    )
    users = list(User.objects.filter(email__startswith=f"{tag}-").order_by("last_name"))
    Enrolment.objects.bulk_create(
        Enrolment(cohort=cohort, participant=u, organisation=organisation, status=status)
        for u in users
    )
    return list(
        Enrolment.objects.filter(cohort=cohort, participant__in=users)
        .select_related("participant", "organisation")
        .order_by("participant__last_name")
    )


def mark_all(enrolments, sessions, status=AttendanceMark.Status.PRESENT):
    AttendanceMark.objects.bulk_create(
        AttendanceMark(enrolment=e, session=s, status=status) for e in enrolments for s in sessions
    )


def reload(session):
    return CohortSession.objects.select_related("cohort__programme").get(pk=session.pk)
