"""My account: a person's details, email change with confirmation, password change that signs
out their other sessions, second factors, where they are signed in, and links to their data."""

import re

import pytest
from allauth.usersessions.models import UserSession
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.mfa_helpers import add_authenticator_app

pytestmark = pytest.mark.django_db

MY_ACCOUNT = reverse("accounts:my_account")


@pytest.fixture
def person():
    return UserFactory(email="dimitra@example.org", first_name="Dimitra", last_name="Papadopoulou")


def signed_in(person, ip="10.2.2.2", agent="Firefox"):
    browser = Client(REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)
    response = browser.post(
        reverse("accounts:login"), {"login": person.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    return browser


def test_every_signed_in_page_links_to_my_account(client, person):
    client.force_login(person)
    assert f'href="{MY_ACCOUNT}">My account</a>' in client.get(reverse("home")).content.decode()


def test_my_account_shows_details_sign_in_sessions_and_data_links(person):
    browser = signed_in(person)
    html = browser.get(MY_ACCOUNT).content.decode()
    for text in ("Dimitra Papadopoulou", "dimitra@example.org", "Head of Service", "Firefox"):
        assert text in html
    for name in (
        "accounts:details",
        "account_email",
        "account_change_password",
        "personal_data:my_data",
    ):
        assert f'href="{reverse(name)}"' in html, name
    assert f'href="{reverse("privacy")}"' in html
    assert f'href="{reverse("accounts:second_factor")}"' in html


def test_a_participant_changes_their_job_title(client, person):
    client.force_login(person)
    response = client.post(
        reverse("accounts:details"),
        {
            "first_name": "Dimitra",
            "last_name": "Papadopoulou",
            "job_title": "Superintendent",
            "team": "Partnerships",
        },
    )
    assert response.url == MY_ACCOUNT
    person.refresh_from_db()
    assert (person.job_title, person.team) == ("Superintendent", "Partnerships")


def test_a_blank_name_is_refused_with_the_input_kept_and_nothing_saved(client, person):
    client.force_login(person)
    response = client.post(
        reverse("accounts:details"),
        {"first_name": "", "last_name": "Papadopoulou", "job_title": "Superintendent", "team": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html and "Enter your first name" in html
    assert 'value="Superintendent"' in html
    person.refresh_from_db()
    assert person.job_title == "Head of Service"


def test_a_new_email_address_replaces_the_old_only_once_confirmed(client, person):
    client.force_login(person)
    client.post(reverse("account_email"), {"action_add": "", "email": "d.papadopoulou@example.org"})
    person.refresh_from_db()
    assert person.email == "dimitra@example.org"
    (message,) = mail.outbox
    assert message.to == ["d.papadopoulou@example.org"]
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+)", message.body).group(1)
    client.post(link)
    person.refresh_from_db()
    assert person.email == "d.papadopoulou@example.org"


def test_an_address_that_is_someone_elses_is_not_taken_and_not_said_to_be(client, person):
    UserFactory(email="taken@example.org")
    client.force_login(person)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "Taken@example.org"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == "dimitra@example.org"
    assert mail.outbox[-1].to == ["taken@example.org"]
    assert "already belongs to yours" in mail.outbox[-1].body


def test_changing_the_password_signs_out_every_other_session(person):
    laptop, phone = signed_in(person, agent="Laptop"), signed_in(person, agent="Phone")
    new = "A-brand-new-passphrase-42"
    response = laptop.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    assert laptop.get(MY_ACCOUNT).status_code == 200
    assert phone.get(MY_ACCOUNT).status_code == 302
    assert list(UserSession.objects.filter(user=person).values_list("user_agent", flat=True)) == [
        "Laptop"
    ]


def test_sign_out_everywhere_ends_every_session(person):
    laptop, phone = signed_in(person, agent="Laptop"), signed_in(person, agent="Phone")
    response = laptop.post(reverse("accounts:sign_out_everywhere"))
    assert response.url == reverse("accounts:login")
    assert laptop.get(MY_ACCOUNT).status_code == 302
    assert phone.get(MY_ACCOUNT).status_code == 302
    assert not UserSession.objects.filter(user=person).exists()


def test_signing_out_other_sessions_keeps_this_one(person):
    laptop, phone = signed_in(person, agent="Laptop"), signed_in(person, agent="Phone")
    laptop.post(reverse("usersessions_list"))
    assert laptop.get(MY_ACCOUNT).status_code == 200
    assert phone.get(MY_ACCOUNT).status_code == 302


def test_nobody_can_touch_anothers_passkey_or_security_key(client, person):
    from allauth.mfa.models import Authenticator

    other = UserFactory()
    key = Authenticator.objects.create(
        user=other, type=Authenticator.Type.WEBAUTHN, data={"name": "Their key", "credential": {}}
    )
    add_authenticator_app(person)
    client.force_login(person)
    for name in ("mfa_edit_webauthn", "mfa_remove_webauthn"):
        response = client.get(reverse(name, args=[key.pk]))
        assert response.status_code in (302, 404), name
        assert "Their key" not in response.content.decode()
    assert Authenticator.objects.filter(pk=key.pk).exists()


def test_second_factors_are_listed_on_my_account(client, person):
    add_authenticator_app(person)
    client.force_login(person)
    html = client.get(MY_ACCOUNT).content.decode()
    assert "TOTP Authenticator" in html or "Authenticator app" in html
    assert f'href="{reverse("mfa_index")}"' in html
