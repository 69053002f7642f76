"""Wording the programme team edits: placeholders checked on save, filled in when sent, the
HTML part escaped, and a programme's own wording used for its next email."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail import hooks

from notifications.kinds import REGISTER_KINDS, NotificationKind, registered_kinds
from notifications.models import NotificationWording
from notifications.rendering import render_email
from notifications.services import Message, notifications_send
from notifications.wording import fill, placeholders_used, text_to_html, validate_wording
from tests.accounts.factories import UserFactory
from tests.modules.factories import ProgrammePageFactory

KIND = NotificationKind(
    "test-greeting",
    "Test greeting",
    "whoever the test greets",
    {"first_name": "Their first name", "link": "A link"},
    {"first_name": "Sam", "link": "https://academy.example/x/"},
    subject="Hello {first_name}",
    body="Dear {first_name},\n\nFollow {link}\n\n- one\n- two",
)


@pytest.fixture
def greeting_kind():
    with hooks.register_temporarily(REGISTER_KINDS, lambda: [KIND]):
        yield KIND


@pytest.mark.parametrize(
    "text",
    [
        "Dear {name}",  # not on the list
        "Dear {first_name.__class__}",  # attribute access
        "Dear {first_name[0]}",  # indexing
        "Dear {first_name:>100000000}",  # a format spec could build a huge string
        "Dear {first_name!r}",  # a conversion
        "Dear {first_name",  # not closed
        "Dear first_name}",  # not opened
        "Dear {}",  # no name
    ],
)
def test_a_broken_placeholder_is_refused(text):
    with pytest.raises(ValidationError):
        validate_wording(text, {"first_name"})


def test_good_wording_passes_and_doubled_braces_are_literal():
    validate_wording("Dear {first_name}, {{not a placeholder}}", {"first_name"})
    assert placeholders_used("{a} and {b} and {a}") == ["a", "b", "a"]
    assert fill("Dear {first_name}, {{x}}", {"first_name": "Sam"}) == "Dear Sam, {x}"


def test_the_html_part_escapes_values_and_makes_links_and_lists():
    html = str(
        text_to_html("Hi <b>Sam</b>\nand all\n\nSee https://a.example/p?q=1&r=2\n\n- one\n- two")
    )
    assert "Sam&lt;/b&gt;<br>and all" in html  # lines kept apart, the break not escaped
    assert "&lt;b&gt;Sam&lt;/b&gt;" in html and "<b>" not in html
    assert 'href="https://a.example/p?q=1&amp;r=2"' in html
    assert "<ul" in html and html.count("<li") == 2


def test_the_default_wording_of_every_registered_kind_uses_only_its_placeholders(db):
    kinds = registered_kinds()
    assert "session-moved" in kinds and "certificate-revoked" in kinds
    for kind in kinds.values():
        validate_wording(kind.subject, kind.placeholders)
        validate_wording(kind.body, kind.placeholders)
        email = render_email(kind=kind, values=kind.sample)
        assert email.subject and email.text and "<h1" in email.html, kind.name


def test_saving_wording_with_a_placeholder_the_kind_lacks_is_refused(greeting_kind):
    wording = NotificationWording(
        programme=ProgrammePageFactory(),
        kind=greeting_kind.name,
        subject="Hello {first_name}",
        body="Your cohort is {cohort}.",
    )
    with pytest.raises(ValidationError) as refused:
        wording.full_clean()
    assert "{cohort}" in str(refused.value.message_dict["body"])


def test_the_admin_refuses_a_broken_placeholder_and_lists_the_placeholders(
    client, manager, greeting_kind
):
    programme = ProgrammePageFactory()
    client.force_login(manager)
    add = reverse("wagtailsnippets_notifications_notificationwording:add")
    page = client.get(add)
    assert page.status_code == 200
    assert "{first_name}" in page.text  # listed beside the fields
    response = client.post(
        add,
        {
            "programme": programme.pk,
            "kind": greeting_kind.name,
            "subject": "Hello {first_nam}",
            "body": "Dear {first_name}",
        },
    )
    assert response.status_code == 200
    assert "{first_nam}" in response.text
    assert not NotificationWording.objects.exists()


def test_the_preview_shows_the_email_with_sample_values(client, manager, greeting_kind):
    client.force_login(manager)
    wording = NotificationWording.objects.create(
        programme=ProgrammePageFactory(),
        kind=greeting_kind.name,
        subject="Welcome, {first_name}",
        body="Read {link}",
    )
    url = reverse(
        "wagtailsnippets_notifications_notificationwording:preview_on_edit", args=[wording.pk]
    )
    data = {
        "programme": wording.programme_id,
        "kind": wording.kind,
        "subject": wording.subject,
        "body": wording.body,
    }
    assert client.post(url, data).json()["is_valid"]
    preview = client.get(url)
    assert "Welcome, Sam" in preview.text
    assert 'href="https://academy.example/x/"' in preview.text


def test_editing_a_programmes_wording_changes_its_next_email(greeting_kind, db):
    programme, other = ProgrammePageFactory(), ProgrammePageFactory()
    person = UserFactory(first_name="Ada", email="ada@example.org")

    def send(key, programme_id):
        notifications_send(
            [
                Message(
                    kind=greeting_kind.name,
                    key=key,
                    recipient=person,
                    values={"first_name": "Ada", "link": "https://a.example/"},
                    programme_id=programme_id,
                )
            ]
        )
        return mail.outbox[-1]

    assert send("1", programme.pk).subject == "Hello Ada"  # the safe default
    NotificationWording.objects.create(
        programme=programme, kind=greeting_kind.name, subject="Hi {first_name}!", body="Yo"
    )
    assert send("2", programme.pk).subject == "Hi Ada!"
    assert send("3", other.pk).subject == "Hello Ada"  # another programme keeps the default


def test_only_programme_managers_word_notifications(client, manager, facilitator, greeting_kind):
    NotificationWording.objects.create(
        programme=ProgrammePageFactory(title="Digital Academy"),
        kind=greeting_kind.name,
        subject="Hello {first_name}",
        body="Hi",
    )
    listing = reverse("wagtailsnippets_notifications_notificationwording:list")
    client.force_login(manager)
    page = client.get(listing, {"kind": greeting_kind.name})
    assert page.status_code == 200 and "Digital Academy" in page.text
    client.force_login(facilitator)
    assert client.get(listing).status_code in (302, 403)
