"""Cohort sessions over their life: made from a pattern with bank holidays skipped or flagged,
moved (people told the old and new time; calendars updated), cancelled (kept, shown as
cancelled, out of the completion count, with the effect shown first), never deleted once
people have been told of them."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar

from cohorts.attendance.register import register_save
from cohorts.calendar.feeds import calendar_feed_get_or_create
from cohorts.completion.changes import standing_changes_preview
from cohorts.completion.standing import Standing, standing_for
from cohorts.models import LONDON, AttendanceMark, CohortSession, Enrolment
from cohorts.scheduling.patterns import plan_sessions
from cohorts.scheduling.services import (
    cohort_session_cancel,
    cohort_session_move,
    cohort_sessions_create,
    session_deletable,
)
from tests.academy_site.test_admin import cohort_form_data
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    AttendanceMarkFactory,
    CohortFactory,
    CohortSessionFactory,
    CompletionRuleFactory,
    EnrolmentFactory,
)

pytestmark = pytest.mark.django_db

S = AttendanceMark.Status


def pattern(**overrides):
    return {
        "first_date": dt.date(2026, 3, 1),
        "weekday": 0,  # Mondays
        "every_weeks": 4,
        "count": 8,
        "starts": dt.time(10, 0),
        "ends": dt.time(13, 0),
        "skip_bank_holidays": True,
        **overrides,
    }


@pytest.fixture
def cohort():
    facilitator = UserFactory(facilitator=True, email="fac@example.org")
    return CohortFactory(
        name="Kent 2026",
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 12, 31),
        facilitators=[facilitator],
    )


# Patterns and bank holidays ------------------------------------------------------------------


def test_a_pattern_gives_every_fourth_monday_at_uk_time_skipping_bank_holidays():
    plan = plan_sessions(**pattern())
    # 2 March, 30 March, 27 April, then 25 May: the spring bank holiday, skipped.
    assert plan.skipped == [(dt.date(2026, 5, 25), "Spring bank holiday")]
    assert len(plan.sessions) == 8
    assert [s.day for s in plan.sessions][:4] == [
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 30),
        dt.date(2026, 4, 27),
        dt.date(2026, 6, 22),
    ]
    # Ten o'clock in London on both sides of the clocks changing (29 March 2026).
    assert {s.starts_at.astimezone(LONDON).time() for s in plan.sessions} == {dt.time(10, 0)}
    assert plan.sessions[0].starts_at.utcoffset() != plan.sessions[2].starts_at.utcoffset()


def test_a_pattern_can_keep_and_flag_bank_holidays_instead():
    plan = plan_sessions(**pattern(skip_bank_holidays=False))
    assert plan.skipped == []
    flagged = {s.day: s.bank_holiday for s in plan.flagged}
    assert flagged == {dt.date(2026, 5, 25): "Spring bank holiday"}


def test_scottish_bank_holidays_are_their_own():
    plan = plan_sessions(**pattern(first_date=dt.date(2026, 8, 1), count=1, division="scotland"))
    assert [name for _d, name in plan.skipped] == ["Summer bank holiday"]  # 3 August
    plan = plan_sessions(**pattern(first_date=dt.date(2026, 8, 1), count=1))
    assert plan.skipped == [] and plan.sessions[0].day == dt.date(2026, 8, 3)


def test_dates_past_the_known_bank_holidays_are_flagged_for_checking():
    plan = plan_sessions(**pattern(first_date=dt.date(2035, 1, 1), count=1))
    assert plan.sessions[0].holidays_unknown


def test_creating_from_a_pattern_makes_all_the_sessions_or_none(cohort):
    plan = plan_sessions(**pattern())
    sessions = cohort_sessions_create(cohort=cohort, actor=None, plan=plan, title="Leading")
    assert [s.title for s in sessions][:2] == ["Session 1: Leading", "Session 2: Leading"]
    assert cohort.sessions.count() == 8
    too_long = plan_sessions(**pattern(first_date=dt.date(2026, 11, 1), count=4))
    with pytest.raises(ValidationError, match="within the cohort's dates"):
        cohort_sessions_create(cohort=cohort, actor=None, plan=too_long, title="Late")
    assert cohort.sessions.count() == 8


def test_a_manager_creates_eight_sessions_from_the_page_and_is_warned_of_a_bank_holiday(
    client, cohort, manager
):
    client.force_login(manager)
    url = reverse("cohorts:sessions_from_pattern", args=[cohort.pk])
    form = {
        "first_date": "2026-03-01",
        "weekday": "0",
        "every_weeks": "4",
        "count": "8",
        "starts": "10:00",
        "ends": "13:00",
        "title": "Leading together",
        "venue": "County Hall, Maidstone",
        "joining_url": "",
        "division": "england-and-wales",
        "bank_holidays": "flag",
    }
    preview = client.post(url, {**form, "preview": "1"})
    assert "falls on a bank holiday: Spring bank holiday" in preview.text
    assert "Create 8 sessions" in preview.text
    assert not cohort.sessions.exists()
    done = client.post(url, {**form, "confirm": "1"})
    assert done.status_code == 302
    assert cohort.sessions.count() == 8
    broken = client.post(url, {**form, "ends": "09:00", "preview": "1"})
    assert broken.status_code == 400 and "govuk-error-summary" in broken.text


# Moving --------------------------------------------------------------------------------------


@pytest.fixture
def session(cohort):
    start = dt.datetime(2026, 7, 14, 9, 30, tzinfo=LONDON)
    return CohortSessionFactory(
        cohort=cohort,
        title="Leading with data",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        venue="County Hall, Maidstone",
    )


def _feed_event(person, session):
    from cohorts.calendar.feeds import feed_body

    body = feed_body(calendar_feed_get_or_create(user=person))
    [event] = [e for e in Calendar.from_ical(body).walk("VEVENT") if session.title in e["summary"]]
    return event


def test_moving_a_session_emails_old_and_new_times_and_the_calendar_updates(
    cohort, session, manager, django_capture_on_commit_callbacks
):
    confirmed = EnrolmentFactory(cohort=cohort)
    EnrolmentFactory(cohort=cohort, status=Enrolment.Status.WITHDRAWN)
    with time_machine.travel(dt.datetime(2026, 7, 1, tzinfo=LONDON), tick=False):
        before = _feed_event(confirmed.participant, session)
        new_start = dt.datetime(2026, 7, 21, 14, 0, tzinfo=LONDON)
        with django_capture_on_commit_callbacks(execute=True):
            cohort_session_move(
                session=session,
                actor=manager,
                starts_at=new_start,
                ends_at=new_start + dt.timedelta(hours=2),
                venue="Fire HQ, Tonbridge Road",
            )
        after = _feed_event(confirmed.participant, session)
    assert after["uid"] == before["uid"]
    assert int(after["sequence"]) == int(before["sequence"]) + 1
    assert "20260721T140000" in after.to_ical().decode()
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == sorted([confirmed.participant.email, "fac@example.org"])
    [email] = [m for m in mail.outbox if m.to == [confirmed.participant.email]]
    assert email.subject.startswith("Moved: Leading with data, now Tuesday 21 July 2026, 14:00")
    assert "Tuesday 14 July 2026, 09:30 to 12:30 (UK time), County Hall, Maidstone" in email.body
    assert "Fire HQ, Tonbridge Road" in email.body


def test_moving_again_tells_people_again_but_the_same_move_only_once(
    cohort, session, manager, django_capture_on_commit_callbacks
):
    EnrolmentFactory(cohort=cohort)
    for hours in (1, 2):
        with django_capture_on_commit_callbacks(execute=True):
            cohort_session_move(
                session=session,
                actor=manager,
                starts_at=session.starts_at + dt.timedelta(hours=hours),
                ends_at=session.ends_at + dt.timedelta(hours=hours),
                venue=session.venue,
            )
    assert len(mail.outbox) == 4  # participant and facilitator, twice
    with pytest.raises(ValidationError, match="Nothing has changed"):
        fresh = CohortSession.objects.get(pk=session.pk)
        cohort_session_move(
            session=fresh,
            actor=manager,
            starts_at=fresh.starts_at,
            ends_at=fresh.ends_at,
            venue=fresh.venue,
        )


def _admin_post(cohort, session, **session_fields):
    data = cohort_form_data(
        cohort.programme,
        name=cohort.name,
        starts_on=cohort.starts_on.isoformat(),
        ends_on=cohort.ends_on.isoformat(),
        status=cohort.status,
        sessions=[(session.title, "2026-07-14 09:30", "2026-07-14 12:30")],
    )
    data["facilitators"] = [f.pk for f in cohort.facilitators.all()]
    data["sessions-INITIAL_FORMS"] = "1"
    data["sessions-0-id"] = str(session.pk)
    data |= {f"sessions-0-{name}": value for name, value in session_fields.items()}
    return data


def test_a_session_moved_in_the_admin_is_announced_too(
    client, cohort, session, manager, django_capture_on_commit_callbacks
):
    participant = EnrolmentFactory(cohort=cohort).participant
    client.force_login(manager)
    url = reverse("wagtailsnippets_cohorts_cohort:edit", args=[cohort.pk])
    data = _admin_post(cohort, session, starts_at="2026-07-15 09:30", ends_at="2026-07-15 12:30")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    assert CohortSession.objects.get(pk=session.pk).sequence == 1
    [email] = [m for m in mail.outbox if m.to == [participant.email]]
    assert "Wednesday 15 July 2026, 09:30" in email.subject


def test_the_admin_refuses_to_delete_a_session_people_were_told_of(
    client, cohort, session, manager
):
    EnrolmentFactory(cohort=cohort)
    client.force_login(manager)
    url = reverse("wagtailsnippets_cohorts_cohort:edit", args=[cohort.pk])
    response = client.post(url, _admin_post(cohort, session, DELETE="on"))
    assert response.status_code == 200
    assert "cancel it instead" in response.text
    assert CohortSession.objects.filter(pk=session.pk).exists()


# Cancelling ----------------------------------------------------------------------------------


@pytest.fixture
def eight(cohort):
    CompletionRuleFactory(programme=cohort.programme, min_share_attended=75)
    return [CohortSessionFactory(cohort=cohort) for _ in range(8)]


def test_cancelling_keeps_the_session_and_takes_it_out_of_the_completion_count(
    cohort, eight, facilitator, django_capture_on_commit_callbacks
):
    enrolment = EnrolmentFactory(cohort=cohort)
    for session in eight[:5]:
        AttendanceMarkFactory(enrolment=enrolment, session=session, status=S.PRESENT)
    AttendanceMarkFactory(enrolment=enrolment, session=eight[5], status=S.ABSENT)
    before = standing_for(enrolment)
    assert (before.sessions_attended, before.sessions_needed, before.sessions_scheduled) == (
        5,
        6,
        8,
    )
    effect = standing_changes_preview(
        cohorts=[cohort],
        sessions=[s for s in eight if s.pk != eight[7].pk],
        cancelling=True,
    )
    assert (effect.needed_before, effect.scheduled_before) == (6, 8)
    assert (effect.needed_after, effect.scheduled_after) == (6, 7)  # 75% of 7, rounded up
    with django_capture_on_commit_callbacks(execute=True):
        cohort_session_cancel(session=eight[7], actor=facilitator, reason="The venue is closed.")
    after = standing_for(enrolment)
    assert (after.sessions_scheduled, after.sessions_needed) == (7, 6)
    assert CohortSession.objects.filter(pk=eight[7].pk).exists()  # kept
    [email] = [m for m in mail.outbox if m.to == [enrolment.participant.email]]
    assert email.subject.startswith("Cancelled:") and "The venue is closed." in email.body


def test_the_cancel_page_shows_whose_standing_would_change_before_confirming(
    client, cohort, eight, manager
):
    at_risk = EnrolmentFactory(cohort=cohort)
    # Attended 5, missed 1 of 8, two to come: 6 needed, on track. With the last one cancelled,
    # 6 of 7 are needed and one more miss would fail them: at risk.
    for session in eight[:5]:
        AttendanceMarkFactory(enrolment=at_risk, session=session, status=S.PRESENT)
    AttendanceMarkFactory(enrolment=at_risk, session=eight[5], status=S.ABSENT)
    EnrolmentFactory(cohort=cohort)  # nothing recorded yet: on track either way
    client.force_login(manager)
    url = reverse("cohorts:session_cancel", args=[eight[7].pk])
    page = client.get(url)
    assert "will ask for <strong>6 of 7</strong> scheduled sessions instead of 6 of 8" in page.text
    assert "1 of 2 participants would change standing" in page.text
    assert str(at_risk.participant) in page.text
    assert standing_for(at_risk).standing == Standing.ON_TRACK
    # Without ticking the box nothing is cancelled.
    refused = client.post(url, {"reason": "Snow"})
    assert refused.status_code == 400 and "govuk-error-summary" in refused.text
    assert CohortSession.objects.get(pk=eight[7].pk).is_scheduled
    assert client.post(url, {"reason": "Snow", "confirm": "on"}).status_code == 302
    assert standing_for(at_risk).standing == Standing.AT_RISK


def test_a_cancelled_session_shows_as_cancelled_and_is_cancelled_in_calendars(
    client, cohort, session, manager
):
    participant = EnrolmentFactory(cohort=cohort).participant
    cohort_session_cancel(session=session, actor=manager, reason="Strike action")
    with time_machine.travel(dt.datetime(2026, 7, 1, tzinfo=LONDON), tick=False):
        event = _feed_event(participant, session)
        client.force_login(participant)
        page = client.get(reverse("cohorts:session_detail", args=[session.pk]))
        home = client.get(reverse("home"))
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 1
    assert str(event["summary"]).startswith("Cancelled: ")
    assert "This session is cancelled and will not take place." in page.text
    assert "Strike action" in page.text
    assert "it will not take place" in home.text


def test_no_attendance_is_recorded_for_a_cancelled_session(cohort, session, manager):
    enrolment = EnrolmentFactory(cohort=cohort)
    cohort_session_cancel(session=session, actor=manager, reason="Snow")
    with pytest.raises(ValidationError, match="cancelled"):
        register_save(session=session, entries={enrolment.pk: (S.PRESENT, "")}, recorded_by=manager)
    assert not AttendanceMark.objects.exists()


def test_a_session_that_took_place_cannot_be_cancelled(cohort, session, manager):
    AttendanceMarkFactory(enrolment=EnrolmentFactory(cohort=cohort), session=session)
    with pytest.raises(ValidationError, match="took place"):
        cohort_session_cancel(session=session, actor=manager, reason="Oops")


def test_a_session_people_were_told_of_is_never_deleted(cohort, session):
    assert session_deletable(session)  # nobody enrolled yet
    EnrolmentFactory(cohort=cohort, status=Enrolment.Status.INVITED)
    permission = session_deletable(session)
    assert not permission and "cancel it instead" in permission.reason
