"""A participant's module page is kept, rendered (`modules.module_page`), under the module's
published version, the programmes' page tree, what the app that runs cohorts knows of their
learning (their places, their cohorts' sessions, their progress) and the modules not yet open
to them: a second visit renders nothing again and reads none of it, and any change shows on the
next visit. Nothing of one participant reaches another; the people who run the programme get it
afresh."""

import datetime as dt
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from accounts.roles import Role, grant_role
from kept.parts import CSRF_PLACEHOLDER
from modules.models import ModulePage, ProgrammePage
from modules.progress import ModuleProgress
from modules.services import module_progress_complete, reflection_save
from tests.cohorts.factories import CohortSessionFactory, EnrolmentFactory
from tests.modules.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


def visit(client, module):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(module.url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


def test_a_second_visit_reads_neither_progress_nor_sessions_nor_the_modules_around(
    world, client_for
):
    participant, module = world.people["participant-of-A"], world["module-A1"]
    client = client_for(participant)
    visit(client, module)
    assert ModuleProgress.objects.filter(participant=participant, module=module).exists()
    # The first visit recorded their opening of it, which moved their record's version: the
    # page is rendered once more under the new one, and kept from then on.
    _, first_queries = visit(client, module)
    again, queries = visit(client, module)
    read = " ".join(queries)
    assert "Kick-off" in again and "Map your services" in again
    assert "modules_moduleprogress" not in read and "cohorts_cohortsession" not in read
    assert len(queries) < len(first_queries)


def test_progress_and_reflections_show_on_the_next_visit(world, client_for):
    participant, module = world.people["participant-of-A"], world["module-A1"]
    client = client_for(participant)
    assert "You have not marked this module complete yet" in visit(client, module)[0]
    module_progress_complete(participant=participant, module=module)
    page = visit(client, module)[0]
    assert "You marked this module complete on" in page
    assert "Reflections answered: 0 of 1" in page
    reflection_save(participant=participant, module=module, answers={"act-1": "Start small"})
    assert "Reflections answered: 1 of 1" in visit(client, module)[0]


def test_a_session_on_the_module_shows_on_the_next_visit(world, client_for):
    participant, module = world.people["participant-of-A"], world["module-A1"]
    client = client_for(participant)
    assert "Follow-up clinic" not in visit(client, module)[0]
    session = CohortSessionFactory(cohort=world["cohort-A"], title="Follow-up clinic")
    session.modules.add(module)
    session.save()
    assert "Follow-up clinic" in visit(client, module)[0]


def test_modules_published_around_it_and_its_programme_renamed_show_on_the_next_visit(
    world, client_for
):
    participant, module = world.people["participant-of-A"], world["module-A2"]
    client = client_for(participant)
    assert "Cyber resilience" not in visit(client, module)[0]
    added = ModulePageFactory(parent=world["programme-A"], title="Cyber resilience")
    assert 'rel="next"' in visit(client, module)[0]
    assert "Cyber resilience" in visit(client, module)[0]
    added.unpublish()
    assert "Cyber resilience" not in visit(client, module)[0]
    programme = ProgrammePage.objects.get(pk=world["programme-A"].pk)  # not the world's own
    programme.title = "Digital Academy for Kent"
    programme.save_revision().publish()
    assert "Digital Academy for Kent</a>" in visit(client, module)[0]


def test_the_module_published_again_shows_at_once(world, client_for):
    participant = world.people["participant-of-A"]
    client = client_for(participant)
    module = ModulePage.objects.get(pk=world["module-A2"].pk)
    visit(client, module)
    module.summary = "Evidence that changes decisions."
    module.save_revision().publish()
    module = ModulePage.objects.get(pk=module.pk)
    assert "Evidence that changes decisions." in visit(client, module)[0]


def test_a_place_withdrawn_closes_the_module_at_once(world, client_for):
    participant, module = world.people["participant-of-A"], world["module-A1"]
    client = client_for(participant)
    visit(client, module)
    enrolment = participant.enrolments.get(cohort=world["cohort-A"])
    enrolment.status = enrolment.Status.WITHDRAWN
    enrolment.save()
    assert client.get(module.url).status_code == 403


def test_each_participant_sees_their_own_progress_and_gets_their_own_token(world):
    module = world["module-A1"]
    first = world.people["participant-of-A"]
    second = EnrolmentFactory(cohort=world["cohort-A"]).participant
    module_progress_complete(participant=first, module=module)
    pages = []
    for person in (first, second):
        client = Client()
        client.force_login(person)
        pages.append(visit(client, module)[0])
    assert "You marked this module complete" in pages[0]
    assert "You have not marked this module complete yet" in pages[1]
    tokens = [re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', p) for p in pages]
    assert all(tokens) and not set(tokens[0]) & set(tokens[1])
    assert CSRF_PLACEHOLDER not in pages[0] + pages[1]


def test_those_who_run_the_programme_get_it_afresh_without_a_participants_progress(
    world, client_for
):
    module = world["module-A1"]
    module_progress_complete(participant=world.people["participant-of-A"], module=module)
    visit(client_for(world.people["participant-of-A"]), module)
    for role in ("facilitator-of-A", "manager"):
        page = visit(client_for(world.people[role]), module)[0]
        assert "Your progress" not in page and "Map your services" in page


def test_a_module_opening_shows_on_the_modules_kept_around_it(world, client_for):
    programme = ProgrammePage.objects.get(pk=world["programme-A"].pk)
    programme.module_opens_days_before = 7
    programme.save()
    starts_at = world["session-A"].starts_at
    participant, a1, a2 = world.people["participant-of-A"], world["module-A1"], world["module-A2"]
    opens_at = starts_at - dt.timedelta(days=7)
    with time_machine.travel(opens_at - dt.timedelta(minutes=1), tick=False):
        for _ in range(2):  # kept once their opening of it is recorded
            assert 'rel="prev"' not in visit(client_for(participant), a2)[0]
    with time_machine.travel(opens_at + dt.timedelta(minutes=1), tick=False):
        assert f'href="{a1.url}" rel="prev"' in visit(client_for(participant), a2)[0]


def _message_waiting(client, text):
    """A message left for the person's next page, as a view leaves one (in the cookie)."""
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.SUCCESS, text)
    response = HttpResponse()
    storage.update(response)
    client.cookies[storage.cookie_name] = response.cookies[storage.cookie_name].value


def test_a_message_waiting_is_shown_on_a_kept_page(world, client_for):
    participant, module = world.people["participant-of-A"], world["module-A2"]
    client = client_for(participant)
    for _ in range(3):  # kept, the whole page with it
        visit(client, module)
    _message_waiting(client, "Your apologies were sent.")
    assert "Your apologies were sent." in visit(client, module)[0]
    assert "Your apologies were sent." not in visit(client, module)[0]  # shown once


def test_a_participant_who_may_use_the_admin_gets_the_admin_link_on_a_kept_page(world, client_for):
    participant, module = world.people["participant-of-A"], world["module-A2"]
    client = client_for(participant)
    for _ in range(3):
        assert ">Admin</a>" not in visit(client, module)[0]
    grant_role(participant, Role.FACILITATOR)
    try:
        assert ">Admin</a>" in visit(client_for(participant), module)[0]
    finally:
        participant.groups.remove(Group.objects.get(name=Role.FACILITATOR.value))
