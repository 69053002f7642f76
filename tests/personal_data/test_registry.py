"""Personal data asks every app what it holds about a person (`personal_data.registry`): what
each answers goes into the person's download, each erases its own part, and the retention
period runs from when the records each app keeps ended."""

import datetime as dt

import pytest
from wagtail import hooks

from personal_data import registry
from personal_data.services import people_past_retention, person_erase, personal_data_export
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_what_each_app_holds_goes_into_the_download():
    person = UserFactory(first_name="Zoë")
    with hooks.register_temporarily(
        registry.EXPORT, lambda who: {"mentoring": [{"mentee": who.first_name}]}
    ):
        data = personal_data_export(person=person)
    assert data["mentoring"] == [{"mentee": "Zoë"}]
    assert data["profile"]["first_name"] == "Zoë"
    # What cohorts and modules hold is there too.
    assert {"enrolments", "module_progress", "personal_data_access"} <= data.keys()


def test_each_app_erases_its_own_part_with_the_persons_words_scrubbed(manager):
    person = UserFactory(first_name="Aisha", last_name="Khan", email="aisha.khan@example.org")
    seen = []

    def erase(erasure):
        seen.append(
            (
                erasure.person.pk,
                erasure.anonymous_email,
                erasure.scrub({"note": "Called Aisha Khan back", "n": 3}),
            )
        )

    with hooks.register_temporarily(registry.ERASE, erase):
        person_erase(person=person, actor=manager)
    assert seen == [
        (person.pk, f"erased-{person.pk}@erased.invalid", {"note": "[removed]", "n": 3})
    ]


def test_with_no_app_saying_when_records_ended_nobody_is_past_retention(monkeypatch):
    long_ago = CohortFactory(
        closed=True, starts_on=dt.date(2010, 1, 4), ends_on=dt.date(2010, 9, 1)
    )
    person = EnrolmentFactory(cohort=long_ago).participant
    assert list(people_past_retention()) == [person]  # cohorts says their records ended
    get_hooks = hooks.get_hooks
    monkeypatch.setattr(
        registry.hooks,
        "get_hooks",
        lambda name: [] if name == registry.RETENTION else get_hooks(name),
    )
    assert not people_past_retention()
