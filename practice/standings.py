"""Where a proposed case study stands, read from its page and its approval workflow: one rule,
used by the proposer's list (practice.selectors) and by the services that let them change it."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, WorkflowState


@dataclass(frozen=True)
class ProposalStanding:
    """Where a proposed case study stands, read from its page and its approval workflow."""

    key: str  # "published", "sent-back", "awaiting-review" or "withdrawn"
    label: str
    comment: str = ""
    workflow_state: object = None

    @property
    def sent_back(self):
        return self.key == "sent-back"


def _standing(page, state):
    if page.live:
        return ProposalStanding("published", "Published")
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        comment = task_state.comment if task_state else ""
        return ProposalStanding("sent-back", "Sent back with comments", comment, state)
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return ProposalStanding("awaiting-review", "Awaiting review", "", state)
    return ProposalStanding("withdrawn", "Not in review")


def proposal_standings(proposals):
    """{proposal id: ProposalStanding} for many proposals, in one query."""
    proposals = list(proposals)
    if not proposals:
        return {}
    page_type = ContentType.objects.get_for_model(Page)
    states = {}
    for state in (
        WorkflowState.objects.filter(
            base_content_type=page_type, object_id__in=[str(p.page_id) for p in proposals]
        )
        .select_related("current_task_state")
        .order_by("created_at", "pk")
    ):
        states[state.object_id] = state  # the latest wins
    return {p.pk: _standing(p.page, states.get(str(p.page_id))) for p in proposals}
