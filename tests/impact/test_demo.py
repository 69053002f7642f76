"""The demo shows evidence of impact: both programmes' capability wording, before and after
ratings and feedback on the closed Kent cohort and part of the running one, with the demo
participant's own tasks left for a visitor to do."""

import pytest
from django.urls import reverse

from accounts.models import User
from cohorts.models import Cohort, Enrolment, Place
from impact.models import CapabilityWording, SelfAssessment, SessionFeedback
from impact.rules import is_reportable
from modules.models import ProgrammePage
from tests.academy_site.test_demo_data import demo  # noqa: F401 (the class-scoped demo)

Stage = SelfAssessment.Stage


@pytest.mark.django_db
class TestImpactInTheDemo:
    def test_both_programmes_word_the_capabilities_the_councillors_for_councillors(self, demo):  # noqa: F811
        members = ProgrammePage.objects.get(slug="member-leadership-academy")
        digital = ProgrammePage.objects.get(slug="digital-academy")
        assert "councillor" in CapabilityWording.objects.get(programme=members).introduction
        assert "our workforce" in CapabilityWording.objects.get(programme=digital).capability_1
        # A councillor who confirmed has rated themselves before, in the councillors' words.
        assert SelfAssessment.objects.filter(enrolment__cohort__programme=members).exists()

    def test_the_closed_cohort_has_enough_pairs_and_feedback_to_show(self, demo):  # noqa: F811
        closed = Cohort.objects.get(status=Cohort.Status.CLOSED)
        pairs = SelfAssessment.objects.filter(enrolment__cohort=closed).paired()
        assert is_reportable(pairs.filter(stage=Stage.AFTER).count())
        sessions = closed.sessions.count()
        answered = SessionFeedback.objects.filter(session__cohort=closed)
        assert answered.values("session").distinct().count() == sessions

    def test_part_of_the_running_cohort_has_rated_itself_and_answered(self, demo):  # noqa: F811
        running = Cohort.objects.get(status=Cohort.Status.RUNNING)
        taking_part = running.enrolments.filter(status__in=Enrolment.ACTIVE).count()
        before = SelfAssessment.objects.filter(enrolment__cohort=running, stage=Stage.BEFORE)
        assert 0 < before.count() < taking_part
        assert not SelfAssessment.objects.filter(enrolment__cohort=running, stage=Stage.AFTER)
        assert SessionFeedback.objects.filter(session__cohort=running).exists()

    def test_the_demo_participant_finds_both_tasks_waiting(self, demo, client):  # noqa: F811
        participant = User.objects.get(username="participant")
        client.force_login(participant)
        page = client.get(reverse("home")).content.decode()
        assert "Rate your digital leadership (before)" in page
        assert "Give feedback on" in page
        # They answered the earlier sessions, not the latest.
        assert SessionFeedback.objects.filter(enrolment__participant=participant).exists()

    def test_the_manager_reads_the_change_in_each_capability(self, demo, client):  # noqa: F811
        client.force_login(User.objects.get(username="manager"))
        response = client.get(reverse("impact:dashboard"))
        figures = {f.key: f for f in response.context["figures"]}
        assert figures["capabilities"].chart is not None
        assert figures["feedback"].chart is not None

    def test_the_manager_filters_to_kent_councils_and_still_reads_the_change(self, demo, client):  # noqa: F811
        client.force_login(User.objects.get(username="manager"))
        kent = Place.objects.get(name="Kent")
        response = client.get(
            reverse("impact:dashboard"), {"place": kent.pk, "sector": "local-authority"}
        )
        figures = {f.key: f for f in response.context["figures"]}
        assert figures["capabilities"].chart is not None
        assert figures["capabilities"].tables

    def test_the_nominator_sees_only_kent_police(self, demo, client):  # noqa: F811
        client.force_login(User.objects.get(username="nominator"))
        response = client.get(reverse("impact:dashboard"))
        sectors = {f.key: f for f in response.context["figures"]}["sectors"]
        held = {row[0]: row[-2] for row in sectors.tables[0].rows}
        assert held["Police"] > 0
        assert sum(held.values()) == held["Police"]
