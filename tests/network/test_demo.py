"""The network in the demo academy: the "Done when" of issue 20, walked through on the demo."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from network.models import ChampionProfile, Mentoring, OpenSession, RoundTable
from practice.models import Theme
from tests.academy_site.test_demo_data import demo  # noqa: F401 (the demo, loaded once)


@pytest.mark.usefixtures("demo")
class TestTheNetworkDemo:
    def test_a_dozen_champions_across_sectors_and_regions_some_graduates(self):
        listed = ChampionProfile.objects.listed()
        assert listed.count() >= 12
        assert listed.values("organisation__sector").distinct().count() >= 4
        assert listed.values("region").distinct().count() >= 4
        assert listed.filter(person__enrolments__certificate__isnull=False).exists()

    def test_two_mentoring_pairs_an_open_session_and_two_round_tables(self):
        assert Mentoring.objects.filter(status="accepted").count() == 2
        assert OpenSession.objects.exists()
        upcoming, past = RoundTable.objects.order_by("-starts_at")
        assert not upcoming.is_past and past.is_past and past.notes.count() >= 3

    def test_done_when(self, client, django_capture_on_commit_callbacks):
        participant = User.objects.get(username="participant")
        dana = User.objects.get(email="dana.whitfield@academy.example")
        client.force_login(participant)
        data = Theme.objects.get(slug="data-sharing")
        page = client.get(reverse("network:directory"), {"theme": data.slug}).content.decode()
        assert "Whitfield" in page
        profile = dana.champion_profile
        response = client.post(
            reverse("network:mentoring_request", args=[profile.pk]),
            {"note": "Could you help me with data sharing?"},
        )
        assert response.status_code == 302
        asked = Mentoring.objects.get(mentee=participant, champion=profile)
        client.force_login(dana)
        home = client.get(reverse("home")).content.decode()
        assert "Could you help me with data sharing?" in home
        client.post(reverse("network:mentoring_answer", args=[asked.pk]), {"answer": "accept"})
        asked.refresh_from_db()
        assert asked.status == "accepted"
        # A programme manager invites a chief executive, who accepts and adds it to their
        # calendar; the notes show no author and are refused to anyone not invited.
        manager = User.objects.get(username="manager")
        table = RoundTable.objects.order_by("-starts_at").first()
        client.force_login(manager)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("network:round_table_invite", args=[table.pk]),
                {"people": "new.ceo@council.example.gov.uk, Nia, Evans, Chief executive"},
            )
        link = re.search(r"/network/round-tables/invitation/\S+/", mail.outbox[-1].body).group(0)
        client.logout()
        client.post(
            link,
            {
                "decision": "confirm",
                "new_password1": "a long enough passphrase 42",
                "new_password2": "a long enough passphrase 42",
            },
        )
        ics = client.get(reverse("network:round_table_ics", args=[table.pk]))
        assert ics.status_code == 200
        past = RoundTable.objects.order_by("starts_at").first()
        attendee = past.invitations.filter(status="accepted").first().person
        client.force_login(attendee)
        notes = client.get(reverse("network:round_table_notes", args=[past.pk])).content.decode()
        assert past.notes.first().text[:30] in notes and manager.last_name not in notes
        client.force_login(participant)
        response = client.get(reverse("network:round_table_notes", args=[past.pk]))
        assert response.status_code == 404
