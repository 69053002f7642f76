"""Two programmes, A and B, with someone in every role, for the module access matrices.

Programme A has modules A1 (with a document, and an activity asking for a reflection) and A2,
and a running cohort with a cohort session covering A1, whose slides are a document. Programme B
has module B1 and its own cohort. Cohort A has an active participant, a withdrawn one and a
declined one (all from the police, whose nominator is in the world too).
"""

import json
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cohorts.models import Enrolment
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    CohortFactory,
    CohortSessionFactory,
    EnrolmentFactory,
    OrganisationFactory,
)
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory

ROLES = [
    "anonymous",
    "participant-of-A",
    "participant-of-B",
    "withdrawn-from-A",
    "declined-on-A",
    "facilitator-of-A",
    "facilitator-of-B",
    "nominator",
    "manager",
]
# Who may see programme A's modules, session material and restricted documents.
ALLOWED = {"participant-of-A", "facilitator-of-A", "manager"}


@dataclass
class World:
    people: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getitem__(self, name):
        return self.objects[name] if name in self.objects else self.people[name]


def make_document(title):
    Document = get_document_model()
    document = Document(title=title)
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(b"%PDF-1.4 test"))
    document.save()
    return document


def activity(block_id, title, prompt):
    return {
        "type": "activity",
        "id": block_id,
        "value": {"title": title, "instructions": "<p>Do this.</p>", "reflection_prompt": prompt},
    }


def module_body(*blocks):
    return json.dumps(list(blocks))


def build_world(*, manager, nominator):
    world = World()
    people = world.people
    people["anonymous"] = None
    people["manager"] = manager
    people["nominator"] = nominator
    people["facilitator-of-A"] = UserFactory(facilitator=True)
    people["facilitator-of-B"] = UserFactory(facilitator=True)
    for name in ["participant-of-A", "participant-of-B", "withdrawn-from-A", "declined-on-A"]:
        people[name] = UserFactory(participant=True)

    module_document = make_document("Module handout")
    slides = make_document("Session slides")
    public_document = make_document("Public leaflet")

    programme_a = ProgrammePageFactory(title="Digital Academy")
    programme_b = ProgrammePageFactory(title="Member Leadership Academy")
    module_a1 = ModulePageFactory(
        parent=programme_a,
        title="Leading digital change",
        body=module_body(
            {
                "type": "document",
                "id": "doc-1",
                "value": {"document": module_document.pk, "title": "", "description": ""},
            },
            activity("act-1", "Map your services", "What would you change first?"),
        ),
    )
    module_a2 = ModulePageFactory(parent=programme_a, title="Data and evidence")
    module_b1 = ModulePageFactory(parent=programme_b, title="Cyber risk for councillors")

    police = OrganisationFactory(name="Kent Police", nominators=[nominator])
    cohort_a = CohortFactory(programme=programme_a, facilitators=[people["facilitator-of-A"]])
    cohort_b = CohortFactory(programme=programme_b, facilitators=[people["facilitator-of-B"]])
    EnrolmentFactory(cohort=cohort_a, participant=people["participant-of-A"], organisation=police)
    EnrolmentFactory(cohort=cohort_b, participant=people["participant-of-B"], organisation=police)
    EnrolmentFactory(
        cohort=cohort_a,
        participant=people["withdrawn-from-A"],
        organisation=police,
        status=Enrolment.Status.WITHDRAWN,
    )
    EnrolmentFactory(
        cohort=cohort_a,
        participant=people["declined-on-A"],
        organisation=police,
        status=Enrolment.Status.DECLINED,
    )
    session_a = CohortSessionFactory(cohort=cohort_a, title="Kick-off", slides=slides)
    session_a.modules.add(module_a1)
    session_a.save()

    world.objects.update(
        {
            "programme-A": programme_a,
            "programme-B": programme_b,
            "module-A1": module_a1,
            "module-A2": module_a2,
            "module-B1": module_b1,
            "cohort-A": cohort_a,
            "cohort-B": cohort_b,
            "session-A": session_a,
            "module-document": module_document,
            "slides": slides,
            "public-document": public_document,
        }
    )
    return world
