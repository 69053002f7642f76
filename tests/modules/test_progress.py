"""Participants mark modules complete and write reflections in a private learning log;
facilitators see only whether reflections were answered."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from modules.models import ModuleProgress
from modules.services import REFLECTION_MAX_LENGTH, reflection_save
from tests.modules.world import activity, module_body

pytestmark = pytest.mark.django_db


def test_opening_a_module_records_progress_for_its_participant_only(world, client_for):
    module = world["module-A1"]
    client_for(world.people["participant-of-A"]).get(module.url)
    client_for(world.people["facilitator-of-A"]).get(module.url)
    assert list(
        ModuleProgress.objects.filter(module=module).values_list("participant", flat=True)
    ) == [world.people["participant-of-A"].pk]


def _completed(participant):
    return set(
        ModuleProgress.objects.completed()
        .filter(participant=participant)
        .values_list("module_id", flat=True)
    )


def test_participant_marks_a_module_complete_and_not_complete_again(world, client_for):
    participant = world.people["participant-of-A"]
    module = world["module-A1"]
    client = client_for(participant)
    url = reverse("modules:module_complete", args=[module.pk])

    response = client.post(url, {"complete": "yes"})
    assert response.status_code == 302
    assert _completed(participant) == {module.pk}
    page = client.get(module.url)
    assert b"You marked this module complete" in page.content
    programme_page = client.get(world["programme-A"].url)
    assert b"You have completed 1 of 2 modules" in programme_page.content

    client.post(url, {"complete": "no"})
    assert _completed(participant) == set()


@pytest.mark.parametrize("role", ["facilitator-of-A", "participant-of-B", "manager"])
def test_only_participants_keep_progress(world, client_for, role):
    url = reverse("modules:module_complete", args=[world["module-A1"].pk])
    assert client_for(world.people[role]).post(url).status_code == 403
    assert not ModuleProgress.objects.filter(participant=world.people[role]).exists()


def test_marking_complete_needs_a_post(world, client_for):
    url = reverse("modules:module_complete", args=[world["module-A1"].pk])
    assert client_for(world.people["participant-of-A"]).get(url).status_code == 405


def test_participant_writes_a_reflection_and_reads_it_in_their_learning_log(world, client_for):
    client = client_for(world.people["participant-of-A"])
    url = reverse("modules:module_reflections", args=[world["module-A1"].pk])
    assert b"What would you change first?" in client.get(url).content
    response = client.post(url, {"prompt-act-1": "Start with the front door."})
    assert response.status_code == 302
    log = client.get(reverse("modules:learning_log"))
    assert b"Start with the front door." in log.content
    assert b"What would you change first?" in log.content


def test_overlong_reflection_shows_an_error_summary_and_saves_nothing(world, client_for):
    client = client_for(world.people["participant-of-A"])
    url = reverse("modules:module_reflections", args=[world["module-A1"].pk])
    response = client.post(url, {"prompt-act-1": "x" * (REFLECTION_MAX_LENGTH + 1)})
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert not ModuleProgress.objects.filter(
        participant=world.people["participant-of-A"], reflections__has_key="act-1"
    ).exists()


def test_reflection_to_an_unknown_prompt_is_refused(world):
    participant = world.people["participant-of-A"]
    with pytest.raises(ValidationError):
        reflection_save(
            participant=participant,
            module=world["module-A1"],
            answers={"act-1": "Fine", "no-such-prompt": "Sneaky"},
        )
    assert not ModuleProgress.objects.filter(participant=participant).exists()


def test_nobody_else_reads_a_participants_reflections(world, client_for):
    reflection_save(
        participant=world.people["participant-of-A"],
        module=world["module-A1"],
        answers={"act-1": "A private thought"},
    )
    for role in ["participant-of-B", "facilitator-of-A", "manager"]:
        log = client_for(world.people[role]).get(reverse("modules:learning_log"))
        assert b"A private thought" not in log.content
    table = client_for(world.people["facilitator-of-A"]).get(
        reverse("cohorts:cohort_progress", args=[world["cohort-A"].pk])
    )
    assert table.status_code == 200
    assert b"1 of 1 reflections" in table.content
    assert b"A private thought" not in table.content


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("participant-of-A", 403),
        ("facilitator-of-B", 403),
        ("nominator", 403),
        ("facilitator-of-A", 200),
        ("manager", 200),
    ],
)
def test_only_the_cohorts_facilitators_and_managers_see_its_progress_table(
    world, client_for, role, status
):
    url = reverse("cohorts:cohort_progress", args=[world["cohort-A"].pk])
    assert client_for(world.people[role]).get(url).status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("participant-of-A", 200),
        ("participant-of-B", 200),
        ("withdrawn-from-A", 403),
        ("facilitator-of-A", 403),
        ("nominator", 403),
        ("manager", 403),
    ],
)
def test_the_learning_log_is_for_those_who_keep_one(world, client_for, role, status):
    response = client_for(world.people[role]).get(reverse("modules:learning_log"))
    assert response.status_code == status
    if status == 403:
        assert b"learning log is for participants" in response.content


def test_someone_who_took_part_keeps_their_learning_log_after_their_place_ends(world, client_for):
    person = world.people["withdrawn-from-A"]
    ModuleProgress.objects.create(participant=person, module=world["module-B1"])
    assert client_for(person).get(reverse("modules:learning_log")).status_code == 200


def test_learning_log_asks_strangers_to_sign_in(client):
    response = client.get(reverse("modules:learning_log"))
    assert response.status_code == 302


def test_activities_link_participants_to_their_learning_log_and_nobody_else(world, client_for):
    module = world["module-A1"]
    link = b"Write your reflection in your private learning log"
    # Whoever reads the module first, the other sees their own version of its activities.
    assert link not in client_for(world.people["facilitator-of-A"]).get(module.url).content
    assert link in client_for(world.people["participant-of-A"]).get(module.url).content
    assert link not in client_for(world.people["manager"]).get(module.url).content


def test_participants_see_a_module_as_published_again_at_once(world, client_for):
    client = client_for(world.people["participant-of-A"])
    module = world["module-A1"]
    assert b"Map your services" in client.get(module.url).content
    module.body = module_body(activity("act-1", "Map your partners", "Who do you rely on?"))
    module.save_revision().publish()
    page = client.get(module.url).content
    assert b"Map your partners" in page
    assert b"Map your services" not in page
