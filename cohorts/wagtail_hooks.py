"""Admin screens for running programmes, registered as Wagtail snippet viewsets.

Programme managers hold the model permissions (granted by the role migration), so only they see
these menus; facilitators and nominators work in the site's own pages.
"""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Certificate, Cohort, CompletionRule, Enrolment, Organisation, Place


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = "Cohorts"
    list_display = ["name", "programme", "place", "starts_on", "ends_on", "status", "capacity"]
    list_filter = ["status", "programme", "place"]
    list_export = ["name", "programme", "place", "starts_on", "ends_on", "status", "capacity"]
    search_fields = ["name"]
    ordering = ["-starts_on"]

    def get_queryset(self, request):
        return Cohort.objects.select_related("programme", "place")


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "sector", "place"]
    list_filter = ["sector", "place"]
    list_export = ["name", "sector", "place"]
    search_fields = ["name"]


class EnrolmentViewSet(SnippetViewSet):
    model = Enrolment
    icon = "user"
    list_display = ["participant", "cohort", "organisation", "status"]
    list_filter = ["status", "cohort", "organisation"]
    list_export = ["participant", "cohort", "organisation", "status", "created_at"]

    def get_queryset(self, request):
        return Enrolment.objects.select_related(
            "participant", "organisation", "cohort__programme"
        )


class CompletionRuleViewSet(SnippetViewSet):
    model = CompletionRule
    icon = "tick-inverse"
    list_display = ["programme", "min_sessions_attended", "min_share_attended"]


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full-inverse"
    list_display = ["holder_name", "programme_title", "cohort_name", "issued_at", "revoked_at"]
    list_filter = ["programme_title"]
    list_export = [
        "verification_code",
        "holder_name",
        "programme_title",
        "cohort_name",
        "issued_at",
        "revoked_at",
    ]
    inspect_view_enabled = True


class AcademyViewSetGroup(SnippetViewSetGroup):
    menu_label = "Academy"
    menu_icon = "group"
    menu_order = 150
    items = (
        CohortViewSet,
        PlaceViewSet,
        OrganisationViewSet,
        EnrolmentViewSet,
        CompletionRuleViewSet,
        CertificateViewSet,
    )


register_snippet(AcademyViewSetGroup)
