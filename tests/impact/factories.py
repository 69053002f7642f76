import factory
from django.utils import timezone

from impact.models import SelfAssessment, SessionFeedback
from tests.cohorts.factories import CohortSessionFactory, EnrolmentFactory


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    """A self-assessment; `SelfAssessmentFactory(ratings=3)` rates every capability 3."""

    class Meta:
        model = SelfAssessment

    class Params:
        ratings = 3

    enrolment = factory.SubFactory(EnrolmentFactory)
    stage = SelfAssessment.Stage.BEFORE
    capability_1 = factory.SelfAttribute("ratings")
    capability_2 = factory.SelfAttribute("ratings")
    capability_3 = factory.SelfAttribute("ratings")
    capability_4 = factory.SelfAttribute("ratings")
    capability_5 = factory.SelfAttribute("ratings")
    capability_6 = factory.SelfAttribute("ratings")
    submitted_at = factory.LazyFunction(timezone.now)


class SessionFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionFeedback

    enrolment = factory.SubFactory(EnrolmentFactory)
    session = factory.SubFactory(
        CohortSessionFactory, cohort=factory.SelfAttribute("..enrolment.cohort")
    )
    usefulness = 4
    do_differently = "Ask for the user research first."
    improve = ""
