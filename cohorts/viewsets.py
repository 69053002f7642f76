"""Admin screens for running programmes: Wagtail snippet viewsets, registered from
`wagtail_hooks.py`. Their listing exports are formula-safe (`spreadsheets.admin`).

Programme managers hold the model permissions (granted by the role migration), so only they see
these menus; facilitators and nominators work in the site's own pages.
"""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from spreadsheets.admin import FormulaSafeSnippetViewSet as SnippetViewSet

from .models import (
    Certificate,
    CertificateDesign,
    Cohort,
    CompletionRule,
    Enrolment,
    EnrolmentEvent,
    Organisation,
    Place,
)
from .scheduling.admin import deletion_errors


class CohortAdminForm(WagtailAdminModelForm):
    """The cohort screen's form. A cohort session added on the same screen as a new cohort does
    not know its cohort yet, so its clean() could not check the session falls within the cohort's
    dates, and the database would refuse it with a server error instead of a form error."""

    def is_valid(self):
        # The cohort form fills in self.instance before the session forms are validated, so
        # each session checks against the dates as entered on this screen.
        for form in self.formsets["sessions"].forms:
            form.instance.cohort = self.instance
        valid = super().is_valid()
        # A session people have been told of is kept: cancelled from the sessions page instead.
        for form, message in deletion_errors(self.formsets["sessions"].forms):
            form.add_error(None, message)
            valid = False
        return valid


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
        return ObjectList(Cohort.panels, base_form_class=CohortAdminForm)


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
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Enrolment.objects.select_related("participant", "organisation", "cohort__programme")


class CompletionRuleViewSet(SnippetViewSet):
    model = CompletionRule
    icon = "tick-inverse"
    list_display = ["programme", "min_sessions_attended", "min_share_attended"]


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full-inverse"
    list_display = [
        "holder_name",
        "programme_title",
        "cohort_name",
        "issued_at",
        "email_sent_at",
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


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Records that only services may write are read-only in the admin, even for superusers:
    the audit trail, enrolments (changing one bypasses the seat rules, history and emails of
    cohorts.enrolment.services) and certificates (issued, re-issued and revoked by their own
    workflow). Registered in `CohortsConfig.ready()`."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "publish", "lock", "unlock"):
            return False
        return super().user_has_permission(user, action)


READ_ONLY_MODELS = (EnrolmentEvent, Enrolment, Certificate)


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


# --- Certificates (issue 6) ---


class CertificateDesignViewSet(SnippetViewSet):
    """Each programme's certificate design, edited by programme managers."""

    model = CertificateDesign
    icon = "doc-full"
    menu_label = "Certificate designs"
    add_to_admin_menu = True
    menu_order = 151
    list_display = ["programme", "heading", "signatory_name", "updated_at"]

    def get_queryset(self, request):
        return CertificateDesign.objects.select_related("programme")
