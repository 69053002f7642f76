"""The invitation an officer receives: a single-use link that expires, to set a password and
confirm or decline their place; nominators can resend it."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cohorts.enrolment import invitations, services
from cohorts.models import Enrolment, Invitation
from tests.accounts.factories import PASSWORD, UserFactory
from tests.cohorts.nomination_world import make_world, officer

pytestmark = pytest.mark.django_db
S = Enrolment.Status
NEW_PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture
def world():
    return make_world(capacity=4, police_seats=1, health_seats=2)


@pytest.fixture
def invited(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.enrolment_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            **officer(1),
        )


def link_in(message):
    return re.search(r"http://testserver(/cohorts/invitation/[^/\s]+/)", message.body).group(1)


def test_invitation_email_has_a_link_and_only_its_hash_is_stored(invited):
    path = link_in(mail.outbox[0])
    token = path.rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert invitation.token_hash == invitations.hash_token(token)
    assert token not in invitation.token_hash
    assert invitation.expires_at > timezone.now() + dt.timedelta(days=13)


def test_officer_sets_a_password_and_confirms_their_place(client, invited):
    path = link_in(mail.outbox[0])
    assert "Choose a password" in client.get(path).text
    response = client.post(
        path,
        {"decision": "confirm", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert "Your place is confirmed" in response.text
    invited.refresh_from_db()
    assert invited.status == S.CONFIRMED
    assert invited.participant.check_password(NEW_PASSWORD)
    assert client.get(reverse("home")).status_code == 200  # signed in
    client.logout()
    assert client.login(username=" OFFICER1@example.org", password=NEW_PASSWORD)


def test_confirming_without_a_password_shows_the_error_summary_and_changes_nothing(client, invited):
    path = link_in(mail.outbox[0])
    response = client.post(path, {"decision": "confirm", "new_password1": "short"})
    assert "There is a problem" in response.text
    invited.refresh_from_db()
    assert invited.status == S.INVITED
    assert not invited.participant.has_usable_password()
    assert Invitation.objects.get().used_at is None  # the link still works


def test_officer_with_an_account_confirms_without_choosing_a_password(
    client, world, django_capture_on_commit_callbacks
):
    UserFactory(email="officer1@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrolment_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            **officer(1),
        )
    path = link_in(mail.outbox[0])
    assert "Choose a password" not in client.get(path).text
    client.post(path, {"decision": "confirm"})
    enrolment.refresh_from_db()
    assert enrolment.status == S.CONFIRMED
    assert enrolment.participant.check_password(PASSWORD)  # unchanged


def test_declining_frees_the_seat_for_the_waiting_list(
    client, world, invited, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        waiting = services.enrolment_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            **officer(2),
        )
    assert waiting.status == S.WAITING_LIST
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link_in(mail.outbox[0]), {"decision": "decline"})
    assert "You have declined the place" in response.text
    invited.refresh_from_db()
    waiting.refresh_from_db()
    assert (invited.status, waiting.status) == (S.DECLINED, S.INVITED)
    [offer] = [m for m in mail.outbox if m.to == ["officer2@example.org"]][1:]
    assert offer.subject.startswith("A place has come up on")
    assert "/cohorts/invitation/" in offer.body
    # The nominator who nominated the officer is told they declined.
    [told] = [m for m in mail.outbox if m.to == [world.police_nominator.email]]
    assert "has declined their place" in told.subject


def test_a_used_link_gets_a_clear_page(client, invited):
    path = link_in(mail.outbox[0])
    client.post(path, {"decision": "decline"})
    response = client.get(path)
    assert response.status_code == 410
    assert "already been used" in response.text
    response = client.post(path, {"decision": "confirm"})
    assert response.status_code == 410
    invited.refresh_from_db()
    assert invited.status == S.DECLINED


def test_an_expired_link_gets_a_clear_page(client, invited):
    path = link_in(mail.outbox[0])
    with time_machine.travel(timezone.now() + dt.timedelta(days=15)):
        response = client.post(path, {"decision": "decline"})
    assert response.status_code == 410
    assert "expired" in response.text
    invited.refresh_from_db()
    assert invited.status == S.INVITED


def test_a_forged_link_gets_a_clear_page(client, invited):
    response = client.get(reverse("cohorts:invitation", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "not one we sent" in response.text


def test_resending_sends_a_new_link_and_the_old_one_stops_working(
    client, world, invited, django_capture_on_commit_callbacks
):
    old_path = link_in(mail.outbox[0])
    client.force_login(world.police_nominator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cohorts:enrolment_resend", args=[invited.pk]))
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    new_path = link_in(mail.outbox[1])
    assert new_path != old_path
    client.logout()
    assert "newer invitation" in client.get(old_path).text
    assert client.get(new_path).status_code == 200


def test_nominator_cannot_resend_another_organisations_invitation(client, world, invited):
    client.force_login(world.health_nominator)
    response = client.post(reverse("cohorts:enrolment_resend", args=[invited.pk]))
    assert response.status_code == 404
    assert len(mail.outbox) == 1


def test_a_withdrawn_officer_opening_their_link_is_told_their_place_was_withdrawn(
    client, world, invited
):
    services.enrolment_withdraw(actor=world.police_nominator, enrolment=invited)
    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == 410
    assert "Your place was withdrawn" in response.text
    assert f"withdrawn your place on {world.cohort}" in response.text
    assert "newer invitation" not in response.text


def test_a_substituted_officer_opening_their_link_is_told_a_colleague_has_their_place(
    client, world, invited, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_substitute(actor=world.police_nominator, enrolment=invited, **officer(2))
    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == 410
    assert "Your place was given to a colleague" in response.text
    assert "newer invitation" not in response.text
    # They are told by email too, and the colleague's own link still works.
    assert "has passed to a colleague" in mail.outbox[-1].subject
    colleague = next(m for m in mail.outbox if m.to == [officer(2)["email"]])
    assert client.get(link_in(colleague)).status_code == 200


def test_an_officer_who_confirmed_and_was_then_withdrawn_is_told_so_by_their_used_link(
    client, world, invited
):
    path = link_in(mail.outbox[0])
    client.post(
        path, {"decision": "confirm", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    invited.refresh_from_db()
    services.enrolment_withdraw(actor=world.police_nominator, enrolment=invited)
    client.logout()
    assert "Your place was withdrawn" in client.get(path).text


def test_a_declined_link_says_the_place_was_declined(client, invited):
    path = link_in(mail.outbox[0])
    client.post(path, {"decision": "decline"})
    assert "you declined your place" in client.get(path).text


def test_nominator_sees_each_officers_status(client, world, invited):
    client.post(link_in(mail.outbox[0]), {"decision": "decline"})
    client.force_login(world.police_nominator)
    response = client.get(reverse("cohorts:nominate"), {"status": "declined"})
    assert "officer1@example.org" in response.text
    assert "Declined" in response.text
