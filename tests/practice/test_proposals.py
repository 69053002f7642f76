"""Anyone signed in proposes a case study through the site (GOV.UK form: error summary, input
kept, nothing saved half-way); it is a draft page in the programme managers' approval workflow;
the proposer is emailed when it is published or sent back with comments, and may then change it
and submit it again."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState

from cohorts.models import Sector
from modules.permissions import can_download_document
from practice import services
from practice.models import CaseStudyPage, CaseStudyProposal, Theme
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
PROPOSE = reverse("practice:propose")


@pytest.fixture
def organisations(db):
    return [
        OrganisationFactory(name="Kent Police", sector=Sector.POLICE),
        OrganisationFactory(name="Kent County Council", sector=Sector.LOCAL_AUTHORITY),
    ]


def form_data(**changes):
    data = {
        "title": "Partnership analysts on one platform",
        "summary": "Analysts from police and the council work on one data platform.",
        "story": "Each partner had its own view of demand.\n\nNow there is one platform.",
        "organisation_1": "kent police",  # capitals as typed
        "organisation_2": "Kent County Council",
        "region": "south-east",
        "themes": ["data-sharing"],
        "stage": "pilot",
        "members_only": "no",
        "staff_time_saved_value": "800",
        "staff_time_saved_source": "Analysts' time recording",
        "staff_time_saved_year": "2018",
        "contact_name": "Dimitra Papadopoulou",
        "contact_email": "dimitra@example.org",
        "contact_agreed": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def propose(client, user, **changes):
    client.force_login(user)
    return client.post(PROPOSE, form_data(**changes))


def test_strangers_are_asked_to_sign_in_to_propose(client, index):
    response = client.get(PROPOSE)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_proposal_is_a_draft_page_submitted_for_approval(
    client, index, participant, organisations
):
    response = propose(client, participant)
    assert response.status_code == 302 and response["Location"] == reverse("practice:proposals")
    proposal = CaseStudyProposal.objects.get()
    page = proposal.page
    assert proposal.proposed_by == participant
    assert not page.live and page.get_parent().pk == index.pk
    assert set(page.organisations.values_list("name", flat=True)) == {
        "Kent Police",
        "Kent County Council",
    }
    assert [(o.kind, int(o.value), o.year) for o in page.outcomes.all()] == [
        ("staff-time-saved", 800, 2018)
    ]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # Started on the proposer's behalf: Wagtail emails the reviewers, never the proposer (who
    # has no admin to follow its links into); the proposal says who proposed it.
    assert state.requested_by is None
    # Nobody may open it on the site yet, not even in search.
    assert not CaseStudyPage.objects.visible_to(participant).filter(pk=page.pk).exists()
    html = client.get(reverse("practice:proposals")).content.decode()
    assert "Awaiting review" in html


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"organisation_2": "Nowhere Council"}, "organisation_2", "does not know an organisation"),
        ({"themes": []}, "themes", "This field is required."),
        ({"staff_time_saved_year": ""}, "staff_time_saved_year", "its source and its year"),
        ({"contact_agreed": None}, "contact_agreed", "agreed to be contacted"),
        (
            {"money_saved_value": "-5", "money_saved_source": "x", "money_saved_year": "2018"},
            "money_saved_value",
            "cannot be negative",
        ),
    ],
)
def test_a_refused_proposal_shows_every_problem_keeps_the_input_and_saves_nothing(
    client, index, participant, organisations, changes, field, message
):
    response = propose(client, participant, **changes)
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html and "There is a problem" in html
    assert message in html
    assert f'href="#id_{field}' in html
    assert 'value="Partnership analysts on one platform"' in html or field == "title"
    assert not CaseStudyPage.objects.exists()
    assert not CaseStudyProposal.objects.exists()
    assert not WorkflowState.objects.exists()


def test_nothing_is_saved_when_the_service_fails_half_way(
    index, participant, organisations, monkeypatch
):
    content = services.CaseStudyContent(
        title="Half way",
        summary="s",
        story="t",
        organisations=organisations,
        region="london",
        themes=[Theme.objects.first()],
        stage="idea",
    )

    def broken_start(self, page, user):
        raise RuntimeError("the workflow broke")

    monkeypatch.setattr("wagtail.models.Workflow.start", broken_start)
    with pytest.raises(RuntimeError):
        services.case_study_propose(proposer=participant, content=content)
    assert not CaseStudyPage.objects.exists()
    assert not CaseStudyProposal.objects.exists()


def test_programme_managers_are_told_a_proposal_awaits_review(
    client, index, participant, organisations, manager
):
    mail.outbox.clear()
    propose(client, participant)
    assert [manager.email] in [m.to for m in mail.outbox]
    assert [participant.email] not in [m.to for m in mail.outbox]


def _review(manager, approve, comment=""):
    proposal = CaseStudyProposal.objects.get()
    services.case_study_review(
        reviewer=manager, proposal=proposal, approve=approve, comment=comment
    )
    return CaseStudyProposal.objects.get()


def test_approval_publishes_it_and_emails_the_proposer_once(
    client, index, participant, organisations, manager, django_capture_on_commit_callbacks
):
    propose(client, participant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposal = _review(manager, approve=True, comment="Lovely.")
    page = proposal.page
    assert page.live
    assert [m.to for m in mail.outbox] == [[participant.email]]
    assert "is published" in mail.outbox[0].subject
    assert page.get_full_url() in mail.outbox[0].body
    # Publishing it again later tells nobody.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=manager).publish(user=manager)
    assert len(mail.outbox) == 1
    assert "Published" in client.get(reverse("practice:proposals")).content.decode()


def test_sent_back_emails_the_reviewers_comments_and_lets_the_proposer_change_it(
    client, index, participant, organisations, manager, django_capture_on_commit_callbacks
):
    propose(client, participant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposal = _review(manager, approve=False, comment="Please add a money figure.")
    assert not proposal.page.live
    assert "needs changes" in mail.outbox[0].subject
    assert "Please add a money figure." in mail.outbox[0].body
    change = reverse("practice:proposal_change", args=[proposal.pk])
    assert change in mail.outbox[0].body

    html = client.get(reverse("practice:proposals")).content.decode()
    assert "Sent back with comments" in html and "Please add a money figure." in html
    form = client.get(change).content.decode()
    assert 'value="Partnership analysts on one platform"' in form
    response = client.post(
        change,
        form_data(money_saved_value="25000", money_saved_source="Budget", money_saved_year="2018"),
    )
    assert response.status_code == 302
    page = CaseStudyPage.objects.get()
    state = WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.outcomes.filter(kind="money-saved").exists()


def test_only_the_proposer_may_change_it_and_only_when_sent_back(
    client, index, participant, organisations, manager
):
    propose(client, participant)
    proposal = CaseStudyProposal.objects.get()
    change = reverse("practice:proposal_change", args=[proposal.pk])
    assert client.get(change).status_code == 403  # awaiting review: not yet
    client.force_login(UserFactory(participant=True))
    assert client.get(change).status_code == 404  # someone else's
    _review(manager, approve=False, comment="More please")
    client.force_login(manager)
    assert client.get(change).status_code == 403  # a manager edits in the admin instead


def test_a_proposed_document_is_not_public_until_the_case_study_is_published(
    client, index, participant, organisations, manager, documents_on_disk
):
    upload = SimpleUploadedFile("evaluation.pdf", b"%PDF-1.4 evaluation", "application/pdf")
    client.force_login(participant)
    assert client.post(PROPOSE, {**form_data(), "document": upload}).status_code == 302
    document = get_document_model().objects.get()
    assert not can_download_document(participant, document)
    assert can_download_document(manager, document)
    _review(manager, approve=True)
    assert can_download_document(UserFactory(), document)


def test_a_document_of_the_wrong_kind_is_refused(client, index, participant, organisations):
    upload = SimpleUploadedFile("page.html", b"<script>", "text/html")
    client.force_login(participant)
    response = client.post(PROPOSE, {**form_data(), "document": upload})
    assert response.status_code == 400
    assert "The document must be one of" in response.content.decode()
    assert not get_document_model().objects.exists()
