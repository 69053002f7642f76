"""The participant's part of 'My academy' is kept, rendered, under their cohorts' versions, what
the time-reading rules say now of each of their sessions, the modules live on their programmes
and what else the page offers them (`academy_site.participant_home`): a second visit renders
nothing of it again, and the page changes the moment a rule of the clock would change it
(check-in opens, apologies close, feedback opens) or anything it shows changes."""

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from impact.models import SelfAssessment
from impact.services import self_assessment_submit, session_feedback_submit
from kept.parts import CSRF_PLACEHOLDER
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, EnrolmentFactory
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db

HOME = reverse("home")
NOW = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def visit(client):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(HOME).content.decode()
    return html, [q["sql"] for q in queries.captured_queries]


@pytest.fixture
def world():
    with time_machine.travel(NOW, tick=False):
        programme = ProgrammePageFactory()
        ModulePageFactory(parent=programme)
        cohort = CohortFactory(
            programme=programme,
            running=True,
            starts_on=dt.date(2026, 2, 1),
            ends_on=dt.date(2026, 9, 30),
            checkin_closes_minutes_after=30,
        )
        enrolment = EnrolmentFactory(cohort=cohort)
        start = NOW + dt.timedelta(hours=1)  # 10:00 today
        session = CohortSessionFactory(
            cohort=cohort,
            title="Data and trust",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
        )
        yield enrolment, session


def test_a_second_visit_renders_nothing_of_the_participants_part_again(client, world):
    enrolment, _ = world
    client.force_login(enrolment.participant)
    with time_machine.travel(NOW, tick=False):
        _, first = visit(client)
        again, queries = visit(client)
    read = " ".join(queries)
    assert "Data and trust" in again
    # Neither their places with cohorts, certificates and sign-offs, nor what impact asks.
    assert "cohorts_certificate" not in read and "impact_selfassessment" not in read
    assert len(queries) < len(first)


def test_the_check_in_box_opens_and_apologies_close_as_the_session_starts(client, world):
    enrolment, _ = world
    client.force_login(enrolment.participant)
    with time_machine.travel(NOW, tick=False):
        before, _ = visit(client)
    assert "Send apologies" in before and "Check in" not in before
    with time_machine.travel(NOW + dt.timedelta(hours=1, minutes=5), tick=False):
        during, _ = visit(client)
    assert "Send apologies" not in during and "Check in<span" in during
    with time_machine.travel(NOW + dt.timedelta(hours=1, minutes=31), tick=False):
        closed, _ = visit(client)
    assert "Check in<span" not in closed


def test_feedback_is_asked_once_the_session_ends_and_no_more_once_given(client, world):
    enrolment, session = world
    client.force_login(enrolment.participant)
    with time_machine.travel(NOW, tick=False):
        assert "Give feedback on Data and trust" not in visit(client)[0]
    after = NOW + dt.timedelta(hours=4)
    with time_machine.travel(after, tick=False):
        assert "Give feedback on Data and trust" in visit(client)[0]
        session_feedback_submit(session=session, enrolment=enrolment, usefulness=4)
        assert "Give feedback on Data and trust" not in visit(client)[0]


def test_a_self_assessment_given_shows_on_the_next_visit(client, world):
    enrolment, _ = world
    client.force_login(enrolment.participant)
    with time_machine.travel(NOW, tick=False):
        assert "Your digital leadership ratings" not in visit(client)[0]
        self_assessment_submit(
            enrolment=enrolment,
            stage=SelfAssessment.Stage.BEFORE,
            ratings=dict.fromkeys(range(1, 7), 3),
        )
        assert "Your digital leadership ratings" in visit(client)[0]


def test_a_module_published_and_a_new_place_show_on_the_next_visit(client, world):
    enrolment, _ = world
    client.force_login(enrolment.participant)
    with time_machine.travel(NOW, tick=False):
        assert "0 of 1 completed" in visit(client)[0]
        ModulePageFactory(parent=enrolment.cohort.programme)
        assert "0 of 2 completed" in visit(client)[0]
        other = EnrolmentFactory(
            participant=enrolment.participant,
            cohort=CohortFactory(running=True, name="Member Leadership, autumn"),
        )
        assert other.cohort.name in visit(client)[0]


def test_each_participant_gets_their_own_part_and_their_own_csrf_token(world):
    enrolment, _ = world
    other = EnrolmentFactory(cohort=enrolment.cohort)
    other.participant.first_name = "Ngozi"
    other.participant.save()
    pages = []
    with time_machine.travel(NOW + dt.timedelta(hours=1, minutes=5), tick=False):
        for person in (enrolment.participant, other.participant):
            client = Client()
            client.force_login(person)
            pages.append(visit(client)[0])
    tokens = [re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', p) for p in pages]
    assert all(tokens) and not set(tokens[0]) & set(tokens[1])
    assert CSRF_PLACEHOLDER not in pages[0] + pages[1]
    assert "Ngozi" in pages[1] and "Ngozi" not in pages[0]


def test_someone_with_no_place_and_no_role_is_told_how_to_get_one(client):
    client.force_login(UserFactory())
    with time_machine.travel(timezone.now(), tick=False):
        assert "You are not enrolled on a cohort yet" in visit(client)[0]
