"""Admin screens for running programmes: Wagtail snippet viewsets, registered from
`wagtail_hooks.py`. Their listing exports are formula-safe (`spreadsheets.admin`).

Programme managers hold the model permissions (granted by the role migration), so only they see
these menus; facilitators and nominators work in the site's own pages.
"""

from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from accounts.admin_scoping import AcademySnippetViewSet as SnippetViewSet
from accounts.admin_scoping import ScopedPermissionPolicy

from .certificates import design_admin
from .models import (
    Certificate,
    Cohort,
    CompletionRule,
    Enrolment,
    EnrolmentEvent,
    Organisation,
    Place,
)
from .setup.forms import CohortAdminForm, CompletionRuleAdminForm
from .setup.panels import StandingChangesPanel


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

    @property
    def edit_handler(self):
        # Who a change would move is shown above everything else when a save is held back.
        return ObjectList([StandingChangesPanel(), *Cohort.panels], base_form_class=CohortAdminForm)


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    # A case study's editor picks the place it serves: names only, no personal data.
    chooser_open_to_editors = True
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
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Enrolment.objects.select_related("participant", "organisation", "cohort__programme")


class CompletionRuleViewSet(SnippetViewSet):
    model = CompletionRule
    icon = "tick-inverse"
    list_display = [
        "programme",
        "min_sessions_attended",
        "min_share_attended",
        "certificate_valid_for_months",
    ]

    @property
    def edit_handler(self):
        return ObjectList(
            [StandingChangesPanel(), *CompletionRule.panels],
            base_form_class=CompletionRuleAdminForm,
        )


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full-inverse"
    list_display = [
        "holder_name",
        "programme_title",
        "cohort_name",
        "issued_at",
        "email_sent_at",
        "expires_on",
        "revoked_at",
    ]
    list_filter = ["programme_title"]
    list_export = [
        "verification_code",
        "holder_name",
        "programme_title",
        "cohort_name",
        "issued_at",
        "email_sent_at",
        "revoked_at",
    ]
    inspect_view_enabled = True


class ReadOnlyPermissionPolicy(ScopedPermissionPolicy):
    """Records that only services may write are read-only in the admin, even for superusers:
    the audit trail, enrolments (changing one bypasses the seat rules, history and emails of
    cohorts.enrolment.services) and certificates (issued, re-issued and revoked by their own
    workflow). Registered in `CohortsConfig.ready()`."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "publish", "lock", "unlock"):
            return False
        return super().user_has_permission(user, action)


READ_ONLY_MODELS = (EnrolmentEvent, Enrolment, Certificate)
# Records a person sees in the admin only if `visible_to` gives them (accounts.admin_scoping).
SCOPED_MODELS = (Cohort, Organisation)


class EnrolmentEventViewSet(SnippetViewSet):
    model = EnrolmentEvent
    icon = "history"
    menu_label = "Enrolment history"
    list_display = ["at", "enrolment", "action", "from_status", "to_status", "actor"]
    list_filter = ["action", "enrolment__cohort"]
    list_export = ["at", "enrolment", "action", "from_status", "to_status", "actor", "details"]
    inspect_view_enabled = True
    ordering = ["-at"]

    def get_queryset(self, request):
        return EnrolmentEvent.objects.select_related(
            "actor", "enrolment__participant", "enrolment__cohort__programme"
        )


class AcademyViewSetGroup(SnippetViewSetGroup):
    menu_label = "Academy"
    menu_icon = "group"
    menu_order = 150
    items = (
        CohortViewSet,
        PlaceViewSet,
        OrganisationViewSet,
        EnrolmentViewSet,
        EnrolmentEventViewSet,
        CompletionRuleViewSet,
        CertificateViewSet,
    )


# --- Certificates (issue 6; designs with layouts, checks and a PDF preview, issue 21) ---

CertificateDesignViewSet = design_admin.CertificateDesignViewSet
