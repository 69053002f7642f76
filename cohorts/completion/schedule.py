"""A cohort's sessions as the pages that keep results under the version of its record
(`cohorts.record_versions`) read them: small enough to keep in the cache beside those results,
and what a kept result must name of the clock so that it is never stale.

`kept_schedules(cohorts)` -> {cohort id: its sessions in order}, kept under each cohort's
version; `sessions_held(sessions, now)` and `held_so_far(cohort, sessions, now)`, the part of
a key that follows the clock for whatever is worked out from the standings
(`completion.standing`)."""

import datetime as dt
from typing import NamedTuple

from ..models import CohortSession
from ..record_versions import cached_for_cohorts


class KeptSession(NamedTuple):
    """What is kept of a session: its link, title and times, and what the standings count,
    by the session's own rules (`standings_for` takes these in place of the sessions)."""

    pk: int
    cohort_id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    cancelled_at: dt.datetime | None

    is_scheduled = CohortSession.is_scheduled
    has_started = CohortSession.has_started
    is_held = CohortSession.is_held


def _schedules(cohorts):
    schedules = {cohort.pk: [] for cohort in cohorts}
    rows = (
        CohortSession.objects.filter(cohort_id__in=list(schedules))
        .order_by("starts_at", "pk")
        .values_list(*KeptSession._fields)
    )
    for row in rows:
        schedules[row[1]].append(KeptSession(*row))
    return schedules


def kept_schedules(cohorts, *, versions=None) -> dict[int, list[KeptSession]]:
    """Each cohort's sessions in order (by start, then id), kept under its version: one cache
    read, and one query for those not kept."""
    return cached_for_cohorts("cohort-sessions", cohorts, _schedules, versions=versions)


def sessions_held(sessions, now) -> int:
    """How many of these sessions are held by now (`CohortSession.is_held`). Within one version
    of the record the sessions held are the first so many to start, so this is what a result
    kept under the version names of the clock."""
    return sum(1 for s in sessions if s.is_held(now))


def held_so_far(cohort, sessions, now) -> str:
    """What the standings read of the clock: how many sessions are held by now, and whether the
    cohort has ended; a result kept under the version and this is never stale."""
    return f"{sessions_held(sessions, now)}:{cohort.has_ended(now)}"
