"""The programme team acts for anyone: a programme manager enrols, withdraws, substitutes and
moves any person on any cohort from the front end, through the same services (seats, history
and notifications hold), and the organisation's nominators are told."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from cohorts.enrolment import services
from cohorts.models import Enrolment, EnrolmentEvent
from tests.cohorts.factories import CohortFactory, SeatAllocationFactory
from tests.cohorts.nomination_world import make_world, officer

pytestmark = pytest.mark.django_db
S = Enrolment.Status


@pytest.fixture
def world():
    return make_world(capacity=4, police_seats=2, health_seats=2)


def test_a_manager_picks_an_organisation_and_enrols_a_person_directly(
    client, world, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    chooser = client.get(reverse("cohorts:nominate"))
    assert chooser.status_code == 200 and "Kent Police" in chooser.text
    portal = client.get(reverse("cohorts:nominate"), {"organisation": world.police.pk})
    assert "You are acting for Kent Police as a programme manager." in portal.text
    url = reverse("cohorts:nominate_officer", args=[world.cohort.pk, world.police.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, officer(1))
    assert response.status_code == 302
    assert response["Location"].endswith(f"?organisation={world.police.pk}")
    enrolment = Enrolment.objects.get(participant__email="officer1@example.org")
    assert (enrolment.status, enrolment.nominated_by) == (S.INVITED, manager)
    assert enrolment.events.get().actor == manager
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert by_recipient["officer1@example.org"].subject == f"Your place on {world.cohort}"
    told = by_recipient[world.police_nominator.email]
    assert "The programme team has changed" in told.subject
    assert "nominated Officer Number 1 for" in told.body
    assert world.health_nominator.email not in by_recipient


def test_a_nominator_acting_for_their_own_organisation_is_not_told_about_themself(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            **officer(1),
        )
    assert [m.to for m in mail.outbox] == [["officer1@example.org"]]


def test_a_manager_withdraws_from_the_cohort_page_and_the_nominator_is_told(
    client, world, manager, django_capture_on_commit_callbacks
):
    enrolment = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    mail.outbox.clear()
    client.force_login(manager)
    overview = client.get(reverse("cohorts:overview", args=[world.cohort.pk]))
    withdraw = reverse("cohorts:enrolment_withdraw", args=[enrolment.pk])
    assert f"{withdraw}?back=cohort" in overview.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(withdraw, {"reason": "Left the force", "back": "cohort"})
    assert response["Location"] == reverse("cohorts:overview", args=[world.cohort.pk])
    enrolment.refresh_from_db()
    assert enrolment.status == S.WITHDRAWN
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["officer1@example.org"] == f"Your place on {world.cohort} is withdrawn"
    assert "The programme team has changed" in subjects[world.police_nominator.email]


def test_moving_someone_keeps_their_place_while_seats_allow_and_frees_the_old_seat(
    world, manager, django_capture_on_commit_callbacks
):
    target = CohortFactory(open=True, name="Swale 2027", programme=world.cohort.programme)
    SeatAllocationFactory(cohort=target, organisation=world.police, seats=1)
    moving = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    Enrolment.objects.filter(pk=moving.pk).update(status=S.CONFIRMED)
    services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(2)
    )
    waiting = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(3)
    )
    assert waiting.status == S.WAITING_LIST
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved = services.enrolment_move(actor=manager, enrolment=moving, to_cohort=target)
    moving.refresh_from_db()
    waiting.refresh_from_db()
    assert (moved.cohort, moved.status, moving.status) == (target, S.CONFIRMED, S.WITHDRAWN)
    assert waiting.status == S.INVITED  # the freed seat went to the waiting list
    event = moving.events.first()
    assert (event.action, event.details["to_enrolment"]) == (
        EnrolmentEvent.Action.MOVED,
        moved.pk,
    )
    assert moved.events.get().details == {"source": "move", "from_cohort": str(world.cohort)}
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["officer1@example.org"] == f"You have moved to {target}"
    assert subjects["officer3@example.org"] == f"A place has come up on {world.cohort}"
    assert "The programme team has changed" in subjects[world.police_nominator.email]


def test_moving_past_the_seats_puts_them_on_the_waiting_list_and_needs_an_allocation(
    world, manager
):
    full = CohortFactory(open=True, name="Dover 2027")
    SeatAllocationFactory(cohort=full, organisation=world.police, seats=1)
    services.enrolment_nominate(actor=manager, cohort=full, organisation=world.police, **officer(8))
    first = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    assert services.enrolment_move(actor=manager, enrolment=first, to_cohort=full).status == (
        S.WAITING_LIST
    )
    other = CohortFactory(open=True, name="Thanet 2027")  # no seats for the police
    second = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(2)
    )
    with pytest.raises(ValidationError, match="has no seats on"):
        services.enrolment_move(actor=manager, enrolment=second, to_cohort=other)
    second.refresh_from_db()
    assert second.status == S.INVITED  # nothing changed


def test_only_programme_managers_move_people(client, world, manager):
    enrolment = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    url = reverse("cohorts:enrolment_move", args=[enrolment.pk])
    client.force_login(world.police_nominator)
    assert client.get(url).status_code == 403
    client.force_login(manager)
    page = client.get(url)
    assert page.status_code == 200 and "Move Officer Number 1 to another cohort" in page.text
    offered = page.context["form"].fields["to_cohort"].queryset
    assert world.cohort not in offered  # not the cohort they are on
