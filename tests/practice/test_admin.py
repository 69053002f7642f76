"""Programme managers keep the database in the admin: a flat, filterable, exportable list of
case studies, the themes, the lines of enquiry, and read-only proposals and question sets.
Facilitators, nominators and participants see none of it."""

import pytest
from django.urls import reverse

from practice.models import CaseStudyPage
from tests.practice.factories import CaseStudyPageFactory, LineOfEnquiryFactory, QuestionSetFactory

pytestmark = pytest.mark.django_db

LISTINGS = [
    "case_studies:index",
    "wagtailsnippets_practice_theme:list",
    "wagtailsnippets_practice_lineofenquiry:list",
    "wagtailsnippets_practice_casestudyproposal:list",
    "wagtailsnippets_practice_questionset:list",
]


@pytest.fixture
def content(index):
    CaseStudyPageFactory(title="Telecare at home", stage="scaled")
    CaseStudyPageFactory(title="Safeguarding hub", stage="live", members_only=True)
    QuestionSetFactory(lines=[LineOfEnquiryFactory(question="Who decides what is shared?")])


@pytest.mark.parametrize("name", LISTINGS)
def test_programme_managers_have_every_listing(client, content, manager, name):
    client.force_login(manager)
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", LISTINGS)
def test_facilitators_have_none(client, content, facilitator, name):
    client.force_login(facilitator)
    assert client.get(reverse(name)).status_code in (302, 403)


def test_the_case_study_list_filters_and_exports(client, content, manager):
    client.force_login(manager)
    html = client.get(reverse("case_studies:index"), {"stage": "scaled"}).content.decode()
    assert "Telecare at home" in html and "Safeguarding hub" not in html
    response = client.get(reverse("case_studies:index"), {"export": "csv"})
    body = b"".join(response.streaming_content if response.streaming else [response.content])
    assert b"Telecare at home" in body and b"Safeguarding hub" in body


def test_a_case_study_opens_in_the_page_editor(client, content, manager, index):
    client.force_login(manager)
    page = CaseStudyPage.objects.first()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    add = reverse("wagtailadmin_pages:add", args=["practice", "casestudypage", index.pk])
    assert client.get(add).status_code == 200


@pytest.mark.parametrize("model", ["questionset", "casestudyproposal"])
def test_proposals_and_question_sets_are_read_only_even_for_superusers(client, content, model):
    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    add = reverse(f"wagtailsnippets_practice_{model}:add")
    assert client.get(add).status_code in (302, 403)
    assert client.get(reverse(f"wagtailsnippets_practice_{model}:list")).status_code == 200


def test_a_facilitator_editing_their_programme_sees_no_case_study_in_the_admin(client, content):
    from tests.accounts.factories import UserFactory
    from tests.cohorts.factories import CohortFactory

    facilitator = UserFactory(facilitator=True)
    CohortFactory(facilitators=[facilitator])  # they may now edit their programme's pages
    client.force_login(facilitator)
    response = client.get(reverse("case_studies:index"))
    html = response.content.decode()
    assert "Telecare at home" not in html and "Safeguarding hub" not in html
