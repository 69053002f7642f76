"""Sending: one notification per kind, subject and recipient however often it is asked for,
a plain-text and an HTML part, failures recorded and tried again; and who sees the record."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from wagtail import hooks

from notifications.kinds import REGISTER_KINDS, NotificationKind
from notifications.models import Notification
from notifications.services import MAX_ATTEMPTS, Message, notifications_send
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import EnrolmentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

KIND = NotificationKind(
    "test-note",
    "Test note",
    "anyone",
    {"first_name": "Their first name"},
    {"first_name": "Sam"},
    subject="A note for {first_name}",
    body="Dear {first_name},\n\nThis is a note.",
)


@pytest.fixture(autouse=True)
def note_kind():
    with hooks.register_temporarily(REGISTER_KINDS, lambda: [KIND]):
        yield


def note(person, key="k", about=None):
    return Message(
        kind="test-note",
        key=key,
        recipient=person,
        values={"first_name": person.first_name},
        about=about,
    )


def test_asking_twice_sends_once_per_recipient():
    ada, bo = UserFactory(first_name="Ada"), UserFactory(first_name="Bo")
    notifications_send([note(ada), note(bo)])
    notifications_send([note(ada), note(bo)])
    notifications_send([note(ada, key="other")])
    assert sorted(m.to[0] for m in mail.outbox) == sorted([ada.email, bo.email, ada.email])
    assert Notification.objects.filter(status="sent").count() == 3


def test_each_email_has_a_plain_text_and_an_html_part():
    ada = UserFactory(first_name="Ada")
    notifications_send([note(ada)])
    [email] = mail.outbox
    assert email.subject == "A note for Ada"
    assert "Dear Ada," in email.body and "/my-academy/notifications/" in email.body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html" and "<h1" in html and "Dear Ada," in html


def test_a_missing_value_is_a_programming_error_not_a_gap_in_an_email():
    with pytest.raises(ValueError, match="first_name"):
        notifications_send([Message(kind="test-note", key="k", recipient=UserFactory())])
    assert mail.outbox == []


def test_a_failure_is_recorded_and_tried_again_up_to_the_limit():
    ada = UserFactory(first_name="Ada")
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")):
        for _ in range(MAX_ATTEMPTS + 1):
            notifications_send([note(ada)])
    row = Notification.objects.get()
    assert (row.status, row.attempts, row.error) == ("failed", MAX_ATTEMPTS, "SMTP down")
    notifications_send([note(ada)])
    assert mail.outbox == []  # given up after MAX_ATTEMPTS; the record says so


def test_who_sees_which_notifications(client):
    nominator = UserFactory(nominator=True)
    officer = UserFactory(first_name="Officer")
    stranger = UserFactory(first_name="Stranger")
    manager = UserFactory(programme_manager=True)
    EnrolmentFactory(participant=officer, organisation=OrganisationFactory(nominators=[nominator]))
    EnrolmentFactory(participant=stranger)
    notifications_send(
        [note(officer, about=officer), note(stranger, about=stranger), note(nominator)]
    )
    visible = {
        person: set(
            Notification.objects.visible_to(person).values_list("recipient__first_name", flat=True)
        )
        for person in (manager, nominator, officer, stranger)
    }
    assert visible[manager] == {"Officer", "Stranger", nominator.first_name}
    assert visible[nominator] == {"Officer", nominator.first_name}
    assert visible[officer] == {"Officer"}
    assert visible[stranger] == {"Stranger"}

    client.force_login(nominator)
    page = client.get(reverse("notifications:sent"))
    assert officer.email in page.text and stranger.email not in page.text
    client.force_login(officer)
    mine = client.get(reverse("notifications:mine"))
    assert "A note for Officer" in mine.text and "Stranger" not in mine.text
    assert client.get(reverse("notifications:sent")).status_code == 403


def test_the_record_filters_and_pages_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    manager = UserFactory(programme_manager=True)
    people = UserFactory.create_batch(60)
    notifications_send([note(p) for p in people])
    client.force_login(manager)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("notifications:sent"), {"status": "sent"})
    assert "Notifications (60), page 1 of 2" in page.text
    filtered = client.get(reverse("notifications:sent"), {"email": people[0].email})
    assert "Notifications (1)" in filtered.text
