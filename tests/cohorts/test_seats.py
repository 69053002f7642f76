"""Seats: the one definition (cohorts.enrolment.seats) of who holds a seat, how many are left for
an organisation, and that an allocation of nought seats is no seats, wherever it is asked."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cohorts import permissions
from cohorts.enrolment import services
from cohorts.enrolment.imports import review_rows
from cohorts.enrolment.seats import Seats, seats_for
from cohorts.enrolment.selectors import open_seat_lines
from cohorts.models import Enrolment, Organisation
from tests.cohorts.factories import EnrolmentFactory
from tests.cohorts.nomination_world import make_world, officer

S = Enrolment.Status
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("capacity", "cohort_held", "allocated", "organisation_held", "left"),
    [
        (10, 0, 4, 0, 4),  # the allocation limits
        (10, 1, 4, 1, 3),
        (10, 8, 4, 1, 2),  # the cohort's capacity limits
        (10, 10, 4, 0, 0),
        (10, 12, 4, 0, 0),  # never below nought, even over capacity
        (10, 5, 4, 6, 0),  # over its allocation
        (10, 0, 0, 0, 0),  # an allocation of nought seats is no seats
    ],
)
def test_seats_left_is_the_smaller_of_the_allocation_and_the_capacity_left(
    capacity, cohort_held, allocated, organisation_held, left
):
    seats = Seats(
        capacity=capacity,
        cohort_held=cohort_held,
        allocated=allocated,
        organisation_held=organisation_held,
    )
    assert seats.left == left


def test_the_cohort_filling_up_is_what_limits_the_seats_left():
    assert Seats(capacity=10, cohort_held=9, allocated=4, organisation_held=0).limited_by_cohort
    assert not Seats(capacity=10, cohort_held=2, allocated=4, organisation_held=0).limited_by_cohort


def test_only_invited_confirmed_and_completed_places_hold_seats():
    world = make_world(capacity=20, police_seats=10)
    holding = [S.INVITED, S.CONFIRMED, S.COMPLETED, S.NOT_COMPLETED]
    not_holding = [S.DECLINED, S.WAITING_LIST, S.WITHDRAWN, S.SUBSTITUTED]
    for status in holding + not_holding:
        EnrolmentFactory(cohort=world.cohort, organisation=world.police, status=status)
    seats = seats_for(world.cohort, world.police)
    assert (seats.cohort_held, seats.organisation_held, seats.left) == (4, 4, 6)
    assert Enrolment.objects.holding_seats().count() == len(holding)


def test_every_screen_and_service_reads_the_same_seats_left(client):
    world = make_world(capacity=5, police_seats=4, health_seats=3)
    for n in (1, 2):
        services.enrolment_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            **officer(n),
        )
    for n in (3, 4):
        services.enrolment_nominate(
            actor=world.health_nominator,
            cohort=world.cohort,
            organisation=world.health,
            **officer(n),
        )
    # Police: 2 of 4 allocated seats used, but only 1 of the cohort's 5 seats is left.
    expected = seats_for(world.cohort, world.police).left
    assert expected == 1
    [line] = open_seat_lines([world.police])
    assert (line.left, line.limited_by_cohort) == (expected, True)
    rows = [{"row": 2, **officer(5)}, {"row": 3, **officer(6)}]
    review = review_rows(cohort=world.cohort, organisation=world.police, rows=rows)
    assert review.seats_left == expected and review.invite_count == expected
    client.force_login(world.police_nominator)
    page = client.get(reverse("cohorts:nominate_officer", args=[world.cohort.pk, world.police.pk]))
    assert page.context["seats_left"] == expected
    # The next nomination takes that seat; the one after waits.
    nominated = [
        services.enrolment_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            **officer(n),
        )
        for n in (5, 6)
    ]
    assert [e.status for e in nominated] == [S.INVITED, S.WAITING_LIST]


def test_a_freed_seat_is_offered_only_where_seats_are_left():
    world = make_world(capacity=3, police_seats=1, health_seats=2)
    police_1 = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    police_waiting = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(2)
    )
    health = services.enrolment_nominate(
        actor=world.health_nominator, cohort=world.cohort, organisation=world.health, **officer(3)
    )
    # A health seat frees, but police has no seats left of its own: nobody is offered it.
    services.enrolment_withdraw(actor=world.health_nominator, enrolment=health)
    police_waiting.refresh_from_db()
    assert police_waiting.status == S.WAITING_LIST
    services.enrolment_withdraw(actor=world.police_nominator, enrolment=police_1)
    police_waiting.refresh_from_db()
    assert police_waiting.status == S.INVITED


# An allocation of nought seats ----------------------------------------------------------------


@pytest.fixture
def zero_world():
    world = make_world(capacity=10, police_seats=0, health_seats=2)
    return world


def test_an_allocation_of_nought_seats_may_not_nominate(zero_world):
    permission = permissions.check(
        zero_world.police_nominator, "nominate", zero_world.cohort, zero_world.police
    )
    assert not permission
    assert permission.reason == "Kent Police has no seats on this cohort."


def test_the_nomination_service_refuses_an_allocation_of_nought_seats_too(zero_world):
    with pytest.raises(ValidationError, match="Kent Police has no seats on this cohort"):
        services.enrolment_nominate(
            actor=zero_world.police_nominator,
            cohort=zero_world.cohort,
            organisation=zero_world.police,
            **officer(1),
        )
    with pytest.raises(ValidationError, match="Kent Police has no seats on this cohort"):
        services.enrolment_bulk_nominate(
            actor=zero_world.police_nominator,
            cohort=zero_world.cohort,
            organisation=zero_world.police,
            rows=[{"row": 2, **officer(1)}],
            allow_waiting_list=True,
        )
    assert not Enrolment.objects.exists()


def test_an_organisation_without_an_allocation_may_not_nominate(zero_world):
    stranger = Organisation.objects.create(name="Elsewhere", sector="other")
    stranger.nominators.add(zero_world.police_nominator)
    assert not permissions.check(
        zero_world.police_nominator, "nominate", zero_world.cohort, stranger
    )
    with pytest.raises(ValidationError, match="Elsewhere has no seats on this cohort"):
        services.enrolment_nominate(
            actor=zero_world.police_nominator,
            cohort=zero_world.cohort,
            organisation=stranger,
            **officer(1),
        )
