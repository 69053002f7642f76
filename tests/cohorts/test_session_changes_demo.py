"""The demo's moved and cancelled sessions are made through the services, like a manager would:
people are told, calendars updated, the programme's own wording used."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from academy_site.demo.sessions import load_session_changes_demo
from cohorts.models import Enrolment
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_the_demo_moves_one_session_and_cancels_another_telling_people(
    manager, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(
        starts_on=timezone.localdate() - dt.timedelta(days=60),
        ends_on=timezone.localdate() + dt.timedelta(days=200),
    )
    sessions = [CohortSessionFactory(cohort=cohort) for _ in range(8)]
    participant = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.CONFIRMED).participant
    with django_capture_on_commit_callbacks(execute=True):
        moved, cancelled = load_session_changes_demo(cohort=cohort, manager=manager)
    assert moved.sequence == 1 and "Kent Fire and Rescue" in moved.venue
    latest = max(sessions, key=lambda s: s.starts_at)
    assert cancelled.is_cancelled and cancelled.pk == latest.pk
    subjects = [m.subject for m in mail.outbox if m.to == [participant.email]]
    assert f"Change of day and place: {moved.title}" in subjects  # the programme's wording
    assert any(s.startswith("Cancelled:") for s in subjects)
