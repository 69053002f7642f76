"""A cohort's overview, the way in to its screens for those who run it: its sessions with their
registers, the cohort's navigation, and, for programme managers (who nominate for any
organisation), seats by organisation with nominate and upload links and each officer's
withdraw and substitute actions."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Enrolment
from tests.cohorts.factories import (
    CohortFactory,
    CohortSessionFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(facilitator):
    cohort = CohortFactory(name="Kent 2027", open=True, facilitators=[facilitator])
    police = OrganisationFactory(name="Kent Police")
    SeatAllocationFactory(cohort=cohort, organisation=police, seats=3)
    EnrolmentFactory(cohort=cohort, organisation=police, status=Enrolment.Status.INVITED)
    start = timezone.now() + dt.timedelta(days=30)
    cohort.session = CohortSessionFactory(
        cohort=cohort, title="Kick-off", starts_at=start, ends_at=start + dt.timedelta(hours=3)
    )
    cohort.police = police
    return cohort


def overview(client, person, cohort):
    client.force_login(person)
    response = client.get(reverse("cohorts:overview", args=[cohort.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_those_who_run_it_see_its_sessions_with_registers_and_every_screen(
    client, facilitator, cohort
):
    html = overview(client, facilitator, cohort)
    assert f'href="{reverse("cohorts:session_detail", args=[cohort.session.pk])}"' in html
    assert f'href="{reverse("cohorts:attendance_register", args=[cohort.session.pk])}"' in html
    for name in ("cohort_attendance", "cohort_progress", "cohort_completion", "people"):
        assert f'href="{reverse(f"cohorts:{name}", args=[cohort.pk])}"' in html
    # A facilitator does not nominate.
    assert "Seats by organisation" not in html
    assert reverse("cohorts:nominate_officer", args=[cohort.pk, cohort.police.pk]) not in html


def test_managers_nominate_withdraw_and_substitute_from_the_overview(client, manager, cohort):
    html = overview(client, manager, cohort)
    assert "Seats by organisation" in html
    assert "2 left" in html
    assert reverse("cohorts:nominate_officer", args=[cohort.pk, cohort.police.pk]) in html
    assert reverse("cohorts:import_upload", args=[cohort.pk, cohort.police.pk]) in html
    enrolment = cohort.enrolments.get()
    assert reverse("cohorts:enrolment_withdraw", args=[enrolment.pk]) in html
    assert reverse("cohorts:enrolment_substitute", args=[enrolment.pk]) in html


def test_a_manager_nominating_goes_back_to_the_overview_not_to_a_nominators_page(
    client, manager, cohort
):
    client.force_login(manager)
    # The overview's "Nominate an officer" link says where it came from.
    overview = client.get(reverse("cohorts:overview", args=[cohort.pk])).content.decode()
    url = reverse("cohorts:nominate_officer", args=[cohort.pk, cohort.police.pk]) + "?back=cohort"
    assert url in overview.replace("&amp;", "&")
    page = client.get(url).content.decode()
    assert reverse("cohorts:nominate") not in page
    response = client.post(
        url,
        {
            "back": "cohort",
            "first_name": "Priya",
            "last_name": "Officer",
            "email": "priya.officer@example.org",
            "job_title": "Inspector",
            "team": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cohorts:overview", args=[cohort.pk])


def test_no_nominate_links_once_the_cohort_is_no_longer_open(client, manager, cohort):
    cohort.status = cohort.Status.RUNNING
    cohort.save()
    html = overview(client, manager, cohort)
    assert reverse("cohorts:nominate_officer", args=[cohort.pk, cohort.police.pk]) not in html
    assert "while the cohort is open for enrolment" in html
