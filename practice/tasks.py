"""Background work for the good practice database, run by django-tasks (at once in development
and tests; by a worker in production)."""

from django_tasks import task
from wagtail.models import TaskState

from . import emails
from .models import CaseStudyProposal


@task()
def notify_proposer(proposal_id, event, task_state_id=None):
    """Email a case study's proposer that it is published ("published") or sent back with the
    reviewer's comments ("sent-back"). The comments are read now, as the reviewer left them."""
    proposal = (
        CaseStudyProposal.objects.select_related("page", "proposed_by")
        .filter(pk=proposal_id, proposed_by__isnull=False)
        .first()
    )
    if proposal is None or not proposal.proposed_by.email:
        return 0
    if event == "published":
        message = emails.published_message(proposal)
    else:
        task_state = TaskState.objects.filter(pk=task_state_id).first()
        message = emails.sent_back_message(proposal, task_state.comment if task_state else "")
    message.send()
    return 1
