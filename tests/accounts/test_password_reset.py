"""Forgotten passwords: reachable from the sign-in page, answered the same way and with the same
work whether or not the address has an account, throttled, the email sent from a background
task, and links that work once and not for long."""

import re

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.tasks import password_reset_email_send
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

RESET = reverse("account_reset_password")


@pytest.fixture
def person():
    return UserFactory(email="alex.jones@example.org")


def link_in(message):
    return re.search(r"http://testserver(/accounts/password/reset/key/\S+)", message.body).group(1)


def ask(client, email, ip="10.3.3.3"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=ip)


def test_someone_who_forgot_their_password_chooses_a_new_one_and_signs_in(client, person):
    assert f'href="{RESET}"' in client.get(reverse("accounts:login")).content.decode()
    response = ask(client, " Alex.Jones@Example.org ")
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["alex.jones@example.org"]

    form_page = client.get(link_in(mail.outbox[0]), follow=True)
    assert "Choose a new password" in form_page.content.decode()
    new = "A-brand-new-passphrase-42"
    done = client.post(
        form_page.redirect_chain[-1][0], {"password1": new, "password2": new}, follow=True
    )
    assert "Password changed" in done.content.decode()
    signed_in = client.post(reverse("accounts:login"), {"login": person.email, "password": new})
    assert signed_in.status_code == 302


def test_the_link_works_only_once(client, person):
    ask(client, person.email)
    url = client.get(link_in(mail.outbox[0]))["Location"]
    new = "A-brand-new-passphrase-42"
    client.post(url, {"password1": new, "password2": new})
    again = client.get(link_in(mail.outbox[0]), follow=True)
    assert "This link does not work" in again.content.decode()


def test_the_link_lasts_an_hour(client, person):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        ask(client, person.email)
    with time_machine.travel(start + timezone.timedelta(minutes=61), tick=False):
        page = client.get(link_in(mail.outbox[0]), follow=True)
    assert "This link does not work" in page.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_the_same_work(client, person, settings):
    """The page looks nothing up: known and unknown addresses cost the same queries and get
    the same response; which email goes out is decided in the background task."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    answers = {}
    for email in (person.email, "nobody@example.org"):
        with CaptureQueriesContext(connection) as queries:
            response = ask(client, email)
        answers[email] = (response.status_code, response["Location"], len(queries))
    assert answers[person.email] == answers["nobody@example.org"]
    assert mail.outbox == []


def test_the_task_tells_an_unknown_address_that_there_is_no_account(person):
    password_reset_email_send.call(email="nobody@example.org")
    assert mail.outbox[0].to == ["nobody@example.org"]
    assert "there is no account for this address" in mail.outbox[0].body
    assert "/password/reset/key/" not in mail.outbox[0].body


def test_the_page_sends_nothing_itself_but_queues_the_task(client, person, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    default_task_backend.clear()
    ask(client, person.email)
    assert mail.outbox == []
    (result,) = default_task_backend.results
    assert result.task.name == "password_reset_email_send"
    assert result.kwargs == {"email": person.email}


def test_reset_requests_are_throttled_per_address(client, person):
    for _ in range(3):
        assert ask(client, person.email, ip="10.4.4.4").status_code == 302
    assert ask(client, person.email, ip="10.4.4.5").status_code == 429
    assert len(mail.outbox) == 3


def test_reset_requests_are_throttled_per_client(client):
    for n in range(10):
        assert ask(client, f"someone{n}@example.org", ip="10.5.5.5").status_code == 302
    assert ask(client, "someone-else@example.org", ip="10.5.5.5").status_code == 429


def test_a_new_password_signs_out_every_other_session(client, person):
    from django.test import Client

    elsewhere = Client()
    elsewhere.post(reverse("accounts:login"), {"login": person.email, "password": PASSWORD})
    assert elsewhere.get(reverse("home")).status_code == 200
    ask(client, person.email)
    url = client.get(link_in(mail.outbox[0]))["Location"]
    new = "A-brand-new-passphrase-42"
    client.post(url, {"password1": new, "password2": new})
    assert elsewhere.get(reverse("home")).status_code == 302
