"""Nominating officers: the portal, seats and the waiting list, withdrawing and substituting."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import User
from cohorts.enrolment import services
from cohorts.models import Cohort, Enrolment
from tests.accounts.factories import PASSWORD, UserFactory
from tests.cohorts.factories import (
    CohortFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
)
from tests.cohorts.nomination_world import make_world, officer

pytestmark = pytest.mark.django_db
S = Enrolment.Status


@pytest.fixture
def world():
    return make_world(capacity=4, police_seats=2, health_seats=2)


def nominate(world, n, organisation=None, **overrides):
    organisation = organisation or world.police
    nominator = world.police_nominator if organisation == world.police else world.health_nominator
    return services.enrolment_nominate(
        actor=nominator, cohort=world.cohort, organisation=organisation, **officer(n, **overrides)
    )


# Nominating one officer ---------------------------------------------------------------------


def test_nominated_officer_is_invited_and_emailed(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = nominate(world, 1)
    assert enrolment.status == S.INVITED
    assert enrolment.nominated_by == world.police_nominator
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["officer1@example.org"]
    assert "/cohorts/invitation/" in mail.outbox[0].body


def test_nomination_creates_an_account_without_a_password(world):
    enrolment = nominate(world, 1, job_title="Chief Inspector", team="Partnerships")
    person = enrolment.participant
    assert (person.first_name, person.job_title, person.team) == (
        "Officer",
        "Chief Inspector",
        "Partnerships",
    )
    assert not person.has_usable_password()


def test_nomination_finds_the_existing_account_whatever_the_case_and_spaces(world):
    existing = UserFactory(email="jo.bloggs@kent.police.uk", first_name="Jo")
    enrolment = nominate(world, 1, email="  Jo.Bloggs@KENT.Police.uk ")
    assert enrolment.participant == existing
    assert User.objects.filter(email__iexact="jo.bloggs@kent.police.uk").count() == 1
    existing.refresh_from_db()
    assert existing.first_name == "Jo"  # the nominator does not rename people


def test_officer_cannot_be_nominated_twice_for_one_cohort(world):
    nominate(world, 1)
    with pytest.raises(ValidationError, match="already has a nomination"):
        nominate(world, 1, email="OFFICER1@example.org")
    # Another organisation is told nothing about them (issue 15).
    with pytest.raises(ValidationError, match="cannot be nominated by your organisation"):
        nominate(world, 1, organisation=world.health, email="OFFICER1@example.org")
    assert Enrolment.objects.count() == 1


@pytest.mark.parametrize("ended", ["decline", "withdraw"])
def test_officer_who_declined_or_was_withdrawn_can_be_nominated_again_and_keeps_one_history(
    world, ended
):
    first = nominate(world, 1)
    if ended == "decline":
        services.enrolment_decline(actor=first.participant, enrolment=first)
    else:
        services.enrolment_withdraw(actor=world.police_nominator, enrolment=first)

    again = nominate(world, 1, email="Officer1@Example.org")

    assert again.pk == first.pk
    assert again.status == S.INVITED
    assert Enrolment.objects.filter(cohort=world.cohort).count() == 1
    actions = list(again.events.order_by("at", "pk").values_list("action", flat=True))
    assert actions[0] == actions[-1] == "nominated"
    assert len(actions) == 3


def test_cohort_not_open_takes_no_nominations(world):
    Cohort.objects.filter(pk=world.cohort.pk).update(status=Cohort.Status.RUNNING)
    with pytest.raises(ValidationError, match="not open"):
        nominate(world, 1)
    assert not Enrolment.objects.exists()


# Seats and the waiting list -------------------------------------------------------------------


def test_nominations_past_the_organisations_allocation_go_on_the_waiting_list(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [nominate(world, n).status for n in range(1, 4)]
    assert statuses == [S.INVITED, S.INVITED, S.WAITING_LIST]
    assert "waiting list" in mail.outbox[-1].subject


def test_nominations_past_the_cohorts_capacity_go_on_the_waiting_list():
    world = make_world(capacity=3, police_seats=2, health_seats=2)
    nominate(world, 1)
    nominate(world, 2)
    nominate(world, 3, organisation=world.health)
    assert nominate(world, 4, organisation=world.health).status == S.WAITING_LIST


def test_withdrawing_offers_the_seat_to_the_organisations_next_waiting_officer(
    world, django_capture_on_commit_callbacks
):
    first, _, waiting_1, waiting_2 = (nominate(world, n) for n in range(1, 5))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_withdraw(actor=world.police_nominator, enrolment=first)
    waiting_1.refresh_from_db()
    waiting_2.refresh_from_db()
    assert (waiting_1.status, waiting_2.status) == (S.INVITED, S.WAITING_LIST)
    # The next officer is offered the seat; the withdrawn one is told their place has ended.
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("officer1@example.org", f"Your place on {world.cohort} is withdrawn"),
        ("officer3@example.org", f"A place has come up on {world.cohort}"),
    ]


def test_freed_seat_goes_to_another_organisation_when_only_capacity_held_it_back():
    world = make_world(capacity=2, police_seats=2, health_seats=2)
    police_1 = nominate(world, 1)
    nominate(world, 2, organisation=world.health)
    health_waiting = nominate(world, 3, organisation=world.health)
    assert health_waiting.status == S.WAITING_LIST
    services.enrolment_withdraw(actor=world.police_nominator, enrolment=police_1)
    health_waiting.refresh_from_db()
    assert health_waiting.status == S.INVITED


def test_freed_seat_is_not_offered_past_an_organisations_allocation():
    world = make_world(capacity=3, police_seats=1, health_seats=2)
    police_1 = nominate(world, 1)
    police_waiting = nominate(world, 2)
    health_1 = nominate(world, 3, organisation=world.health)
    services.enrolment_withdraw(actor=world.health_nominator, enrolment=health_1)
    police_waiting.refresh_from_db()
    assert police_waiting.status == S.WAITING_LIST  # police still holds its one seat
    services.enrolment_withdraw(actor=world.police_nominator, enrolment=police_1)
    police_waiting.refresh_from_db()
    assert police_waiting.status == S.INVITED


# Withdraw and substitute ----------------------------------------------------------------------


def test_substitute_takes_over_the_seat_and_the_history_stays(
    world, django_capture_on_commit_callbacks
):
    original = nominate(world, 1)
    nominate(world, 2)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        substitute = services.enrolment_substitute(
            actor=world.police_nominator, enrolment=original, **officer(9)
        )
    original.refresh_from_db()
    assert original.status == S.SUBSTITUTED
    assert substitute.status == S.INVITED  # even though the organisation's seats are full
    assert substitute.replaces == original
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("officer1@example.org", f"Your place on {world.cohort} has passed to a colleague"),
        ("officer9@example.org", f"Your place on {world.cohort}"),
    ]
    assert list(original.events.values_list("action", flat=True)) == ["substituted", "nominated"]


def test_a_withdrawn_officer_cannot_be_substituted(world):
    enrolment = nominate(world, 1)
    services.enrolment_withdraw(actor=world.police_nominator, enrolment=enrolment)
    with pytest.raises(ValidationError, match="Only an invited or confirmed"):
        services.enrolment_substitute(
            actor=world.police_nominator, enrolment=enrolment, **officer(2)
        )
    assert Enrolment.objects.count() == 1


def test_failed_substitution_leaves_the_original_untouched(world):
    original = nominate(world, 1)
    nominate(world, 2)
    with pytest.raises(ValidationError):
        # officer 2 is already on the cohort
        services.enrolment_substitute(
            actor=world.police_nominator, enrolment=original, **officer(2)
        )
    original.refresh_from_db()
    assert original.status == S.INVITED
    assert not original.events.filter(action="substituted").exists()


def test_a_withdrawn_officer_cannot_be_withdrawn_again(world):
    enrolment = nominate(world, 1)
    services.enrolment_withdraw(actor=world.police_nominator, enrolment=enrolment)
    with pytest.raises(ValidationError, match="cannot be withdrawn"):
        services.enrolment_withdraw(actor=world.police_nominator, enrolment=enrolment)


# The nominator portal -------------------------------------------------------------------------


def test_portal_shows_open_cohorts_with_seats_used_and_left(client, world):
    nominate(world, 1)
    client.force_login(world.police_nominator)
    response = client.get(reverse("cohorts:nominate"))
    assert response.status_code == 200
    line = response.context["seat_lines"][0]
    assert (line.cohort, line.organisation, line.used, line.left) == (
        world.cohort,
        world.police,
        1,
        1,
    )
    assert "Kent 2026" in response.text
    assert "1 of 2" in response.text


def test_nominator_cannot_see_other_organisations_officers(client, world):
    nominate(world, 1)
    nominate(world, 2, organisation=world.health)
    client.force_login(world.police_nominator)
    response = client.get(reverse("cohorts:nominate"))
    assert "officer1@example.org" in response.text
    assert "officer2@example.org" not in response.text


def test_portal_is_for_nominators_only(client, world):
    client.force_login(UserFactory(participant=True))
    response = client.get(reverse("cohorts:nominate"))
    assert response.status_code == 403


def test_portal_paginates_officers_within_a_query_budget(
    client, world, django_assert_max_num_queries
):
    cohort = CohortFactory(closed=True)
    for _ in range(30):
        EnrolmentFactory(cohort=cohort, organisation=world.police)
    client.force_login(world.police_nominator)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("cohorts:nominate"))
    assert len(response.context["page"].object_list) == 25
    response = client.get(reverse("cohorts:nominate"), {"page": 2})
    assert len(response.context["page"].object_list) == 5


def test_nominating_through_the_form(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.police_nominator)
    url = reverse("cohorts:nominate_officer", args=[world.cohort.pk, world.police.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, officer(1, email=" Officer1@Example.org "))
    assert response.status_code == 302
    enrolment = Enrolment.objects.get()
    assert enrolment.participant.email == "officer1@example.org"
    assert len(mail.outbox) == 1


def test_nomination_form_shows_the_error_summary_and_saves_nothing(client, world):
    client.force_login(world.police_nominator)
    url = reverse("cohorts:nominate_officer", args=[world.cohort.pk, world.police.pk])
    response = client.post(url, officer(1, email="not-an-email", job_title=""))
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Enter a valid email address" in response.text
    assert not Enrolment.objects.exists()
    assert not User.objects.filter(email="not-an-email").exists()


def test_nomination_form_shows_a_duplicate_in_the_error_summary(client, world):
    nominate(world, 1)
    client.force_login(world.police_nominator)
    url = reverse("cohorts:nominate_officer", args=[world.cohort.pk, world.police.pk])
    response = client.post(url, officer(1))
    assert "There is a problem" in response.text
    assert "already has a nomination" in response.text
    assert Enrolment.objects.count() == 1


def test_nominator_cannot_nominate_for_another_organisation(client, world):
    client.force_login(world.police_nominator)
    url = reverse("cohorts:nominate_officer", args=[world.cohort.pk, world.health.pk])
    response = client.post(url, officer(1))
    assert response.status_code == 403
    assert not Enrolment.objects.exists()


def test_nominator_cannot_nominate_onto_a_cohort_without_seats_for_them(client, world):
    other = OrganisationFactory(nominators=[world.police_nominator])
    elsewhere = CohortFactory(open=True)
    SeatAllocationFactory(cohort=elsewhere, organisation=other)
    client.force_login(world.police_nominator)
    url = reverse("cohorts:nominate_officer", args=[elsewhere.pk, world.police.pk])
    assert client.get(url).status_code == 403


def test_nominator_withdraws_their_officer_through_the_portal(client, world):
    enrolment = nominate(world, 1)
    client.force_login(world.police_nominator)
    url = reverse("cohorts:enrolment_withdraw", args=[enrolment.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "Moved to another post"})
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == S.WITHDRAWN
    assert enrolment.events.get(action="withdrawn").details == {"reason": "Moved to another post"}


def test_nominator_cannot_withdraw_another_organisations_officer(client, world):
    enrolment = nominate(world, 1, organisation=world.health)
    client.force_login(world.police_nominator)
    response = client.post(reverse("cohorts:enrolment_withdraw", args=[enrolment.pk]))
    assert response.status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == S.INVITED


def test_nominator_substitutes_through_the_portal(client, world):
    enrolment = nominate(world, 1)
    client.force_login(world.police_nominator)
    url = reverse("cohorts:enrolment_substitute", args=[enrolment.pk])
    response = client.post(url, officer(5))
    assert response.status_code == 302
    assert Enrolment.objects.get(replaces=enrolment).participant.email == "officer5@example.org"


def test_substitute_form_shows_errors_and_saves_nothing(client, world):
    enrolment = nominate(world, 1)
    client.force_login(world.police_nominator)
    url = reverse("cohorts:enrolment_substitute", args=[enrolment.pk])
    response = client.post(url, officer(5, first_name=""))
    assert "There is a problem" in response.text
    enrolment.refresh_from_db()
    assert enrolment.status == S.INVITED
    assert Enrolment.objects.count() == 1


def test_signed_out_visitor_is_sent_to_sign_in(client, world):
    response = client.get(reverse("cohorts:nominate"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_portal_works_for_a_nominator_signed_in_with_a_password(client, world):
    assert client.login(username="nominator@police.example.org", password=PASSWORD)
    assert client.get(reverse("cohorts:nominate")).status_code == 200
