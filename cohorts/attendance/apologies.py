"""Apologies in advance: a participant who cannot attend a cohort session says so, with a
reason, before it starts, and may take it back until then. Facilitators see it on the register,
which then suggests "apologies", and are emailed a digest of the day's apologies (the
scheduler's daily "apologies-digest")."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from links import absolute_reverse
from notifications.services import Message, notifications_send, notifications_sent

from ..mail import cohort_values, local, person_values
from ..models import LONDON, Apology, CohortSession, Enrolment


def apologies_open(session: CohortSession, *, now: dt.datetime | None = None) -> bool:
    """Whether apologies can still be sent (or taken back) for this session: until it starts,
    unless it is cancelled."""
    return session.is_scheduled and not session.has_started(now)


def _check_before_start(*, enrolment, session, now, doing):
    if enrolment.cohort_id != session.cohort_id or enrolment.status not in Enrolment.ACTIVE:
        raise ValidationError("You are not taking part in this session's cohort.")
    if session.is_cancelled:
        raise ValidationError("This session is cancelled: there is nothing to send apologies for.")
    if not apologies_open(session, now=now):
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
        apology.facilitators_told_at = None  # a changed reason goes in the next digest
        apology.full_clean(exclude=["enrolment", "session"], validate_unique=False)
        apology.save()
    return apology


def apologies_digest_send(*, now=None) -> int:
    """The daily digest: each cohort's facilitators are emailed the apologies received since
    the last digest, in one email a day per cohort (keyed by the cohort and the day, so running
    twice in a day sends nothing twice; apologies arriving after today's digest wait for
    tomorrow's)."""
    now = now or timezone.now()
    day = timezone.localtime(now, LONDON).date()
    waiting = list(
        Apology.objects.filter(facilitators_told_at__isnull=True, sent_at__lte=now)
        .select_related(
            "enrolment__participant", "enrolment__organisation", "session__cohort__programme"
        )
        .order_by("session__cohort_id", "session__starts_at", "sent_at")
    )
    by_cohort = {}
    for apology in waiting:
        by_cohort.setdefault(apology.session.cohort, []).append(apology)
    sent = 0
    for cohort, apologies in by_cohort.items():
        key = f"{cohort.pk}:{day.isoformat()}"
        facilitators = list(cohort.facilitators.all())
        already = notifications_sent(kind="apologies-digest", keys=[key])
        if any((key, f.pk) in already for f in facilitators):
            continue  # today's digest went: these wait for tomorrow's
        lines = "\n".join(
            f"- {a.enrolment.participant} ({a.enrolment.organisation}), {a.session.title} on "
            f"{local(a.session.starts_at, 'l j F Y')}: “{a.reason}”"
            for a in apologies
        )
        messages = [
            Message(
                kind="apologies-digest",
                key=key,
                recipient=facilitator,
                values={
                    **person_values(facilitator),
                    **cohort_values(cohort),
                    "apologies": lines,
                    "count": str(len(apologies)),
                    "register_link": absolute_reverse("cohorts:cohort_attendance", cohort.pk),
                },
                programme_id=cohort.programme_id,
            )
            for facilitator in facilitators
        ]
        delivered = [n for n in notifications_send(messages) if n.status == n.Status.SENT]
        if delivered or not facilitators:
            Apology.objects.filter(pk__in=[a.pk for a in apologies]).update(
                facilitators_told_at=now
            )
            sent += len(delivered)
    return sent


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
