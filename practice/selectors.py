"""Reads for the good practice pages, module blocks, proposals and the question bank. Each runs
a fixed number of queries, and every case study it returns comes from `visible_to(user)`."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail.models import Page, ReferenceIndex

from accounts.permissions import signed_in
from modules.models import ModulePage

from .caching import kept
from .forms import CaseStudySearchForm
from .models import (
    CaseStudyPage,
    CaseStudyProposal,
    LineOfEnquiry,
    LineOfEnquiryExample,
    QuestionSet,
    ResourcePage,
)
from .search import case_study_search, matching_ids
from .standings import proposal_standings

RESOURCES_PAGE_SIZE = 20
PROPOSALS_PAGE_SIZE = 20
QUESTION_BANK_PAGE_SIZE = 100


def querystring_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def case_study_search_page(*, index, request):
    """The good practice index: the search form, the results and filters with their counts."""
    form = CaseStudySearchForm(request.GET)
    filters = form.filters()
    search = case_study_search(
        user=request.user, filters=filters, page_number=request.GET.get("page") or 1
    )
    searched = bool(filters.query) or any(f.checked_count for f in search.facets)
    # The filters and results use nothing of the request but the search itself, so their HTML
    # is kept with the search's answer and the case studies shown (checked afresh each time).
    search_html = kept(
        f"html:{index.pk}:{search.cache_key}",
        lambda: render_to_string(
            "practice/includes/search_results.html",
            {
                "search": search,
                "searched": searched,
                "index_url": index.url,
                "page_querystring": search.filters.querystring(),
            },
        ),
    )
    return {
        "search_form": form,
        "search": search,
        "search_html": mark_safe(search_html),  # our own template's output, escaped there
        "resource_count": kept(
            f"resources-{index.pk}",
            lambda: ResourcePage.objects.live().descendant_of(index).count(),
        ),
    }


def citing_pages(*, case_study, user):
    """The pages that cite this case study (Wagtail's reference index) which this person may
    open, by title: the published modules they may open."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(case_study)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    if not ids:
        return []
    return list(
        ModulePage.objects.live()
        .filter(pk__in=ids)
        .visible_to(user)
        .only("id", "title", "url_path", "path", "depth")
        .order_by("title")
    )


def case_study_page_context(*, case_study, user):
    """What a case study page shows this person: its outcomes, documents, organisations (with
    their sectors), the modules that cite it and the peer challenge questions it answers. The
    contact's email address is for signed-in people only."""
    return {
        "outcomes": list(case_study.outcomes.all()),
        "documents": list(case_study.documents.select_related("document")),
        "organisations": list(case_study.organisations.select_related("place")),
        "themes": list(case_study.themes.all()),
        "cited_by": citing_pages(case_study=case_study, user=user),
        "lines_of_enquiry": list(
            LineOfEnquiry.objects.filter(examples__case_study=case_study).select_related("theme")
        ),
        "shows_contact_email": signed_in(user),
    }


def case_studies_for_block(*, user, chosen_ids=(), theme_ids=(), count=3):
    """For a module's case studies block: the chosen case studies (in the order chosen), or the
    latest `count` on the chosen themes; only those this person may open."""
    visible = CaseStudyPage.objects.visible_to(user).select_related("place")
    if chosen_ids:
        found = {page.pk: page for page in visible.filter(pk__in=list(chosen_ids))}
        return [found[pk] for pk in chosen_ids if pk in found]
    if theme_ids:
        visible = visible.filter(themes__in=list(theme_ids)).distinct()
    return list(visible.order_by("-first_published_at", "-pk")[:count])


def resources(*, query="", theme="", page_number=1):
    """Reports and resources, newest first, matching the words and the theme."""
    found = ResourcePage.objects.live()
    if theme:
        found = found.filter(themes__slug=theme)
    if query:
        found = found.filter(pk__in=matching_ids(query, ResourcePage))
    found = found.order_by("-first_published_at", "-pk").prefetch_related("themes")
    return Paginator(found, RESOURCES_PAGE_SIZE).get_page(page_number)


# --- Proposals ------------------------------------------------------------------------------


def proposals_of(*, user, page_number=1):
    """The person's own proposals, newest first, each with where it stands."""
    proposals = (
        CaseStudyProposal.objects.filter(proposed_by=user)
        .select_related("page")
        .order_by("-proposed_at", "-pk")
    )
    page = Paginator(proposals, PROPOSALS_PAGE_SIZE).get_page(page_number)
    standings = proposal_standings(page.object_list)
    for proposal in page.object_list:
        proposal.standing = standings[proposal.pk]
    return page


# --- The question bank ----------------------------------------------------------------------


def _lines_with_examples(lines, user):
    examples = LineOfEnquiryExample.objects.filter(
        case_study__in=CaseStudyPage.objects.visible_to(user).values("pk")
    ).select_related("case_study")
    return lines.select_related("theme").prefetch_related(
        "prompts", Prefetch("examples", queryset=examples, to_attr="visible_examples")
    )


def group_by_theme(lines):
    """[(theme, [lines])] keeping the lines' order."""
    groups = []
    for line in lines:
        if not groups or groups[-1][0] != line.theme:
            groups.append((line.theme, []))
        groups[-1][1].append(line)
    return groups


def question_bank(*, user, page_number=1):
    """Every line of enquiry, by theme, with its prompts and the case studies (this person may
    open) that show good answers."""
    page = Paginator(
        _lines_with_examples(LineOfEnquiry.objects.all(), user), QUESTION_BANK_PAGE_SIZE
    ).get_page(page_number)
    return page, group_by_theme(page.object_list)


def question_set_lines(*, question_set, user):
    """A question set's lines, by theme, with prompts and examples this person may open."""
    return list(_lines_with_examples(question_set.lines.all(), user))


def question_sets_of(*, user, page_number=1):
    """The question sets this person may open, newest first: their own (programme managers,
    every one, with its maker)."""
    sets = (
        QuestionSet.objects.visible_to(user)
        .select_related("created_by")
        .order_by("-created_at", "-pk")
    )
    return Paginator(sets, PROPOSALS_PAGE_SIZE).get_page(page_number)
