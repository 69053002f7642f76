"""Writes for the good practice database: proposing a case study (a draft page submitted to the
programme managers' approval workflow), changing it when it is sent back, telling the proposer
what happened, and making a question set. Keyword-only arguments, one transaction each, and
nothing saved half-way: a refused proposal leaves no page, document or workflow behind."""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import slugify
from wagtail.documents import get_document_model

from .models import (
    CaseStudyDocument,
    CaseStudyOutcome,
    CaseStudyPage,
    CaseStudyProposal,
    GoodPracticeIndexPage,
    QuestionSet,
)
from .permissions import can_change_proposal, can_pick_questions, can_propose_case_study
from .standings import proposal_standings
from .tasks import notify_proposer

MAX_LINES_PER_SET = 100


@dataclass
class CaseStudyContent:
    """What a proposer writes about a case study (the site's proposal form fills it in)."""

    title: str
    summary: str
    story: str  # plain text; paragraphs separated by blank lines
    organisations: list
    region: str
    themes: list
    stage: str
    place: object = None
    outcomes: list = field(default_factory=list)  # dicts: kind, value, source, year
    contact_name: str = ""
    contact_role: str = ""
    contact_email: str = ""
    contact_agreed: bool = False
    members_only: bool = False


def _unique_slug(index, title, *, exclude=None):
    base = slugify(title)[:70] or "case-study"
    taken = set(
        index.get_children()
        .filter(slug__startswith=base)
        .exclude(pk=exclude)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _fill(page, content: CaseStudyContent):
    page.title = content.title.strip()
    page.draft_title = page.title
    page.summary = content.summary.strip()
    page.body = [{"type": "paragraph", "value": linebreaks(content.story.strip(), autoescape=True)}]
    page.organisations = list(content.organisations)
    page.themes = list(content.themes)
    page.place = content.place
    page.region = content.region
    page.stage = content.stage
    page.members_only = content.members_only
    page.contact_name = content.contact_name.strip()
    page.contact_role = content.contact_role.strip()
    page.contact_email = content.contact_email.strip()
    page.contact_agreed = content.contact_agreed
    page.outcomes = [
        CaseStudyOutcome(
            kind=o["kind"], value=Decimal(o["value"]), source=o["source"], year=o["year"]
        )
        for o in content.outcomes
    ]
    errors = {}
    if not page.organisations.all():
        errors["organisations"] = "Name at least one organisation involved."
    if not page.themes.all():
        errors["themes"] = "Choose at least one theme."
    for outcome in page.outcomes.all():
        try:
            outcome.full_clean(exclude=["page"])
        except ValidationError as error:
            errors.setdefault("outcomes", []).extend(error.messages)
    if errors:
        raise ValidationError(errors)


def _attach_document(page, upload, *, actor):
    if upload is None:
        return
    # Titled by its file name only: document choosers in the admin list every document, and a
    # draft case study's title is not for everyone who may choose one.
    document = get_document_model()(title=upload.name[:255], file=upload, uploaded_by_user=actor)
    document.full_clean()
    document.save()
    page.documents.add(CaseStudyDocument(document=document))


@transaction.atomic
def case_study_propose(
    *, proposer, content: CaseStudyContent, document=None, index=None
) -> CaseStudyProposal:
    """A signed-in person proposes a case study: it is saved as a draft page under the good
    practice index and submitted to the programme managers' approval workflow."""
    permission = can_propose_case_study(proposer)
    if not permission:
        raise PermissionDenied(permission.reason)
    index = index or GoodPracticeIndexPage.objects.live().first()
    if index is None:
        raise ValidationError("The good practice database is not open for proposals yet.")
    workflow = index.get_workflow()
    if workflow is None:
        raise ValidationError("No approval workflow covers the good practice database.")
    page = CaseStudyPage(live=False, owner=proposer)
    _fill(page, content)
    page.slug = _unique_slug(index, page.title)
    _attach_document(page, document, actor=proposer)
    index.add_child(instance=page)  # validates the page (full_clean) before saving it
    page.save_revision(user=proposer, log_action=True)
    # Started on the proposer's behalf, not by them as an admin user: Wagtail would otherwise
    # email them links into an admin they cannot open. The programme managers are still told
    # by Wagtail; the proposer is told by notify_proposer. (Who proposed it: proposal below.)
    workflow.start(page, None)
    proposal = CaseStudyProposal(page=page, proposed_by=proposer)
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def case_study_proposal_update(
    *, proposal: CaseStudyProposal, actor, content: CaseStudyContent, document=None
) -> CaseStudyProposal:
    """The proposer changes a case study sent back to them and submits it for approval again."""
    standing = proposal_standings([proposal])[proposal.pk]
    permission = can_change_proposal(actor, proposal, sent_back=standing.sent_back)
    if not permission:
        raise PermissionDenied(permission.reason)
    page = proposal.page.get_latest_revision_as_object()
    _fill(page, content)
    index = page.get_parent()
    page.slug = _unique_slug(index, page.title, exclude=page.pk)
    _attach_document(page, document, actor=actor)
    # Never published, so the page's own row may hold the draft: its documents are then in the
    # reference index, and served only to those who may open the case study.
    page.full_clean()
    page.save()
    page.save_revision(user=actor, log_action=True)
    standing.workflow_state.resume(user=None)  # on their behalf, as when it was proposed
    return proposal


@transaction.atomic
def case_study_create(
    *, editor, content: CaseStudyContent, index, publish=True, documents=()
) -> CaseStudyPage:
    """An editor (a programme manager) adds a case study, as the admin's editor would, and
    publishes it if they may. `documents`: Wagtail documents to attach."""
    if not index.permissions_for_user(editor).can_add_subpage():
        raise PermissionDenied("Only programme managers add case studies to the database.")
    page = CaseStudyPage(live=False, owner=editor)
    _fill(page, content)
    page.slug = _unique_slug(index, page.title)
    for document in documents:
        page.documents.add(CaseStudyDocument(document=document))
    index.add_child(instance=page)
    revision = page.save_revision(user=editor, log_action=True)
    if publish:
        if not page.permissions_for_user(editor).can_publish():
            raise PermissionDenied("Only programme managers publish case studies.")
        revision.publish(user=editor)
    return CaseStudyPage.objects.get(pk=page.pk)


@transaction.atomic
def case_study_review(*, reviewer, proposal: CaseStudyProposal, approve: bool, comment=""):
    """A programme manager approves a proposed case study (it is published) or sends it back
    with comments: the same action as the workflow buttons in the admin."""
    page = proposal.page
    state = page.current_workflow_state
    task_state = state.current_task_state if state else None
    if task_state is None or task_state.status != task_state.STATUS_IN_PROGRESS:
        raise ValidationError("This case study is not waiting for review.")
    task = task_state.task.specific
    action = "approve" if approve else "reject"
    if action not in [name for name, *_ in task.get_actions(page, reviewer)]:
        raise PermissionDenied("Only programme managers review proposed case studies.")
    task.on_action(task_state, reviewer, action, comment=comment)
    return proposal


def proposal_published(*, page):
    """Tell a case study's proposer that it is published: once, the first time it is."""
    proposal = (
        CaseStudyProposal.objects.filter(
            page_id=page.pk, published_notice_sent_at__isnull=True, proposed_by__isnull=False
        )
        .values_list("pk", flat=True)
        .first()
    )
    if proposal is None:
        return False
    # The conditional update makes sure two publishes at once send one email.
    claimed = CaseStudyProposal.objects.filter(
        pk=proposal, published_notice_sent_at__isnull=True
    ).update(published_notice_sent_at=timezone.now())
    if claimed:
        transaction.on_commit(partial(notify_proposer.enqueue, proposal, "published"))
    return bool(claimed)


def proposal_sent_back(*, workflow_state):
    """Tell a case study's proposer that a reviewer sent it back, with the reviewer's comments."""
    proposal = (
        CaseStudyProposal.objects.filter(
            page_id=int(workflow_state.object_id), proposed_by__isnull=False
        )
        .values_list("pk", flat=True)
        .first()
    )
    if proposal is None:
        return False
    task_state_id = workflow_state.current_task_state_id
    transaction.on_commit(
        partial(notify_proposer.enqueue, proposal, "sent-back", task_state_id=task_state_id)
    )
    return True


@transaction.atomic
def question_set_create(*, owner, council: str, lines) -> QuestionSet:
    """A peer team member picks lines of enquiry for one council's peer challenge."""
    permission = can_pick_questions(owner)
    if not permission:
        raise PermissionDenied(permission.reason)
    lines = list(lines)
    errors = {}
    if not lines:
        errors["lines"] = "Choose at least one question."
    elif len(lines) > MAX_LINES_PER_SET:
        errors["lines"] = f"Choose at most {MAX_LINES_PER_SET} questions."
    question_set = QuestionSet(council=(council or "").strip(), created_by=owner)
    try:
        question_set.full_clean()
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    question_set.save()
    question_set.lines.set(lines)
    return question_set
