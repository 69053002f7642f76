"""Modules asks who takes part in or runs a programme, and who may download a document, through
hooks (`modules.participation`) that the app running cohorts answers: modules never imports it.
Any app answering the hooks is heard, alongside cohorts."""

import pytest
from wagtail import hooks

from accounts.permissions import ALLOWED, Permission
from modules import participation
from modules.permissions import can_download_document, can_view_module
from tests.accounts.factories import UserFactory
from tests.modules.world import make_document

pytestmark = pytest.mark.django_db


def test_cohorts_answers_who_takes_part_and_who_runs_each_programme(world):
    participant = world.people["participant-of-A"]
    facilitator = world.people["facilitator-of-A"]
    programme = world["programme-A"]
    assert participation.participating_programme_ids(participant) == {programme.pk}
    assert participation.run_programme_ids(facilitator) == {programme.pk}
    assert participation.run_programme_ids(participant) == set()


def test_another_app_taking_people_through_a_programme_is_heard_too(world):
    """A person on no cohort sees the modules of a programme another app says they take part
    in, as if that app had enrolled them."""
    learner = UserFactory(participant=True)
    module = world["module-A1"]
    assert not can_view_module(learner, module)
    with hooks.register_temporarily(
        participation.PARTICIPATING_PROGRAMMES,
        lambda user: {world["programme-A"].pk} if user == learner else set(),
    ):
        assert can_view_module(learner, module)


def test_a_document_is_restricted_when_any_app_says_it_uses_it(world):
    document = make_document("Briefing")
    insider, stranger = UserFactory(), UserFactory()
    assert can_download_document(stranger, document)

    def uses_it(user, used, references):
        if used != document:
            return None
        return ALLOWED if user == insider else Permission(False, "For the round table only.")

    with hooks.register_temporarily(participation.DOCUMENT_PERMISSION, uses_it):
        assert can_download_document(insider, document)
        assert not can_download_document(stranger, document)
