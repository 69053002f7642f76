"""Print a JSON list of the ids of new sessions of a cohort whose self check-in is open for the
whole load test: `count` sessions that started a few minutes ago (check-in opens when a
session starts), so check-in is open and closes well after the run. Run by loadtest/run.py
under the stack's settings:

    _checkin_sessions.py COHORT_ID COUNT RUN_SECONDS
"""

import datetime as dt
import json
import sys

import django

django.setup()

from django.utils import timezone  # noqa: E402

from cohorts.attendance import checkin  # noqa: E402
from cohorts.models import Cohort, CohortSession  # noqa: E402

cohort_id, count, run_seconds = (int(arg) for arg in sys.argv[1:4])
cohort = Cohort.objects.get(pk=cohort_id)
now = timezone.now()
starts_at = now - dt.timedelta(minutes=5)
ids = []
for n in range(count):
    session = CohortSession(
        cohort=cohort,
        title=f"Load test session {n + 1}",
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=3),
        venue="Council Chamber, Sessions House, County Road, Maidstone ME14 1XQ",
    )
    session.full_clean()
    session.save()
    ids.append(session.pk)
window = checkin.checkin_window(session)
# Setting up and stopping take a few minutes besides the run itself.
if not window.contains(now + dt.timedelta(seconds=run_seconds + 600)):
    sys.exit(f"Check-in closes at {window.closes_at:%H:%M}, before the run would end.")
print(json.dumps(ids))
