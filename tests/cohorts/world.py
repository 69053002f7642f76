"""A small academy with someone in every role, for the role × object matrices.

Two cohorts of one programme, A (running) and B (open for enrolment), and a draft cohort C that
involves nobody but the programme manager. Two partner organisations, police and health:
- cohort A gives seats to health only, yet has a police officer on it (enrolled by a manager);
- cohort B gives seats to police and health, and has one police officer on it.
Every enrolment has an attendance mark for its cohort's first session and a certificate.

Building it takes a second, and the matrices ask hundreds of questions of it, so a test module
builds it once (`world_once`, rolled back when the module ends) and each test gets fresh copies
of its rows (`world`), so a test that changes something changes it for itself only.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from accounts.models import User
from cohorts.models import AttendanceMark, Sector
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    AttendanceMarkFactory,
    CertificateFactory,
    CohortFactory,
    CohortSessionFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
    cohort_session_start,
)
from tests.modules.factories import ProgrammePageFactory

Status = AttendanceMark.Status

# The people in the world, by the name tests use as parametrised ids.
ROLES = [
    "manager",
    "superuser",
    "facilitator-of-A",
    "facilitator-of-B",
    "nominator-of-police",
    "nominator-of-health",
    "participant-on-A-police",
    "participant-on-A-health",
    "participant-on-B",
    "no-role",
    "inactive-manager",
    "anonymous",
]


@dataclass
class World:
    people: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def name_of(self, obj):
        for name, candidate in self.objects.items():
            if type(candidate) is type(obj) and candidate.pk == obj.pk:
                return name
        raise KeyError(obj)

    def names(self, queryset):
        return {self.name_of(obj) for obj in queryset}


def build_world():
    world = World()
    today = timezone.localdate()
    programme = ProgrammePageFactory(title="Digital Academy")
    police = OrganisationFactory(name="Kent Police", sector=Sector.POLICE)
    health = OrganisationFactory(name="Kent and Medway ICB", sector=Sector.HEALTH)

    people = world.people
    people["manager"] = UserFactory(programme_manager=True)
    people["superuser"] = UserFactory(is_superuser=True, is_staff=True)
    people["facilitator-of-A"] = UserFactory(facilitator=True)
    people["facilitator-of-B"] = UserFactory(facilitator=True)
    people["nominator-of-police"] = UserFactory(nominator=True)
    people["nominator-of-health"] = UserFactory(nominator=True)
    people["participant-on-A-police"] = UserFactory(participant=True)
    people["participant-on-A-health"] = UserFactory(participant=True)
    people["participant-on-B"] = UserFactory(participant=True)
    people["no-role"] = UserFactory()
    people["inactive-manager"] = UserFactory(programme_manager=True, is_active=False)
    people["anonymous"] = AnonymousUser()
    police.nominators.add(people["nominator-of-police"])
    health.nominators.add(people["nominator-of-health"])

    cohort_a = CohortFactory(
        programme=programme,
        name="Kent 2026",
        running=True,
        facilitators=[people["facilitator-of-A"]],
    )
    cohort_b = CohortFactory(
        programme=programme,
        name="Medway 2027",
        open=True,
        starts_on=today + dt.timedelta(days=30),
        facilitators=[people["facilitator-of-B"]],
    )
    cohort_c = CohortFactory(programme=programme, name="Swale 2027", draft=True)
    SeatAllocationFactory(cohort=cohort_a, organisation=health, seats=6)
    SeatAllocationFactory(cohort=cohort_b, organisation=police, seats=6)
    SeatAllocationFactory(cohort=cohort_b, organisation=health, seats=6)

    objects = world.objects
    objects.update(
        {
            "police": police,
            "health": health,
            "cohort-A": cohort_a,
            "cohort-B": cohort_b,
            "cohort-C": cohort_c,
            # Cohort A's first two sessions, held already: attendance is recorded only for
            # sessions that have started; cohort B's session is still to come.
            "session-A1": CohortSessionFactory(
                cohort=cohort_a, starts_at=cohort_session_start(cohort_a, 0)
            ),
            "session-A2": CohortSessionFactory(
                cohort=cohort_a, starts_at=cohort_session_start(cohort_a, 1)
            ),
            "session-B1": CohortSessionFactory(cohort=cohort_b),
            "session-C1": CohortSessionFactory(cohort=cohort_c),
        }
    )
    for name, cohort, session, organisation, participant in [
        ("A-police", cohort_a, "session-A1", police, "participant-on-A-police"),
        ("A-health", cohort_a, "session-A1", health, "participant-on-A-health"),
        ("B-police", cohort_b, "session-B1", police, "participant-on-B"),
    ]:
        enrolment = EnrolmentFactory(
            cohort=cohort, organisation=organisation, participant=people[participant]
        )
        objects[f"enrolment-{name}"] = enrolment
        # Before a session starts, apologies are the only mark there can be.
        status = Status.APOLOGIES if cohort is cohort_b else Status.PRESENT
        objects[f"mark-{name}"] = AttendanceMarkFactory(
            enrolment=enrolment, session=objects[session], status=status
        )
        objects[f"certificate-{name}"] = CertificateFactory(enrolment=enrolment)
    return world


def _ensure_home_page():
    """The site root that tests/conftest.py makes per test, made here first so that the
    programme page is built under it (and not deleted as a stray top-level page)."""
    from content.models import HomePage

    if HomePage.objects.exists():
        return
    home = HomePage(title="Academy", slug="academy")
    Page.objects.get(depth=1).add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Academy"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()


def world_once(django_db_setup, django_db_blocker):
    """Module-scoped: the world's rows, built once in a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        _ensure_home_page()
        world = build_world()
        yield {
            "people": {
                name: (None if name == "anonymous" else person.pk)
                for name, person in world.people.items()
            },
            "objects": {name: (type(obj), obj.pk) for name, obj in world.objects.items()},
        }
        transaction.set_rollback(True)


def world_fresh(world_once, db):
    """Function-scoped: fresh Python objects for the world's rows, for one test."""
    world = World()
    for name, pk in world_once["people"].items():
        world.people[name] = AnonymousUser() if pk is None else User.objects.get(pk=pk)
    for name, (model, pk) in world_once["objects"].items():
        world.objects[name] = model.objects.get(pk=pk)
    return world
