"""Periodic jobs: what each is, how often it runs, and running those that are due.

Apps register their jobs with Wagtail's hook registry, so the scheduler imports none of them:

    @hooks.register("register_scheduled_jobs")
    def register_jobs():
        return [ScheduledJob("session-reminders", "Queue session reminders", HOURLY, send)]

Every job must be safe to run twice (a reminder is never sent twice, a page published once):
the scheduler runs a job when it is due, never two copies of it at the same time, and a job that
failed is tried again at the next run.
"""

import datetime as dt
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from .models import ScheduledJobRun

logger = logging.getLogger(__name__)

EVERY_FIVE_MINUTES = dt.timedelta(minutes=5)
HOURLY = dt.timedelta(hours=1)
DAILY = dt.timedelta(days=1)


@dataclass(frozen=True)
class ScheduledJob:
    name: str
    description: str
    every: dt.timedelta
    run: Callable[[], object]

    def is_due(self, last_started_at, now):
        # A little slack, so a job every hour run by an hourly timer is not skipped for a
        # timer that fired a second early.
        return last_started_at is None or now - last_started_at >= self.every * 0.95


def registered_jobs():
    """Every app's jobs, by name, in a stable order."""
    jobs = {}
    for register in hooks.get_hooks("register_scheduled_jobs"):
        for job in register():
            if job.name in jobs:
                raise ValueError(f"Two scheduled jobs are called {job.name!r}.")
            jobs[job.name] = job
    return dict(sorted(jobs.items()))


def _claim(job, *, now, force):
    """Mark the job started if it is due and no other scheduler holds it; False otherwise."""
    with transaction.atomic():
        ScheduledJobRun.objects.get_or_create(name=job.name)
        run = (
            ScheduledJobRun.objects.select_for_update(skip_locked=True)
            .filter(name=job.name)
            .first()
        )
        if run is None:  # another scheduler is deciding about this job right now
            return False
        # Still running elsewhere; a run that died is taken over after a day.
        still_running = (
            run.outcome == ScheduledJobRun.Outcome.RUNNING
            and run.last_started_at
            and now - run.last_started_at < dt.timedelta(days=1)
        )
        if still_running and not force:
            return False
        if not force and not job.is_due(run.last_started_at, now):
            return False
        run.last_started_at = now
        run.outcome = ScheduledJobRun.Outcome.RUNNING
        run.save(update_fields=["last_started_at", "outcome"])
    return True


def _finish(job, *, outcome, summary):
    ScheduledJobRun.objects.filter(name=job.name).update(
        last_finished_at=timezone.now(), outcome=outcome, summary=summary[:2000]
    )


def scheduled_jobs_run(*, names=None, force=False, now=None):
    """Run every registered job that is due (or only `names`; `force` runs them even if not
    due). Returns {job name: "ran", "not due" or "failed: ..."}; one job's failure never stops
    the others."""
    now = now or timezone.now()
    jobs = registered_jobs()
    unknown = set(names or ()) - set(jobs)
    if unknown:
        raise KeyError(f"No scheduled job called {', '.join(sorted(unknown))}.")
    results = {}
    for name, job in jobs.items():
        if names and name not in names:
            continue
        if not _claim(job, now=now, force=force):
            results[name] = "not due"
            continue
        try:
            outcome = job.run()
        except Exception as error:  # noqa: BLE001 (recorded, and the next job still runs)
            logger.exception("Scheduled job %s failed", name)
            _finish(
                job,
                outcome=ScheduledJobRun.Outcome.FAILED,
                summary="".join(traceback.format_exception_only(error)).strip(),
            )
            results[name] = f"failed: {error}"
        else:
            _finish(job, outcome=ScheduledJobRun.Outcome.SUCCEEDED, summary=str(outcome or ""))
            results[name] = "ran"
    return results
