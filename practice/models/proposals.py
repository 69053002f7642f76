"""Case studies proposed by people in the sector through the site, waiting for, or past, the
programme managers' approval."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..querysets import CaseStudyProposalQuerySet
from .pages import CaseStudyPage


class CaseStudyProposal(models.Model):
    """Who proposed a case study and when, and whether they have been told it is published.
    The case study itself is a draft page going through the approval workflow; where it stands
    (awaiting review, sent back with comments, published) is read from the page and its
    workflow, never copied here."""

    page = models.OneToOneField(CaseStudyPage, on_delete=models.CASCADE, related_name="proposal")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="case_study_proposals",
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    published_notice_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the proposer was told it is published."
    )

    objects = CaseStudyProposalQuerySet.as_manager()

    class Meta:
        verbose_name = "case study proposal"
        ordering = ["-proposed_at"]

    def __str__(self):
        return self.page.title
