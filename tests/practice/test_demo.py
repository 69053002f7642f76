"""The good practice database in the demo academy: enough, and varied enough, to click around in;
built through the services (proposals in every state, modules citing case studies)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from wagtail.models import WorkflowState

from accounts.models import User
from cohorts.models import Sector
from modules.models import ModulePage
from practice.models import (
    CaseStudyPage,
    CaseStudyProposal,
    LineOfEnquiry,
    QuestionSet,
    ResourcePage,
    Theme,
)
from practice.selectors import proposal_standings
from tests.academy_site.test_demo_data import demo  # noqa: F401 (the demo, loaded once)


@pytest.mark.usefixtures("demo")
class TestTheGoodPracticeDemo:
    def test_thirty_case_studies_across_every_theme_and_sector_some_members_only(self):
        published = CaseStudyPage.objects.live()
        assert published.count() >= 30
        assert set(published.values_list("themes__slug", flat=True)) == set(
            Theme.objects.values_list("slug", flat=True)
        )
        assert set(published.values_list("organisations__sector", flat=True)) == set(Sector.values)
        assert 3 <= published.filter(members_only=True).count() < published.count() // 2
        assert published.filter(outcomes__isnull=False).distinct().count() >= 25
        for stage in ("idea", "pilot", "live", "scaled"):
            assert published.filter(stage=stage).exists()
        assert ResourcePage.objects.live().count() >= 3

    def test_the_papers_examples_are_there(self):
        titles = " ".join(CaseStudyPage.objects.live().values_list("title", flat=True)).lower()
        for example in (
            "school admissions",
            "telecare",
            "troubled families",
            "shared revenues",
            "top twenty tasks",
            "mobile working",
            "volunteer-run libraries",
        ):
            assert example in titles

    def test_a_question_bank_of_at_least_twenty_questions_with_examples(self):
        lines = LineOfEnquiry.objects.all()
        assert lines.count() >= 20
        for line in lines:
            assert line.prompts.exists() and line.examples.exists()
        assert QuestionSet.objects.filter(created_by__username="manager").exists()

    def test_the_participant_proposed_three_one_published_one_sent_back_one_waiting(self):
        proposals = CaseStudyProposal.objects.filter(proposed_by__username="participant")
        standings = sorted(s.key for s in proposal_standings(proposals).values())
        assert standings == ["awaiting-review", "published", "sent-back"]
        assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()

    def test_modules_cite_case_studies(self, client):
        module = ModulePage.objects.get(slug="data-sharing")
        assert "case_studies" in {block.block_type for block in module.body}
        client.force_login(User.objects.get(username="participant"))
        html = client.get(module.url).content.decode()
        assert "Where data sharing has worked" in html
        cited = CaseStudyPage.objects.get(title="Fire safety visits targeted with shared data")
        assert module.title in client.get(cited.url).content.decode()

    def test_a_visitor_filters_by_theme_and_sector_sees_counts_and_opens_one(self, client):
        index = CaseStudyPage.objects.live().first().get_parent()
        html = client.get(
            index.url, {"theme": "data-sharing", "sector": "police", "q": "information"}
        ).content.decode()
        assert "Information sharing between police and children" not in html  # members-only
        html = client.get(index.url, {"theme": "data-sharing", "sector": "fire-and-rescue"})
        html = html.content.decode()
        assert "Fire safety visits targeted with shared data" in html
        assert "(1<span" in html or "(2<span" in html
        visible = CaseStudyPage.objects.visible_to(AnonymousUser())
        assert client.get(visible.first().url).status_code == 200

    def test_every_role_home_page_links_to_good_practice(self, client):
        for login in ("manager", "facilitator", "nominator", "participant"):
            client.force_login(User.objects.get(username=login))
            html = client.get(reverse("home")).content.decode()
            assert reverse("practice:good_practice") in html
            assert reverse("practice:question_bank") in html
            assert reverse("practice:propose") in html
