"""Find what worked: words, filters by theme, sector, region, place, stage and outcome
(combined), counts beside every value, sorting, pages, a bookmarkable address, and a constant
number of queries however many case studies there are."""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import AnonymousUser

from cohorts.models import Sector
from practice.generate import case_studies_generate
from practice.models import CaseStudyPage
from practice.search import CaseStudyFilters, case_study_search
from tests.cohorts.factories import OrganisationFactory, PlaceFactory
from tests.practice.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db
# Signing in and Wagtail's routing take about ten; the search itself under twenty (words once,
# one count per filter, the results and their count, their organisations, themes and outcomes).
BUDGET = 28
# The same search again: its answer and HTML are kept, each case study shown checked afresh.
KEPT_BUDGET = 14


@pytest.fixture
def library(index):
    """Four case studies that differ in every way one can filter by."""
    police = OrganisationFactory(name="Northmoor Police", sector=Sector.POLICE)
    council = OrganisationFactory(name="Westbrook Council", sector=Sector.LOCAL_AUTHORITY)
    health = OrganisationFactory(name="Eastfield NHS", sector=Sector.HEALTH)
    northmoor = PlaceFactory(name="Northmoor")
    return {
        "telecare": CaseStudyPageFactory(
            title="Telecare at home",
            summary="Sensors help older residents live at home.",
            themes=["health-and-social-care-integration"],
            organisations=[health, council],
            region="north-east",
            place=northmoor,
            stage="scaled",
            outcomes=[("money-saved", 1_250_000), ("residents-reached", 6400)],
        ),
        "admissions": CaseStudyPageFactory(
            title="Online school admissions",
            summary="Parents apply online.",
            themes=["customer-access-and-top-tasks"],
            organisations=[council],
            region="east-of-england",
            stage="live",
            outcomes=[("money-saved", 180_000)],
        ),
        "hub": CaseStudyPageFactory(
            title="Safeguarding hub",
            summary="Police and children's services share information.",
            themes=["data-sharing", "troubled-families-and-multi-agency-working"],
            organisations=[police, council],
            region="north-east",
            place=northmoor,
            stage="live",
            outcomes=[("staff-time-saved", 6200)],
        ),
        "secret": CaseStudyPageFactory(
            title="Members-only telecare figures",
            summary="Telecare savings shared with peers.",
            themes=["health-and-social-care-integration"],
            organisations=[health],
            region="north-east",
            stage="pilot",
            members_only=True,
            outcomes=[("money-saved", 9_000_000)],
        ),
    }


def search(user=None, **filters):
    return case_study_search(
        user=user or AnonymousUser(),
        filters=CaseStudyFilters(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in filters.items()}
        ),
    )


def titles(result):
    return [page.title for page in result.page.object_list]


def counts(result, facet):
    return {o.value: o.count for f in result.facets if f.name == facet for o in f.options}


def test_words_find_case_studies_by_title_summary_organisation_and_place(library):
    assert titles(search(query="telecare")) == ["Telecare at home"]
    assert titles(search(query="parents")) == ["Online school admissions"]
    assert set(titles(search(query="Northmoor"))) == {"Telecare at home", "Safeguarding hub"}


def test_filters_combine_and_values_of_one_filter_widen(library):
    result = search(region=["north-east"], stage=["live"])
    assert titles(result) == ["Safeguarding hub"]
    result = search(stage=["live", "scaled"])
    assert set(titles(result)) == {
        "Telecare at home",
        "Online school admissions",
        "Safeguarding hub",
    }
    assert titles(search(theme=["data-sharing"], sector=["police"])) == ["Safeguarding hub"]
    assert titles(search(sector=["police"], outcome=["money-saved"])) == []
    assert set(titles(search(place=["northmoor"]))) == {"Telecare at home", "Safeguarding hub"}


def test_each_value_counts_what_ticking_it_would_add(library):
    result = search(stage=["live"])
    # Stage counts ignore the stage filter itself (ticking "scaled" adds one)...
    assert counts(result, "stage") == {"idea": 0, "pilot": 0, "live": 2, "scaled": 1}
    # ...and every other filter counts within the live ones.
    assert counts(result, "sector")["local-authority"] == 2
    assert counts(result, "sector")["police"] == 1
    assert counts(result, "outcome") == {
        "money-saved": 1,
        "staff-time-saved": 1,
        "residents-reached": 0,
        "satisfaction-change": 0,
    }
    assert counts(result, "region") == {"east-of-england": 1, "north-east": 1}


def test_members_only_case_studies_are_never_counted_or_listed_for_strangers(library, participant):
    stranger = search(query="telecare")
    assert "Members-only telecare figures" not in titles(stranger)
    assert counts(stranger, "stage")["pilot"] == 0
    member = search(user=participant, query="telecare")
    assert "Members-only telecare figures" in titles(member)
    assert counts(member, "stage")["pilot"] == 1


def test_sorting_by_an_outcome_puts_the_largest_first_and_those_without_it_last(
    library, participant
):
    result = search(user=participant, sort="money-saved")
    assert titles(result) == [
        "Members-only telecare figures",
        "Telecare at home",
        "Online school admissions",
        "Safeguarding hub",
    ]


def test_newest_first_by_default(library):
    assert titles(search())[0] == "Safeguarding hub"


def test_the_page_is_a_get_form_whose_address_can_be_bookmarked(client, library, index):
    query = urlencode([("q", "telecare"), ("theme", "health-and-social-care-integration")])
    html = client.get(f"{index.url}?{query}").content.decode()
    assert '<form method="get"' in html
    assert "1 case study matching “telecare”" in html
    assert re.search(r'value="health-and-social-care-integration"\s+checked', html)
    assert "Members-only telecare figures" not in html


def test_unknown_filter_values_are_dropped_not_failed(client, library, index):
    response = client.get(index.url, {"stage": "nonsense", "theme": "gone", "sort": "x"})
    assert response.status_code == 200
    assert "3 case studies" in response.content.decode()


def test_results_come_a_page_at_a_time_keeping_the_filters(client, index):
    for n in range(12):
        CaseStudyPageFactory(title=f"Mobile working {n}", stage="pilot")
    html = client.get(index.url, {"stage": "pilot"}).content.decode()
    assert html.count('class="practice-result ') == 10
    assert 'href="?stage=pilot&amp;page=2"' in html
    html = client.get(index.url, {"stage": "pilot", "page": 2}).content.decode()
    assert html.count('class="practice-result ') == 2


@pytest.mark.parametrize("count", [30, 300])
def test_a_filtered_search_runs_a_fixed_number_of_queries(
    client, index, participant, django_assert_max_num_queries, count
):
    OrganisationFactory.create_batch(3)
    case_studies_generate(index=index, count=count)
    client.force_login(participant)
    query = urlencode(
        [
            ("q", "telecare"),
            ("theme", "data-sharing"),
            ("sector", "local-authority"),
            ("sort", "money-saved"),
        ]
    )
    with django_assert_max_num_queries(BUDGET):
        response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200
    with django_assert_max_num_queries(KEPT_BUDGET):
        assert client.get(f"{index.url}?{query}").status_code == 200
    with django_assert_max_num_queries(BUDGET):
        assert client.get(index.url).status_code == 200


def test_a_kept_search_shows_a_newly_published_case_study(client, library, index):
    assert "Telecare at home" in client.get(index.url, {"q": "telecare"}).content.decode()
    CaseStudyPageFactory(title="Telecare in the valley", summary="More telecare.")
    html = client.get(index.url, {"q": "telecare"}).content.decode()
    assert "Telecare in the valley" in html and "2 case studies" in html


def test_a_kept_search_never_shows_a_title_its_reader_may_no_longer_open(client, library, index):
    """Even when nothing told the cache (another process changed it, say), every case study
    on the page is checked afresh."""
    assert "Telecare at home" in client.get(index.url, {"q": "telecare"}).content.decode()
    CaseStudyPage.objects.filter(title="Telecare at home").update(members_only=True)
    html = client.get(index.url, {"q": "telecare"}).content.decode()
    assert "Telecare at home" not in html
