"""Find what worked: full-text search over the case studies a person may open, combined with
filters by theme, sector, region, place, stage and outcome type, each value with a count
beside it, sorted by newest or by the size of one outcome, a page at a time.

The words are matched by Wagtail search (its database backend: SQLite FTS in development,
PostgreSQL full-text search in production). Filters and counts are plain SQL on the matching
case studies, so a search runs the same dozen or so queries however many case studies there
are: the count and the page of results, one count per filter, and a few look-ups for labels.

Counts follow the usual rule for filters where several values of one filter may be ticked:
a value's count is how many case studies there would be with that value ticked too, given the
words and every other filter.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Subquery

from cohorts.models import Place, Sector

from .models import CaseStudyOutcome, CaseStudyPage, OutcomeKind, Region, Stage, Theme

PAGE_SIZE = 10
NEWEST = "newest"
SORTS = [(NEWEST, "Newest")] + [
    (kind.value, f"Largest {kind.label[0].lower()}{kind.label[1:]}") for kind in OutcomeKind
]


@dataclass(frozen=True)
class CaseStudyFilters:
    """What the searcher asked for (already cleaned by the search form)."""

    query: str = ""
    theme: tuple = ()
    sector: tuple = ()
    region: tuple = ()
    place: tuple = ()
    stage: tuple = ()
    outcome: tuple = ()
    sort: str = NEWEST

    def selected(self, name):
        return getattr(self, name)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool


@dataclass
class Facet:
    name: str  # the GET parameter
    legend: str
    options: list = field(default_factory=list)

    @property
    def checked_count(self):
        return sum(1 for option in self.options if option.checked)


def matching_ids(query, model=CaseStudyPage):
    """The published pages of `model` whose words match `query`, as a subquery of primary keys
    (a list, for a search backend that does not hand back a database query)."""
    results = model.objects.live().search(query, order_by_relevance=False)
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is None:  # pragma: no cover - only the database backends are configured
        return [page.pk for page in results]
    return get_queryset().order_by().values("pk")


# --- One filter each: how it narrows case studies, and how it counts them -------------------

_themes = CaseStudyPage.themes.through
_organisations = CaseStudyPage.organisations.through


def _narrow(queryset, name, values):
    if not values:
        return queryset
    if name == "theme":
        rows = _themes.objects.filter(theme__slug__in=values)
        return queryset.filter(pk__in=rows.values("casestudypage_id"))
    if name == "sector":
        rows = _organisations.objects.filter(organisation__sector__in=values)
        return queryset.filter(pk__in=rows.values("casestudypage_id"))
    if name == "outcome":
        rows = CaseStudyOutcome.objects.filter(kind__in=values)
        return queryset.filter(pk__in=rows.values("page_id"))
    if name == "place":
        return queryset.filter(place__slug__in=values)
    return queryset.filter(**{f"{name}__in": values})  # region, stage


def _count(queryset, name):
    """{value: number of case studies} for one filter, over `queryset`."""
    ids = queryset.order_by().values("pk")
    if name == "theme":
        rows = _themes.objects.filter(casestudypage_id__in=ids).values_list("theme__slug")
        return dict(rows.annotate(n=Count("id")).order_by())
    if name == "sector":
        rows = _organisations.objects.filter(casestudypage_id__in=ids)
        rows = rows.values_list("organisation__sector").annotate(
            n=Count("casestudypage_id", distinct=True)
        )
        return dict(rows.order_by())
    if name == "outcome":
        rows = CaseStudyOutcome.objects.filter(page_id__in=ids).values_list("kind")
        return dict(rows.annotate(n=Count("id")).order_by())
    column = "place__slug" if name == "place" else name
    rows = queryset.order_by().exclude(**{f"{column}__isnull": True}).values_list(column)
    return dict(rows.annotate(n=Count("pk")))


FACETS = [
    ("theme", "Theme"),
    ("sector", "Sector"),
    ("region", "Region"),
    ("place", "Place"),
    ("stage", "Stage"),
    ("outcome", "Outcome reported"),
]


def _choices(name, themes, places):
    """(value, label) for every value a filter offers, in the order it lists them."""
    if name == "theme":
        return [(theme.slug, theme.name) for theme in themes]
    if name == "place":
        return places
    return {
        "sector": Sector.choices,
        "region": Region.choices,
        "stage": Stage.choices,
        "outcome": OutcomeKind.choices,
    }[name]


def _place_choices(counts, selected):
    """Places are many: only those with case studies (or ticked) are offered."""
    slugs = set(counts) | set(selected)
    if not slugs:
        return []
    return list(Place.objects.filter(slug__in=slugs).order_by("name").values_list("slug", "name"))


def _ordered(queryset, sort):
    if sort in OutcomeKind.values:
        size = CaseStudyOutcome.objects.filter(page=OuterRef("pk"), kind=sort).values("value")[:1]
        return queryset.annotate(outcome_size=Subquery(size)).order_by(
            F("outcome_size").desc(nulls_last=True), "-first_published_at", "-pk"
        )
    return queryset.order_by("-first_published_at", "-pk")


@dataclass
class CaseStudySearch:
    """One search's answer: a page of case studies, how many in all, and the filters with
    their counts."""

    page: object
    total: int
    facets: list
    filters: CaseStudyFilters
    sorts: list


def case_study_search(*, user, filters: CaseStudyFilters, page_number=1) -> CaseStudySearch:
    """Search the case studies this person may open (never a title they may not open: every
    count, option and result comes from `visible_to(user)`)."""
    base = CaseStudyPage.objects.visible_to(user)
    if filters.query:
        base = base.filter(pk__in=matching_ids(filters.query))
    themes = list(Theme.objects.all())
    known_themes = {theme.slug for theme in themes}
    filters = CaseStudyFilters(
        **{**filters.__dict__, "theme": tuple(s for s in filters.theme if s in known_themes)}
    )

    facets = []
    for name, legend in FACETS:
        others = base
        for other, _legend in FACETS:
            if other != name:
                others = _narrow(others, other, filters.selected(other))
        counts = _count(others, name)
        selected = filters.selected(name)
        places = _place_choices(counts, selected) if name == "place" else None
        facet = Facet(name=name, legend=legend)
        for value, label in _choices(name, themes, places):
            count = counts.get(value, 0)
            if count or name not in ("region", "place") or value in selected:
                facet.options.append(FacetOption(value, label, count, value in selected))
        facets.append(facet)

    results = base
    for name, _legend in FACETS:
        results = _narrow(results, name, filters.selected(name))
    results = _ordered(results, filters.sort).select_related("place")
    results = results.prefetch_related("themes", "organisations", "outcomes")
    page = Paginator(results, PAGE_SIZE).get_page(page_number)
    return CaseStudySearch(
        page=page, total=page.paginator.count, facets=facets, filters=filters, sorts=SORTS
    )
