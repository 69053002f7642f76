"""Self-assessments and session feedback for `manage.py generate_national_data`, so the
dashboard is measured (tests/impact/test_query_budget.py, benchmarks/bench_pages.py) against
the volumes a national academy would hold. Written in bulk, like the rest of the national data:
most people who completed rated themselves before and after, most of those still taking part
before; about one in three who attended a session answered its feedback."""

from cohorts.models import Cohort, Enrolment

from . import capabilities as caps
from .models import SelfAssessment, SessionFeedback

BATCH = 5000
FEEDBACK_SHARE = 0.35


def generate(*, enrolments, sessions_by_cohort, chance, now) -> dict:
    """Ratings and feedback for generated `enrolments` (each with its `cohort` loaded)."""
    assessments, feedback = [], []
    for enrolment in enrolments:
        cohort = enrolment.cohort
        if enrolment.status not in Enrolment.ACTIVE or cohort.status == Cohort.Status.OPEN:
            continue
        before = {field: chance.choice([1, 2, 2, 3, 3, 4]) for field in caps.FIELD_NAMES}
        if chance.random() < 0.85:
            assessments.append(
                SelfAssessment(enrolment=enrolment, stage=SelfAssessment.Stage.BEFORE, **before)
            )
            if cohort.status == Cohort.Status.CLOSED and chance.random() < 0.8:
                after = {k: min(5, v + chance.choice([0, 1, 1, 2])) for k, v in before.items()}
                assessments.append(
                    SelfAssessment(enrolment=enrolment, stage=SelfAssessment.Stage.AFTER, **after)
                )
        for session in sessions_by_cohort.get(cohort.pk, []):
            if session.ends_at < now and chance.random() < FEEDBACK_SHARE:
                feedback.append(
                    SessionFeedback(
                        session=session,
                        enrolment=enrolment,
                        usefulness=chance.choice([2, 3, 4, 4, 5]),
                        do_differently="Share what we learnt with the leadership team.",
                        submitted_at=session.ends_at,
                    )
                )
    SelfAssessment.objects.bulk_create(assessments, batch_size=BATCH)
    SessionFeedback.objects.bulk_create(feedback, batch_size=BATCH)
    return {"self-assessments": len(assessments), "session feedback": len(feedback)}
