"""Sessions end after a while unused (sooner for staff), and every throttle reads the client's
address the same way (accounts.client_ip)."""

import datetime as dt

import pytest
import time_machine
from django.test import RequestFactory
from django.urls import reverse

from accounts.client_ip import client_ip
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.UTC)


def sign_in(client, person):
    response = client.post(reverse("accounts:login"), {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("role", "still_in", "signed_out"),
    [("participant", 7 * 60, 8 * 60 + 1), ("facilitator", 119, 121)],
)
def test_a_session_left_unused_too_long_is_signed_out(client, role, still_in, signed_out):
    person = UserFactory(**{role: True})
    with time_machine.travel(START, tick=False):
        sign_in(client, person)
    with time_machine.travel(START + dt.timedelta(minutes=still_in), tick=False):
        assert client.get(reverse("home")).status_code == 200
    later = START + dt.timedelta(minutes=still_in + signed_out)
    with time_machine.travel(later, tick=False):
        response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_use_keeps_a_session_alive(client):
    person = UserFactory(facilitator=True)
    with time_machine.travel(START, tick=False):
        sign_in(client, person)
    for hours in range(1, 6):
        with time_machine.travel(START + dt.timedelta(minutes=100 * hours), tick=False):
            assert client.get(reverse("home")).status_code == 200


def test_the_idle_limits_are_settings(client, settings):
    settings.ACADEMY_SESSION_IDLE_MINUTES = 5
    person = UserFactory(participant=True)
    with time_machine.travel(START, tick=False):
        sign_in(client, person)
    with time_machine.travel(START + dt.timedelta(minutes=6), tick=False):
        assert client.get(reverse("home")).status_code == 302


def _request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.ACADEMY_TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("10.0.0.9", "203.0.113.5")) == "10.0.0.9"


def test_behind_one_proxy_the_client_is_the_last_address_it_added(settings):
    settings.ACADEMY_TRUSTED_PROXY_COUNT = 1
    # A client can write anything at the front of the header; only our proxy's entry counts.
    request = _request("10.0.0.1", "198.51.100.7, 203.0.113.5")
    assert client_ip(request) == "203.0.113.5"


def test_a_malformed_address_falls_back_to_the_connection(settings):
    settings.ACADEMY_TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("10.0.0.1", "not-an-address")) == "10.0.0.1"


def test_sign_in_throttles_by_the_same_proxy_aware_address(client, settings):
    """Twenty failures from one client behind the proxy stop that client, not everyone else
    coming through the same proxy."""
    settings.ACADEMY_TRUSTED_PROXY_COUNT = 1
    people = [UserFactory(email=f"p{n}@example.org") for n in range(22)]
    for other in people[:20]:
        client.post(
            reverse("accounts:login"),
            {"login": other.email, "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )
    blocked = client.post(
        reverse("accounts:login"),
        {"login": people[20].email, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert "Too many attempts" in blocked.content.decode()
    other_client = client.post(
        reverse("accounts:login"),
        {"login": people[21].email, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert other_client.status_code == 302
