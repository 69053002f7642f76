"""Linked into learning: a module's body shows chosen case studies, or the latest on chosen
themes, only those its reader may open; a case study lists the modules citing it that its
reader may open. The practice app never imports modules (modules imports practice)."""

import pytest

from tests.cohorts.factories import CohortFactory, EnrolmentFactory
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory
from tests.practice.factories import CaseStudyPageFactory, theme

pytestmark = pytest.mark.django_db


def block(**value):
    return [
        {
            "type": "case_studies",
            "value": {
                "heading": "Where it has worked",
                "case_studies": [],
                "themes": [],
                "count": 3,
                **value,
            },
        }
    ]


@pytest.fixture
def programme(db):
    programme = ProgrammePageFactory(title="Digital Academy")
    cohort = CohortFactory(programme=programme)
    programme.participant = EnrolmentFactory(cohort=cohort).participant
    return programme


def test_a_module_shows_the_chosen_case_studies_the_reader_may_open_in_order(
    client, index, programme
):
    first = CaseStudyPageFactory(title="Shared care record", members_only=True)
    second = CaseStudyPageFactory(title="Telecare at home")
    draft = CaseStudyPageFactory(title="Unpublished hub", draft=True)
    module = ModulePageFactory(
        parent=programme,
        title="Integration",
        body=block(case_studies=[second.pk, draft.pk, first.pk]),
    )
    client.force_login(programme.participant)
    html = client.get(module.url).content.decode()
    assert "Where it has worked" in html
    assert html.index("Telecare at home") < html.index("Shared care record")
    assert "Unpublished hub" not in html


def test_a_module_shows_the_latest_on_its_themes(client, index, programme):
    for n in range(4):
        CaseStudyPageFactory(title=f"Cyber example {n}", themes=["cyber-resilience"])
    CaseStudyPageFactory(title="Libraries example", themes=["community-run-services"])
    module = ModulePageFactory(
        parent=programme, body=block(themes=[theme("cyber-resilience").pk], count=2)
    )
    client.force_login(programme.participant)
    html = client.get(module.url).content.decode()
    assert "Cyber example 3" in html and "Cyber example 2" in html
    assert "Cyber example 1" not in html and "Libraries example" not in html


def test_a_case_study_lists_the_modules_citing_it_that_the_reader_may_open(
    client, index, programme, participant
):
    case_study = CaseStudyPageFactory(title="Telecare at home")
    ModulePageFactory(
        parent=programme, title="Integrating care", body=block(case_studies=[case_study.pk])
    )
    other = ProgrammePageFactory(title="Member Leadership Academy")
    ModulePageFactory(
        parent=other, title="Councillors and care", body=block(case_studies=[case_study.pk])
    )

    def cited(user):
        client.logout()
        if user:
            client.force_login(user)
        return client.get(case_study.url).content.decode()

    html = cited(programme.participant)
    assert "Modules that cite this case study" in html
    assert "Integrating care" in html and "Councillors and care" not in html
    assert "Integrating care" not in cited(None)
    assert "Integrating care" not in cited(participant)
