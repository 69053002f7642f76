"""Programme and module pages cost the same number of queries however many modules, cohorts
and participants there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from modules.services import module_progress_complete
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, EnrolmentFactory
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory
from tests.modules.world import activity, make_document, module_body

pytestmark = pytest.mark.django_db


def _build(*, modules, cohorts, participants):
    programme = ProgrammePageFactory(module_opens_days_before=400)
    document = make_document("Handout")
    pages = [
        ModulePageFactory(
            parent=programme,
            body=module_body(
                {
                    "type": "document",
                    "id": f"doc-{n}",
                    "value": {"document": document.pk, "title": "", "description": ""},
                },
                activity(f"act-{n}", "Reflect", "What did you learn?"),
            ),
        )
        for n in range(modules)
    ]
    facilitator = UserFactory(facilitator=True)
    participant = UserFactory(participant=True)
    all_cohorts = [
        CohortFactory(programme=programme, facilitators=[facilitator]) for _ in range(cohorts)
    ]
    EnrolmentFactory(cohort=all_cohorts[0], participant=participant)
    for cohort in all_cohorts:
        for _ in range(participants):
            EnrolmentFactory(cohort=cohort)
        session = CohortSessionFactory(cohort=cohort)
        session.modules.add(*pages)
        session.save()
    for page in pages:
        module_progress_complete(participant=participant, module=page)
    return programme, pages[0], participant, facilitator


def _count(client, url):
    client.get(url)  # warm the site and URL caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_programme_and_module_pages_run_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    small = _build(modules=1, cohorts=1, participants=1)
    large = _build(modules=6, cohorts=4, participants=8)

    for viewer in ["participant", "facilitator", "anonymous"]:

        def sign_in(world, viewer=viewer):
            client.logout()
            user = {"participant": world[2], "facilitator": world[3], "anonymous": None}[viewer]
            if user:
                client.force_login(user)

        sign_in(small)
        programme_budget = _count(client, small[0].url)
        module_budget = _count(client, small[1].url) if viewer != "anonymous" else None

        sign_in(large)
        client.get(large[0].url)
        with django_assert_max_num_queries(programme_budget, info=viewer):
            assert client.get(large[0].url).status_code == 200
        if module_budget is not None:
            client.get(large[1].url)
            with django_assert_max_num_queries(module_budget, info=viewer):
                assert client.get(large[1].url).status_code == 200


def test_cohort_progress_table_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    from django.urls import reverse

    small = _build(modules=1, cohorts=1, participants=1)
    large = _build(modules=6, cohorts=1, participants=15)
    client.force_login(small[3])
    budget = _count(client, reverse("cohorts:cohort_progress", args=[small[0].cohorts.get().pk]))
    client.force_login(large[3])
    url = reverse("cohorts:cohort_progress", args=[large[0].cohorts.get().pk])
    client.get(url)
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
