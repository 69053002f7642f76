import datetime as dt

import factory
from django.utils import timezone

from cohorts.models import (
    LONDON,
    AttendanceMark,
    Certificate,
    Cohort,
    CohortSession,
    CompletionRule,
    CompletionSignOff,
    Enrolment,
    Organisation,
    Place,
    SeatAllocation,
    Sector,
)
from tests.accounts.factories import UserFactory
from tests.modules.factories import ProgrammePageFactory


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Place {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = Sector.LOCAL_AUTHORITY

    @factory.post_generation
    def nominators(self, create, extracted, **kwargs):
        if create and extracted:
            self.nominators.add(*extracted)


class CohortFactory(factory.django.DjangoModelFactory):
    """A cohort; traits for its state: CohortFactory(open=True), running, closed."""

    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammePageFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    place = factory.SubFactory(PlaceFactory)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=60))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + dt.timedelta(days=240))
    capacity = 24
    status = Cohort.Status.RUNNING

    class Params:
        draft = factory.Trait(status=Cohort.Status.DRAFT)
        open = factory.Trait(
            status=Cohort.Status.OPEN,
            starts_on=factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30)),
        )
        running = factory.Trait(status=Cohort.Status.RUNNING)
        closed = factory.Trait(
            status=Cohort.Status.CLOSED,
            starts_on=factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=400)),
        )

    @factory.post_generation
    def facilitators(self, create, extracted, **kwargs):
        if create and extracted:
            self.facilitators.add(*extracted)
            # A parental many-to-many is only written to the database when the cohort is saved.
            self.save()


def cohort_session_start(cohort, n):
    """When the cohort's session number `n` (from 0) starts: every four weeks from a week in."""
    day = cohort.starts_on + dt.timedelta(days=7 + 28 * n)
    return dt.datetime.combine(day, dt.time(9, 30), tzinfo=LONDON)


class CohortSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CohortSession

    cohort = factory.SubFactory(CohortFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    starts_at = factory.LazyAttributeSequence(lambda o, n: cohort_session_start(o.cohort, n % 8))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=3))
    venue = "Council Chamber, County Hall"


class SeatAllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeatAllocation

    cohort = factory.SubFactory(CohortFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    seats = 4


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory)
    participant = factory.SubFactory(UserFactory, participant=True)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Enrolment.Status.CONFIRMED


class AttendanceMarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttendanceMark

    enrolment = factory.SubFactory(EnrolmentFactory)
    # The cohort's first session, a week after it starts: held already on a running or closed
    # cohort, as a mark other than apologies needs (AttendanceMark.refusal).
    session = factory.SubFactory(
        CohortSessionFactory,
        cohort=factory.SelfAttribute("..enrolment.cohort"),
        starts_at=factory.LazyAttribute(lambda o: cohort_session_start(o.cohort, 0)),
    )
    status = AttendanceMark.Status.PRESENT


class CompletionRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompletionRule

    programme = factory.SubFactory(ProgrammePageFactory)
    min_share_attended = 75


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    enrolment = factory.SubFactory(EnrolmentFactory, status=Enrolment.Status.COMPLETED)
    holder_name = factory.LazyAttribute(lambda o: o.enrolment.participant.get_full_name())
    programme_title = factory.LazyAttribute(lambda o: o.enrolment.cohort.programme.title)
    cohort_name = factory.LazyAttribute(lambda o: o.enrolment.cohort.name)
    starts_on = factory.LazyAttribute(lambda o: o.enrolment.cohort.starts_on)
    ends_on = factory.LazyAttribute(lambda o: o.enrolment.cohort.ends_on)
    sessions_attended = 6
    sessions_scheduled = 8


class CompletionSignOffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompletionSignOff

    enrolment = factory.SubFactory(EnrolmentFactory)
