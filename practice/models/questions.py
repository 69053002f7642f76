"""The peer challenge question bank: lines of enquiry on digital, grouped by theme, for
corporate peer challenge teams; and the question sets teams pick for a council."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

from ..querysets import QuestionSetQuerySet
from .taxonomy import Theme


class LineOfEnquiry(index.Indexed, ClusterableModel):
    """A question for a corporate peer challenge team to explore with a council, with prompts
    to probe the answer and links to case studies that show good answers."""

    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="lines_of_enquiry")
    question = models.CharField(max_length=300, unique=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Lines are listed by theme, then in this order."
    )

    panels = [
        FieldPanel("theme"),
        FieldPanel("question"),
        FieldPanel("position"),
        InlinePanel("prompts", heading="Prompts", label="Prompt", min_num=1),
        InlinePanel("examples", heading="Case studies showing good answers", label="Case study"),
    ]
    search_fields = [index.SearchField("question"), index.AutocompleteField("question")]

    class Meta:
        verbose_name = "line of enquiry"
        verbose_name_plural = "lines of enquiry"
        ordering = ["theme__position", "theme__name", "position", "question"]

    def __str__(self):
        return self.question


class LineOfEnquiryPrompt(Orderable):
    """One prompt a peer team can use to probe a line of enquiry."""

    line = ParentalKey(LineOfEnquiry, on_delete=models.CASCADE, related_name="prompts")
    text = models.CharField(max_length=500)

    panels = [FieldPanel("text")]

    def __str__(self):
        return self.text


class LineOfEnquiryExample(Orderable):
    """A case study that shows a good answer to a line of enquiry."""

    line = ParentalKey(LineOfEnquiry, on_delete=models.CASCADE, related_name="examples")
    case_study = models.ForeignKey(
        "practice.CaseStudyPage", on_delete=models.CASCADE, related_name="lines_of_enquiry"
    )

    panels = [PageChooserPanel("case_study", page_type="practice.CaseStudyPage")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["line", "case_study"], name="practice_example_once_per_line"
            )
        ]


class QuestionSet(models.Model):
    """The lines of enquiry a peer team picked for one council's peer challenge."""

    council = models.CharField(max_length=200, help_text="The council under review.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_sets"
    )
    created_at = models.DateTimeField(default=timezone.now)
    lines = models.ManyToManyField(LineOfEnquiry, related_name="question_sets")

    objects = QuestionSetQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Question set for {self.council}"
