"""Signing in: five wrong passwords pause an account (one counter per account, whatever name
is typed and wherever from), no open redirects through `next`, and the password rules on the
invitation's set-password form."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from cohorts.enrolment import invitations
from cohorts.models import Enrolment
from tests.accounts.factories import PASSWORD, UserFactory
from tests.cohorts.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:login")
EVIL_NEXTS = [
    "//evil.example",
    "https://evil.example",
    "/\\evil.example",
    "http:/evil.example",
    "\\\\evil.example",
    " //evil.example",
]


@pytest.fixture
def person():
    return UserFactory(email="alex.jones@example.org", username="alexj")


def attempt(client, identifier, password, ip="10.0.0.1", **data):
    return client.post(SIGN_IN, {"login": identifier, "password": password, **data}, REMOTE_ADDR=ip)


def signed_in(client):
    return client.session.get("_auth_user_id")


LOCKED = "Too many attempts to sign in to this account"


def test_five_wrong_passwords_pause_the_account_even_with_the_right_password(client, person):
    for _ in range(5):
        attempt(client, person.email, "wrong-password")
    response = attempt(client, person.email, PASSWORD)
    assert LOCKED in response.content.decode()
    assert signed_in(client) is None


def test_changing_the_case_of_the_email_does_not_dodge_the_lock_out(client, person):
    for identifier in [
        "ALEX.jones@example.org",
        " alex.JONES@example.org",
        "Alex.Jones@Example.org",
        "alex.jones@EXAMPLE.ORG",
        "alex.jones@example.org ",
    ]:
        attempt(client, identifier, "wrong-password")
    assert LOCKED in attempt(client, person.email, PASSWORD).content.decode()


def test_the_username_alias_is_no_way_round_the_lock_out(client, person):
    for _ in range(5):
        attempt(client, person.email, "wrong-password")
    # The username is not a login name at all, so it cannot reach the password check.
    for identifier in ("alexj", person.username):
        attempt(client, identifier, PASSWORD)
        assert signed_in(client) is None


def test_four_wrong_passwords_still_let_the_person_in(client, person):
    for _ in range(4):
        attempt(client, person.email, "wrong-password")
    response = attempt(client, person.email, PASSWORD)
    assert response.status_code == 302
    assert signed_in(client) == str(person.pk)


def test_one_counter_per_account_whatever_the_address_it_is_tried_from(client, person):
    for n in range(5):
        attempt(client, person.email, "wrong-password", ip=f"10.0.0.{n + 1}")
    assert LOCKED in attempt(client, person.email, PASSWORD, ip="10.0.9.9").content.decode()
    assert signed_in(client) is None


def test_one_address_guessing_many_accounts_is_stopped(client):
    people = [UserFactory(email=f"p{n}@example.org") for n in range(21)]
    for other in people[:20]:
        attempt(client, other.email, "wrong-password", ip="10.6.6.6")
    response = attempt(client, people[20].email, PASSWORD, ip="10.6.6.6")
    assert signed_in(client) is None
    assert LOCKED in response.content.decode()


def test_the_lock_out_lifts_after_fifteen_minutes(client, person):
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        for _ in range(5):
            attempt(client, person.email, "wrong-password")
        assert LOCKED in attempt(client, person.email, PASSWORD).content.decode()
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 16, tzinfo=dt.UTC), tick=False):
        assert attempt(client, person.email, PASSWORD).status_code == 302


@pytest.mark.parametrize("evil", EVIL_NEXTS)
def test_signing_in_never_sends_the_person_to_another_site(client, person, evil):
    response = attempt(client, person.email, PASSWORD, next=evil)
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_signing_in_does_follow_a_next_page_on_this_site(client, person):
    response = attempt(client, person.email, PASSWORD, next="/cohorts/certificates/")
    assert response.url == "/cohorts/certificates/"


@pytest.mark.parametrize("evil", EVIL_NEXTS)
def test_the_second_factor_page_never_sends_the_person_to_another_site(client, person, evil):
    client.force_login(person)
    response = client.get(reverse("accounts:second_factor"), {"next": evil})
    assert evil not in response.content.decode()


def test_the_invitation_refuses_a_weak_password_and_confirms_nothing(client):
    officer = UserFactory(email="new.officer@example.org")
    officer.set_unusable_password()
    officer.save()
    enrolment = EnrolmentFactory(participant=officer, status=Enrolment.Status.INVITED)
    _invitation, token = invitations.invitations_issue(enrolments=[enrolment])[0]
    response = client.post(
        reverse("cohorts:invitation", args=[token]),
        {"decision": "confirm", "new_password1": "password", "new_password2": "password"},
    )
    assert response.status_code == 200
    assert "This password is too common" in response.content.decode()
    enrolment.refresh_from_db()
    officer.refresh_from_db()
    assert enrolment.status == Enrolment.Status.INVITED
    assert not officer.has_usable_password()
