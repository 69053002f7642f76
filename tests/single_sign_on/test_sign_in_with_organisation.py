"""Sign in with your organisation, through a real OpenID Connect provider (node-oidc-provider on
127.0.0.1): the authorisation code flow with PKCE, a first sign-in matched to an existing person
only by a verified email in the organisation's domains, no strangers, and clear answers when the
provider's token is for someone else, from someone else, or the provider does not answer."""

from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.tasks import password_reset_email_send
from tests.accounts.factories import PASSWORD, UserFactory
from tests.single_sign_on.provider import free_port, path_of, sign_in_at_provider

pytestmark = pytest.mark.django_db


def start(client, provider, next_url=None):
    """Press "Sign in with <organisation>": the academy sends the browser to the provider."""
    url = reverse("openid_connect_login", kwargs={"provider_id": provider.slug})
    response = client.post(url + "?process=login" + (f"&next={next_url}" if next_url else ""))
    assert response.status_code == 302, response.content.decode()[:1000]
    return response["Location"]


def sign_in_with(client, provider, email, next_url=None):
    authorize = start(client, provider, next_url)
    back = sign_in_at_provider(authorize, email)
    return client.get(path_of(back))


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def test_a_nominated_officer_signs_in_with_their_organisation(client, link_organisation):
    provider = link_organisation("Test Police")
    officer = UserFactory(email="officer@police.example", participant=True)
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Sign in with Test Police" in page

    authorize = start(client, provider, next_url="/cohorts/certificates/")
    query = parse_qs(urlsplit(authorize).query)
    assert authorize.startswith(provider.issuer_url)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"]
    assert query["client_id"] == ["academy"]

    response = client.get(path_of(sign_in_at_provider(authorize, "officer@police.example")))
    assert response.status_code == 302
    assert response.url == "/cohorts/certificates/"
    assert signed_in_as(client) == str(officer.pk)
    link = SocialAccount.objects.get(user=officer)
    assert link.provider == "test-police"

    # Next time the link is used directly.
    client.logout()
    response = sign_in_with(client, provider, "officer@police.example")
    assert response.url == reverse("home")
    assert signed_in_as(client) == str(officer.pk)
    assert SocialAccount.objects.filter(user=officer).count() == 1


def test_an_id_token_for_another_client_is_refused(client, link_organisation):
    provider = link_organisation("Audience Police")
    UserFactory(email="officer@audience.example")
    response = sign_in_with(client, provider, "officer@audience.example")
    assert response.status_code == 400
    assert "answer could not be checked" in response.content.decode()
    assert signed_in_as(client) is None


def test_an_id_token_from_another_issuer_is_refused(client, link_organisation):
    provider = link_organisation("Issuer Police")
    UserFactory(email="officer@issuer.example")
    response = sign_in_with(client, provider, "officer@issuer.example")
    assert response.status_code == 400
    assert "answer could not be checked" in response.content.decode()
    assert signed_in_as(client) is None


def test_an_email_the_provider_has_not_verified_is_not_matched(client, link_organisation):
    provider = link_organisation("Test Police")
    UserFactory(email="unverified@police.example")
    response = sign_in_with(client, provider, "unverified@police.example")
    assert response.status_code == 403
    assert "did not confirm your email address" in response.content.decode()
    assert signed_in_as(client) is None
    assert not SocialAccount.objects.exists()


def test_an_email_outside_the_organisations_domains_is_not_matched(client, link_organisation):
    provider = link_organisation("Test Police")
    UserFactory(email="outsider@elsewhere.example")
    response = sign_in_with(client, provider, "outsider@elsewhere.example")
    assert response.status_code == 403
    assert "is not one of Test Police's email addresses" in response.content.decode()
    assert signed_in_as(client) is None


def test_a_stranger_cannot_sign_themselves_up(client, link_organisation):
    provider = link_organisation("Test Police")
    response = sign_in_with(client, provider, "stranger@police.example")
    assert response.status_code == 403
    assert "There is no academy account for your email address" in response.content.decode()
    assert not User.objects.filter(email="stranger@police.example").exists()
    assert signed_in_as(client) is None


def test_a_provider_that_is_down_gets_a_clear_message_and_password_sign_in(
    client, link_organisation
):
    provider = link_organisation("Test Police", issuer_url=f"http://127.0.0.1:{free_port()}")
    person = UserFactory(email="officer@police.example")
    url = reverse("openid_connect_login", kwargs={"provider_id": provider.slug})
    response = client.post(url + "?process=login")
    assert response.status_code == 503
    html = response.content.decode()
    assert "Test Police's sign-in is not answering" in html
    assert "sign in with your email address and password" in html
    signed_in = client.post(
        reverse("accounts:login"), {"login": person.email, "password": PASSWORD}
    )
    assert signed_in.status_code == 302


def test_where_the_organisation_allows_no_password_its_people_are_sent_to_it(
    client, link_organisation
):
    link_organisation("Test Police", password_sign_in_allowed=False)
    person = UserFactory(email="officer@police.example")
    response = client.post(
        reverse("accounts:login"), {"login": "Officer@Police.example", "password": PASSWORD}
    )
    html = response.content.decode()
    assert signed_in_as(client) is None
    assert "Test Police signs its people in itself" in html
    assert ">Sign in with Test Police</button>" in html
    # A password reset is answered with the same advice, not a link.
    password_reset_email_send.call(email=person.email)
    assert "Sign in with Test Police instead" in mail.outbox[-1].body
    assert "/password/reset/key/" not in mail.outbox[-1].body


@pytest.mark.parametrize(("enforces_mfa", "asked"), [(True, False), (False, True)])
def test_staff_are_not_asked_for_a_second_factor_twice(
    client, link_organisation, settings, enforces_mfa, asked
):
    settings.ACADEMY_REQUIRE_MFA = True
    provider = link_organisation("Test Police", enforces_mfa=enforces_mfa)
    UserFactory(email="staff@police.example", facilitator=True)
    sign_in_with(client, provider, "staff@police.example")
    response = client.get(reverse("home"))
    if asked:
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:second_factor"))
    else:
        assert response.status_code == 200
