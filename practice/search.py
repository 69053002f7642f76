"""Find what worked: full-text search over the case studies a person may open, combined with
filters by theme, sector, region, place, stage and outcome type, each value with a count
beside it, sorted by newest or by the size of one outcome, a page at a time.

The words are matched by Wagtail search (its database backend: SQLite FTS in development,
PostgreSQL full-text search in production), once per search. Filters and counts are plain SQL
on the matching case studies, so a search runs the same number of queries however many case
studies there are: one count per filter, the page of results and their count, and a few
look-ups for what the results show. The answer is kept (practice.caching), so the same search
again costs one query to check that its case studies may still be opened.

Counts follow the usual rule for filters where several values of one filter may be ticked:
a value's count is how many case studies there would be with that value ticked too, given the
words and every other filter.
"""

import hashlib
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Subquery

from cohorts.models import Place, Sector

from .caching import kept
from .models import CaseStudyOutcome, CaseStudyPage, OutcomeKind, Region, Stage, Theme
from .querysets import visibility_key

PAGE_SIZE = 10
# What a result needs of its case study (its body is never read for a list).
RESULT_FIELDS = [
    "id",
    "title",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "summary",
    "stage",
    "region",
    "members_only",
    "place__name",
]
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

    def querystring(self):
        """The search as a query string (without the page), for its pagination links."""
        pairs = [("q", self.query)] if self.query else []
        for name, _legend in FACETS:
            pairs += [(name, value) for value in self.selected(name)]
        if self.sort != NEWEST:
            pairs.append(("sort", self.sort))
        return urlencode(pairs)


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


class ResultList:
    """A page's case studies, read from the database only when a template first needs them
    (the results' HTML is kept with the search's answer: see selectors.case_study_search_page)."""

    def __init__(self, ids, details):
        self.ids, self.details, self._pages = ids, details, None

    def _load(self):
        if self._pages is None:
            found = {
                page.pk: page
                for page in CaseStudyPage.objects.filter(pk__in=self.ids)
                .only(*RESULT_FIELDS)
                .select_related("place")
            }
            self._pages = []
            for pk in self.ids:
                if pk in found:
                    found[pk].details = self.details[pk]
                    self._pages.append(found[pk])
        return self._pages

    def __iter__(self):
        return iter(self._load())

    def __len__(self):
        return len(self.ids)

    def __bool__(self):
        return bool(self.ids)


@dataclass
class CaseStudySearch:
    """One search's answer: a page of case studies, how many in all, and the filters with
    their counts."""

    page: object
    total: int
    facets: list
    filters: CaseStudyFilters
    sorts: list
    cache_key: str = ""  # the search's answer and the case studies shown: for kept HTML


def _asked(user, filters, page_number):
    asked = hashlib.sha256(repr((filters, str(page_number))).encode()).hexdigest()
    return f"search:{visibility_key(user)}:{asked}"


def _answer(user, filters, page_number):
    """The counts and the ids of the page's case studies, worked out in the database."""
    base = CaseStudyPage.objects.visible_to(user)
    if filters.query:
        # Matched once, then reused by every count below.
        base = base.filter(pk__in=list(matching_ids(filters.query).values_list("pk", flat=True)))
    themes = list(Theme.objects.all())
    known_themes = {theme.slug for theme in themes}
    filters = replace(filters, theme=tuple(s for s in filters.theme if s in known_themes))

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
    page = Paginator(_ordered(results, filters.sort).values_list("pk", flat=True), PAGE_SIZE)
    page = page.get_page(page_number)
    ids = list(page.object_list)
    return {
        "filters": filters,
        "facets": facets,
        "total": page.paginator.count,
        "number": page.number,
        "ids": ids,
        "details": _details(ids),
    }


def _details(ids):
    """What a result shows besides its own fields: organisations, themes and outcomes."""
    details = {pk: {"organisations": [], "themes": [], "outcomes": []} for pk in ids}
    for pk, name in (
        _organisations.objects.filter(casestudypage_id__in=ids)
        .values_list("casestudypage_id", "organisation__name")
        .order_by("organisation__name")
    ):
        details[pk]["organisations"].append(name)
    for pk, name in (
        _themes.objects.filter(casestudypage_id__in=ids)
        .values_list("casestudypage_id", "theme__name")
        .order_by("theme__position", "theme__name")
    ):
        details[pk]["themes"].append(name)
    for outcome in CaseStudyOutcome.objects.filter(page_id__in=ids).order_by("sort_order"):
        details[outcome.page_id]["outcomes"].append(
            (outcome.get_kind_display(), outcome.display_value, outcome.year)
        )
    return details


def case_study_search(*, user, filters: CaseStudyFilters, page_number=1) -> CaseStudySearch:
    """Search the case studies this person may open (never a title they may not open: every
    count, option and result comes from `visible_to(user)`)."""
    key = _asked(user, filters, page_number)
    answer = kept(key, lambda: _answer(user, filters, page_number))
    # Checked afresh (one query for ids), so that only case studies this person may open now
    # are ever shown, even if the kept answer is older than a change.
    visible = set(
        CaseStudyPage.objects.visible_to(user)
        .filter(pk__in=answer["ids"])
        .values_list("pk", flat=True)
    )
    shown = [pk for pk in answer["ids"] if pk in visible]
    page = Paginator(range(answer["total"]), PAGE_SIZE).get_page(answer["number"])
    page.object_list = ResultList(shown, answer["details"])
    return CaseStudySearch(
        page=page,
        total=answer["total"],
        facets=answer["facets"],
        filters=answer["filters"],
        sorts=SORTS,
        cache_key=f"{key}:{hashlib.sha256(repr(shown).encode()).hexdigest()[:16]}",
    )
