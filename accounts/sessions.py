"""How long a signed-in session lasts without use: ACADEMY_SESSION_IDLE_MINUTES, and
ACADEMY_SESSION_IDLE_MINUTES_STAFF (2 hours by default) for programme managers, facilitators and
administrators, who see other people's personal data."""

import time

from django.conf import settings

from .roles import is_facilitator, is_programme_manager

LAST_SEEN_KEY = "academy_last_seen"
STAFF_KEY = "academy_staff_session"
# The last-seen time is written at most this often, so most requests do not save the session.
WRITE_EVERY_SECONDS = 60


def session_started(request, user):
    """At sign-in: note the time, and whether the staff limit applies to this session."""
    request.session[STAFF_KEY] = bool(
        user.is_superuser or user.is_staff or is_programme_manager(user) or is_facilitator(user)
    )
    request.session[LAST_SEEN_KEY] = int(time.time())


def idle_limit_seconds(session):
    minutes = (
        settings.ACADEMY_SESSION_IDLE_MINUTES_STAFF
        if session.get(STAFF_KEY)
        else settings.ACADEMY_SESSION_IDLE_MINUTES
    )
    return minutes * 60


def session_touch(session):
    """Note this request. False if the session had been idle too long and must end."""
    now = int(time.time())
    last_seen = session.get(LAST_SEEN_KEY)
    if last_seen is not None and now - last_seen > idle_limit_seconds(session):
        return False
    if last_seen is None or now - last_seen >= WRITE_EVERY_SECONDS:
        session[LAST_SEEN_KEY] = now
    return True
