"""The notifications about a cohort session that changed: moved (with the old and new time and
place) or cancelled, to the cohort's participants (invited or taking part) and facilitators,
once per change."""

import datetime as dt
from functools import partial

from django.db import transaction
from django_tasks import task

from notifications.kinds import NotificationKind
from notifications.services import Message, notifications_send

from ..mail import (
    COHORT,
    COHORT_SAMPLE,
    PERSON,
    PERSON_SAMPLE,
    SESSION,
    SESSION_SAMPLE,
    cohort_values,
    person_values,
    session_values,
    when,
    where,
)
from ..models import CohortSession, Enrolment

KINDS = [
    NotificationKind(
        "session-moved",
        "Cohort session moved",
        "the cohort's participants and facilitators",
        {
            **PERSON,
            **COHORT,
            **SESSION,
            "old_when": "When it was to be (UK time)",
            "old_where": "Where it was to be",
        },
        {
            **PERSON_SAMPLE,
            **COHORT_SAMPLE,
            **SESSION_SAMPLE,
            "old_when": "Tuesday 5 May 2026, 10:00 to 13:00 (UK time)",
            "old_where": "County Hall, Maidstone",
        },
        subject="Moved: {session}, now {session_when}",
        body="""Dear {first_name},

A session of {cohort} has moved.

{session}
Now: {session_when}
Where: {session_where}

It was: {old_when}, {old_where}.

If you subscribe to your academy calendar, it updates by itself; otherwise add the new time to your calendar:
{calendar_link}

The session page:
{session_link}""",
    ),
    NotificationKind(
        "session-cancelled",
        "Cohort session cancelled",
        "the cohort's participants and facilitators",
        {**PERSON, **COHORT, **SESSION, "reason": "Why it is cancelled"},
        {**PERSON_SAMPLE, **COHORT_SAMPLE, **SESSION_SAMPLE, "reason": "The venue is closed."},
        subject="Cancelled: {session}, {session_when}",
        body="""Dear {first_name},

A session of {cohort} is cancelled and will not take place:

{session}
{session_when}

The reason: {reason}

It no longer counts towards completing the programme. Subscribed calendars show it as cancelled.""",
    ),
]


def _iso(moment):
    return moment.isoformat() if moment else None


def session_moved_notify_on_commit(session, *, before, actor):
    transaction.on_commit(
        partial(
            session_changed_send.enqueue,
            session_id=session.pk,
            sequence=session.sequence,
            kind="session-moved",
            before={
                **before,
                "starts_at": _iso(before["starts_at"]),
                "ends_at": _iso(before["ends_at"]),
            },
            actor_id=getattr(actor, "pk", None),
        )
    )


def session_cancelled_notify_on_commit(session, *, actor):
    transaction.on_commit(
        partial(
            session_changed_send.enqueue,
            session_id=session.pk,
            sequence=session.sequence,
            kind="session-cancelled",
            before={},
            actor_id=getattr(actor, "pk", None),
        )
    )


def told_of(session):
    """Who is told when a session changes: participants invited or taking part, and the
    cohort's facilitators."""
    enrolments = Enrolment.objects.filter(
        cohort_id=session.cohort_id, status__in=(Enrolment.Status.INVITED, *Enrolment.ACTIVE)
    ).select_related("participant")
    people = {e.participant.pk: (e.participant, e.participant) for e in enrolments}
    for facilitator in session.cohort.facilitators.all():
        people.setdefault(facilitator.pk, (facilitator, None))
    return list(people.values())


@task()
def session_changed_send(session_id, sequence, kind, before, actor_id=None):
    """Tell everyone a moved or cancelled session concerns (except whoever changed it), once
    per change: a move is keyed by the session's calendar sequence, a cancellation by the
    session."""
    session = (
        CohortSession.objects.select_related("cohort__programme").filter(pk=session_id).first()
    )
    if session is None:
        return 0
    values = {**cohort_values(session.cohort), **session_values(session)}
    if kind == "session-moved":
        key = f"{session.pk}:{sequence}"
        values["old_when"] = when(
            dt.datetime.fromisoformat(before["starts_at"]),
            dt.datetime.fromisoformat(before["ends_at"]),
        )
        values["old_where"] = where(before.get("venue", ""), before.get("joining_url", ""))
    else:
        key = str(session.pk)
        values["reason"] = session.cancellation_reason
    messages = [
        Message(
            kind=kind,
            key=key,
            recipient=person,
            values={**values, **person_values(person)},
            programme_id=session.cohort.programme_id,
            about=about,
        )
        for person, about in told_of(session)
        if person.pk != actor_id
    ]
    return len(notifications_send(messages))
