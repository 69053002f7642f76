"""Reminders of coming cohort sessions, emailed to participants a week before and the day
before each session.

The scheduler's hourly "session-reminders" job sends those due. Each reminder is a notification
(kind "session-reminder", keyed by the session and which reminder it is), recorded once per
participant, so however often the job runs, or if two runs overlap, a person gets each reminder
at most once; one that failed to send is tried again by the next run.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from modules.services import rich_text_as_plain_text
from notifications.kinds import NotificationKind
from notifications.services import Message, notifications_send, notifications_sent

from ..mail import (
    COHORT,
    COHORT_SAMPLE,
    PERSON,
    PERSON_SAMPLE,
    SESSION,
    SESSION_SAMPLE,
    cohort_values,
    local,
    person_values,
    session_values,
)
from ..models import Apology, CohortSession, Enrolment

WEEK, DAY = "week", "day"
# When each kind of reminder is due: the session starts within this window from now. An hourly
# run sends the week reminder between 7 days and 6 days ahead; the day reminder in the last
# 24 hours. A run that is missed for longer than the window skips that reminder rather than
# sending a "week before" reminder two days before.
WINDOWS = {
    WEEK: (dt.timedelta(days=6), dt.timedelta(days=7)),
    DAY: (dt.timedelta(0), dt.timedelta(days=1)),
}
# The most reminders one run sends; the next hourly run carries on from there.
BATCH_LIMIT = 2000

KIND = NotificationKind(
    "session-reminder",
    "Cohort session reminder",
    "confirmed participants, a week before and the day before each session (not those who "
    "sent apologies)",
    {
        **PERSON,
        **COHORT,
        **SESSION,
        "when_word": "“next week” or “tomorrow”",
        "when_title": "“Next week” or “Tomorrow”",
        "subject_when": "The day and time, short (“Tuesday 14 July at 09:30”)",
        "pre_reading": "What to read before the session (may be empty)",
    },
    {
        **PERSON_SAMPLE,
        **COHORT_SAMPLE,
        **SESSION_SAMPLE,
        "when_word": "next week",
        "when_title": "Next week",
        "subject_when": "Tuesday 12 May at 10:00",
        "pre_reading": "The council's data strategy, pages 4 to 9.",
    },
    subject="{when_title}: {session}, {subject_when}",
    body="""Dear {first_name},

A reminder that {cohort} meets {when_word}:

{session}
{session_when}
Where: {session_where}

Before the session, please read: {pre_reading}

The session page, with joining instructions and material:
{session_link}

Add it to your calendar:
{calendar_link}

If you cannot attend, please send your apologies from the session page.""",
)


@dataclass
class ReminderRun:
    sent: int = 0
    already_sent: int = 0


def reminder_key(session, which):
    return f"{which}:{session.pk}"


def due_reminders(*, now=None, limit=BATCH_LIMIT):
    """(which, enrolment, session) for each reminder that is due and not yet delivered:
    confirmed participants only, and not those who sent apologies for the session; never for a
    cancelled session. A fixed number of queries however many sessions and participants."""
    now = now or timezone.now()
    due = []
    for which, (nearest, furthest) in WINDOWS.items():
        sessions = list(
            CohortSession.objects.scheduled()
            .filter(starts_at__gt=now + nearest, starts_at__lte=now + furthest)
            .select_related("cohort__programme", "cohort__place")
        )
        if not sessions:
            continue
        by_cohort = {}
        for session in sessions:
            by_cohort.setdefault(session.cohort_id, []).append(session)
        delivered = notifications_sent(
            kind=KIND.name, keys=[reminder_key(s, which) for s in sessions]
        )
        apologised = set(
            Apology.objects.filter(session__in=sessions).values_list("enrolment_id", "session_id")
        )
        enrolments = Enrolment.objects.filter(
            status=Enrolment.Status.CONFIRMED, cohort_id__in=by_cohort
        ).select_related("participant")
        for enrolment in enrolments.order_by("pk"):
            for session in by_cohort[enrolment.cohort_id]:
                if (reminder_key(session, which), enrolment.participant_id) in delivered:
                    continue
                if (enrolment.pk, session.pk) in apologised:
                    continue
                due.append((which, enrolment, session))
                if len(due) >= limit:
                    return due
    return due


def reminder_message(*, enrolment, session, which):
    """The reminder: when, where or how to join, and what to read first."""
    return Message(
        kind=KIND.name,
        key=reminder_key(session, which),
        recipient=enrolment.participant,
        values={
            **person_values(enrolment.participant),
            **cohort_values(session.cohort),
            **session_values(session),
            "when_word": "next week" if which == WEEK else "tomorrow",
            "when_title": "Next week" if which == WEEK else "Tomorrow",
            "subject_when": f"{local(session.starts_at, 'l j F')} at "
            f"{local(session.starts_at, 'H:i')}",
            "pre_reading": rich_text_as_plain_text(session.pre_reading) or "nothing this time.",
        },
        programme_id=session.cohort.programme_id,
        about=enrolment.participant,
    )


def session_reminders_send_due(*, now=None) -> ReminderRun:
    """Send every reminder that is due now (up to BATCH_LIMIT)."""
    due = due_reminders(now=now)
    sent = notifications_send(
        [reminder_message(enrolment=e, session=s, which=which) for which, e, s in due]
    )
    delivered = sum(1 for n in sent if n.status == n.Status.SENT)
    return ReminderRun(sent=delivered, already_sent=len(due) - len(sent))
