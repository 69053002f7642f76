"""When to tell a proposer about their case study, and when kept search answers are out of date.
The rules are in practice.services and practice.search; these receivers only say when: a case
study is published, its approval workflow sends it back, or anything a search shows changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction, WorkflowState
from wagtail.signals import page_published, page_unpublished, workflow_rejected

from cohorts.models import Organisation, Place

from .caching import search_changed
from .models import CaseStudyPage, ResourcePage, Theme
from .services import proposal_published, proposal_sent_back


def _case_study_published(sender, instance, **kwargs):
    proposal_published(page=instance)


def _workflow_sent_back(sender, instance, **kwargs):
    if instance.content_type.model_class() is CaseStudyPage:
        proposal_sent_back(workflow_state=instance)


def _search_changed(sender, **kwargs):
    search_changed()


def connect():
    page_published.connect(
        _case_study_published, sender=CaseStudyPage, dispatch_uid="practice-published"
    )
    workflow_rejected.connect(
        _workflow_sent_back, sender=WorkflowState, dispatch_uid="practice-sent-back"
    )
    for page_type in (CaseStudyPage, ResourcePage):
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(
                _search_changed, sender=page_type, dispatch_uid=f"practice-search-{page_type}"
            )
    for model in (Theme, Organisation, Place, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(_search_changed, sender=model, dispatch_uid=f"practice-search-{model}")
