"""An open cohort with seats for two partner organisations, each with its own nominator:
the starting point of the enrolment, import, invitation and audit tests."""

from dataclasses import dataclass

from cohorts.models import Sector
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory, OrganisationFactory, SeatAllocationFactory


@dataclass
class NominationWorld:
    cohort: object
    police: object
    health: object
    police_nominator: object
    health_nominator: object


def make_world(*, capacity=4, police_seats=2, health_seats=2):
    police_nominator = UserFactory(nominator=True, email="nominator@police.example.org")
    health_nominator = UserFactory(nominator=True, email="nominator@health.example.org")
    police = OrganisationFactory(
        name="Kent Police", sector=Sector.POLICE, nominators=[police_nominator]
    )
    health = OrganisationFactory(
        name="Kent and Medway ICB", sector=Sector.HEALTH, nominators=[health_nominator]
    )
    cohort = CohortFactory(open=True, name="Kent 2026", capacity=capacity)
    SeatAllocationFactory(cohort=cohort, organisation=police, seats=police_seats)
    SeatAllocationFactory(cohort=cohort, organisation=health, seats=health_seats)
    return NominationWorld(cohort, police, health, police_nominator, health_nominator)


def officer(n, **overrides):
    """The details a nominator types for an officer."""
    return {
        "email": f"officer{n}@example.org",
        "first_name": "Officer",
        "last_name": f"Number {n}",
        "job_title": "Inspector",
        "team": "Response",
        **overrides,
    }
