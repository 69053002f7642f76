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


def _neighbours(response):
    html = response.content.decode()
    nav = (
        html.split('aria-label="Modules of', 1)[1].split("</nav>", 1)[0]
        if "Modules of" in html
        else ""
    )
    return nav


def test_next_and_previous_modules_follow_the_programme_and_skip_what_is_not_open(
    world, client_for, opens_a_week_before
):
    starts_at = opens_a_week_before
    participant = world.people["participant-of-A"]
    a1, a2 = world["module-A1"], world["module-A2"]
    with time_machine.travel(starts_at - dt.timedelta(days=8), tick=False):
        # A1 is not open to them yet: A2 offers no way back to it.
        assert a1.url not in _neighbours(client_for(participant).get(a2.url))
    with time_machine.travel(starts_at - dt.timedelta(days=6), tick=False):
        back = _neighbours(client_for(participant).get(a2.url))
        assert f'href="{a1.url}" rel="prev"' in back and "Leading digital change" in back
        onward = _neighbours(client_for(participant).get(a1.url))
        assert f'href="{a2.url}" rel="next"' in onward and 'rel="prev"' not in onward


@pytest.mark.parametrize("role", ["facilitator-of-A", "manager"])
def test_facilitators_and_managers_move_through_every_module(
    world, client_for, opens_a_week_before, role
):
    with time_machine.travel(dt.datetime(2000, 1, 1, tzinfo=LONDON), tick=False):
        nav = _neighbours(client_for(world.people[role]).get(world["module-A2"].url))
    assert f'href="{world["module-A1"].url}" rel="prev"' in nav
