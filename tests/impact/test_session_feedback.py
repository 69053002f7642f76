"""After each cohort session has ended, a participant taking part answers three short questions,
once; facilitators read the results per session and per module, with free text shown without
names and only once five or more people answered."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Enrolment
from impact import rules, services
from impact.models import SessionFeedback
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, EnrolmentFactory
from tests.impact.factories import SessionFeedbackFactory
from tests.modules.factories import ModulePageFactory

pytestmark = pytest.mark.django_db
HOME = reverse("home")


@pytest.fixture
def participant():
    return UserFactory(participant=True)


@pytest.fixture
def cohort(facilitator):
    return CohortFactory(name="Kent 2026", facilitators=[facilitator])


@pytest.fixture
def enrolment(participant, cohort):
    return EnrolmentFactory(participant=participant, cohort=cohort, status="confirmed")


def _url(session):
    return reverse("impact:session_feedback", args=[session.pk])


def test_an_ended_session_asks_its_participants_for_feedback_on_my_academy(
    client, participant, enrolment, ended_session
):
    session = ended_session(enrolment.cohort)
    client.force_login(participant)
    page = client.get(HOME).content.decode()
    assert f"Give feedback on {session.title}" in page
    assert _url(session) in page


def test_giving_feedback_saves_it_shows_thanks_and_the_link_goes(
    client, participant, enrolment, ended_session
):
    session = ended_session(enrolment.cohort)
    client.force_login(participant)
    response = client.post(
        _url(session),
        {"usefulness": "4", "do_differently": "Map a journey", "improve": "More breaks"},
    )
    assert "govuk-notification-banner--success" in response.content.decode()
    feedback = SessionFeedback.objects.get()
    assert (feedback.enrolment, feedback.usefulness, feedback.improve) == (
        enrolment,
        4,
        "More breaks",
    )
    assert f"Give feedback on {session.title}" not in client.get(HOME).content.decode()


def test_a_second_attempt_says_they_already_answered_and_changes_nothing(
    client, participant, enrolment, ended_session
):
    session = ended_session(enrolment.cohort)
    SessionFeedbackFactory(session=session, enrolment=enrolment, usefulness=2)
    client.force_login(participant)
    assert "You have already given feedback" in client.get(_url(session)).content.decode()
    response = client.post(_url(session), {"usefulness": "5"})
    assert "You have already given feedback" in response.content.decode()
    assert SessionFeedback.objects.get().usefulness == 2


def test_once_per_session_holds_in_the_service_and_the_database(enrolment, ended_session):
    session = ended_session(enrolment.cohort)
    services.session_feedback_submit(session=session, enrolment=enrolment, usefulness=3)
    with pytest.raises(ValidationError, match="already given feedback"):
        services.session_feedback_submit(session=session, enrolment=enrolment, usefulness=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFeedback.objects.create(session=session, enrolment=enrolment, usefulness=5)


def test_a_session_not_yet_ended_takes_no_feedback(client, participant, enrolment):
    now = timezone.now()
    running = CohortSessionFactory(
        cohort=enrolment.cohort,
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(hours=2),
    )
    client.force_login(participant)
    assert f"Give feedback on {running.title}" not in client.get(HOME).content.decode()
    response = client.post(_url(running), {"usefulness": "5"})
    assert response.status_code == 403
    assert "once the session has ended" in response.content.decode()
    with pytest.raises(ValidationError, match="when the session has ended"):
        services.session_feedback_submit(session=running, enrolment=enrolment, usefulness=5)
    assert not SessionFeedback.objects.exists()


def test_feedback_closes_six_weeks_after_the_session(client, participant, enrolment, ended_session):
    old = ended_session(enrolment.cohort, days_ago=rules.FEEDBACK_OPEN_DAYS + 1)
    client.force_login(participant)
    assert f"Give feedback on {old.title}" not in client.get(HOME).content.decode()
    assert client.get(_url(old)).status_code == 403


@pytest.mark.parametrize("who", ["other participant", "withdrawn", "facilitator", "manager"])
def test_only_participants_taking_part_in_the_cohort_give_feedback(
    client, request, enrolment, ended_session, who
):
    session = ended_session(enrolment.cohort)
    if who == "other participant":
        person = EnrolmentFactory(status="confirmed").participant
    elif who == "withdrawn":
        person = EnrolmentFactory(
            cohort=enrolment.cohort, status=Enrolment.Status.WITHDRAWN
        ).participant
    else:
        person = request.getfixturevalue(who)
    client.force_login(person)
    assert client.get(_url(session)).status_code == 403
    assert client.post(_url(session), {"usefulness": "5"}).status_code == 403
    assert not SessionFeedback.objects.exists()


def _answers(cohort, session, n, *, prefix="Answer"):
    for i in range(n):
        SessionFeedbackFactory(
            session=session,
            enrolment=EnrolmentFactory(cohort=cohort, status="confirmed"),
            usefulness=3 + i % 3,
            do_differently=f"{prefix} {i}",
        )


def test_facilitators_see_free_text_without_names_only_once_five_people_answered(
    client, facilitator, cohort, ended_session
):
    session = ended_session(cohort)
    _answers(cohort, session, 4)
    client.force_login(facilitator)
    url = reverse("impact:cohort_feedback", args=[cohort.pk])
    page = client.get(url).content.decode()
    assert "Answer 0" not in page
    assert "4 so far" in page
    _answers(cohort, session, 1, prefix="Fifth")
    page = client.get(url).content.decode()
    assert "Answer 0" in page and "Fifth 0" in page
    for feedback in SessionFeedback.objects.select_related("enrolment__participant"):
        person = feedback.enrolment.participant
        assert person.last_name not in page and person.email not in page


def test_results_per_session_and_per_module(client, facilitator, cohort, ended_session):
    module = ModulePageFactory(parent=cohort.programme, title="Data and trust")
    first, second = ended_session(cohort, days_ago=3), ended_session(cohort, days_ago=1)
    for session in (first, second):
        session.modules.set([module])
        session.save()
    for usefulness in (2, 4):
        SessionFeedbackFactory(
            session=first,
            enrolment=EnrolmentFactory(cohort=cohort, status="confirmed"),
            usefulness=usefulness,
        )
    SessionFeedbackFactory(
        session=second, enrolment=EnrolmentFactory(cohort=cohort, status="confirmed"), usefulness=5
    )
    client.force_login(facilitator)
    response = client.get(reverse("impact:cohort_feedback", args=[cohort.pk]))
    sessions = {r.session: r for r in response.context["sessions"]}
    assert (sessions[first].answers, sessions[first].average) == (2, 3.0)
    assert (sessions[second].answers, sessions[second].average) == (1, 5.0)
    [by_module] = response.context["modules"]
    assert (by_module.label, by_module.answers, by_module.average) == ("Data and trust", 3, 3.7)


def test_only_the_cohorts_facilitators_and_managers_see_its_feedback(
    client, cohort, enrolment, manager
):
    url = reverse("impact:cohort_feedback", args=[cohort.pk])
    for person, status in (
        (manager, 200),
        (UserFactory(facilitator=True), 403),
        (enrolment.participant, 403),
        (UserFactory(nominator=True), 403),
    ):
        client.force_login(person)
        assert client.get(url).status_code == status
