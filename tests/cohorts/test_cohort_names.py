"""A cohort's name is its programme's title and its own ("Digital Academy: Kent 2026"). Lists of
cohorts (the nominator portal's filter, its officers and seats) load the programme's title
alone, not the programme page, and name every cohort as one loaded with its page would be."""

import pytest

from cohorts.enrolment.selectors import officers_cohorts, officers_of, open_seat_lines
from cohorts.models import Cohort
from tests.cohorts.factories import (
    CohortFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
)
from tests.modules.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    organisation = OrganisationFactory()
    for title in ("Digital Academy", "Member Leadership Academy"):
        cohort = CohortFactory(
            programme=ProgrammePageFactory(title=title), name=f"Kent {title[:6]}", open=True
        )
        SeatAllocationFactory(cohort=cohort, organisation=organisation, seats=3)
        EnrolmentFactory(cohort=cohort, organisation=organisation)
    return organisation


def _names_from_pages():
    return sorted(str(c) for c in Cohort.objects.select_related("programme"))


def test_a_list_of_cohorts_is_named_from_the_programme_titles_alone(
    organisation, django_assert_num_queries
):
    with django_assert_num_queries(1):
        names = sorted(str(c) for c in Cohort.objects.with_programme_title())
    assert names == _names_from_pages()
    assert "Digital Academy: Kent Digita" in names


def _named_without_pages(cohorts):
    assert not any(Cohort.programme.is_cached(cohort) for cohort in cohorts)
    return sorted(str(cohort) for cohort in cohorts)


def test_the_portals_lists_name_their_cohorts_without_loading_programme_pages(
    organisation, django_assert_num_queries
):
    expected = _names_from_pages()
    with django_assert_num_queries(1):
        assert _named_without_pages(officers_cohorts([organisation])) == expected
    with django_assert_num_queries(1):
        assert _named_without_pages([e.cohort for e in officers_of([organisation])]) == expected
    with django_assert_num_queries(2):  # the seat allocations, and the seats they hold
        lines = open_seat_lines([organisation])
        assert _named_without_pages([line.cohort for line in lines]) == expected
