"""'My academy' keeps what a participant's standings are worked out from (their cohorts'
sessions, their marks, the modules they have completed, the completion rules) under each
cohort's record version: a later visit reads none of it from the database, and any change to it
shows on the next."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cohorts.attendance.register import register_save
from modules.services import module_progress_complete
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    CohortFactory,
    CohortSessionFactory,
    CompletionRuleFactory,
    EnrolmentFactory,
    cohort_session_start,
)
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db

HOME = reverse("home")
KEPT_TABLES = (
    "cohorts_cohortsession",
    "cohorts_attendancemark",
    "modules_moduleprogress",
    "cohorts_completionrule",
)


@pytest.fixture
def world():
    participant = UserFactory(participant=True)
    programme = ProgrammePageFactory()
    CompletionRuleFactory(programme=programme, min_sessions_attended=2, min_share_attended=None)
    modules = [ModulePageFactory(parent=programme) for _ in range(2)]
    cohort = CohortFactory(programme=programme)
    enrolment = EnrolmentFactory(cohort=cohort, participant=participant)
    # Two sessions held (53 and 25 days ago), two to come.
    sessions = [
        CohortSessionFactory(cohort=cohort, starts_at=cohort_session_start(cohort, n))
        for n in range(4)
    ]
    return participant, modules, enrolment, sessions


def _without_tokens(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def visit(client):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(HOME).content.decode()
    return html, [q["sql"] for q in queries.captured_queries]


def test_a_second_visit_reads_sessions_marks_and_module_progress_from_the_cache(client, world):
    participant, *_ = world
    client.force_login(participant)
    first, first_queries = visit(client)
    second, second_queries = visit(client)
    assert _without_tokens(second) == _without_tokens(first)
    for table in KEPT_TABLES:
        assert any(table in sql for sql in first_queries)
        assert not any(table in sql for sql in second_queries), table


def test_a_mark_a_completed_module_and_a_moved_session_show_on_the_next_visit(client, world):
    participant, modules, enrolment, sessions = world
    facilitator = UserFactory(facilitator=True)
    client.force_login(participant)
    html, _ = visit(client)
    assert "0 of 2 completed" in html
    assert "Attended 0 of the 2 sessions held so far (0%); needs 2 of 4" in html

    register_save(
        session=sessions[0], entries={enrolment.pk: ("present", "")}, recorded_by=facilitator
    )
    html, _ = visit(client)
    assert "Attended 1 of the 2 sessions held so far (50%); needs 2 of 4" in html

    module_progress_complete(participant=participant, module=modules[0])
    html, _ = visit(client)
    assert "1 of 2 completed" in html

    coming = sessions[2]
    coming.title = "Moved and renamed"
    coming.starts_at = timezone.now() + dt.timedelta(days=1)
    coming.ends_at = coming.starts_at + dt.timedelta(hours=2)
    coming.save()
    html, _ = visit(client)
    assert "<strong>Next session:</strong> Moved and renamed" in html


def test_one_persons_kept_record_is_never_shown_to_another_on_the_same_cohort(client, world):
    participant, _, enrolment, sessions = world
    others = EnrolmentFactory(cohort=enrolment.cohort)
    register_save(
        session=sessions[0],
        entries={enrolment.pk: ("present", ""), others.pk: ("absent", "")},
        recorded_by=UserFactory(facilitator=True),
    )
    client.force_login(participant)
    assert "Attended 1 of the 2 sessions held so far (50%)" in visit(client)[0]
    client.force_login(others.participant)
    assert "Attended 0 of the 2 sessions held so far (0%)" in visit(client)[0]


def test_a_changed_completion_rule_and_a_renamed_module_show_on_the_next_visit(client, world):
    participant, modules, enrolment, _ = world
    client.force_login(participant)
    assert "needs 2 of 4" in visit(client)[0]

    rule = enrolment.cohort.programme.completion_rule
    rule.min_sessions_attended = 3
    rule.save()
    rule.required_modules.set([modules[1]])
    html, _ = visit(client)
    assert "needs 3 of 4" in html
    assert f"Complete the module “{modules[1].title}” online." in html

    modules[1].title = "Data and trust, revised"
    modules[1].save_revision().publish()
    assert "Complete the module “Data and trust, revised” online." in visit(client)[0]
