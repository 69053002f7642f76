"""Cohort reports in Wagtail's admin menu, for whoever may open them: the cohort dashboard and
each programme's attendance across its cohorts (pages of the site, reached from the admin)."""

from django.urls import reverse
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from modules.models import ProgrammePage

from .. import permissions


class CohortReportsMenu(Menu):
    """Its items depend on who is asking (and on the programmes published), so they are made
    for each request, once."""

    def menu_items_for_request(self, request):
        cached = getattr(request, "_cohort_reports_menu", None)
        if cached is not None:
            return cached
        items = []
        if permissions.check(request.user, "view-cohort-dashboard"):
            items.append(
                MenuItem("Cohort dashboard", reverse("cohorts:dashboard"), icon_name="table")
            )
        if permissions.check(request.user, "view-programme-attendance"):
            for order, programme in enumerate(ProgrammePage.objects.live().order_by("title")):
                items.append(
                    MenuItem(
                        f"Attendance: {programme.title}",
                        reverse("cohorts:programme_attendance", args=[programme.pk]),
                        name=f"programme-attendance-{programme.pk}",
                        icon_name="table",
                        order=1001 + order,
                    )
                )
        request._cohort_reports_menu = items
        return items


def cohort_reports_menu_item():
    return SubmenuMenuItem(
        "Cohort reports", CohortReportsMenu(), name="cohort-reports", icon_name="table", order=300
    )
