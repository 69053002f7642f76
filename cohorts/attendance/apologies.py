"""Apologies in advance: a participant who cannot attend a cohort session says so, with a
reason, before it starts. Facilitators see it on the register, which then suggests "apologies"."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Apology, CohortSession, Enrolment


def apologies_open(session: CohortSession, *, now: dt.datetime | None = None) -> bool:
    """Whether apologies can still be sent for this session: until it starts."""
    return session.starts_at > (now or timezone.now())


def apologies_send(
    *, enrolment: Enrolment, session: CohortSession, reason: str, now: dt.datetime | None = None
) -> Apology:
    """A participant sends apologies, with a reason, for a session that has not started yet.
    Sending again replaces the reason."""
    now = now or timezone.now()
    if enrolment.cohort_id != session.cohort_id or enrolment.status not in Enrolment.ACTIVE:
        raise ValidationError("You are not taking part in this session's cohort.")
    if not apologies_open(session, now=now):
        raise ValidationError(
            "This session has already started, so you cannot send apologies for it. "
            "Tell your facilitator instead."
        )
    reason = (reason or "").strip()
    with transaction.atomic():
        apology = Apology.objects.filter(enrolment=enrolment, session=session).first()
        apology = apology or Apology(enrolment=enrolment, session=session)
        apology.reason, apology.sent_at = reason, now
        apology.full_clean(exclude=["enrolment", "session"], validate_unique=False)
        apology.save()
    return apology
