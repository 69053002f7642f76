"""Open sessions: a champion publishes one; people book, past capacity onto the waiting list;
a cancellation gives the first person waiting the place (and tells them)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from network import open_sessions
from network.models import OpenSession, OpenSessionBooking
from tests.accounts.factories import UserFactory
from tests.network.factories import ChampionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    host = ChampionFactory(offers_open_sessions=True)
    starts = timezone.now() + dt.timedelta(days=5)
    return open_sessions.open_session_save(
        actor=host.person,
        session=OpenSession(
            host=host,
            title="Starting a data partnership",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1),
            joining_url="https://meet.example.org/x",
            capacity=1,
        ),
    )


def test_past_capacity_people_wait_and_a_cancellation_moves_the_first_up(
    session, django_capture_on_commit_callbacks
):
    first, second = UserFactory(), UserFactory()
    assert open_sessions.open_session_book(person=first, session=session).status == "booked"
    assert open_sessions.open_session_book(person=second, session=session).status == "waiting"
    with django_capture_on_commit_callbacks(execute=True):
        open_sessions.open_session_cancel(person=first, session=session)
    assert OpenSessionBooking.objects.get(person=second).status == "booked"
    assert mail.outbox[-1].to == [second.email]


def test_nobody_books_twice_and_a_host_does_not_book_their_own(session):
    person = UserFactory()
    open_sessions.open_session_book(person=person, session=session)
    with pytest.raises(ValidationError):
        open_sessions.open_session_book(person=person, session=session)
    with pytest.raises(ValidationError):
        open_sessions.open_session_book(person=session.host.person, session=session)


def test_only_listed_champions_and_managers_publish(client, session):
    client.force_login(UserFactory())
    assert client.get(reverse("network:open_session_create")).status_code == 403
    client.force_login(session.host.person)
    assert client.get(reverse("network:open_session_create")).status_code == 200


def test_people_book_from_the_page_and_add_it_to_their_calendar(client, session):
    person = UserFactory()
    client.force_login(person)
    client.post(reverse("network:open_session_booking", args=[session.pk]), {"action": "book"})
    page = client.get(reverse("network:open_session", args=[session.pk])).content.decode()
    assert "booked" in page and session.joining_url in page
    ics = client.get(reverse("network:open_session_ics", args=[session.pk]))
    event = Calendar.from_ical(ics.content).walk("VEVENT")[0]
    assert str(event["uid"]) == f"open-session-{session.pk}@academy"


def test_the_host_keeps_the_register_once_it_has_started(client, session):
    came, missed = UserFactory(), UserFactory()
    for person in (came, missed):
        session.capacity = 2
        session.save()
        open_sessions.open_session_book(person=person, session=session)
    booking = OpenSessionBooking.objects.get(person=came)
    with pytest.raises(ValidationError, match="opens when"):
        open_sessions.open_session_register_save(
            actor=session.host.person, session=session, attended_ids=[booking.pk]
        )
    client.force_login(came)
    url = reverse("network:open_session_register", args=[session.pk])
    assert client.get(url).status_code == 403
    started = session.starts_at + dt.timedelta(minutes=5)
    open_sessions.open_session_register_save(
        actor=session.host.person, session=session, attended_ids=[booking.pk], now=started
    )
    assert dict(OpenSessionBooking.objects.values_list("person", "attended")) == {
        came.pk: True,
        missed.pk: False,
    }
