"""Two-factor sign-in for programme managers and facilitators (ACADEMY_REQUIRE_2FA)."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.factories import PASSWORD, UserFactory
from tests.cohorts.factories import CohortFactory, CohortSessionFactory

pytestmark = pytest.mark.django_db

TWO_FACTOR = reverse("accounts:two_factor")


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.ACADEMY_REQUIRE_2FA = True


def sign_in(client, user):
    response = client.post(
        reverse("accounts:login"),
        {"username": user.email, "password": PASSWORD},
        REMOTE_ADDR="10.1.1.1",
    )
    assert response.status_code == 302
    return response


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def facilitator_with_app():
    user = UserFactory(facilitator=True)
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user, device


def test_a_manager_sets_up_an_authenticator_app_with_a_qr_code_then_reaches_the_admin(
    client, manager
):
    sign_in(client, manager)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response.url.startswith(TWO_FACTOR)

    page = client.get(response.url)
    html = page.content.decode()
    assert "Set up two-factor sign-in" in html
    assert "<svg" in html
    device = TOTPDevice.objects.get(user=manager, confirmed=False)

    done = client.post(TWO_FACTOR + "?next=/admin/", {"token": code_for(device), "next": "/admin/"})
    assert done.status_code == 302
    assert done.url == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_facilitator_must_enter_a_code_before_the_register(client, facilitator_with_app):
    user, device = facilitator_with_app
    cohort = CohortFactory(facilitators=[user])
    session = CohortSessionFactory(cohort=cohort)
    register = reverse("cohorts:attendance_register", args=[session.pk])
    sign_in(client, user)

    response = client.get(register)
    assert response.status_code == 302
    assert response.url.startswith(TWO_FACTOR)
    assert "Enter your code" in client.get(response.url).content.decode()

    wrong = client.post(TWO_FACTOR, {"token": "000000", "next": register})
    assert wrong.status_code == 400
    assert "That code is not right" in wrong.content.decode()
    assert client.get(register).status_code == 302

    # A wrong code makes the next try wait a second (django-otp's throttling); skip the wait.
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttle_reset()
    right = client.post(TWO_FACTOR, {"token": code_for(device), "next": register})
    assert right.url == register
    assert client.get(register).status_code == 200


def test_a_code_is_asked_again_at_the_next_sign_in(client, facilitator_with_app):
    user, device = facilitator_with_app
    sign_in(client, user)
    client.post(TWO_FACTOR, {"token": code_for(device)})
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("accounts:logout"))
    device.refresh_from_db()
    device.last_t = -1  # let the same 30-second code be used again in this test
    device.save()
    sign_in(client, user)
    assert client.get(reverse("home")).url.startswith(TWO_FACTOR)


def test_participants_and_nominators_need_no_code(client):
    for user in (UserFactory(participant=True), UserFactory(nominator=True)):
        client.logout()
        sign_in(client, user)
        assert client.get(reverse("home")).status_code == 200


def test_the_privacy_notice_and_certificate_checks_need_no_code(client, manager):
    sign_in(client, manager)
    assert client.get(reverse("privacy")).status_code == 200
    assert client.get(reverse("certificates:verify_form")).status_code == 200


def test_without_the_setting_staff_sign_in_with_a_password_alone(client, manager, settings):
    settings.ACADEMY_REQUIRE_2FA = False
    sign_in(client, manager)
    assert client.get(reverse("home")).status_code == 200
