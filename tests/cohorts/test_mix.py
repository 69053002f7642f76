"""The cohort's mix of sectors and organisations against its target, for programme managers and
the cohort's facilitators; and who may see fellow participants."""

import pytest
from django.urls import reverse

from cohorts.enrolment.mix import cohort_mix
from cohorts.models import Enrolment, Sector
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory, EnrolmentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def enrol(cohort, organisation, n, status=Enrolment.Status.CONFIRMED):
    return [
        EnrolmentFactory(cohort=cohort, organisation=organisation, status=status) for _ in range(n)
    ]


@pytest.fixture
def cohort(facilitator):
    return CohortFactory(
        open=True,
        capacity=20,
        target_min_sectors=3,
        target_max_share_percent=40,
        facilitators=[facilitator],
    )


@pytest.fixture
def organisations():
    return {
        sector: OrganisationFactory(name=f"{label} organisation", sector=sector)
        for sector, label in Sector.choices
    }


def test_a_balanced_cohort_meets_its_target(cohort, organisations):
    enrol(cohort, organisations[Sector.POLICE], 2)
    enrol(cohort, organisations[Sector.HEALTH], 2)
    enrol(cohort, organisations[Sector.LOCAL_AUTHORITY], 1, status=Enrolment.Status.INVITED)
    mix = cohort_mix(cohort)
    assert not mix.is_off
    assert mix.total == 5
    assert [(line.label, line.count, line.share) for line in mix.sectors] == [
        ("Health", 2, 40),
        ("Police", 2, 40),
        ("Local authority", 1, 20),
    ]


def test_too_few_sectors_and_too_large_a_share_are_warned_about(cohort, organisations):
    enrol(cohort, organisations[Sector.POLICE], 3)
    enrol(cohort, organisations[Sector.HEALTH], 1)
    mix = cohort_mix(cohort)
    assert mix.warnings == [
        "Only 2 sectors are represented; the target is at least 3.",
        "Police makes up 75% of the cohort; the target is no more than 40% from one sector.",
    ]


def test_people_not_holding_a_seat_do_not_count_in_the_mix(cohort, organisations):
    enrol(cohort, organisations[Sector.POLICE], 1)
    for status in ("waiting-list", "withdrawn", "declined", "substituted"):
        enrol(cohort, organisations[Sector.FIRE_AND_RESCUE], 1, status=status)
    assert cohort_mix(cohort).total == 1


def test_manager_sees_the_mix_chart_table_and_warning(client, manager, cohort, organisations):
    enrol(cohort, organisations[Sector.POLICE], 3)
    client.force_login(manager)
    response = client.get(reverse("cohorts:overview", args=[cohort.pk]))
    assert response.status_code == 200
    text = response.text
    assert "The mix is off target" in text
    assert '<svg role="img"' in text and "Police: 3 (100%), over the target" in text
    assert ">By sector</caption>" in text


def test_cohorts_facilitator_sees_the_mix_and_a_link_to_the_history(client, facilitator, cohort):
    client.force_login(facilitator)
    response = client.get(reverse("cohorts:overview", args=[cohort.pk]))
    assert response.status_code == 200
    assert ">By sector</caption>" in response.text
    assert reverse("cohorts:cohort_history", args=[cohort.pk]) in response.text


@pytest.mark.parametrize("role", ["other-facilitator", "nominator", "participant"])
def test_others_cannot_see_the_cohort_overview(client, cohort, role):
    if role == "other-facilitator":
        user = UserFactory(facilitator=True)
    elif role == "nominator":
        user = UserFactory(nominator=True)
    else:
        user = EnrolmentFactory(cohort=cohort).participant
    client.force_login(user)
    assert client.get(reverse("cohorts:overview", args=[cohort.pk])).status_code == 403


def test_overview_stays_within_a_query_budget(
    client, manager, cohort, organisations, django_assert_max_num_queries
):
    for organisation in organisations.values():
        enrol(cohort, organisation, 3)
    client.force_login(manager)
    with django_assert_max_num_queries(15):
        client.get(reverse("cohorts:overview", args=[cohort.pk]))


# Fellow participants ----------------------------------------------------------------------------


def test_participants_see_each_others_name_organisation_and_job_title(client, cohort):
    me, colleague = EnrolmentFactory.create_batch(2, cohort=cohort)
    colleague.participant.job_title = "Head of Community Safety"
    colleague.participant.save()
    client.force_login(me.participant)
    response = client.get(reverse("cohorts:people", args=[cohort.pk]))
    assert response.status_code == 200
    assert colleague.participant.get_full_name() in response.text
    assert "Head of Community Safety" in response.text
    assert str(colleague.organisation) in response.text
    assert colleague.participant.email not in response.text


def test_people_not_on_the_cohort_cannot_see_its_participants(client, cohort):
    EnrolmentFactory(cohort=cohort)
    elsewhere = EnrolmentFactory()
    invited_only = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.INVITED)
    for user in (elsewhere.participant, invited_only.participant, UserFactory(nominator=True)):
        client.force_login(user)
        assert client.get(reverse("cohorts:people", args=[cohort.pk])).status_code == 403


def test_the_people_list_shows_only_those_taking_part(client, cohort):
    me = EnrolmentFactory(cohort=cohort)
    withdrawn = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.WITHDRAWN)
    client.force_login(me.participant)
    response = client.get(reverse("cohorts:people", args=[cohort.pk]))
    assert withdrawn.participant.get_full_name() not in response.text


# Who may do what: role x action on one cohort ------------------------------------------------


@pytest.mark.parametrize(
    ("role", "mix", "people", "manage"),
    [
        ("manager", True, True, True),
        ("facilitator-of-cohort", True, True, False),
        ("other-facilitator", False, False, False),
        ("nominator-of-organisation", False, False, True),
        ("nominator-of-other-organisation", False, False, False),
        ("confirmed-participant", False, True, False),
        ("invited-participant", False, False, False),
    ],
)
def test_permission_matrix_for_enrolment_pages(
    cohort, facilitator, manager, role, mix, people, manage
):
    from cohorts.permissions import (
        can_manage_enrolment,
        can_see_fellow_participants,
        can_view_cohort_mix,
    )

    nominator = UserFactory(nominator=True)
    organisation = OrganisationFactory(nominators=[nominator])
    other_nominator = UserFactory(nominator=True)
    OrganisationFactory(nominators=[other_nominator])
    enrolment = EnrolmentFactory(cohort=cohort, organisation=organisation)
    invited = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.INVITED)
    user = {
        "manager": manager,
        "facilitator-of-cohort": facilitator,
        "other-facilitator": UserFactory(facilitator=True),
        "nominator-of-organisation": nominator,
        "nominator-of-other-organisation": other_nominator,
        "confirmed-participant": enrolment.participant,
        "invited-participant": invited.participant,
    }[role]
    assert bool(can_view_cohort_mix(user, cohort)) is mix
    assert bool(can_see_fellow_participants(user, cohort)) is people
    assert bool(can_manage_enrolment(user, enrolment)) is manage


def test_many_cohorts_mixes_in_one_query_match_each_cohorts_own(
    cohort, organisations, django_assert_num_queries
):
    from cohorts.enrolment.mix import cohort_mixes

    enrol(cohort, organisations[Sector.POLICE], 3)
    enrol(cohort, organisations[Sector.HEALTH], 1)
    other = CohortFactory(
        programme=cohort.programme, target_min_sectors=1, target_max_share_percent=100
    )
    enrol(other, organisations[Sector.FIRE_AND_RESCUE], 2)
    empty = CohortFactory(programme=cohort.programme)
    with django_assert_num_queries(1):
        mixes = cohort_mixes([cohort, other, empty])
    for each in (cohort, other, empty):
        assert mixes[each.pk] == cohort_mix(each)
    assert mixes[cohort.pk].is_off and not mixes[other.pk].is_off and mixes[empty.pk].total == 0
