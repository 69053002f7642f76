"""A programme may open each module to a cohort only N days before the session covering it."""

import datetime as dt

import pytest
import time_machine

from cohorts.models import LONDON
from modules.models import ModulePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def opens_a_week_before(world):
    programme = world["programme-A"]
    programme.module_opens_days_before = 7
    programme.save()
    return world["session-A"].starts_at


def test_module_opens_to_participants_n_days_before_its_session(
    world, client_for, opens_a_week_before
):
    starts_at = opens_a_week_before
    participant = world.people["participant-of-A"]
    with time_machine.travel(starts_at - dt.timedelta(days=8), tick=False):
        response = client_for(participant).get(world["module-A1"].url)
        assert response.status_code == 403
        assert b"opens 7 days before" in response.content
        assert not ModulePage.objects.visible_to(participant).filter(pk=world["module-A1"].pk)
        # A module no session covers is open.
        assert client_for(participant).get(world["module-A2"].url).status_code == 200
        programme_page = client_for(participant).get(world["programme-A"].url)
        assert b"Not open yet" in programme_page.content
    with time_machine.travel(starts_at - dt.timedelta(days=6), tick=False):
        assert client_for(participant).get(world["module-A1"].url).status_code == 200


@pytest.mark.parametrize("role", ["facilitator-of-A", "manager"])
def test_facilitators_and_managers_always_see_modules(world, client_for, opens_a_week_before, role):
    with time_machine.travel(dt.datetime(2000, 1, 1, tzinfo=LONDON), tick=False):
        assert client_for(world.people[role]).get(world["module-A1"].url).status_code == 200


def test_without_a_setting_modules_are_always_open(world, client_for):
    with time_machine.travel(dt.datetime(2000, 1, 1, tzinfo=LONDON), tick=False):
        response = client_for(world.people["participant-of-A"]).get(world["module-A1"].url)
        assert response.status_code == 200
