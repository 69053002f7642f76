"""Admin screens for the good practice database and the question bank, and the hook that keeps
page choosers from showing case studies a person may not open.

Programme managers hold the model permissions (granted by this app's migration), so only they
see these menus. Proposals and question sets are read-only here: they are written by the site's
own forms (practice.services)."""

from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from accounts.admin_scoping import AcademySnippetViewSet as SnippetViewSet
from accounts.permissions import ALLOWED, Permission
from modules import participation
from modules.blocks import CASE_STUDIES_FOR_BLOCK

from .models import CaseStudyPage, CaseStudyProposal, LineOfEnquiry, QuestionSet, Theme
from .selectors import case_studies_for_block


class CaseStudyListingViewSet(PageListingViewSet):
    """Every case study in one flat list, with the filters programme managers ask for."""

    model = CaseStudyPage
    icon = "doc-full-inverse"
    menu_label = "Case studies"
    menu_order = 160
    add_to_admin_menu = True
    name = "case_studies"
    list_display = ["title", "stage", "region", "members_only", "first_published_at", "live"]
    list_filter = ["stage", "region", "members_only", "themes", "live"]
    list_export = [
        "title",
        "summary",
        "stage",
        "region",
        "place",
        "members_only",
        "contact_name",
        "first_published_at",
        "live",
        "full_url",
    ]


@hooks.register("register_admin_viewset")
def register_case_study_listing():
    return CaseStudyListingViewSet()


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    # Module editors pick themes in a module's case studies block.
    chooser_open_to_editors = True
    list_display = ["name", "slug", "position"]
    list_export = ["name", "slug", "description", "position"]
    search_fields = ["name"]
    ordering = ["position", "name"]


class LineOfEnquiryViewSet(SnippetViewSet):
    model = LineOfEnquiry
    icon = "help"
    menu_label = "Lines of enquiry"
    list_display = ["question", "theme", "position"]
    list_filter = ["theme"]
    list_export = ["theme", "position", "question"]
    search_fields = ["question"]

    def get_queryset(self, request):
        return LineOfEnquiry.objects.select_related("theme")


class CaseStudyProposalViewSet(SnippetViewSet):
    model = CaseStudyProposal
    icon = "mail"
    menu_label = "Proposals"
    list_display = ["page", "proposed_by", "proposed_at", "published_notice_sent_at"]
    list_filter = ["proposed_at"]
    list_export = ["page", "proposed_by", "proposed_at", "published_notice_sent_at"]
    inspect_view_enabled = True
    ordering = ["-proposed_at"]

    def get_queryset(self, request):
        return CaseStudyProposal.objects.visible_to(request.user).select_related(
            "page", "proposed_by"
        )


class QuestionSetViewSet(SnippetViewSet):
    model = QuestionSet
    icon = "list-ul"
    menu_label = "Question sets"
    list_display = ["council", "created_by", "created_at"]
    list_filter = ["created_at"]
    list_export = ["council", "created_by", "created_at"]
    inspect_view_enabled = True
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return QuestionSet.objects.visible_to(request.user).select_related("created_by")


class GoodPracticeViewSetGroup(SnippetViewSetGroup):
    menu_label = "Good practice"
    menu_icon = "doc-full-inverse"
    menu_order = 161
    items = (ThemeViewSet, LineOfEnquiryViewSet, CaseStudyProposalViewSet, QuestionSetViewSet)


register_snippet(GoodPracticeViewSetGroup)


@hooks.register("construct_page_chooser_queryset")
def hide_case_studies_the_chooser_may_not_open(pages, request):
    """A page chooser (a module's case studies block, a line of enquiry's examples) offers only
    case studies this person may open: never a draft's or a members-only title to others."""
    hidden = CaseStudyPage.objects.exclude(
        pk__in=CaseStudyPage.objects.visible_to(request.user).values("pk")
    )
    return pages.exclude(pk__in=hidden.values("pk"))


@hooks.register(participation.DOCUMENT_PERMISSION)
def document_permission(user, document, references):
    """None when no case study shows the document; otherwise whether this person may download
    it: anyone when an open, published case study shows it, else those who may open one."""
    page_ids = {
        int(object_id)
        for app_label, model, object_id in references
        if (app_label, model) == ("wagtailcore", "page")
    }
    case_studies = CaseStudyPage.objects.filter(pk__in=page_ids)
    if not page_ids or not case_studies.exists():
        return None
    if case_studies.visible_to(user).exists():
        return ALLOWED
    return Permission(False, "This document belongs to a case study you cannot open.")


hooks.register(CASE_STUDIES_FOR_BLOCK, case_studies_for_block)
