"""Apologies in advance: a participant who cannot attend a cohort session says so, with a
reason, before it starts, and may take it back until then. Facilitators see it on the register,
which then suggests "apologies"."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Apology, CohortSession, Enrolment


def _check_before_start(*, enrolment, session, now, doing):
    if enrolment.cohort_id != session.cohort_id or enrolment.status not in Enrolment.ACTIVE:
        raise ValidationError("You are not taking part in this session's cohort.")
    if session.has_started(now):
        raise ValidationError(
            f"This session has already started, so you cannot {doing} for it. "
            "Tell your facilitator instead."
        )


def apologies_send(
    *, enrolment: Enrolment, session: CohortSession, reason: str, now: dt.datetime | None = None
) -> Apology:
    """A participant sends apologies, with a reason, for a session that has not started yet.
    Sending again replaces the reason."""
    now = now or timezone.now()
    _check_before_start(enrolment=enrolment, session=session, now=now, doing="send apologies")
    reason = (reason or "").strip()
    with transaction.atomic():
        apology = Apology.objects.filter(enrolment=enrolment, session=session).first()
        apology = apology or Apology(enrolment=enrolment, session=session)
        apology.reason, apology.sent_at = reason, now
        apology.full_clean(exclude=["enrolment", "session"], validate_unique=False)
        apology.save()
    return apology


def apologies_withdraw(
    *, enrolment: Enrolment, session: CohortSession, now: dt.datetime | None = None
) -> bool:
    """A participant takes back their apologies (they can come after all), until the session
    starts. True if there were apologies to take back."""
    now = now or timezone.now()
    _check_before_start(enrolment=enrolment, session=session, now=now, doing="withdraw apologies")
    with transaction.atomic():
        deleted, _ = Apology.objects.filter(enrolment=enrolment, session=session).delete()
    return bool(deleted)
