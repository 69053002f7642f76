"""Demo data for the session life cycle and notifications, made through the services as a
programme manager would: the running cohort's next session moved to a new day and place, its
last session cancelled (people are told of both, in the console in dev), and the programme's
own wording for "session moved". The demo loader calls `load_session_changes_demo` once the
running cohort has its sessions and participants."""

import datetime as dt

from django.utils import timezone

from cohorts.models import LONDON
from cohorts.scheduling.services import cohort_session_cancel, cohort_session_move
from notifications.services import notification_wording_save

MOVED_SUBJECT = "Change of day and place: {session}"
MOVED_BODY = """Dear {first_name},

Please note that {session} of {cohort} has moved:

Now: {session_when}
Where: {session_where}

It was: {old_when}, {old_where}.

Your academy calendar updates by itself. If you cannot make the new date, send your
apologies from the session page:
{session_link}

With thanks,
The Digital Academy team"""


def load_session_changes_demo(*, cohort, manager, now=None):
    """Move the running cohort's next session a day later to another venue, cancel its last
    session, and word the programme's "session moved" notification. Returns (moved,
    cancelled), either None when the cohort has too few sessions to come."""
    now = now or timezone.now()
    notification_wording_save(
        programme=cohort.programme, kind="session-moved", subject=MOVED_SUBJECT, body=MOVED_BODY
    )
    coming = list(cohort.sessions.scheduled().filter(starts_at__gt=now).order_by("starts_at"))
    if len(coming) < 2:
        return None, None
    moved, last = coming[0], coming[-1]
    next_day = moved.starts_at + dt.timedelta(days=1)
    if timezone.localtime(next_day, LONDON).date() <= cohort.ends_on:
        moved = cohort_session_move(
            session=moved,
            actor=manager,
            starts_at=next_day,
            ends_at=moved.ends_at + dt.timedelta(days=1),
            venue="Kent Fire and Rescue Service HQ, Tonbridge Road, Maidstone ME16 8AD",
            joining_url=moved.joining_url,
        )
    cancelled = cohort_session_cancel(
        session=last,
        actor=manager,
        reason="The venue is closed for repairs; the module is covered online instead.",
    )
    return moved, cancelled
