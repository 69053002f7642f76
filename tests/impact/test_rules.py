"""The rules of evidence of impact, at their one definition (impact.rules): the suppression
rule, when a participant rates themselves before and after, and when a session takes feedback."""

import datetime as dt

import pytest
from django.utils import timezone

from cohorts.models import Cohort, Enrolment
from impact import rules
from impact.models import SelfAssessment

Stage = SelfAssessment.Stage
TODAY = dt.date(2026, 6, 1)


@pytest.mark.parametrize(("people", "shown"), [(0, False), (1, False), (4, False), (5, True)])
def test_results_about_fewer_than_five_people_are_never_shown(people, shown):
    assert rules.is_reportable(people) is shown


def _enrolment(status, *, cohort_status=Cohort.Status.RUNNING, ends_on=TODAY + dt.timedelta(90)):
    cohort = Cohort(status=cohort_status, starts_on=TODAY - dt.timedelta(60), ends_on=ends_on)
    return Enrolment(cohort=cohort, status=status)


@pytest.mark.parametrize(
    ("enrolment", "stage"),
    [
        (_enrolment(Enrolment.Status.CONFIRMED), Stage.BEFORE),
        (_enrolment(Enrolment.Status.CONFIRMED, cohort_status=Cohort.Status.OPEN), Stage.BEFORE),
        (_enrolment(Enrolment.Status.COMPLETED), Stage.AFTER),
        (_enrolment(Enrolment.Status.NOT_COMPLETED), Stage.AFTER),
        # The cohort has ended: by its last day, or by being closed.
        (_enrolment(Enrolment.Status.CONFIRMED, ends_on=TODAY - dt.timedelta(1)), Stage.AFTER),
        (_enrolment(Enrolment.Status.CONFIRMED, cohort_status=Cohort.Status.CLOSED), Stage.AFTER),
        (_enrolment(Enrolment.Status.INVITED), None),
        (_enrolment(Enrolment.Status.DECLINED), None),
        (_enrolment(Enrolment.Status.WITHDRAWN), None),
        (_enrolment(Enrolment.Status.WAITING_LIST), None),
    ],
)
def test_before_from_confirming_until_the_end_after_on_completing_or_when_the_cohort_ends(
    enrolment, stage
):
    assert rules.assessment_stage_open(enrolment, today=TODAY) == stage


def test_a_stage_already_given_is_not_asked_for_again():
    enrolment = _enrolment(Enrolment.Status.CONFIRMED)
    assert rules.assessment_due(enrolment, given=set(), today=TODAY) == Stage.BEFORE
    assert rules.assessment_due(enrolment, given={Stage.BEFORE}, today=TODAY) is None
    completed = _enrolment(Enrolment.Status.COMPLETED)
    # Someone who never rated themselves at the start is still asked at the end.
    assert rules.assessment_due(completed, given=set(), today=TODAY) == Stage.AFTER
    assert rules.assessment_due(completed, given={Stage.BEFORE}, today=TODAY) == Stage.AFTER
    assert rules.assessment_due(completed, given={Stage.AFTER}, today=TODAY) is None


class _Session:
    def __init__(self, ends_at):
        self.ends_at = ends_at


def test_feedback_opens_when_the_session_ends_and_closes_six_weeks_later():
    now = timezone.now()
    assert not rules.feedback_open(_Session(now + dt.timedelta(minutes=1)), now)
    assert rules.feedback_open(_Session(now - dt.timedelta(minutes=1)), now)
    assert rules.feedback_open(_Session(now - dt.timedelta(days=rules.FEEDBACK_OPEN_DAYS)), now)
    closed = _Session(now - dt.timedelta(days=rules.FEEDBACK_OPEN_DAYS, minutes=1))
    assert not rules.feedback_open(closed, now)
    assert rules.session_has_ended(closed, now)
