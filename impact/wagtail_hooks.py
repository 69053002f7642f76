"""Admin screens for evidence of impact: each programme's capability wording (a snippet that
programme managers edit, granted by this app's role migration) and a menu item that takes
programme managers to the programme dashboard.

Self-assessments and session feedback are deliberately not in the admin: they are personal,
and are read through the dashboard and the cohort feedback page, where the suppression rule
holds."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from accounts.admin_scoping import AcademySnippetViewSet as SnippetViewSet
from accounts.roles import is_programme_manager
from personal_data import registry as personal_data_registry

from . import personal_data
from .models import CapabilityWording


class CapabilityWordingViewSet(SnippetViewSet):
    """How each programme words the six capabilities and its five-point scale."""

    model = CapabilityWording
    icon = "list-ol"
    menu_label = "Capability wording"
    add_to_admin_menu = True
    menu_order = 152
    list_display = ["programme", "updated_at"]

    def get_queryset(self, request):
        return CapabilityWording.objects.select_related("programme")


register_snippet(CapabilityWordingViewSet)


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return is_programme_manager(request.user)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        "Programme dashboard",
        reverse("impact:dashboard"),
        name="programme-dashboard",
        icon_name="table",
        order=153,
    )


hooks.register(personal_data_registry.EXPORT, personal_data.export_person, order=30)
hooks.register(personal_data_registry.ERASE, personal_data.erase_person, order=30)
