"""A person's ratings and feedback are part of what the platform holds about them: they can have
them, and erasing them removes their own words while the scores keep the statistics honest."""

import pytest

from impact.personal_data import impact_erase, impact_personal_data
from tests.cohorts.factories import EnrolmentFactory
from tests.impact.factories import SelfAssessmentFactory, SessionFeedbackFactory

pytestmark = pytest.mark.django_db


def test_a_person_gets_their_own_ratings_and_feedback_and_nobody_elses():
    mine = EnrolmentFactory()
    SelfAssessmentFactory(enrolment=mine, ratings=2)
    SessionFeedbackFactory(enrolment=mine, improve="Longer breaks")
    SessionFeedbackFactory(improve="Someone else's words")
    data = impact_personal_data(person=mine.participant)
    assert [a["ratings"] for a in data["self_assessments"]] == [[2] * 6]
    assert [f["improve"] for f in data["session_feedback"]] == ["Longer breaks"]


def test_erasing_removes_their_words_and_keeps_their_scores():
    mine = EnrolmentFactory()
    feedback = SessionFeedbackFactory(enrolment=mine, usefulness=5, improve="Longer breaks")
    other = SessionFeedbackFactory(improve="Someone else's words")
    assert impact_erase(person=mine.participant) == 1
    feedback.refresh_from_db()
    other.refresh_from_db()
    assert (feedback.usefulness, feedback.do_differently, feedback.improve) == (5, "", "")
    assert other.improve == "Someone else's words"
