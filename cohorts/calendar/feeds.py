"""Calendars (iCalendar, RFC 5545): a private feed of a person's own cohort sessions, a feed per
cohort, and an "add to calendar" file for one session.

Times are written in Europe/London with a VTIMEZONE, so Outlook, Google and Apple Calendar show
them at the right local time on both sides of the clocks changing. Each session's UID never
changes and its SEQUENCE goes up whenever it moves (CohortSession.save), so a calendar that
already holds it replaces it with the new time or place.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from accounts.roles import is_facilitator
from links import absolute_reverse

from .. import permissions
from ..models import LONDON, CalendarFeed, Cohort, CohortSession, Enrolment, new_calendar_token

# A feed lists recent and coming sessions only, so it stays small however long the academy runs.
FEED_PAST_DAYS = 120
FEED_LIMIT = 500
PRODID = "-//Academy//Cohort sessions//EN"


def _london_vtimezone():
    """Europe/London since 1996: BST from the last Sunday in March at 01:00 UTC, GMT from the
    last Sunday in October. Written as two yearly rules, which every calendar app reads."""
    tz = Timezone()
    tz.add("tzid", "Europe/London")
    daylight = TimezoneDaylight()
    daylight.add("tzname", "BST")
    daylight.add("tzoffsetfrom", dt.timedelta(hours=0))
    daylight.add("tzoffsetto", dt.timedelta(hours=1))
    daylight.add("dtstart", dt.datetime(1981, 3, 29, 1, 0, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    standard = TimezoneStandard()
    standard.add("tzname", "GMT")
    standard.add("tzoffsetfrom", dt.timedelta(hours=1))
    standard.add("tzoffsetto", dt.timedelta(hours=0))
    standard.add("dtstart", dt.datetime(1996, 10, 27, 2, 0, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


def _plain(html):
    return " ".join(strip_tags(html or "").split())


def session_uid(session):
    """Stable for the life of the session, so updates replace the event rather than add one."""
    return f"cohort-session-{session.pk}@academy"


def session_event(session, *, now=None, material=True):
    """One cohort session as a VEVENT, in Europe/London time; with `material` False (for those
    who may see the cohort's dates but not its sessions' pages), no venue, joining link or
    pre-reading."""
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", now or timezone.now())
    event.add("sequence", session.sequence)
    event.add("dtstart", timezone.localtime(session.starts_at, LONDON))
    event.add("dtend", timezone.localtime(session.ends_at, LONDON))
    # A cancelled session stays in the feed, marked cancelled (with its sequence raised), so a
    # calendar that holds it shows it cancelled rather than keeping a stale meeting.
    cancelled = session.is_cancelled
    event.add("summary", f"{'Cancelled: ' if cancelled else ''}{session.title} ({session.cohort})")
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if not material:
        if cancelled:
            event.add("description", "Cancelled.")
        return event
    page = absolute_reverse("cohorts:session_detail", session.pk)
    event.add("url", page)
    if session.venue:
        event.add("location", " ".join(session.venue.split()))
    elif session.joining_url:
        event.add("location", session.joining_url)
    lines = []
    if cancelled:
        lines.append(f"Cancelled: {session.cancellation_reason}")
    if session.joining_url:
        lines.append(f"Join online: {session.joining_url}")
    if session.pre_reading:
        lines.append(f"Before the session: {_plain(session.pre_reading)}")
    lines.append(f"Session page: {page}")
    event.add("description", "\n\n".join(lines))
    return event


def london_calendar(name):
    """An empty calendar called `name`, its times in Europe/London (with the VTIMEZONE every
    calendar app reads): the envelope of every iCalendar file the academy writes."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    calendar.add_component(_london_vtimezone())
    return calendar


def calendar_for(sessions, *, name, now=None, material=True):
    """An iCalendar file (bytes) holding these cohort sessions (see `session_event`); `material`
    is True, False, or the ids of the cohorts whose sessions carry their material."""
    now = now or timezone.now()
    calendar = london_calendar(name)
    # Ask subscribed calendars to look for changes every few hours.
    calendar.add("refresh-interval", dt.timedelta(hours=4), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", dt.timedelta(hours=4))
    for session in sessions:
        with_material = material if isinstance(material, bool) else session.cohort_id in material
        calendar.add_component(session_event(session, now=now, material=with_material))
    return calendar.to_ical()


def _bounded(sessions, now):
    return (
        sessions.filter(ends_at__gte=now - dt.timedelta(days=FEED_PAST_DAYS))
        .select_related("cohort__programme")
        .order_by("starts_at")[:FEED_LIMIT]
    )


def personal_sessions(user, *, now=None):
    """The sessions a person's own feed shows: the cohorts they hold a place on (invited,
    confirmed, completed or not) and, for a facilitator, the cohorts they run."""
    now = now or timezone.now()
    condition = Q(
        cohort__in=Enrolment.objects.holding_seats().filter(participant=user).values("cohort_id")
    )
    if is_facilitator(user):
        condition |= Q(cohort__in=Cohort.objects.facilitated_by(user).values("pk"))
    return _bounded(CohortSession.objects.filter(condition), now)


def material_cohort_ids(user):
    """The cohorts whose material this person reads (`read-cohort-material`: those they run,
    and those they take part in); an invited officer's feed has the dates only until then."""
    ids = set(
        Enrolment.objects.active().filter(participant=user).values_list("cohort_id", flat=True)
    )
    if is_facilitator(user):
        ids |= set(Cohort.objects.facilitated_by(user).values_list("pk", flat=True))
    return ids


def cohort_sessions(cohort, *, now=None):
    return _bounded(CohortSession.objects.filter(cohort=cohort), now or timezone.now())


def feed_body(feed, *, now=None):
    """The iCalendar text a feed serves, or None when its owner may no longer see it."""
    user = feed.user
    if not user.is_active:
        return None
    if feed.cohort_id is None:
        return calendar_for(
            personal_sessions(user, now=now),
            name="Academy sessions",
            now=now,
            material=material_cohort_ids(user),
        )
    if not permissions.check(user, "have-cohort-feed", feed.cohort):
        return None
    # The session page's own rule decides whether the feed carries venues, joining links and
    # pre-reading (issue 15): a nominator sees the dates only.
    material = bool(permissions.check(user, "read-cohort-material", feed.cohort))
    return calendar_for(
        cohort_sessions(feed.cohort, now=now),
        name=f"Academy: {feed.cohort}",
        now=now,
        material=material,
    )


def calendar_feed_get_or_create(*, user, cohort=None) -> CalendarFeed:
    """The person's feed (their own, or one cohort's), made the first time they ask for it."""
    with transaction.atomic():
        feed, _ = CalendarFeed.objects.get_or_create(user=user, cohort=cohort)
    return feed


def calendar_feed_reset(*, feed: CalendarFeed, now=None) -> CalendarFeed:
    """Give the feed a new address: the old one stops working at once (for a link shared by
    mistake, or a lost phone)."""
    with transaction.atomic():
        feed.token = new_calendar_token()
        feed.reset_at = now or timezone.now()
        feed.full_clean()
        feed.save(update_fields=["token", "reset_at"])
    return feed


def feed_url(feed):
    return absolute_reverse("cohorts:calendar_feed", feed.token)
