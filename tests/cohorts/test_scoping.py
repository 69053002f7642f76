"""Who sees what: `visible_to(user)` for every role against every kind of cohort object.

The world (tests/cohorts/world.py): cohort A (running, seats for health, a police and a health
officer on it), cohort B (open, seats for police and health, a police officer on it) and draft
cohort C (nobody on it); each enrolment has an attendance mark and a certificate.
"""

import pytest

from accounts.roles import Role, grant_role
from cohorts.models import (
    AttendanceMark,
    Certificate,
    Cohort,
    CohortSession,
    Enrolment,
    Organisation,
)
from tests.cohorts.world import ROLES, world_fresh, world_once

pytestmark = pytest.mark.django_db

NOTHING = set()
ALL_COHORTS = {"cohort-A", "cohort-B", "cohort-C"}
SESSIONS_OF = {
    "cohort-A": {"session-A1", "session-A2"},
    "cohort-B": {"session-B1"},
    "cohort-C": {"session-C1"},
}
ALL_ENROLMENTS = {"A-police", "A-health", "B-police"}

# Which cohorts each role sees; sessions follow their cohort.
COHORTS_SEEN = {
    "manager": ALL_COHORTS,
    "superuser": ALL_COHORTS,
    "facilitator-of-A": {"cohort-A"},
    "facilitator-of-B": {"cohort-B"},
    # Police has no seats on A but an officer there; it has seats on B.
    "nominator-of-police": {"cohort-A", "cohort-B"},
    # Health has seats on A and B, and an officer on A only.
    "nominator-of-health": {"cohort-A", "cohort-B"},
    "participant-on-A-police": {"cohort-A"},
    "participant-on-A-health": {"cohort-A"},
    "participant-on-B": {"cohort-B"},
    "no-role": NOTHING,
    "inactive-manager": NOTHING,
    "anonymous": NOTHING,
}

# Which enrolments each role sees; attendance marks and certificates follow their enrolment.
ENROLMENTS_SEEN = {
    "manager": ALL_ENROLMENTS,
    "superuser": ALL_ENROLMENTS,
    "facilitator-of-A": {"A-police", "A-health"},
    "facilitator-of-B": {"B-police"},
    # Their own organisation's officers, on every cohort, and nobody else.
    "nominator-of-police": {"A-police", "B-police"},
    "nominator-of-health": {"A-health"},
    "participant-on-A-police": {"A-police"},
    "participant-on-A-health": {"A-health"},
    "participant-on-B": {"B-police"},
    "no-role": NOTHING,
    "inactive-manager": NOTHING,
    "anonymous": NOTHING,
}

ORGANISATIONS_SEEN = {
    "manager": {"police", "health"},
    "superuser": {"police", "health"},
    "nominator-of-police": {"police"},
    "nominator-of-health": {"health"},
}


def _expected(model, role):
    if model is Cohort:
        return COHORTS_SEEN[role]
    if model is CohortSession:
        return set().union(*(SESSIONS_OF[c] for c in COHORTS_SEEN[role]))
    prefix = {Enrolment: "enrolment", AttendanceMark: "mark", Certificate: "certificate"}
    if model in prefix:
        return {f"{prefix[model]}-{name}" for name in ENROLMENTS_SEEN[role]}
    if model is Organisation:
        return ORGANISATIONS_SEEN.get(role, NOTHING)
    raise AssertionError(model)


world_once = pytest.fixture(world_once, scope="module")
world = pytest.fixture(world_fresh, name="world")


MODELS = [
    pytest.param(Cohort, id="cohorts"),
    pytest.param(CohortSession, id="cohort-sessions"),
    pytest.param(Enrolment, id="enrolments"),
    pytest.param(AttendanceMark, id="attendance-marks"),
    pytest.param(Certificate, id="certificates"),
    pytest.param(Organisation, id="organisations"),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS)
def test_each_role_sees_exactly_its_own_objects(world, model, role):
    seen = [world.name_of(obj) for obj in model.objects.visible_to(world.people[role])]
    # A list, not a set: nobody sees the same object twice through two routes.
    assert sorted(seen) == sorted(_expected(model, role))


def test_nominator_cannot_see_other_organisations_officers(world):
    seen = Enrolment.objects.visible_to(world.people["nominator-of-health"])
    assert {e.organisation.name for e in seen} == {"Kent and Medway ICB"}


def test_facilitator_of_a_sees_none_of_cohort_bs_enrolments(world):
    seen = Enrolment.objects.visible_to(world.people["facilitator-of-A"])
    assert not seen.filter(cohort=world.objects["cohort-B"]).exists()
    assert seen.count() == world.objects["cohort-A"].enrolments.count()


def test_a_person_with_two_roles_sees_what_either_role_sees(world):
    # The health nominator is also a participant on cohort B.
    person = world.people["nominator-of-health"]
    grant_role(person, Role.PARTICIPANT)
    world.objects["enrolment-B-health"] = Enrolment.objects.create(
        cohort=world.objects["cohort-B"],
        participant=person,
        organisation=world.objects["health"],
        status=Enrolment.Status.CONFIRMED,
    )
    assert world.names(Enrolment.objects.visible_to(person)) == {
        "enrolment-A-health",
        "enrolment-B-health",
    }


def test_someone_assigned_to_a_cohort_without_the_facilitator_role_sees_nothing(world):
    # Assignment alone grants nothing: the role is what a manager switches on and off.
    person = world.people["no-role"]
    world.objects["cohort-A"].facilitators.add(person)
    assert not Cohort.objects.visible_to(person).exists()
    assert not Enrolment.objects.visible_to(person).exists()


def test_a_deactivated_facilitator_sees_nothing(world):
    person = world.people["facilitator-of-A"]
    person.is_active = False
    person.save()
    assert not Cohort.objects.visible_to(person).exists()
    assert not AttendanceMark.objects.visible_to(person).exists()
