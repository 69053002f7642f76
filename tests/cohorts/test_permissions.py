"""What each role may do to each cohort object (cohorts.permissions), as a matrix.

Every refusal carries a reason a person can read on the 403 page.
"""

import inspect
import itertools

import pytest

from cohorts import permissions
from cohorts.models import Cohort, Enrolment
from tests.cohorts.factories import CohortFactory, SeatAllocationFactory
from tests.cohorts.world import ROLES, world_fresh, world_once

pytestmark = pytest.mark.django_db


world_once = pytest.fixture(world_once, scope="module")
world = pytest.fixture(world_fresh, name="world")


def assert_answer(answer, allowed):
    assert isinstance(answer, permissions.Permission)
    assert answer.allowed is allowed
    assert bool(answer) is allowed
    if not allowed:
        assert answer.reason, "a refusal must say why"


MANAGERS = {"manager", "superuser"}

# can_view_cohort: the same people who see the cohort in lists.
CAN_VIEW = {
    "cohort-A": MANAGERS
    | {
        "facilitator-of-A",
        "nominator-of-police",
        "nominator-of-health",
        "participant-on-A-police",
        "participant-on-A-health",
    },
    "cohort-B": MANAGERS
    | {"facilitator-of-B", "nominator-of-police", "nominator-of-health", "participant-on-B"},
    "cohort-C": MANAGERS,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("cohort", ["cohort-A", "cohort-B", "cohort-C"])
def test_can_view_cohort(world, role, cohort):
    answer = permissions.can_view_cohort(world.people[role], world.objects[cohort])
    assert_answer(answer, role in CAN_VIEW[cohort])


@pytest.mark.parametrize("role", ROLES)
def test_only_programme_managers_can_set_up_cohorts(world, role):
    assert_answer(permissions.can_set_up_cohorts(world.people[role]), role in MANAGERS)


CAN_RUN = {
    "cohort-A": MANAGERS | {"facilitator-of-A"},
    "cohort-B": MANAGERS | {"facilitator-of-B"},
    "cohort-C": MANAGERS,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("cohort", ["cohort-A", "cohort-B", "cohort-C"])
def test_can_run_cohort(world, role, cohort):
    answer = permissions.can_run_cohort(world.people[role], world.objects[cohort])
    assert_answer(answer, role in CAN_RUN[cohort])


# Cohort B is open for enrolment and gives seats to police and health.
CAN_NOMINATE_ON_B = {
    "police": MANAGERS | {"nominator-of-police"},
    "health": MANAGERS | {"nominator-of-health"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("organisation", ["police", "health"])
def test_can_nominate_onto_an_open_cohort_with_seats(world, role, organisation):
    answer = permissions.can_nominate(
        world.people[role], world.objects["cohort-B"], world.objects[organisation]
    )
    assert_answer(answer, role in CAN_NOMINATE_ON_B[organisation])


def test_nominator_cannot_nominate_for_another_organisation(world):
    answer = permissions.can_nominate(
        world.people["nominator-of-police"], world.objects["cohort-B"], world.objects["health"]
    )
    assert_answer(answer, False)
    assert "Kent and Medway ICB" in answer.reason


@pytest.mark.parametrize(
    "status",
    [
        pytest.param(Cohort.Status.DRAFT, id="draft"),
        pytest.param(Cohort.Status.RUNNING, id="running"),
        pytest.param(Cohort.Status.CLOSED, id="closed"),
    ],
)
@pytest.mark.parametrize("role", ["nominator-of-police", "manager"])
def test_nobody_can_nominate_onto_a_cohort_not_open_for_enrolment(world, role, status):
    cohort = world.objects["cohort-B"]
    cohort.status = status
    cohort.save()
    answer = permissions.can_nominate(world.people[role], cohort, world.objects["police"])
    assert_answer(answer, False)
    assert answer.reason == "This cohort is not open for enrolment."


def test_nominator_cannot_nominate_for_an_organisation_with_no_seats(world):
    cohort = CohortFactory(open=True, programme=world.objects["cohort-A"].programme)
    SeatAllocationFactory(cohort=cohort, organisation=world.objects["health"])
    answer = permissions.can_nominate(
        world.people["nominator-of-police"], cohort, world.objects["police"]
    )
    assert_answer(answer, False)
    assert answer.reason == "Kent Police has no seats on this cohort."


def test_an_allocation_of_no_seats_is_the_same_as_none(world):
    cohort = CohortFactory(open=True, programme=world.objects["cohort-A"].programme)
    SeatAllocationFactory(cohort=cohort, organisation=world.objects["police"], seats=0)
    answer = permissions.can_nominate(
        world.people["nominator-of-police"], cohort, world.objects["police"]
    )
    assert_answer(answer, False)
    assert answer.reason == "Kent Police has no seats on this cohort."


ENROLMENT_VIEWERS = {
    "enrolment-A-police": MANAGERS
    | {"facilitator-of-A", "nominator-of-police", "participant-on-A-police"},
    "enrolment-A-health": MANAGERS
    | {"facilitator-of-A", "nominator-of-health", "participant-on-A-health"},
    "enrolment-B-police": MANAGERS
    | {"facilitator-of-B", "nominator-of-police", "participant-on-B"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("enrolment", sorted(ENROLMENT_VIEWERS))
def test_can_view_enrolment(world, role, enrolment):
    answer = permissions.can_view_enrolment(world.people[role], world.objects[enrolment])
    assert_answer(answer, role in ENROLMENT_VIEWERS[enrolment])


def test_a_withdrawn_officer_stays_visible_to_their_nominator(world):
    enrolment = world.objects["enrolment-B-police"]
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save()
    answer = permissions.can_view_enrolment(world.people["nominator-of-police"], enrolment)
    assert_answer(answer, True)


# --- The person's own pages and the ways in to others' (issue 16) ---

PARTICIPANTS = {"participant-on-A-police", "participant-on-A-health", "participant-on-B"}
NOMINATORS = {"nominator-of-police", "nominator-of-health"}
FACILITATORS = {"facilitator-of-A", "facilitator-of-B"}


@pytest.mark.parametrize("role", ROLES)
def test_own_calendar_is_for_people_with_a_place_and_facilitators(world, role):
    answer = permissions.can_have_own_calendar(world.people[role])
    assert_answer(answer, role in PARTICIPANTS | FACILITATORS)


def test_own_calendar_follows_the_place_not_the_role(world):
    person = world.people["participant-on-B"]
    enrolment = world.objects["enrolment-B-police"]
    for status, allowed in [
        (Enrolment.Status.INVITED, True),
        (Enrolment.Status.WAITING_LIST, False),
        (Enrolment.Status.DECLINED, False),
        (Enrolment.Status.COMPLETED, True),
    ]:
        Enrolment.objects.filter(pk=enrolment.pk).update(status=status)
        assert_answer(permissions.can_have_own_calendar(person), allowed)


@pytest.mark.parametrize("role", ROLES)
def test_own_certificates_are_for_people_taking_part_and_nominators(world, role):
    answer = permissions.can_see_own_certificates(world.people[role])
    assert_answer(answer, role in PARTICIPANTS | NOMINATORS)


@pytest.mark.parametrize("role", ROLES)
def test_the_cohort_dashboard_is_for_managers_and_facilitators(world, role):
    answer = permissions.can_view_cohort_dashboard(world.people[role])
    assert_answer(answer, role in MANAGERS | FACILITATORS)


@pytest.mark.parametrize("role", ROLES)
def test_only_managers_nominate_for_every_organisation(world, role):
    assert_answer(permissions.can_act_for_anyone(world.people[role]), role in MANAGERS)


@pytest.mark.parametrize("role", ROLES)
def test_the_nomination_template_is_for_those_who_may_upload_one(world, role):
    answer = permissions.can_download_nomination_template(world.people[role])
    assert_answer(answer, role in MANAGERS | NOMINATORS)


# The objects each kind of rule argument is asked about in the entry point's test: a cohort
# taking nominations and one running, a session to come and one held, places on both.
ARGUMENTS = {
    "cohort": ["cohort-A", "cohort-B"],
    "session": ["session-A1", "session-B1"],
    "enrolment": ["enrolment-A-police", "enrolment-B-police"],
    "organisation": ["police"],
}


@pytest.mark.parametrize("action", sorted(permissions.ACTIONS))
def test_the_entry_point_gives_each_actions_rule_and_nothing_else(world, action):
    """`check(user, action, *objects)` is the action's rule: no role (a programme manager
    included) is let through, or refused, by the entry point itself."""
    rule = permissions.ACTIONS[action]
    names = [p.name for p in inspect.signature(rule).parameters.values()][1:]
    for role in ROLES:
        user = world.people[role]
        for keys in itertools.product(*(ARGUMENTS[n] for n in names if n in ARGUMENTS)):
            objects = [world.objects[key] for key in keys]
            assert permissions.check(user, action, *objects) == rule(user, *objects), (
                action,
                role,
                keys,
            )
