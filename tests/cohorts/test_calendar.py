"""Calendars: private feeds per person and per cohort, and "add to calendar" per session, that
Outlook and Google read at the right local time and update when a session moves."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from cohorts.models import LONDON, CalendarFeed, CohortSession, Enrolment
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    CohortFactory,
    CohortSessionFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
)

pytestmark = pytest.mark.django_db


def time_at(moment):
    return time_machine.travel(moment, tick=False)


def _events(body):
    calendar = Calendar.from_ical(body)
    return list(calendar.walk("VEVENT"))


def _feed_url(client, user, cohort=None):
    client.force_login(user)
    url = (
        reverse("cohorts:cohort_calendar", args=[cohort.pk])
        if cohort
        else reverse("cohorts:my_calendar")
    )
    response = client.get(url)
    assert response.status_code == 200
    feed = CalendarFeed.objects.get(user=user, cohort=cohort)
    client.logout()
    return reverse("cohorts:calendar_feed", args=[feed.token]), feed


@pytest.fixture
def summer_session():
    """A session in British Summer Time, 09:30 to 12:30 in London (08:30 UTC)."""
    cohort = CohortFactory(
        name="Kent 2026",
        starts_on=dt.date(2026, 6, 1),
        ends_on=dt.date(2026, 12, 1),
    )
    start = dt.datetime(2026, 7, 14, 9, 30, tzinfo=LONDON)
    return CohortSessionFactory(
        cohort=cohort,
        title="Leading with data",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        venue="County Hall, Maidstone",
        pre_reading="<p>Read the data strategy.</p>",
    )


def test_participants_feed_lists_their_sessions_in_london_time_with_a_timezone(
    client, summer_session
):
    participant = EnrolmentFactory(cohort=summer_session.cohort).participant
    other = CohortSessionFactory(title="Someone else's session")
    url, _ = _feed_url(client, participant)
    with time_at(dt.datetime(2026, 7, 1, tzinfo=LONDON)):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert "BEGIN:VTIMEZONE" in body
    assert "TZID:Europe/London" in body
    assert "DTSTART;TZID=Europe/London:20260714T093000" in body
    assert "DTEND;TZID=Europe/London:20260714T123000" in body
    [event] = _events(response.content)
    assert str(event["summary"]) == f"Leading with data ({summer_session.cohort})"
    assert str(event["location"]) == "County Hall, Maidstone"
    assert "Read the data strategy." in str(event["description"])
    assert other.title not in body


def test_a_moved_session_keeps_its_uid_and_bumps_its_sequence(client, summer_session):
    participant = EnrolmentFactory(cohort=summer_session.cohort).participant
    url, _ = _feed_url(client, participant)
    with time_at(dt.datetime(2026, 7, 1, tzinfo=LONDON)):
        [before] = _events(client.get(url).content)
        session = CohortSession.objects.get(pk=summer_session.pk)
        session.starts_at += dt.timedelta(days=1)
        session.ends_at += dt.timedelta(days=1)
        session.save()
        [after] = _events(client.get(url).content)
    assert after["uid"] == before["uid"]
    assert int(after["sequence"]) == int(before["sequence"]) + 1
    assert "20260715T093000" in after.to_ical().decode()


def test_editing_only_the_material_does_not_bump_the_sequence(summer_session):
    session = CohortSession.objects.get(pk=summer_session.pk)
    session.follow_up_actions = "<p>Write a data pledge.</p>"
    session.save()
    session.venue = "Sessions House"
    session.save()
    assert CohortSession.objects.get(pk=summer_session.pk).sequence == 1


def test_a_reset_calendar_address_stops_the_old_one_working(client, summer_session):
    participant = EnrolmentFactory(cohort=summer_session.cohort).participant
    old_url, feed = _feed_url(client, participant)
    assert client.get(old_url).status_code == 200
    client.force_login(participant)
    response = client.post(reverse("cohorts:calendar_reset", args=[feed.pk]))
    assert response.status_code == 302
    feed.refresh_from_db()
    assert reverse("cohorts:calendar_feed", args=[feed.token]) != old_url
    client.logout()
    assert client.get(old_url).status_code == 404
    assert client.get(reverse("cohorts:calendar_feed", args=[feed.token])).status_code == 200


def test_nobody_can_reset_someone_elses_calendar(client, summer_session):
    participant = EnrolmentFactory(cohort=summer_session.cohort).participant
    _, feed = _feed_url(client, participant)
    token = feed.token
    client.force_login(UserFactory(participant=True))
    assert client.post(reverse("cohorts:calendar_reset", args=[feed.pk])).status_code == 404
    client.logout()
    assert client.post(reverse("cohorts:calendar_reset", args=[feed.pk])).status_code == 302
    feed.refresh_from_db()
    assert feed.token == token


def test_reset_needs_a_post(client, summer_session):
    participant = EnrolmentFactory(cohort=summer_session.cohort).participant
    _, feed = _feed_url(client, participant)
    client.force_login(participant)
    assert client.get(reverse("cohorts:calendar_reset", args=[feed.pk])).status_code == 405


def test_a_calendar_token_is_long_and_random(summer_session):
    feeds = [CalendarFeed.objects.create(user=UserFactory()) for _ in range(3)]
    assert len({f.token for f in feeds}) == 3
    assert all(len(f.token) >= 43 for f in feeds)


def test_facilitators_cohort_feed_has_every_session_of_the_cohort(client, facilitator):
    cohort = CohortFactory(facilitators=[facilitator])
    CohortSessionFactory.create_batch(3, cohort=cohort)
    url, _ = _feed_url(client, facilitator, cohort=cohort)
    assert len(_events(client.get(url).content)) == 3


def test_a_cohort_feed_stops_when_its_owner_no_longer_facilitates(client, facilitator):
    cohort = CohortFactory(facilitators=[facilitator])
    CohortSessionFactory(cohort=cohort)
    url, _ = _feed_url(client, facilitator, cohort=cohort)
    cohort.facilitators.remove(facilitator)
    cohort.save()
    assert client.get(url).status_code == 404


def test_someone_not_on_a_cohort_cannot_get_its_calendar(client):
    cohort = CohortFactory()
    client.force_login(UserFactory(participant=True))
    assert client.get(reverse("cohorts:cohort_calendar", args=[cohort.pk])).status_code == 403


def test_a_withdrawn_participant_no_longer_sees_the_cohort_in_their_feed(client, summer_session):
    enrolment = EnrolmentFactory(cohort=summer_session.cohort)
    url, _ = _feed_url(client, enrolment.participant)
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save()
    with time_at(dt.datetime(2026, 7, 1, tzinfo=LONDON)):
        assert _events(client.get(url).content) == []


def test_an_unknown_calendar_address_is_not_found(client):
    assert client.get(reverse("cohorts:calendar_feed", args=["x" * 43])).status_code == 404


def test_add_to_calendar_gives_a_participant_the_session_file(client, summer_session):
    participant = EnrolmentFactory(cohort=summer_session.cohort).participant
    client.force_login(participant)
    response = client.get(reverse("cohorts:session_ics", args=[summer_session.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    [event] = _events(response.content)
    assert "Leading with data" in str(event["summary"])


def test_add_to_calendar_is_refused_to_people_not_on_the_cohort(client, summer_session):
    client.force_login(UserFactory(participant=True))
    assert client.get(reverse("cohorts:session_ics", args=[summer_session.pk])).status_code == 403
    client.logout()
    response = client.get(reverse("cohorts:session_ics", args=[summer_session.pk]))
    assert response.status_code == 302


def test_a_feed_costs_the_same_queries_for_2_or_12_sessions(
    client, facilitator, django_assert_max_num_queries
):
    small = CohortFactory(facilitators=[facilitator])
    CohortSessionFactory.create_batch(2, cohort=small)
    big = CohortFactory(facilitators=[facilitator])
    for n in range(12):
        start = timezone.now() + dt.timedelta(days=n + 1)
        CohortSessionFactory(cohort=big, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    small_url, _ = _feed_url(client, facilitator, cohort=small)
    big_url, _ = _feed_url(client, facilitator, cohort=big)
    with django_assert_max_num_queries(6):
        client.get(small_url)
    with django_assert_max_num_queries(6):
        assert len(_events(client.get(big_url).content)) == 12


def test_your_calendar_leads_to_each_of_your_cohorts_own_calendar(client):
    participant = UserFactory(participant=True)
    cohort = CohortFactory(name="Kent 2026")
    EnrolmentFactory(cohort=cohort, participant=participant)
    client.force_login(participant)
    page = client.get(reverse("cohorts:my_calendar")).content.decode()
    assert f'href="{reverse("cohorts:cohort_calendar", args=[cohort.pk])}"' in page


def test_someone_with_no_sessions_of_their_own_has_no_personal_calendar(client, nominator):
    client.force_login(nominator)
    response = client.get(reverse("cohorts:my_calendar"))
    assert response.status_code == 403
    assert b"Each cohort you can see has its own calendar" in response.content
    assert not CalendarFeed.objects.filter(user=nominator).exists()


# Feeds follow the session page's rule (issue 15) ----------------------------------------------


def _with_joining_link(session):
    session.joining_url = "https://meet.example.org/secret-room"
    session.save()
    return session


@pytest.mark.parametrize("ended", [Enrolment.Status.WITHDRAWN, Enrolment.Status.SUBSTITUTED])
def test_a_withdrawn_or_substituted_participants_cohort_feed_stops(client, summer_session, ended):
    _with_joining_link(summer_session)
    enrolment = EnrolmentFactory(cohort=summer_session.cohort, status=Enrolment.Status.CONFIRMED)
    url, _feed = _feed_url(client, enrolment.participant, cohort=summer_session.cohort)
    assert client.get(url).status_code == 200
    Enrolment.objects.filter(pk=enrolment.pk).update(status=ended)
    response = client.get(url)
    assert response.status_code == 404
    assert b"secret-room" not in response.content
    client.force_login(enrolment.participant)
    cohort_calendar = reverse("cohorts:cohort_calendar", args=[summer_session.cohort.pk])
    assert client.get(cohort_calendar).status_code == 403


def test_a_nominators_cohort_feed_has_the_dates_but_no_joining_link_venue_or_reading(
    client, summer_session
):
    _with_joining_link(summer_session)
    nominator = UserFactory(nominator=True)
    organisation = OrganisationFactory(nominators=[nominator])
    SeatAllocationFactory(cohort=summer_session.cohort, organisation=organisation, seats=2)
    session_page = reverse("cohorts:session_detail", args=[summer_session.pk])
    client.force_login(nominator)
    assert client.get(session_page).status_code == 403
    url, _feed = _feed_url(client, nominator, cohort=summer_session.cohort)
    with time_at(dt.datetime(2026, 7, 1, tzinfo=LONDON)):
        body = client.get(url).content
    [event] = _events(body)
    assert str(event["summary"]).startswith("Leading with data")
    for secret in (b"secret-room", b"County Hall", b"data strategy"):
        assert secret not in body


def test_an_invited_officers_feeds_have_the_dates_but_not_the_material(client, summer_session):
    _with_joining_link(summer_session)
    enrolment = EnrolmentFactory(cohort=summer_session.cohort, status=Enrolment.Status.INVITED)
    for cohort in (summer_session.cohort, None):
        url, _feed = _feed_url(client, enrolment.participant, cohort=cohort)
        with time_at(dt.datetime(2026, 7, 1, tzinfo=LONDON)):
            body = client.get(url).content
        assert len(_events(body)) == 1
        assert b"secret-room" not in body and b"County Hall" not in body
