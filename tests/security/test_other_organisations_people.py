"""Issue 15: nominating never reveals or changes a person of another organisation. A row whose
email belongs to another organisation's officer is refused with a neutral message; their name,
job title and team are neither shown nor changed; the import preview says nothing about who
already has an account."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cohorts.enrolment import services
from cohorts.enrolment.people import OF_ANOTHER_ORGANISATION
from cohorts.models import Enrolment
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import EnrolmentFactory
from tests.cohorts.nomination_world import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world(capacity=10, police_seats=4, health_seats=4)


@pytest.fixture
def health_officer(world):
    person = UserFactory(
        email="dana.officer@health.example.org",
        first_name="Dana",
        last_name="Whitlock",
        job_title="",
        team="",
    )
    EnrolmentFactory(participant=person, organisation=world.health, status="confirmed")
    return person


def test_a_nominator_cannot_nominate_another_organisations_officer(client, world, health_officer):
    client.force_login(world.police_nominator)
    url = reverse("cohorts:nominate_officer", args=[world.cohort.pk, world.police.pk])
    response = client.post(
        url,
        {
            "email": "DANA.officer@health.example.org",
            "first_name": "Someone",
            "last_name": "Else",
            "job_title": "Overwritten title",
            "team": "Overwritten team",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "cannot be nominated by your organisation" in body
    assert "Whitlock" not in body and "Dana" not in body
    health_officer.refresh_from_db()
    assert (health_officer.job_title, health_officer.team) == ("", "")
    assert not Enrolment.objects.filter(cohort=world.cohort, participant=health_officer)


def test_another_organisations_nominator_cannot_be_nominated_either(world):
    with pytest.raises(ValidationError) as raised:
        services.enrolment_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            email=world.health_nominator.email,
            first_name="A",
            last_name="B",
            job_title="C",
        )
    assert OF_ANOTHER_ORGANISATION in str(raised.value)


def test_the_import_preview_refuses_the_row_and_says_nothing_about_accounts(
    client, world, health_officer
):
    UserFactory(email="known.officer@police.example.org")
    client.force_login(world.police_nominator)
    data = (
        "First name,Last name,Email,Job title,Team\n"
        "Known,Officer,known.officer@police.example.org,Inspector,Response\n"
        "Some,One,dana.officer@health.example.org,Overwritten,Overwritten\n"
    )
    response = client.post(
        reverse("cohorts:import_upload", args=[world.cohort.pk, world.police.pk]),
        {"file": SimpleUploadedFile("officers.csv", data.encode())},
        follow=True,
    )
    body = response.content.decode()
    assert [str(p) for p in response.context["review"].problems] == [
        f"Row 3, Email: {OF_ANOTHER_ORGANISATION}"
    ]
    assert "has an account" not in body
    assert "Whitlock" not in body
    health_officer.refresh_from_db()
    assert health_officer.job_title == ""


def test_an_officer_of_both_organisations_may_be_nominated_by_either(world, health_officer):
    EnrolmentFactory(participant=health_officer, organisation=world.police, status="withdrawn")
    enrolment = services.enrolment_nominate(
        actor=world.police_nominator,
        cohort=world.cohort,
        organisation=world.police,
        email=health_officer.email,
        first_name="Dana",
        last_name="Whitlock",
        job_title="Analyst",
    )
    assert enrolment.participant == health_officer
