"""Multi-factor authentication for programme managers and facilitators (ACADEMY_REQUIRE_MFA):
a second factor before any page or the admin, set up the first time after a code emailed to
the account, asked for at each sign-in."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.mfa_helpers import add_authenticator_app, totp_code
from tests.cohorts.factories import CohortFactory, CohortSessionFactory

pytestmark = pytest.mark.django_db

SECOND_FACTOR = reverse("accounts:second_factor")
ACTIVATE_APP = reverse("mfa_activate_totp")


@pytest.fixture(autouse=True)
def require_mfa(settings):
    settings.ACADEMY_REQUIRE_MFA = True


def sign_in(client, user, **extra):
    response = client.post(
        reverse("accounts:login"),
        {"login": user.email, "password": PASSWORD, **extra},
        REMOTE_ADDR="10.1.1.1",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def emailed_code():
    return re.search(r"Your code is: (\d{6})", mail.outbox[-1].body).group(1)


# Transactional: allauth announces a new authenticator once its transaction commits, as in
# production (each request in its own transaction), not at the end of a test's transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_manager_confirms_an_emailed_code_then_sets_up_an_authenticator_app(client, manager):
    sign_in(client, manager)
    admin = client.get(reverse("wagtailadmin_home"))
    assert admin.status_code == 302 and admin.url.startswith(SECOND_FACTOR)

    # The password alone is not enough to attach an authenticator.
    assert client.get(ACTIVATE_APP).url.startswith(SECOND_FACTOR)
    page = client.get(admin.url).content.decode()
    assert "Confirm your email address" in page

    client.post(SECOND_FACTOR, {"send": "1", "next": "/admin/"})
    assert mail.outbox[-1].to == [manager.email]
    code = emailed_code()
    wrong = client.post(SECOND_FACTOR, {"code": "000000" if code != "000000" else "111111"})
    assert wrong.status_code == 400
    assert "That code is not right" in wrong.content.decode()
    client.post(SECOND_FACTOR, {"code": code, "next": "/admin/"})

    setup = client.get(ACTIVATE_APP)
    assert setup.status_code == 200
    assert "data:image/svg+xml" in setup.content.decode()
    secret = client.session["mfa.totp.secret"]
    done = client.post(ACTIVATE_APP, {"code": totp_code(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(user=manager, type="totp").exists()
    # Recovery codes come with it, and the admin opens in this session.
    assert Authenticator.objects.filter(user=manager, type="recovery_codes").exists()
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_emailed_code_works_once_and_only_five_tries(client, facilitator):
    client.force_login(facilitator)
    client.post(SECOND_FACTOR, {"send": "1"})
    code = emailed_code()
    for _ in range(5):
        client.post(SECOND_FACTOR, {"code": "999999" if code != "999999" else "888888"})
    client.post(SECOND_FACTOR, {"code": code})
    assert client.get(ACTIVATE_APP).url.startswith(SECOND_FACTOR)


def test_codes_cannot_be_sent_without_limit(client, facilitator):
    client.force_login(facilitator)
    for _ in range(5):
        client.post(SECOND_FACTOR, {"send": "1"})
    assert len(mail.outbox) == 3


def test_anyone_adding_a_first_second_factor_confirms_an_emailed_code(client, settings):
    settings.ACADEMY_REQUIRE_MFA = False
    participant = UserFactory(participant=True)
    client.force_login(participant)
    for name in ("mfa_activate_totp", "mfa_add_webauthn"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(SECOND_FACTOR), name


def test_a_facilitator_enters_their_code_at_sign_in_before_the_register(client, facilitator):
    secret = add_authenticator_app(facilitator)
    session = CohortSessionFactory(cohort=CohortFactory(facilitators=[facilitator]))
    register = reverse("cohorts:attendance_register", args=[session.pk])

    response = sign_in(client, facilitator, next=register)
    assert response.url.startswith(reverse("mfa_authenticate"))
    assert client.get(register).status_code == 302  # not signed in until the code is given

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "Incorrect code" in wrong.content.decode()
    right = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert right.url == register
    assert client.get(register).status_code == 200


def test_a_session_without_the_second_factor_is_asked_for_it(client, facilitator):
    add_authenticator_app(facilitator)
    client.force_login(facilitator)  # as if signed in with the password alone
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_reauthenticate"))
    # Nor can they add another authenticator of their own choosing.
    assert client.get(ACTIVATE_APP).url.startswith(reverse("mfa_reauthenticate"))


def test_participants_and_nominators_need_no_second_factor(client):
    for user in (UserFactory(participant=True), UserFactory(nominator=True)):
        client.logout()
        sign_in(client, user)
        assert client.get(reverse("home")).status_code == 200


def test_the_privacy_notice_and_certificate_checks_need_no_second_factor(client, manager):
    sign_in(client, manager)
    assert client.get(reverse("privacy")).status_code == 200
    assert client.get(reverse("certificates:verify_form")).status_code == 200


def test_without_the_setting_staff_sign_in_with_a_password_alone(client, manager, settings):
    settings.ACADEMY_REQUIRE_MFA = False
    sign_in(client, manager)
    assert client.get(reverse("home")).status_code == 200
