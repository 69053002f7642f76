"""The world the security tests ask their questions of: one role for each kind of relation to
one participant's records (on cohort A, from Kent Police), plus a neighbouring cohort B whose
records must never show up for A's people.

- cohort A (running): programme "Digital Academy", facilitator `facilitator`, sessions A1 (past)
  and A2 (to come); `participant` (police) confirmed, with a mark, an apology, a certificate
  (stored PDF) and a bulk certificate run; a module of the programme with their reflections.
- cohort B (running): facilitator `other_facilitator`; `other_participant` (health) with the
  same kinds of record.
- cohort O (open for enrolment): police and health seats, an invited police officer with a
  live invitation link.
- cohort C (closed): `facilitator` ran it and still manages its certificates there.

Built once per test module (`security_world_once`, rolled back when the module ends); each test
gets fresh copies of the rows (`security_world`).
"""

import datetime as dt
import io
import json
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from pypdf import PdfWriter

from accounts.models import User
from cohorts.enrolment import invitations
from cohorts.models import Apology, CertificateBulkIssue, Enrolment, Sector
from modules.models import ModuleProgress
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    AttendanceMarkFactory,
    CertificateFactory,
    CohortFactory,
    CohortSessionFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
)
from tests.cohorts.world import _ensure_home_page
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory
from tests.security.network_world import build_network_records

ROLES = [
    "anonymous",
    "participant",
    "other_participant",
    "nominator",
    "other_nominator",
    "facilitator",
    "other_facilitator",
    "manager",
]


def _one_blank_page():
    """A stored certificate: a real (blank) PDF, so that a cohort's certificates can be joined
    into one PDF as its download does."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


FAKE_PDF = _one_blank_page()


@dataclass
class SecurityWorld:
    people: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    token: str = ""

    def __getitem__(self, name):
        return self.objects[name]


def _cohort_records(world, key, cohort, person, organisation, programme):
    past = CohortSessionFactory(
        cohort=cohort,
        starts_at=timezone.now() - dt.timedelta(days=7),
        ends_at=timezone.now() - dt.timedelta(days=7) + dt.timedelta(hours=3),
    )
    future = CohortSessionFactory(
        cohort=cohort,
        starts_at=timezone.now() + dt.timedelta(days=14),
        ends_at=timezone.now() + dt.timedelta(days=14, hours=3),
    )
    enrolment = EnrolmentFactory(
        cohort=cohort, participant=person, organisation=organisation, status="confirmed"
    )
    mark = AttendanceMarkFactory(enrolment=enrolment, session=past, note=f"Note about {key}")
    Apology.objects.create(enrolment=enrolment, session=future, reason=f"Reason from {key}")
    certificate = CertificateFactory(enrolment=enrolment)
    certificate.pdf.save(f"security-{key}.pdf", ContentFile(FAKE_PDF), save=True)
    run = CertificateBulkIssue.objects.create(cohort=cohort, total=1)
    world.objects.update(
        {
            f"cohort{key}": cohort,
            f"session{key}1": past,
            f"session{key}2": future,
            f"enrolment{key}": enrolment,
            f"mark{key}": mark,
            f"certificate{key}": certificate,
            f"run{key}": run,
        }
    )


def build_security_world():
    world = SecurityWorld()
    people = world.people
    people["anonymous"] = AnonymousUser()
    people["participant"] = UserFactory(
        participant=True, first_name="Pat", last_name="Ridley", email="pat.ridley@example.org"
    )
    people["other_participant"] = UserFactory(
        participant=True, first_name="Olu", last_name="Bankole", email="olu.bankole@example.org"
    )
    people["nominator"] = UserFactory(nominator=True, email="nominator@police.example.org")
    people["other_nominator"] = UserFactory(nominator=True, email="nominator@health.example.org")
    people["facilitator"] = UserFactory(facilitator=True, email="facilitator@example.org")
    people["other_facilitator"] = UserFactory(facilitator=True, email="facilitator.b@example.org")
    people["manager"] = UserFactory(programme_manager=True, email="manager@example.org")

    police = OrganisationFactory(
        name="Kent Police", sector=Sector.POLICE, nominators=[people["nominator"]]
    )
    health = OrganisationFactory(
        name="Medway ICB", sector=Sector.HEALTH, nominators=[people["other_nominator"]]
    )
    programme = ProgrammePageFactory(title="Digital Academy")
    # One reflection prompt ("x"), which each participant has answered below.
    module = ModulePageFactory(
        parent=programme,
        title="Data and trust",
        body=json.dumps(
            [
                {
                    "type": "activity",
                    "id": "x",
                    "value": {
                        "title": "Your data",
                        "instructions": "<p>Think about it.</p>",
                        "reflection_prompt": "Which data would you share first?",
                    },
                }
            ]
        ),
    )
    cohort_a = CohortFactory(
        programme=programme, name="Kent 2026", running=True, facilitators=[people["facilitator"]]
    )
    cohort_b = CohortFactory(
        programme=programme,
        name="Medway 2026",
        running=True,
        facilitators=[people["other_facilitator"]],
    )
    cohort_o = CohortFactory(
        programme=programme, name="Swale 2027", open=True, facilitators=[people["facilitator"]]
    )
    cohort_c = CohortFactory(
        programme=programme, name="Kent 2025", closed=True, facilitators=[people["facilitator"]]
    )
    SeatAllocationFactory(cohort=cohort_a, organisation=police, seats=4)
    SeatAllocationFactory(cohort=cohort_b, organisation=health, seats=4)
    SeatAllocationFactory(cohort=cohort_o, organisation=police, seats=4)
    SeatAllocationFactory(cohort=cohort_o, organisation=health, seats=4)
    _cohort_records(world, "A", cohort_a, people["participant"], police, programme)
    _cohort_records(world, "B", cohort_b, people["other_participant"], health, programme)
    for key in ("participant", "other_participant"):
        ModuleProgress.objects.create(
            participant=people[key], module=module, reflections={"x": f"Private words of {key}"}
        )
    invited = EnrolmentFactory(
        cohort=cohort_o,
        organisation=police,
        status=Enrolment.Status.INVITED,
        participant=UserFactory(email="invited.officer@example.org"),
    )
    _invitation, world.token = invitations.invitations_issue(enrolments=[invited])[0]
    world.objects.update(
        {
            "police": police,
            "health": health,
            "programme": programme,
            "module": module,
            "cohortO": cohort_o,
            "cohortC": cohort_c,
            "enrolmentO": invited,
        }
    )
    build_network_records(world)
    return world


def security_world_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        _ensure_home_page()
        world = build_security_world()
        yield {
            "people": {
                name: (None if name == "anonymous" else person.pk)
                for name, person in world.people.items()
            },
            "objects": {name: (type(obj), obj.pk) for name, obj in world.objects.items()},
            "token": world.token,
        }
        transaction.set_rollback(True)


def security_world(security_world_once, db):
    world = SecurityWorld(token=security_world_once["token"])
    for name, pk in security_world_once["people"].items():
        world.people[name] = AnonymousUser() if pk is None else User.objects.get(pk=pk)
    for name, (model, pk) in security_world_once["objects"].items():
        world.objects[name] = model.objects.get(pk=pk)
    return world
