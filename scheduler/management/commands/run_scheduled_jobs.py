"""The one entry point for everything timed. A systemd timer (deploy/systemd/academy-scheduler.*)
runs it every five minutes; each job runs when it is due and is safe to run twice."""

import time

from django.core.management.base import BaseCommand, CommandError

from scheduler.jobs import registered_jobs, scheduled_jobs_run
from scheduler.models import ScheduledJobRun


class Command(BaseCommand):
    help = "Run every scheduled job that is due (publishing, reminders, at-risk checks, ...)."

    def add_arguments(self, parser):
        parser.add_argument("--job", action="append", help="Run only this job (repeatable).")
        parser.add_argument("--force", action="store_true", help="Run even if not due.")
        parser.add_argument("--list", action="store_true", help="List the jobs and their runs.")
        parser.add_argument(
            "--loop",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep running, checking every SECONDS (for hosts without timers).",
        )

    def handle(self, *args, job=None, force=False, list=False, loop=0, **options):
        if list:
            runs = {run.name: run for run in ScheduledJobRun.objects.all()}
            for name, scheduled in registered_jobs().items():
                run = runs.get(name)
                last = f"{run.last_started_at:%Y-%m-%d %H:%M} {run.outcome}" if run else "never"
                self.stdout.write(f"{name:32} every {scheduled.every}  last: {last}")
                self.stdout.write(f"    {scheduled.description}")
            return
        while True:
            try:
                results = scheduled_jobs_run(names=job, force=force)
            except KeyError as error:
                raise CommandError(error.args[0]) from error
            for name, result in results.items():
                self.stdout.write(f"{name}: {result}")
            if not loop:
                if any(result.startswith("failed") for result in results.values()):
                    raise CommandError("A scheduled job failed (see above).")
                return
            time.sleep(loop)
