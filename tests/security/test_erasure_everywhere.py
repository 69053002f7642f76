"""Issue 15: after erasure the person's name and email appear nowhere: not in the admin's site
history (log entries and revisions), nor in another person's enrolment history ("replaces"),
nor in that other person's data download."""

import json

import pytest
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from cohorts.enrolment import services
from cohorts.models import EnrolmentEvent
from personal_data.services import person_erase
from tests.security.world import security_world, security_world_once

security_world_once = pytest.fixture(scope="module")(security_world_once)
world = pytest.fixture(security_world)


def _names(person):
    return (person.email, person.last_name, person.get_full_name())


def test_erasure_leaves_no_name_in_the_admins_history(world):
    person, manager = world.people["participant"], world.people["manager"]
    log(instance=world["enrolmentA"], action="wagtail.edit", user=manager)
    log(instance=person, action="wagtail.edit", user=manager, data={"email": person.email})
    names = _names(person)
    assert any(n in e.label for e in ModelLogEntry.objects.all() for n in names)
    person_erase(person=person, actor=manager)
    for entry in ModelLogEntry.objects.all():
        text = entry.label + json.dumps(entry.data)
        assert not any(n in text for n in names), entry.label


def test_a_substitutes_history_and_download_do_not_name_the_erased_officer(client, world):
    original = world["enrolmentA"]
    officer = original.participant
    names = _names(officer)
    substitute = services.enrolment_substitute(
        actor=world.people["nominator"],
        enrolment=original,
        email="sam.substitute@example.org",
        first_name="Sam",
        last_name="Substitute",
        job_title="Sergeant",
    )
    events = EnrolmentEvent.objects.filter(enrolment=substitute)
    assert any(officer.email in json.dumps(e.details) for e in events)
    # The substitute's own download never held the colleague's address.
    client.force_login(substitute.participant)
    download = client.get(reverse("personal_data:my_data_download", args=["json"]))
    assert officer.email not in download.content.decode()

    person_erase(person=officer, actor=world.people["manager"])
    for event in EnrolmentEvent.objects.all():
        assert not any(n in json.dumps(event.details) for n in names), event.details
