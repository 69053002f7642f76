"""Capability wording per programme (a snippet), participants' self-assessments before and after
a cohort, and their feedback on each cohort session."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from . import capabilities as caps
from .querysets import SelfAssessmentQuerySet, SessionFeedbackQuerySet


def _statement(number):
    return models.TextField(
        f"capability {number}",
        default=caps.DEFAULT_STATEMENTS[number - 1],
        help_text=f"The paper: “{caps.PAPER[number - 1]}”",
    )


def _point_label(value):
    return models.CharField(
        f"{value}: label", max_length=60, default=caps.DEFAULT_SCALE[value - 1].label
    )


def _point_description(value):
    return models.CharField(
        f"{value}: description",
        max_length=300,
        default=caps.DEFAULT_SCALE[value - 1].description,
    )


class CapabilityWording(models.Model):
    """How one programme words the six capabilities and the five points of its rating scale,
    for its own audience (the Member Leadership Academy words them for councillors). Programme
    managers edit it in the admin; a programme without one uses the default wording."""

    programme = models.OneToOneField(
        "modules.ProgrammePage", on_delete=models.CASCADE, related_name="capability_wording"
    )
    introduction = models.TextField(default=caps.DEFAULT_INTRODUCTION)
    capability_1 = _statement(1)
    capability_2 = _statement(2)
    capability_3 = _statement(3)
    capability_4 = _statement(4)
    capability_5 = _statement(5)
    capability_6 = _statement(6)
    point_1_label = _point_label(1)
    point_1_description = _point_description(1)
    point_2_label = _point_label(2)
    point_2_description = _point_description(2)
    point_3_label = _point_label(3)
    point_3_description = _point_description(3)
    point_4_label = _point_label(4)
    point_4_description = _point_description(4)
    point_5_label = _point_label(5)
    point_5_description = _point_description(5)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("programme"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel(name) for name in caps.FIELD_NAMES],
            heading="The six capabilities, as participants read them",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel(f"point_{v}_label"), FieldPanel(f"point_{v}_description")]
                )
                for v in caps.SCALE_VALUES
            ],
            heading="The five-point scale",
        ),
    ]

    class Meta:
        verbose_name = "capability wording"
        verbose_name_plural = "capability wording"

    def __str__(self):
        return f"Capability wording: {self.programme.title}" if self.programme_id else "Default"

    @property
    def capabilities(self):
        return [
            caps.Capability(
                number=n,
                short_name=caps.SHORT_NAMES[n - 1],
                statement=getattr(self, caps.capability_field(n)),
                paper=caps.PAPER[n - 1],
            )
            for n in caps.NUMBERS
        ]

    @property
    def scale(self):
        return [
            caps.ScalePoint(
                v, getattr(self, f"point_{v}_label"), getattr(self, f"point_{v}_description")
            )
            for v in caps.SCALE_VALUES
        ]


def _rating(number):
    return models.PositiveSmallIntegerField(
        caps.SHORT_NAMES[number - 1],
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )


def _between_1_and_5(field, name):
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__gte": 1, f"{field}__lte": 5}), name=name
    )


class SelfAssessment(models.Model):
    """A participant's own rating of the six capabilities, once when they confirm their place
    (before) and once when they complete (after). A pair is one enrolment's two ratings."""

    class Stage(models.TextChoices):
        BEFORE = "before", "Before"
        AFTER = "after", "After"

    enrolment = models.ForeignKey(
        "cohorts.Enrolment", on_delete=models.CASCADE, related_name="self_assessments"
    )
    stage = models.CharField(max_length=10, choices=Stage.choices)
    capability_1 = _rating(1)
    capability_2 = _rating(2)
    capability_3 = _rating(3)
    capability_4 = _rating(4)
    capability_5 = _rating(5)
    capability_6 = _rating(6)
    submitted_at = models.DateTimeField(default=timezone.now)

    objects = SelfAssessmentQuerySet.as_manager()

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "self-assessment"
        ordering = ["enrolment_id", "stage"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "stage"], name="impact_selfassessment_once_per_stage"
            ),
            models.CheckConstraint(
                condition=models.Q(stage__in=["before", "after"]),
                name="impact_selfassessment_stage_valid",
            ),
            *[
                _between_1_and_5(field, f"impact_selfassessment_{field}_1_to_5")
                for field in caps.FIELD_NAMES
            ],
        ]

    def __str__(self):
        return f"{self.get_stage_display()} self-assessment: {self.enrolment_id}"

    @property
    def ratings(self):
        return [getattr(self, field) for field in caps.FIELD_NAMES]


class SessionFeedback(models.Model):
    """A participant's short answer about one cohort session they took part in: how useful it
    was, what they will do differently, and anything to improve. Once per session."""

    session = models.ForeignKey(
        "cohorts.CohortSession", on_delete=models.CASCADE, related_name="feedback"
    )
    enrolment = models.ForeignKey(
        "cohorts.Enrolment", on_delete=models.CASCADE, related_name="session_feedback"
    )
    usefulness = models.PositiveSmallIntegerField(
        "how useful was the session",
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    do_differently = models.TextField("what will you do differently", max_length=2000, blank=True)
    improve = models.TextField("anything we could improve", max_length=2000, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    objects = SessionFeedbackQuerySet.as_manager()

    wagtail_reference_index_ignore = True

    USEFULNESS_LABELS = {
        1: "Not useful",
        2: "A little useful",
        3: "Quite useful",
        4: "Very useful",
        5: "Extremely useful",
    }

    class Meta:
        verbose_name = "session feedback"
        verbose_name_plural = "session feedback"
        ordering = ["session_id", "submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="impact_feedback_once_per_session"
            ),
            _between_1_and_5("usefulness", "impact_feedback_usefulness_1_to_5"),
        ]

    def __str__(self):
        return f"Feedback on session {self.session_id}"
