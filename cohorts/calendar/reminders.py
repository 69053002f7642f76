"""Reminders of coming cohort sessions, emailed to participants a week before and the day
before each session.

`send_session_reminders` (a management command a scheduler runs hourly) queues the
`session_reminders_send` task. Each reminder is recorded (SessionReminder, unique per
enrolment, session and kind) in the same transaction that sends it, so however often the task
runs, or if two runs overlap, a person gets each reminder at most once; if the email cannot be
sent, the record is rolled back and the next run tries again.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from links import absolute_reverse
from modules.services import rich_text_as_plain_text

from ..models import LONDON, Apology, CohortSession, Enrolment, SessionReminder

# When each kind of reminder is due: the session starts within this window from now. An hourly
# run sends the week reminder between 7 days and 6 days ahead; the day reminder in the last
# 24 hours. A run that is missed for longer than the window skips that reminder rather than
# sending a "week before" reminder two days before.
WINDOWS = {
    SessionReminder.Kind.WEEK: (dt.timedelta(days=6), dt.timedelta(days=7)),
    SessionReminder.Kind.DAY: (dt.timedelta(0), dt.timedelta(days=1)),
}
# The most reminders one run sends; the next hourly run carries on from there.
BATCH_LIMIT = 2000


@dataclass
class ReminderRun:
    sent: int = 0
    already_sent: int = 0


def due_reminders(*, now=None, limit=BATCH_LIMIT):
    """(kind, enrolment, session) for each reminder that is due and not yet sent: confirmed
    participants only, and not those who sent apologies for the session. A fixed number of
    queries however many sessions and participants there are."""
    now = now or timezone.now()
    due = []
    for kind, (nearest, furthest) in WINDOWS.items():
        sessions = list(
            CohortSession.objects.filter(
                starts_at__gt=now + nearest, starts_at__lte=now + furthest
            ).select_related("cohort__programme", "cohort__place")
        )
        if not sessions:
            continue
        by_cohort = {}
        for session in sessions:
            by_cohort.setdefault(session.cohort_id, []).append(session)
        done = set(
            SessionReminder.objects.filter(session__in=sessions, kind=kind).values_list(
                "enrolment_id", "session_id"
            )
        )
        done |= set(
            Apology.objects.filter(session__in=sessions).values_list("enrolment_id", "session_id")
        )
        enrolments = Enrolment.objects.filter(
            status=Enrolment.Status.CONFIRMED, cohort_id__in=by_cohort
        ).select_related("participant")
        for enrolment in enrolments.order_by("pk"):
            for session in by_cohort[enrolment.cohort_id]:
                if (enrolment.pk, session.pk) not in done:
                    due.append((kind, enrolment, session))
                    if len(due) >= limit:
                        return due
    return due


def reminder_message(*, enrolment, session, kind):
    """The reminder email: when, where or how to join, and what to read first."""
    context = {
        "enrolment": enrolment,
        "session": session,
        "cohort": session.cohort,
        "kind": kind,
        "starts": timezone.localtime(session.starts_at, LONDON),
        "ends": timezone.localtime(session.ends_at, LONDON),
        "pre_reading": rich_text_as_plain_text(session.pre_reading),
        "session_link": absolute_reverse("cohorts:session_detail", session.pk),
        "calendar_link": absolute_reverse("cohorts:session_ics", session.pk),
    }
    subject = render_to_string("cohorts/emails/session_reminder_subject.txt", context)
    body = render_to_string("cohorts/emails/session_reminder.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()), body=body, to=[enrolment.participant.email]
    )


def session_reminder_send(*, enrolment, session, kind, now=None) -> bool:
    """Send one reminder unless it has been sent already. True if this call sent it."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            reminder, created = SessionReminder.objects.get_or_create(
                enrolment=enrolment, session=session, kind=kind, defaults={"created_at": now}
            )
            if not created:
                return False
            reminder.full_clean()
            # Sent inside the transaction: if sending fails the record is rolled back, and the
            # next run tries again.
            reminder_message(enrolment=enrolment, session=session, kind=kind).send()
            reminder.sent_at = timezone.now()
            reminder.save(update_fields=["sent_at"])
    except IntegrityError:
        # Another run recorded the same reminder between our look-up and insert.
        return False
    return True


def session_reminders_send_due(*, now=None) -> ReminderRun:
    """Send every reminder that is due now (up to BATCH_LIMIT)."""
    now = now or timezone.now()
    run = ReminderRun()
    for kind, enrolment, session in due_reminders(now=now):
        if session_reminder_send(enrolment=enrolment, session=session, kind=kind, now=now):
            run.sent += 1
        else:
            run.already_sent += 1
    return run


@task()
def session_reminders_send(now_iso: str | None = None):
    """Background task: send the session reminders that are due."""
    now = dt.datetime.fromisoformat(now_iso) if now_iso else None
    run = session_reminders_send_due(now=now)
    return {"sent": run.sent, "already_sent": run.already_sent}
