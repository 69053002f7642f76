"""When to tell a proposer about their case study. The rules are in practice.services; these
receivers only say when: a case study is published, or its approval workflow sends it back."""

from wagtail.signals import page_published, workflow_rejected


def _case_study_published(sender, instance, **kwargs):
    from .services import proposal_published

    proposal_published(page=instance)


def _workflow_sent_back(sender, instance, **kwargs):
    from .models import CaseStudyPage
    from .services import proposal_sent_back

    if instance.content_type.model_class() is CaseStudyPage:
        proposal_sent_back(workflow_state=instance)


def connect():
    from wagtail.models import WorkflowState

    from .models import CaseStudyPage

    page_published.connect(
        _case_study_published, sender=CaseStudyPage, dispatch_uid="practice-published"
    )
    workflow_rejected.connect(
        _workflow_sent_back, sender=WorkflowState, dispatch_uid="practice-sent-back"
    )
