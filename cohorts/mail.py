"""The values cohorts' notifications fill their placeholders with, worked out in one place so
every kind words a person, a cohort or a cohort session the same way (times in UK time), and
the placeholders and examples those values offer the wording screen.

Each area's `emails.py` declares its kinds (`notifications.kinds.NotificationKind`) and builds
`notifications.services.Message`s from these; its `tasks.py` sends them.
"""

from django.utils import dateformat, timezone

from links import absolute_reverse

from .models import LONDON

PERSON = {
    "first_name": "The recipient's first name (or email address if none)",
    "full_name": "The recipient's full name",
}
PERSON_SAMPLE = {"first_name": "Sam", "full_name": "Sam Okafor"}

COHORT = {
    "cohort": "The cohort, with its programme (“Digital Academy: Kent 2026”)",
    "programme": "The programme's title",
    "cohort_dates": "The cohort's dates",
}
COHORT_SAMPLE = {
    "cohort": "Digital Academy: Kent 2026",
    "programme": "Digital Academy",
    "cohort_dates": "3 March 2026 to 24 November 2026",
}

OFFICER = {
    "officer": "The officer's full name",
    "officer_email": "The officer's email address",
    "organisation": "The officer's organisation",
}
OFFICER_SAMPLE = {
    "officer": "Priya Shah",
    "officer_email": "priya.shah@police.example.gov.uk",
    "organisation": "Kent Police",
}

SESSION = {
    "session": "The cohort session's title",
    "session_when": "When it is (UK time)",
    "session_where": "Where it is: the venue, or that it is online",
    "session_link": "The session's page (joining instructions and material)",
    "calendar_link": "An “add to calendar” file for the session",
}
SESSION_SAMPLE = {
    "session": "Session 3: Data and trust",
    "session_when": "Tuesday 12 May 2026, 10:00 to 13:00 (UK time)",
    "session_where": "Kent Fire and Rescue HQ, Tonbridge Road, Maidstone",
    "session_link": "https://academy.example.gov.uk/cohorts/sessions/42/",
    "calendar_link": "https://academy.example.gov.uk/cohorts/sessions/42/calendar.ics",
}


def local(moment, pattern="l j F Y, H:i"):
    return dateformat.format(timezone.localtime(moment, LONDON), pattern)


def when(starts_at, ends_at):
    """“Tuesday 12 May 2026, 10:00 to 13:00 (UK time)”."""
    return f"{local(starts_at)} to {local(ends_at, 'H:i')} (UK time)"


def where(venue, joining_url):
    if venue:
        return " ".join(venue.split())
    if joining_url:
        return f"Online: {joining_url}"
    return "To be confirmed"


def person_values(person):
    return {
        "first_name": person.first_name or person.email,
        "full_name": person.get_full_name().strip() or person.email,
    }


def cohort_values(cohort):
    return {
        "cohort": str(cohort),
        "programme": cohort.programme.title,
        "cohort_dates": f"{cohort.starts_on:%-d %B %Y} to {cohort.ends_on:%-d %B %Y}",
    }


def officer_values(enrolment):
    person = enrolment.participant
    return {
        "officer": person.get_full_name().strip() or person.email,
        "officer_email": person.email,
        "organisation": str(enrolment.organisation),
    }


def session_values(session):
    return {
        "session": session.title,
        "session_when": when(session.starts_at, session.ends_at),
        "session_where": where(session.venue, session.joining_url),
        "session_link": absolute_reverse("cohorts:session_detail", session.pk),
        "calendar_link": absolute_reverse("cohorts:session_ics", session.pk),
    }
