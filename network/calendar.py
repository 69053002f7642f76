"""“Add to calendar” files (iCalendar) for a round table and an open session, written like the
cohort sessions' (cohorts.calendar.feeds): Europe/London times with the same VTIMEZONE, a UID
that never changes and a SEQUENCE raised when the time or place moves."""

from django.utils import timezone
from icalendar import Event

from cohorts.calendar.feeds import london_calendar
from cohorts.models import LONDON
from links import absolute_reverse


def _event(*, uid, sequence, title, starts_at, ends_at, venue, joining_url, page, extra=()):
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("sequence", sequence)
    event.add("dtstart", timezone.localtime(starts_at, LONDON))
    event.add("dtend", timezone.localtime(ends_at, LONDON))
    event.add("summary", title)
    event.add("status", "CONFIRMED")
    event.add("url", page)
    if venue:
        event.add("location", " ".join(venue.split()))
    elif joining_url:
        event.add("location", joining_url)
    lines = [*extra]
    if joining_url:
        lines.append(f"Join online: {joining_url}")
    lines.append(f"Page: {page}")
    event.add("description", "\n\n".join(lines))
    return event


def _calendar(event, name):
    calendar = london_calendar(name)
    calendar.add_component(event)
    return calendar.to_ical()


def round_table_ics(round_table):
    """The file for someone who accepted: it holds the joining details."""
    event = _event(
        uid=f"round-table-{round_table.pk}@academy",
        sequence=round_table.sequence,
        title=f"Round table: {round_table.title}",
        starts_at=round_table.starts_at,
        ends_at=round_table.ends_at,
        venue=round_table.venue,
        joining_url=round_table.joining_url,
        page=absolute_reverse("network:round_table", round_table.pk),
        extra=["Under the Chatham House rule."]
        + ([round_table.joining_instructions] if round_table.joining_instructions else []),
    )
    return _calendar(event, round_table.title)


def open_session_ics(session):
    event = _event(
        uid=f"open-session-{session.pk}@academy",
        sequence=session.sequence,
        title=session.title,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        venue=session.venue,
        joining_url=session.joining_url,
        page=absolute_reverse("network:open_session", session.pk),
    )
    return _calendar(event, session.title)
