"""Reminders the day before a round table (to those who accepted) and an open session (to
those with a place), sent by the scheduler's hourly "network-reminders" job, worded and
recorded like the cohort sessions' reminders (cohorts.calendar.reminders): one notification
per event, time and person, so however often the job runs a person is reminded once (and again
if the event moves)."""

import datetime as dt

from django.utils import timezone

from cohorts.mail import PERSON, PERSON_SAMPLE, person_values, when, where
from links import absolute_reverse
from notifications.kinds import NotificationKind
from notifications.services import Message, notifications_send
from scheduler.jobs import HOURLY, ScheduledJob

from .models import OpenSessionBooking, RoundTableInvitation

# Due when the event starts within the next day (as the cohort sessions' day-before reminder).
WINDOW = dt.timedelta(days=1)
BATCH_LIMIT = 2000

KIND = NotificationKind(
    "network-reminder",
    "Round table or open session reminder",
    "those who accepted a round table, or have a place on an open session, the day before",
    {
        **PERSON,
        "event": "The round table or open session",
        "event_when": "When it is (UK time)",
        "event_where": "Where it is, or its joining link",
        "link": "Its page",
    },
    {
        **PERSON_SAMPLE,
        "event": "Digital and devolution: South East chief executives",
        "event_when": "Thursday 14 May 2026, 08:30 to 10:30 (UK time)",
        "event_where": "Sessions House, Maidstone",
        "link": "https://academy.example.gov.uk/network/round-tables/3/",
    },
    subject="Tomorrow: {event}",
    body="""Dear {first_name},

A reminder: {event} is tomorrow.

When: {event_when}
Where: {event_where}

{link}""",
)


def _message(kind_key, person, event, link):
    return Message(
        kind=KIND.name,
        key=f"{kind_key}:{event.pk}:{event.sequence}",
        recipient=person,
        values={
            **person_values(person),
            "event": event.title,
            "event_when": when(event.starts_at, event.ends_at),
            "event_where": where(event.venue, event.joining_url),
            "link": link,
        },
    )


def network_reminders_send_due(*, now=None):
    """Send the reminders due now; returns how many were sent or tried."""
    now = now or timezone.now()
    soon = {"starts_at__gt": now, "starts_at__lte": now + WINDOW}
    messages = [
        _message(
            "round-table-reminder",
            invitation.person,
            invitation.round_table,
            absolute_reverse("network:round_table", invitation.round_table_id),
        )
        for invitation in RoundTableInvitation.objects.filter(
            status=RoundTableInvitation.Status.ACCEPTED,
            **{f"round_table__{k}": v for k, v in soon.items()},
        ).select_related("person", "round_table")[:BATCH_LIMIT]
    ]
    messages += [
        _message(
            "open-session-reminder",
            booking.person,
            booking.session,
            absolute_reverse("network:open_session", booking.session_id),
        )
        for booking in OpenSessionBooking.objects.filter(
            status=OpenSessionBooking.Status.BOOKED,
            **{f"session__{k}": v for k, v in soon.items()},
        ).select_related("person", "session")[:BATCH_LIMIT]
    ]
    return len(notifications_send(messages, now=now))


def network_reminders():
    return f"{network_reminders_send_due()} round table and open session reminders sent."


def jobs():
    return [
        ScheduledJob(
            "network-reminders",
            "Email round table and open session reminders the day before.",
            HOURLY,
            network_reminders,
        )
    ]
