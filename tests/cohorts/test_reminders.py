"""Session reminders: participants are emailed a week before and the day before each cohort
session, once each, however often the scheduler's hourly job runs; never for a cancelled
session."""

import datetime as dt
from io import StringIO
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cohorts.calendar.reminders import due_reminders, session_reminders_send_due
from cohorts.models import LONDON, Apology, Enrolment
from links import absolute_reverse
from notifications.models import Notification
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 7, 14, 9, 30, tzinfo=LONDON)


@pytest.fixture
def session():
    cohort = CohortFactory(
        name="Kent 2026", starts_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 12, 1)
    )
    return CohortSessionFactory(
        cohort=cohort,
        title="Leading with data",
        starts_at=START,
        ends_at=START + dt.timedelta(hours=3),
        venue="County Hall, Maidstone",
        pre_reading="<p>Read the data strategy.</p>",
    )


def run_hourly_job_at(moment):
    with time_machine.travel(moment, tick=False):
        call_command(
            "run_scheduled_jobs", "--job", "session-reminders", "--force", stdout=StringIO()
        )


def test_a_participant_is_reminded_a_week_before_with_where_and_what_to_read(session):
    enrolment = EnrolmentFactory(cohort=session.cohort)
    run_hourly_job_at(START - dt.timedelta(days=7) + dt.timedelta(minutes=30))
    [email] = mail.outbox
    assert email.to == [enrolment.participant.email]
    assert email.subject == "Next week: Leading with data, Tuesday 14 July at 09:30"
    assert "Tuesday 14 July 2026, 09:30 to 12:30 (UK time)" in email.body
    assert "County Hall, Maidstone" in email.body
    assert "Read the data strategy." in email.body
    assert f"/cohorts/sessions/{session.pk}/" in email.body


def test_a_participant_is_reminded_the_day_before(session):
    EnrolmentFactory(cohort=session.cohort)
    run_hourly_job_at(START - dt.timedelta(hours=20))
    [email] = mail.outbox
    assert email.subject.startswith("Tomorrow: Leading with data")


def test_running_the_job_every_hour_sends_each_reminder_once(session):
    EnrolmentFactory.create_batch(3, cohort=session.cohort)
    # Six hourly runs from the moment each reminder falls due, and one more run twice over.
    for due in (START - dt.timedelta(days=7), START - dt.timedelta(days=1)):
        for hour in range(6):
            run_hourly_job_at(due + dt.timedelta(hours=hour, minutes=5))
        run_hourly_job_at(due + dt.timedelta(hours=2, minutes=30))
    assert len(mail.outbox) == 6  # three people, a week before and a day before
    assert Notification.objects.filter(kind="session-reminder", status="sent").count() == 6


def test_a_reminder_that_fails_to_send_is_tried_again_next_hour(session):
    EnrolmentFactory(cohort=session.cohort)
    moment = START - dt.timedelta(hours=20)
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")),
        time_machine.travel(moment, tick=False),
    ):
        assert session_reminders_send_due().sent == 0
    [failed] = Notification.objects.filter(kind="session-reminder")
    assert failed.status == Notification.Status.FAILED and "SMTP down" in failed.error
    run_hourly_job_at(moment + dt.timedelta(hours=1))
    assert len(mail.outbox) == 1
    failed.refresh_from_db()
    assert failed.status == Notification.Status.SENT and failed.attempts == 2


def test_only_confirmed_participants_without_apologies_are_reminded(session):
    confirmed = EnrolmentFactory(cohort=session.cohort)
    EnrolmentFactory(cohort=session.cohort, status=Enrolment.Status.WITHDRAWN)
    EnrolmentFactory(cohort=session.cohort, status=Enrolment.Status.INVITED)
    sorry = EnrolmentFactory(cohort=session.cohort)
    Apology.objects.create(enrolment=sorry, session=session, reason="Court hearing")
    EnrolmentFactory()  # another cohort altogether
    run_hourly_job_at(START - dt.timedelta(hours=20))
    assert [m.to for m in mail.outbox] == [[confirmed.participant.email]]


def test_nothing_is_sent_for_sessions_further_off_or_already_started(session):
    EnrolmentFactory(cohort=session.cohort)
    run_hourly_job_at(START - dt.timedelta(days=10))
    run_hourly_job_at(START - dt.timedelta(days=3))
    run_hourly_job_at(START + dt.timedelta(minutes=5))
    assert mail.outbox == []


def test_the_reminder_run_costs_the_same_queries_for_one_or_many_participants(
    session, django_assert_max_num_queries
):
    EnrolmentFactory(cohort=session.cohort)
    moment = START - dt.timedelta(hours=20)
    with time_machine.travel(moment, tick=False):
        with django_assert_max_num_queries(8):
            assert len(due_reminders()) == 1
        EnrolmentFactory.create_batch(15, cohort=session.cohort)
        with django_assert_max_num_queries(8):
            assert len(due_reminders()) == 16


def test_a_cancelled_session_is_never_reminded(session):
    EnrolmentFactory(cohort=session.cohort)
    session.cancelled_at = timezone.now()
    session.cancellation_reason = "The venue is closed."
    session.save()
    run_hourly_job_at(START - dt.timedelta(hours=20))
    assert mail.outbox == []


def test_the_reminder_has_a_plain_text_and_an_html_part_in_the_site_look(session):
    EnrolmentFactory(cohort=session.cohort)
    run_hourly_job_at(START - dt.timedelta(hours=20))
    [email] = mail.outbox
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert "Leading with data" in html and "County Hall, Maidstone" in html
    assert "#1d3b6e" in html  # the academy's brand bar
    assert f'href="{absolute_reverse("cohorts:session_detail", session.pk)}"' in html
