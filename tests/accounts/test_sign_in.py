"""Signing in (django-allauth's view, the academy's form): with an email address in any case,
only with the password, returning to the page asked for, in the site's GOV.UK layout."""

import pytest
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:login")


@pytest.fixture
def person():
    return UserFactory(email="alex.jones@example.org", username="alexj")


def sign_in(client, identifier, password=PASSWORD, **extra):
    return client.post(SIGN_IN, {"login": identifier, "password": password, **extra})


def signed_in_as(client):
    return client.session.get("_auth_user_id")


@pytest.mark.parametrize(
    "identifier", ["alex.jones@example.org", "  Alex.Jones@EXAMPLE.org  "], ids=["email", "case"]
)
def test_a_person_signs_in_with_their_email_in_any_case_and_lands_on_my_academy(
    client, person, identifier
):
    response = sign_in(client, identifier)
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert signed_in_as(client) == str(person.pk)


@pytest.mark.parametrize("identifier", ["alexj", " alexj "])
def test_the_username_is_not_a_second_login_name(client, person, identifier):
    response = sign_in(client, identifier)
    assert signed_in_as(client) is None
    assert "Enter an email address in the correct format" in response.content.decode()


def test_a_wrong_password_fails_with_an_error_summary_and_keeps_the_email(client, person):
    response = sign_in(client, "alex.jones@example.org", password="Correct-horse-battery")
    assert signed_in_as(client) is None
    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html
    assert "There is a problem" in html
    assert "Enter a correct email address and password. Passwords are case-sensitive." in html
    assert 'value="alex.jones@example.org"' in html


def test_an_unknown_email_fails_with_the_same_message(client, person):
    response = sign_in(client, "nobody@example.org")
    assert signed_in_as(client) is None
    assert "Enter a correct email address and password." in response.content.decode()


def test_an_empty_form_names_both_missing_fields(client):
    html = client.post(SIGN_IN, {"login": "", "password": ""}).content.decode()
    assert 'href="#id_login"' in html and "Enter your email address" in html
    assert 'href="#id_password"' in html and "Enter your password" in html


def test_an_inactive_person_cannot_sign_in(client):
    UserFactory(email="left@example.org", is_active=False)
    response = sign_in(client, "left@example.org")
    assert signed_in_as(client) is None
    assert response.url == reverse("account_inactive")
    assert "This account is inactive" in client.get(response.url).content.decode()


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


def test_the_sign_in_page_labels_its_fields_and_offers_a_password_reset(client):
    html = client.get(SIGN_IN).content.decode()
    assert '<label class="govuk-label govuk-label--s" for="id_login">Email address</label>' in html
    assert '<label class="govuk-label govuk-label--s" for="id_password">Password</label>' in html
    assert f'href="{reverse("account_reset_password")}">Forgotten your password?' in html


def test_signing_out_ends_the_session(client, person):
    client.force_login(person)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert signed_in_as(client) is None


def test_there_is_no_sign_up(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "stranger@example.org", "password1": "A-long-passphrase-1"},
    )
    assert "There is no sign-up" in response.content.decode()
    assert not UserFactory._meta.model.objects.filter(email="stranger@example.org").exists()


def test_wagtails_own_sign_in_form_is_not_there(client, person):
    response = client.post(
        "/admin/login/", {"username": "alex.jones@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN)
    assert signed_in_as(client) is None


def test_the_admin_sends_people_to_the_sites_sign_in_page(client):
    response = client.get(reverse("wagtailadmin_home"), follow=True)
    assert response.redirect_chain[-1][0] == f"{SIGN_IN}?next=%2Fadmin%2F"
    assert "Sign in" in response.content.decode()


def test_a_signed_in_person_without_the_admin_is_refused_not_sent_round_in_circles(
    client, nominator
):
    client.force_login(nominator)
    response = client.get(reverse("wagtailadmin_home"), follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1
