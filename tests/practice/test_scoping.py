"""One scoping rule, `CaseStudyPage.objects.visible_to(user)`: published case studies, and
members-only ones for signed-in people only. Pages, documents, choosers, module blocks and the
list of citing modules all keep to it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from wagtail.models import PageViewRestriction

from modules.permissions import can_download_document
from practice.models import CaseStudyDocument, CaseStudyPage
from tests.accounts.factories import UserFactory
from tests.practice.factories import CaseStudyPageFactory, document

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_studies(index):
    return {
        "open": CaseStudyPageFactory(title="Open telecare"),
        "members": CaseStudyPageFactory(title="Members telecare", members_only=True),
        "draft": CaseStudyPageFactory(title="Draft telecare", draft=True),
    }


def titles(user):
    return set(CaseStudyPage.objects.visible_to(user).values_list("title", flat=True))


def test_strangers_see_only_open_published_case_studies(case_studies):
    assert titles(AnonymousUser()) == {"Open telecare"}


@pytest.mark.parametrize("role", ["participant", "nominator", "facilitator"])
def test_signed_in_people_also_see_members_only_ones_but_never_drafts(case_studies, role):
    assert titles(UserFactory(**{role: True})) == {"Open telecare", "Members telecare"}


def test_programme_managers_see_the_same_published_ones(case_studies, manager):
    assert titles(manager) == {"Open telecare", "Members telecare"}


def test_an_inactive_account_counts_as_a_stranger(case_studies):
    assert titles(UserFactory(is_active=False)) == {"Open telecare"}


def test_a_password_restriction_set_in_the_admin_hides_the_page_from_all_but_managers(
    case_studies, participant, manager
):
    PageViewRestriction.objects.create(
        page=case_studies["open"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert "Open telecare" not in titles(participant)
    assert "Open telecare" not in titles(AnonymousUser())
    assert "Open telecare" in titles(manager)


def test_a_stranger_opening_a_members_only_case_study_is_asked_to_sign_in(
    client, case_studies, participant
):
    url = case_studies["members"].url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    client.force_login(participant)
    response = client.get(url)
    assert response.status_code == 200
    assert "Members telecare" in response.content.decode()


def test_a_draft_case_study_is_not_served(client, case_studies, manager):
    client.force_login(manager)
    assert client.get(case_studies["draft"].url).status_code == 404


def test_a_members_only_case_studys_documents_are_for_signed_in_people(
    documents_on_disk, index, participant
):
    report = document("Members evaluation")
    CaseStudyPageFactory(
        title="With a report", members_only=True, documents=[CaseStudyDocument(document=report)]
    )
    assert not can_download_document(AnonymousUser(), report)
    assert can_download_document(participant, report)


def test_an_open_case_studys_documents_are_public(documents_on_disk, index):
    report = document("Open evaluation")
    CaseStudyPageFactory(title="Open report", documents=[CaseStudyDocument(document=report)])
    assert can_download_document(AnonymousUser(), report)


def test_a_draft_case_studys_documents_are_for_programme_managers_only(
    documents_on_disk, index, participant, manager
):
    report = document("Draft evaluation")
    CaseStudyPageFactory(title="Draft", draft=True, documents=[CaseStudyDocument(document=report)])
    assert not can_download_document(participant, report)
    assert can_download_document(manager, report)


def test_a_document_linked_from_a_members_only_body_is_not_public(
    client, documents_on_disk, index, participant
):
    report = document("Linked evaluation")
    CaseStudyPageFactory(
        title="Linked",
        members_only=True,
        body=[
            {"type": "document", "value": {"document": report.pk, "title": "", "description": ""}}
        ],
    )
    response = client.get(report.url)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    client.force_login(participant)
    assert client.get(report.url).status_code == 200


def test_page_choosers_offer_only_case_studies_the_person_may_open(
    client, case_studies, facilitator
):
    client.force_login(facilitator)
    response = client.get(
        reverse("wagtailadmin_choose_page_search"),
        {"q": "telecare", "page_type": "practice.casestudypage"},
    )
    html = response.content.decode()
    assert "Open telecare" in html and "Members telecare" in html
    assert "Draft telecare" not in html
