"""Queue the session reminders that are due. A scheduler (cron, a systemd timer) runs it hourly;
the background worker sends the emails. Running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from cohorts.calendar.reminders import session_reminders_send


class Command(BaseCommand):
    help = "Queue the week-before and day-before cohort session reminders that are due."

    def handle(self, *args, **options):
        result = session_reminders_send.enqueue()
        self.stdout.write(f"Queued session reminders (task {result.id}).")
