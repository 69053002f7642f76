"""A person's evidence-of-impact records under UK GDPR, for the platform's right of access and
right to erasure, registered with `personal_data.registry` (impact.wagtail_hooks), which gathers
and erases everything else from the other apps.

Erasing keeps the statistics honest, as the rest of the platform does: ratings and usefulness
scores stay (they are numbers about an enrolment that itself stays, anonymised), while what the
person wrote in their own words goes."""

from django.db import transaction
from django.utils import timezone

from .models import SelfAssessment, SessionFeedback


def _iso(moment):
    return timezone.localtime(moment).isoformat()


def impact_personal_data(*, person) -> dict:
    """The person's self-assessments and session feedback, as plain data."""
    assessments = SelfAssessment.objects.filter(enrolment__participant=person).select_related(
        "enrolment__cohort"
    )
    feedback = SessionFeedback.objects.filter(enrolment__participant=person).select_related(
        "session__cohort"
    )
    return {
        "self_assessments": [
            {
                "cohort": a.enrolment.cohort.name,
                "stage": a.stage,
                "ratings": a.ratings,
                "submitted_at": _iso(a.submitted_at),
            }
            for a in assessments.order_by("submitted_at", "pk")
        ],
        "session_feedback": [
            {
                "cohort": f.session.cohort.name,
                "session": f.session.title,
                "usefulness": f.usefulness,
                "do_differently": f.do_differently,
                "improve": f.improve,
                "submitted_at": _iso(f.submitted_at),
            }
            for f in feedback.order_by("submitted_at", "pk")
        ],
    }


def impact_erase(*, person) -> int:
    """Remove what the person wrote in their feedback; returns how many answers were changed."""
    with transaction.atomic():
        return (
            SessionFeedback.objects.filter(enrolment__participant=person)
            .exclude(do_differently="", improve="")
            .update(do_differently="", improve="")
        )


def export_person(person):
    """The person's part of their data download (personal_data.registry EXPORT)."""
    return impact_personal_data(person=person)


def erase_person(erasure):
    """Erasure (personal_data.registry ERASE): inside the erasure's transaction."""
    impact_erase(person=erasure.person)
