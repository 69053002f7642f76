"""The cohorts app's periodic jobs, run by the scheduler (`manage.py run_scheduled_jobs`). Each
is safe to run twice: every email is a notification recorded once per recipient."""

from scheduler.jobs import DAILY, HOURLY, ScheduledJob

from .attendance.apologies import apologies_digest_send
from .attendance.at_risk import at_risk_check_running_cohorts
from .attendance.video_import import UPLOADS as ATTENDANCE_UPLOADS
from .calendar.reminders import session_reminders_send_due
from .enrolment.unfilled import seats_unfilled_notify
from .enrolment.views import UPLOADS as NOMINATION_UPLOADS


def session_reminders():
    run = session_reminders_send_due()
    return f"{run.sent} reminders sent, {run.already_sent} already sent."


def at_risk_checks():
    return f"{at_risk_check_running_cohorts()} new at-risk warnings."


def apologies_digest():
    return f"{apologies_digest_send()} apology digests sent."


def seats_unfilled():
    return f"{seats_unfilled_notify()} unfilled-seat notifications sent."


def clear_expired_uploads():
    for store in (NOMINATION_UPLOADS, ATTENDANCE_UPLOADS):
        store.purge()
    return "Uploads past their hour cleared."


def jobs():
    return [
        ScheduledJob(
            "session-reminders",
            "Email cohort session reminders a week and a day before.",
            HOURLY,
            session_reminders,
        ),
        ScheduledJob(
            "at-risk-checks",
            "Warn participants newly at risk of not completing, and their nominators.",
            DAILY,
            at_risk_checks,
        ),
        ScheduledJob(
            "apologies-digest",
            "Email each cohort's facilitators the apologies received since the last digest.",
            DAILY,
            apologies_digest,
        ),
        ScheduledJob(
            "seats-unfilled",
            "Tell nominators with seats left on a cohort starting within "
            "ACADEMY_SEATS_UNFILLED_WEEKS weeks.",
            DAILY,
            seats_unfilled,
        ),
        ScheduledJob(
            "clear-expired-uploads",
            "Forget uploaded spreadsheets left waiting for confirmation over an hour.",
            HOURLY,
            clear_expired_uploads,
        ),
    ]
