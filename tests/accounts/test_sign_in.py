"""Signing in: with an email address in any case, or a username, and only with the password."""

import pytest
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:login")


@pytest.fixture
def person():
    return UserFactory(email="alex.jones@example.org", username="alexj")


def sign_in(client, identifier, password=PASSWORD, **extra):
    return client.post(SIGN_IN, {"username": identifier, "password": password, **extra})


def signed_in_as(client):
    return client.session.get("_auth_user_id")


@pytest.mark.parametrize(
    "identifier",
    [
        pytest.param("alex.jones@example.org", id="email"),
        pytest.param("  Alex.Jones@EXAMPLE.org  ", id="email-in-another-case-with-spaces"),
        pytest.param("alexj", id="username"),
        pytest.param(" alexj ", id="username-with-spaces"),
    ],
)
def test_a_person_signs_in_with_their_email_in_any_case_or_their_username(
    client, person, identifier
):
    response = sign_in(client, identifier)
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert signed_in_as(client) == str(person.pk)


def test_a_wrong_password_fails_with_an_error_summary(client, person):
    response = sign_in(client, "alex.jones@example.org", password="Correct-horse-battery")
    assert response.status_code == 200
    assert signed_in_as(client) is None
    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html
    assert "There is a problem" in html
    assert "Enter a correct email address and password. Passwords are case-sensitive." in html


def test_an_unknown_email_fails_with_the_same_message(client, person):
    response = sign_in(client, "nobody@example.org")
    assert signed_in_as(client) is None
    assert "Enter a correct email address and password." in response.content.decode()


def test_an_empty_form_names_both_missing_fields(client):
    response = client.post(SIGN_IN, {"username": "", "password": ""})
    html = response.content.decode()
    assert 'href="#id_username"' in html
    assert 'href="#id_password"' in html


def test_an_inactive_person_cannot_sign_in(client):
    UserFactory(email="left@example.org", is_active=False)
    response = sign_in(client, "left@example.org")
    assert response.status_code == 200
    assert signed_in_as(client) is None
    assert 'class="govuk-error-summary"' in response.content.decode()


def test_signing_in_returns_the_person_to_the_page_they_asked_for(client, person):
    page = client.get(f"{SIGN_IN}?next=/cohorts/")
    assert 'name="next" value="/cohorts/"' in page.content.decode()
    response = sign_in(client, "alex.jones@example.org", next="/cohorts/")
    assert response.status_code == 302
    assert response.url == "/cohorts/"


def test_signing_in_never_redirects_to_another_site(client, person):
    response = sign_in(client, "alex.jones@example.org", next="https://evil.example.com/")
    assert response.url == reverse("home")


def test_a_signed_in_person_visiting_sign_in_goes_on_to_their_page(client, person):
    client.force_login(person)
    response = client.get(f"{SIGN_IN}?next=/cohorts/")
    assert response.status_code == 302
    assert response.url == "/cohorts/"


def test_the_sign_in_page_labels_its_fields(client):
    html = client.get(SIGN_IN).content.decode()
    assert (
        '<label class="govuk-label govuk-label--s" for="id_username">Email address</label>' in html
    )
    assert '<label class="govuk-label govuk-label--s" for="id_password">Password</label>' in html


def test_signing_out_ends_the_session(client, person):
    client.force_login(person)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert signed_in_as(client) is None
