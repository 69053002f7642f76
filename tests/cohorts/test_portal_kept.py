"""The nominator portal is kept, rendered, under the versions of the cohorts it shows (the
cohorts its organisations have officers or seats on) with the filters and page asked for
(`cohorts.enrolment.portal`, `cohorts.kept_html`): it is not worked out again while none of them
has changed, every change shows on the next view, and nothing of one viewer (their
organisations, their CSRF token, a programme manager's actions) reaches another."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts import kept_html
from cohorts.enrolment import services
from cohorts.models import Enrolment
from kept.parts import CSRF_PLACEHOLDER
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory, SeatAllocationFactory
from tests.cohorts.nomination_world import make_world, officer

pytestmark = pytest.mark.django_db


def portal(client, **params):
    response = client.get(reverse("cohorts:nominate"), params)
    assert response.status_code == 200
    return response.content.decode()


def nominate(world, n, *, cohort=None, organisation=None, nominator=None, **details):
    return services.enrolment_nominate(
        actor=nominator or world.police_nominator,
        cohort=cohort or world.cohort,
        organisation=organisation or world.police,
        **officer(n, **details),
    )


def test_the_portal_kept_is_not_worked_out_again(client):
    world = make_world()
    nominate(world, 1)
    client.force_login(world.police_nominator)
    with CaptureQueriesContext(connection) as first:
        portal(client)
    with CaptureQueriesContext(connection) as again:
        assert "Officer Number 1" in portal(client)
    read = " ".join(q["sql"] for q in again.captured_queries)
    # Neither the officers counted and listed nor the seats counted again.
    assert "COUNT(" not in read and '"cohorts_seatallocation"."seats"' not in read
    assert len(again) < len(first)


def test_an_officer_nominated_on_another_cohort_shows_on_the_next_view(client):
    world = make_world()
    nominate(world, 1)
    client.force_login(world.police_nominator)
    assert "Officer Number 2" not in portal(client)
    other = CohortFactory(open=True, name="Medway 2027")
    SeatAllocationFactory(cohort=other, organisation=world.police, seats=2)
    page = portal(client)
    assert "Medway 2027" in page  # its seats, though no officer is on it yet
    nominate(world, 2, cohort=other)
    assert "Officer Number 2" in portal(client)


def test_another_organisations_nomination_changes_the_seats_left(client):
    world = make_world(capacity=3, police_seats=2, health_seats=2)
    client.force_login(world.police_nominator)
    assert "2 left" in portal(client)
    nominate(world, 1, organisation=world.health, nominator=world.health_nominator)
    nominate(world, 2, organisation=world.health, nominator=world.health_nominator)
    page = portal(client)
    assert "1 left" in page and "the cohort is full or nearly full" in page


def test_an_officer_renamed_and_a_place_withdrawn_show_on_the_next_view(client):
    world = make_world()
    enrolment = nominate(world, 1)
    client.force_login(world.police_nominator)
    portal(client)
    enrolment.participant.last_name = "Okafor"
    enrolment.participant.save()
    assert "Officer Okafor" in portal(client)
    services.enrolment_withdraw(actor=world.police_nominator, enrolment=enrolment)
    assert "Withdrawn" in portal(client)


def test_each_nominator_sees_only_their_own_organisations_officers(client):
    world = make_world()
    nominate(world, 1)
    nominate(world, 2, organisation=world.health, nominator=world.health_nominator)
    client.force_login(world.police_nominator)
    police = portal(client)
    client.force_login(world.health_nominator)
    health = portal(client)
    assert "Officer Number 1" in police and "Officer Number 2" not in police
    assert "Officer Number 2" in health and "Officer Number 1" not in health


def test_each_viewer_gets_their_own_csrf_token_in_the_kept_forms():
    world = make_world()
    nominate(world, 1)  # invited: the page offers to resend the invitation
    second = UserFactory(nominator=True)
    world.police.nominators.add(second)
    tokens = []
    for person in (world.police_nominator, second):
        client = Client()
        client.force_login(person)
        page = portal(client)
        assert "Resend invitation" in page
        assert CSRF_PLACEHOLDER not in page
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1])
        resend = reverse("cohorts:enrolment_resend", args=[Enrolment.objects.get().pk])
        assert client.post(resend, {"csrfmiddlewaretoken": tokens[-1]}).status_code == 302
    assert tokens[0] != tokens[1]


def test_a_programme_managers_actions_never_reach_a_nominator(client):
    world = make_world()
    nominate(world, 1)
    manager = UserFactory(programme_manager=True)
    client.force_login(manager)
    assert "Move to another cohort" in portal(client, organisation=world.police.pk)
    client.force_login(world.police_nominator)
    assert "Move to another cohort" not in portal(client)


def test_the_pages_of_officers_keep_the_filters_chosen(client):
    world = make_world(capacity=40, police_seats=30)
    for n in range(27):
        nominate(world, n)
    client.force_login(world.police_nominator)
    page = portal(client, status="invited")
    assert "page 1 of 2" in page
    assert 'href="?status=invited&amp;page=2"' in page
    second = portal(client, status="invited", page=2)
    assert "page 2 of 2" in second and "page 1 of 2" not in second


def test_a_part_rendered_while_its_cohorts_changed_is_not_kept(rf):
    request = rf.get("/")
    cohort = CohortFactory()
    rendered = []

    def render():
        rendered.append(1)
        return "<p>part</p>"

    def moved_on():
        return [cohort.pk, cohort.pk + 1]  # another cohort came in while it was rendered

    kept_html.kept_for_cohorts(request, "test", [cohort.pk], render, still=moved_on)
    kept_html.kept_for_cohorts(request, "test", [cohort.pk], render, still=lambda: [cohort.pk])
    kept_html.kept_for_cohorts(request, "test", [cohort.pk], render, still=lambda: [cohort.pk])
    assert len(rendered) == 2
