"""A cohort's attendance grid as its page shows it, with the page's rendered parts (the rows,
the rates and chart, the at-risk list) kept between requests, so that a page whose parts are
kept builds no grid and reads nothing of the cohort's record but its version.

What those parts show depends on three things, and they are kept under all three:
- the cohort's record: its version (`cohorts.record_versions`, with the deploy's generation, so
  parts rendered by the code before a deploy are never read after it), read with the kept parts
  and before the rows they are worked out from, so parts worked out from rows read while a
  change was being made are never read after it;
- whose records the viewer may see: everyone on the cohort for those who may run it (as
  `visible_to` gives programme managers and the cohort's facilitators), otherwise the very
  enrolments they may see (`grid.grid_enrolments`, a nominator's own organisation's officers),
  so a kept grid is shared only by people who may see exactly the same people;
- the time: how many sessions have been held by now. The cohort's sessions are kept with the
  parts (they change only with the version) and the parts are thrown away once more sessions
  have started than when they were rendered.
Whether the viewer may run the cohort (`may_run`, asked once here and used by the page) is the
same thing as whether they see everyone, so the parts of those who may run it (with the links
to each session's register) are kept apart from everyone else's. The parts hold nothing else of
who is looking: the form and the cohort's menu are rendered every time.
They live in the "records" cache, which keeps nothing where processes share no cache.
"""

import datetime as dt
from functools import cached_property

from django.utils import timezone

from kept.parts import cache as kept_cache
from kept.parts import digest

from .. import permissions, record_versions
from ..completion.schedule import sessions_held
from ..models import Cohort, Enrolment
from .grid import CohortGrid, build_grid, cohort_sessions, grid_enrolments


class KeptGrid:
    """The grid of `cohort` for what `user` may see, read as a `CohortGrid` (built only when
    something asks for more than its sessions), with `part()` for the page's kept parts."""

    def __init__(self, *, cohort: Cohort, user, now: dt.datetime | None = None):
        self.cohort = cohort
        self.now = now or timezone.now()
        # Those who may run the cohort see everyone on it; the parts they are shown are kept
        # under "everyone", apart from the parts of anyone who may not.
        self.may_run = bool(permissions.check(user, "run-cohort", cohort))
        if self.may_run:
            self._enrolments = grid_enrolments(cohort=cohort, user=user)  # every one on it
            seen = "everyone"
        else:
            ids = list(
                grid_enrolments(cohort=cohort, user=user)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            self._enrolments = Enrolment.objects.filter(pk__in=ids)
            seen = digest(ids)
        self._key = f"cohort-grid:{cohort.pk}:{seen}"
        # The version is read before the rows any part is worked out from.
        version, kept = record_versions.version_and_kept(cohort.pk, self._key)
        if kept is not None and (
            kept["version"] != version or kept["held"] != sessions_held(kept["sessions"], self.now)
        ):
            kept = None  # the record has changed, or a session has started, since
        if kept is None:
            sessions = cohort_sessions(cohort)
            held = sessions_held(sessions, self.now)
            kept = {"version": version, "sessions": sessions, "held": held, "parts": {}}
        self._kept = kept
        self.sessions = kept["sessions"]

    @cached_property
    def grid(self) -> CohortGrid:
        return build_grid(
            cohort=self.cohort, sessions=self.sessions, enrolments=self._enrolments, now=self.now
        )

    def __getattr__(self, name):
        # Everything else a CohortGrid has (rows, rates, held...), from the grid built now.
        if name.startswith("_") or name == "grid":  # not while building, pickling or copying
            raise AttributeError(name)
        return getattr(self.grid, name)

    def part(self, name: str, render, variant=None) -> str:
        """The part of the page called `name`, kept, or `render()` and kept. The page's own
        parts are read together; a `variant` (the one session a phone shows) on its own, so
        that the whole grid's page never reads them."""
        cache = kept_cache()
        if variant is not None:
            key = f"{self._key}:{name}:{variant}"
            current = {k: self._kept[k] for k in ("version", "held")}
            kept = cache.get(key)
            if kept is None or kept["for"] != current:
                kept = {"for": current, "html": render()}
                cache.set(key, kept, timeout=record_versions.RESULT_TIMEOUT)
            return kept["html"]
        parts = self._kept["parts"]
        if name not in parts:
            parts[name] = render()
            cache.set(self._key, self._kept, timeout=record_versions.RESULT_TIMEOUT)
        return parts[name]
