"""Read-only querysets for self-assessments and session feedback. Who may see them follows the
enrolment they belong to: `Enrolment.objects.visible_to(user)` is the one scoping rule."""

from django.db import models
from django.db.models import Exists, OuterRef

from cohorts.models import Enrolment


def _visible_enrolments(user):
    return Enrolment.objects.visible_to(user).values("pk")


class SelfAssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(enrolment__in=_visible_enrolments(user))

    def paired(self):
        """Only ratings whose enrolment has both a before and an after: a pair each."""
        other = self.model.objects.filter(enrolment=OuterRef("enrolment"))
        return self.filter(
            Exists(other.filter(stage=self.model.Stage.BEFORE)),
            Exists(other.filter(stage=self.model.Stage.AFTER)),
        )


class SessionFeedbackQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(enrolment__in=_visible_enrolments(user))
