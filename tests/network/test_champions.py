"""Champions and mentoring: opt-in profiles, the directory and its filters (never contact
details), requests within a champion's capacity, answers from the home page, and managers who
see matches without notes."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from network import services
from network.models import ChampionProfile, Mentoring
from personal_data import services as personal_data_services
from practice.models import Theme
from tests.accounts.factories import UserFactory
from tests.network.factories import ChampionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return UserFactory(programme_manager=True)


def test_a_champion_a_manager_makes_is_listed_only_once_they_opt_in(
    manager, client, django_capture_on_commit_callbacks
):
    person = UserFactory()
    champion = ChampionFactory.build()
    with django_capture_on_commit_callbacks(execute=True):
        profile = services.champion_make(
            actor=manager,
            person=person,
            details={
                "role": "Chief executive",
                "organisation": champion.organisation.__class__.objects.create(
                    name="Kent County Council", sector="local-authority"
                ),
                "region": "south-east",
                "offers_mentoring": True,
                "mentee_capacity": 1,
            },
        )
    assert profile.status == ChampionProfile.Status.OFFERED
    assert [m.to for m in mail.outbox] == [[person.email]]
    client.force_login(UserFactory())
    assert person.last_name not in client.get(reverse("network:directory")).content.decode()
    services.champion_opt_in(person=person, profile=profile)
    assert person.last_name in client.get(reverse("network:directory")).content.decode()
    services.champion_withdraw(person=person, profile=profile)
    assert person.last_name not in client.get(reverse("network:directory")).content.decode()


def test_the_directory_filters_by_theme_region_sector_and_offer_and_shows_no_email(client):
    data = Theme.objects.first()
    other = Theme.objects.exclude(pk=data.pk).first()
    found = ChampionFactory(themes=[data], region="north-west", organisation__sector="police")
    missed = ChampionFactory(
        themes=[other],
        region="london",
        offers_mentoring=False,
        mentee_capacity=0,
        organisation__sector="health",
    )
    client.force_login(UserFactory())
    page = client.get(
        reverse("network:directory"),
        {"theme": data.slug, "region": "north-west", "sector": "police", "offer": "mentoring"},
    ).content.decode()
    assert found.person.last_name in page
    assert missed.person.last_name not in page
    everyone = client.get(reverse("network:directory")).content.decode()
    assert found.person.email not in everyone and missed.person.email not in everyone
    profile_page = client.get(reverse("network:champion", args=[found.pk])).content.decode()
    assert found.person.email not in profile_page


def test_the_directory_is_for_signed_in_people(client):
    response = client.get(reverse("network:directory"))
    assert response.status_code == 302


def test_a_champion_is_never_offered_more_mentees_than_they_said():
    champion = ChampionFactory(mentee_capacity=1)
    services.mentoring_request(mentee=UserFactory(), champion=champion, note="Help with data.")
    with pytest.raises(ValidationError, match="no room"):
        services.mentoring_request(mentee=UserFactory(), champion=champion, note="Me too.")


def test_contact_details_are_exchanged_only_on_acceptance(
    client, django_capture_on_commit_callbacks
):
    champion = ChampionFactory()
    mentee = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        mentoring = services.mentoring_request(
            mentee=mentee, champion=champion, note="I lead our data work."
        )
    assert mail.outbox[-1].to == [champion.person.email]
    assert mentee.email not in mail.outbox[-1].body
    client.force_login(mentee)
    assert champion.person.email not in client.get(reverse("network:mentoring")).content.decode()
    # The champion accepts from their home page.
    client.force_login(champion.person)
    home = client.get(reverse("home")).content.decode()
    assert "I lead our data work." in home
    assert reverse("network:mentoring_answer", args=[mentoring.pk]) in home
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network:mentoring_answer", args=[mentoring.pk]),
            {"answer": "accept", "back": "home"},
        )
    assert response.status_code == 302 and response["Location"] == reverse("home")
    mentoring.refresh_from_db()
    assert mentoring.status == Mentoring.Status.ACCEPTED
    sent = {tuple(m.to): m.body for m in mail.outbox}
    assert champion.person.email in sent[(mentee.email,)]
    assert mentee.email in sent[(champion.person.email,)]
    client.force_login(mentee)
    assert champion.person.email in client.get(reverse("network:mentoring")).content.decode()


def test_only_the_champion_answers_and_either_side_closes(client):
    champion = ChampionFactory()
    mentee = UserFactory()
    mentoring = services.mentoring_request(mentee=mentee, champion=champion, note="Please.")
    client.force_login(mentee)
    url = reverse("network:mentoring_answer", args=[mentoring.pk])
    assert client.post(url, {"answer": "accept"}).status_code == 403
    client.force_login(UserFactory())
    assert client.post(url, {"answer": "accept"}).status_code == 404
    services.mentoring_answer(champion_person=champion.person, mentoring=mentoring, accept=True)
    client.force_login(mentee)
    client.post(reverse("network:mentoring_close", args=[mentoring.pk]))
    mentoring.refresh_from_db()
    assert mentoring.status == Mentoring.Status.CLOSED


def test_managers_see_the_matches_but_not_the_notes(client, manager):
    champion = ChampionFactory()
    services.mentoring_request(
        mentee=UserFactory(last_name="Okafor"), champion=champion, note="Secret worries."
    )
    client.force_login(manager)
    page = client.get(reverse("network:matches")).content.decode()
    assert "Okafor" in page and "Secret worries." not in page
    client.force_login(UserFactory())
    assert client.get(reverse("network:matches")).status_code == 403


def test_an_application_is_listed_once_a_manager_approves_it(client, manager):
    person = UserFactory()
    client.force_login(person)
    organisation = ChampionFactory().organisation
    response = client.post(
        reverse("network:my_profile"),
        {
            "role": "Director of digital",
            "organisation": organisation.pk,
            "region": "wales",
            "offers_mentoring": "on",
            "mentee_capacity": "2",
            "statement": "I ran our digital programme.",
        },
    )
    assert response.status_code == 302
    profile = ChampionProfile.objects.get(person=person)
    assert profile.status == ChampionProfile.Status.APPLIED
    client.force_login(manager)
    client.post(reverse("network:champion_approve", args=[profile.pk]))
    profile.refresh_from_db()
    assert profile.is_listed


def test_a_persons_download_holds_their_profile_and_erasure_removes_it():
    champion = ChampionFactory()
    mentee = UserFactory()
    services.mentoring_request(mentee=mentee, champion=champion, note="My private worry.")
    data = personal_data_services.personal_data_export(person=mentee)
    assert data["mentorings"][0]["note"] == "My private worry."
    assert personal_data_services.personal_data_csv(data)
    personal_data_services.person_erase(actor=UserFactory(programme_manager=True), person=mentee)
    assert Mentoring.objects.get().note == "[removed]"
