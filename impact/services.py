"""Writes: a participant's self-assessment, their feedback on a cohort session, and a
programme's capability wording. Small keyword-only services, each in one transaction.

Whether a person may do this now (their own enrolment, the stage that is open, the feedback
window) is checked by impact.permissions in the view; the services keep what must always hold:
the people taking part, the ratings on the scale, once per stage and once per session (backed
by the database's unique constraints, so two tabs submitting at once still make one)."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cohorts.models import Enrolment

from . import capabilities as caps
from . import rules
from .models import CapabilityWording, SelfAssessment, SessionFeedback

ALREADY_RATED = "You have already rated yourself {stage} this cohort."
ALREADY_ANSWERED = "You have already given feedback on this session. Thank you."


def self_assessment_submit(
    *, enrolment: Enrolment, stage: str, ratings: Mapping[int, int], now=None
) -> SelfAssessment:
    """Record a participant's ratings (capability number 1 to 6 -> 1 to 5) before or after a
    cohort. A second one for the same stage is refused."""
    if enrolment.status not in Enrolment.ACTIVE:
        raise ValidationError("Only people taking part in a cohort rate themselves on it.")
    missing = [n for n in caps.NUMBERS if n not in ratings]
    if missing:
        raise ValidationError(f"Rate every capability (missing: {missing}).")
    assessment = SelfAssessment(
        enrolment=enrolment,
        stage=stage,
        submitted_at=now or timezone.now(),
        **{caps.capability_field(n): ratings[n] for n in caps.NUMBERS},
    )
    # The unique constraint is checked by the insert itself, race-free, below.
    assessment.full_clean(exclude=["enrolment"], validate_constraints=False)
    try:
        with transaction.atomic():
            assessment.save()
    except IntegrityError:
        before_or_after = "before" if stage == SelfAssessment.Stage.BEFORE else "after"
        raise ValidationError(ALREADY_RATED.format(stage=before_or_after)) from None
    return assessment


def session_feedback_submit(
    *,
    session,
    enrolment: Enrolment,
    usefulness: int,
    do_differently: str = "",
    improve: str = "",
    now=None,
) -> SessionFeedback:
    """Record a participant's feedback on a cohort session of their cohort, once it has ended.
    A second answer for the same session is refused."""
    now = now or timezone.now()
    if enrolment.cohort_id != session.cohort_id or enrolment.status not in Enrolment.ACTIVE:
        raise ValidationError("Only participants taking part in this cohort give feedback on it.")
    if not rules.session_has_ended(session, now):
        raise ValidationError("Feedback opens when the session has ended.")
    feedback = SessionFeedback(
        session=session,
        enrolment=enrolment,
        usefulness=usefulness,
        do_differently=do_differently.strip(),
        improve=improve.strip(),
        submitted_at=now,
    )
    feedback.full_clean(exclude=["session", "enrolment"], validate_constraints=False)
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError:
        raise ValidationError(ALREADY_ANSWERED) from None
    return feedback


def capability_wording_save(*, programme, **wording) -> CapabilityWording:
    """Create or change how a programme words the six capabilities and its scale (fields not
    given keep their current or default wording)."""
    with transaction.atomic():
        instance = CapabilityWording.objects.select_for_update().filter(
            programme=programme
        ).first() or CapabilityWording(programme=programme)
        for name, value in wording.items():
            if not hasattr(instance, name) or name in ("id", "programme", "updated_at"):
                raise ValueError(f"CapabilityWording has no wording field {name!r}.")
            setattr(instance, name, value)
        instance.full_clean()
        instance.save()
    return instance
