"""Round tables: invitation only (a 404 for anyone not invited), invitees answer (someone with
no account through the single-use link, setting a password), the attendee list for invitees,
joining details and the calendar file for those who accepted, notes with no author for
attendees only, a warning before a note that names someone, a published cleared summary."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from accounts.models import User
from network import round_tables
from network.models import RoundTableInvitation
from network.reminders import network_reminders_send_due
from tests.accounts.factories import UserFactory
from tests.network.factories import ChampionFactory, InvitationFactory, RoundTableFactory

pytestmark = pytest.mark.django_db
ACCEPTED = RoundTableInvitation.Status.ACCEPTED


@pytest.fixture
def manager():
    return UserFactory(programme_manager=True)


@pytest.fixture
def table():
    return RoundTableFactory(speaker=ChampionFactory())


def test_a_manager_invites_a_chief_executive_with_no_account_who_accepts_and_adds_it_to_their_calendar(  # noqa: E501
    client, manager, table, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network:round_table_invite", args=[table.pk]),
            {"people": "ceo@borough.example.gov.uk, Dana, Whitfield, Chief executive"},
        )
    assert response.status_code == 302
    person = User.objects.get(email="ceo@borough.example.gov.uk")
    assert not person.has_usable_password()
    assert mail.outbox[-1].to == [person.email]
    link = re.search(r"https?://\S+/round-tables/invitation/\S+/", mail.outbox[-1].body).group(0)
    path = link[link.index("/network/") :]
    client.logout()
    assert client.get(path).status_code == 200
    response = client.post(
        path,
        {
            "decision": "confirm",
            "new_password1": "a long enough passphrase 42",
            "new_password2": "a long enough passphrase 42",
        },
    )
    assert response.status_code == 200
    assert RoundTableInvitation.objects.get(person=person).status == ACCEPTED
    # Signed in by answering: the page shows how to join, and the calendar file.
    page = client.get(reverse("network:round_table", args=[table.pk])).content.decode()
    assert table.joining_url in page
    ics = client.get(reverse("network:round_table_ics", args=[table.pk]))
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(ics.content).walk("VEVENT")[0]
    assert str(event["uid"]) == f"round-table-{table.pk}@academy"
    # The link works once.
    assert client.get(path).status_code == 410


def test_a_person_not_invited_is_told_the_round_table_does_not_exist(client, table):
    client.force_login(UserFactory())
    for name in ("round_table", "round_table_notes", "round_table_ics"):
        assert client.get(reverse(f"network:{name}", args=[table.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("network:round_table", args=[table.pk])).status_code == 302


def test_invitees_see_who_is_invited_but_joining_details_only_once_accepted(client, table):
    invited = InvitationFactory(round_table=table)
    other = InvitationFactory(round_table=table, status=ACCEPTED)
    client.force_login(invited.person)
    page = client.get(reverse("network:round_table", args=[table.pk])).content.decode()
    assert other.person.last_name in page
    assert table.joining_url not in page
    assert client.get(reverse("network:round_table_ics", args=[table.pk])).status_code == 403
    assert client.get(reverse("network:round_table_notes", args=[table.pk])).status_code == 403
    client.post(reverse("network:round_table_answer", args=[table.pk]), {"answer": "accept"})
    page = client.get(reverse("network:round_table", args=[table.pk])).content.decode()
    assert table.joining_url in page


def test_notes_show_no_author_and_warn_before_naming_an_attendee(client, manager, table):
    attendee = InvitationFactory(round_table=table, status=ACCEPTED, person__last_name="Whitfield")
    client.force_login(manager)
    url = reverse("network:round_table_notes", args=[table.pk])
    response = client.post(url, {"text": "Whitfield said the data sharing was hard."})
    assert response.status_code == 200
    assert "names" in response.content.decode()
    assert not table.notes.exists()
    client.post(url, {"text": "Data sharing across agencies was the hardest part."})
    assert table.notes.count() == 1
    client.force_login(attendee.person)
    page = client.get(url).content.decode()
    assert "Data sharing across agencies" in page
    assert manager.last_name not in page and manager.email not in page
    assert 'name="text"' not in page  # attendees read; the organiser writes


def test_a_published_summary_is_for_everyone_signed_in(client, manager, table):
    round_tables.round_table_summary_save(
        actor=manager, round_table=table, summary="Leaders want shared data.", publish=True
    )
    client.force_login(UserFactory())
    assert "Leaders want shared data." in client.get(reverse("network:summaries")).content.decode()


def test_an_invitee_already_invited_is_not_invited_twice(manager, table):
    invitee = round_tables.Invitee("twice@example.org", "Twice", "Asked")
    round_tables.round_table_invite(actor=manager, round_table=table, invitees=[invitee])
    again = round_tables.round_table_invite(actor=manager, round_table=table, invitees=[invitee])
    assert again == [] and table.invitations.count() == 1


def test_those_who_accepted_are_reminded_the_day_before_once(table):
    attendee = InvitationFactory(round_table=table, status=ACCEPTED).person
    InvitationFactory(round_table=table)  # not answered: no reminder
    day_before = table.starts_at - dt.timedelta(hours=20)
    assert network_reminders_send_due(now=day_before) == 1
    assert network_reminders_send_due(now=day_before) == 0
    assert mail.outbox[-1].to == [attendee.email]
    assert network_reminders_send_due(now=table.starts_at - dt.timedelta(days=3)) == 0
