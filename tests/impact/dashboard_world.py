"""A small academy for the dashboard tests.

Programme "Digital Academy":
- cohort Kent (running, Kent, facilitator `kent_facilitator`, capacity 10): six police officers
  and two health officers, confirmed; police hold 7 allocated seats, health 3.
- cohort Manchester (closed, Manchester, facilitator `other_facilitator`, capacity 8): five council
  officers and one police officer, all completed, with certificates; everyone rated themselves
  before (2) and after (4 for the council, 3 for the police officer).
Programme "Member Leadership Academy": cohort Councillors (open, no place, capacity 6), one
councillor invited.
"""

from dataclasses import dataclass, field

from cohorts.models import Enrolment, Sector
from impact.models import SelfAssessment
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    OrganisationFactory,
    PlaceFactory,
    SeatAllocationFactory,
)
from tests.impact.factories import SelfAssessmentFactory
from tests.modules.factories import ProgrammePageFactory


@dataclass
class DashboardWorld:
    people: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getitem__(self, name):
        return self.objects[name]


def build():
    w = DashboardWorld()
    p = w.people
    p["manager"] = UserFactory(programme_manager=True)
    p["kent_facilitator"] = UserFactory(facilitator=True)
    p["other_facilitator"] = UserFactory(facilitator=True)
    p["police_nominator"] = UserFactory(nominator=True)
    p["health_nominator"] = UserFactory(nominator=True)
    p["participant"] = UserFactory(participant=True)
    kent, manchester = PlaceFactory(name="Kent"), PlaceFactory(name="Manchester")
    police = OrganisationFactory(
        name="Kent Police", sector=Sector.POLICE, place=kent, nominators=[p["police_nominator"]]
    )
    health = OrganisationFactory(
        name="Kent ICB", sector=Sector.HEALTH, place=kent, nominators=[p["health_nominator"]]
    )
    council = OrganisationFactory(
        name="Manchester City Council", sector=Sector.LOCAL_AUTHORITY, place=manchester
    )
    digital = ProgrammePageFactory(title="Digital Academy")
    members = ProgrammePageFactory(title="Member Leadership Academy")
    kent_cohort = CohortFactory(
        programme=digital,
        name="Kent 2026",
        place=kent,
        capacity=10,
        running=True,
        facilitators=[p["kent_facilitator"]],
    )
    manchester_cohort = CohortFactory(
        programme=digital,
        name="Manchester 2025",
        place=manchester,
        capacity=8,
        closed=True,
        facilitators=[p["other_facilitator"]],
    )
    councillors = CohortFactory(
        programme=members, name="Councillors 2027", place=None, capacity=6, open=True
    )
    SeatAllocationFactory(cohort=kent_cohort, organisation=police, seats=7)
    SeatAllocationFactory(cohort=kent_cohort, organisation=health, seats=3)
    SeatAllocationFactory(cohort=manchester_cohort, organisation=council, seats=6)
    SeatAllocationFactory(cohort=manchester_cohort, organisation=police, seats=2)
    kent_police = [
        EnrolmentFactory(cohort=kent_cohort, organisation=police, status="confirmed")
        for _ in range(6)
    ]
    kent_police[0].participant = p["participant"]
    kent_police[0].save()
    kent_health = [
        EnrolmentFactory(cohort=kent_cohort, organisation=health, status="confirmed")
        for _ in range(2)
    ]
    completed = Enrolment.Status.COMPLETED
    manchester_council = [
        EnrolmentFactory(cohort=manchester_cohort, organisation=council, status=completed)
        for _ in range(5)
    ]
    manchester_police = EnrolmentFactory(
        cohort=manchester_cohort, organisation=police, status=completed
    )
    for enrolment in [*manchester_council, manchester_police]:
        CertificateFactory(enrolment=enrolment)
        SelfAssessmentFactory(enrolment=enrolment, stage=SelfAssessment.Stage.BEFORE, ratings=2)
    for enrolment in manchester_council:
        SelfAssessmentFactory(enrolment=enrolment, stage=SelfAssessment.Stage.AFTER, ratings=4)
    SelfAssessmentFactory(enrolment=manchester_police, stage=SelfAssessment.Stage.AFTER, ratings=3)
    # A before with no after is not a pair.
    SelfAssessmentFactory(enrolment=kent_police[1], stage=SelfAssessment.Stage.BEFORE, ratings=1)
    EnrolmentFactory(cohort=councillors, organisation=council, status="invited")
    w.objects.update(
        kent=kent,
        manchester=manchester,
        police=police,
        health=health,
        council=council,
        digital=digital,
        members=members,
        kent_cohort=kent_cohort,
        manchester_cohort=manchester_cohort,
        councillors=councillors,
        kent_police=kent_police,
        kent_health=kent_health,
        manchester_council=manchester_council,
        manchester_police=manchester_police,
    )
    return w
