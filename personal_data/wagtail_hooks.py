from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from scheduler.jobs import DAILY, ScheduledJob

from . import permissions
from .services import personal_data_anonymise_expired


@hooks.register("register_user_listing_buttons")
def erase_personal_data_button(user, request_user):
    """'Erase personal data' in the admin's people list, for programme managers only."""
    if not permissions.check(request_user, "erase-person") or user.pk == request_user.pk:
        return []
    if user.erased_at:
        return []
    return [
        ListingButton(
            "Erase personal data",
            reverse("personal_data:person_erase", args=[user.pk]),
            priority=100,
        )
    ]


def anonymise_expired():
    run = personal_data_anonymise_expired()
    return f"{len(run.people)} people anonymised after the retention period."


@hooks.register("register_scheduled_jobs")
def register_jobs():
    return [
        ScheduledJob(
            "anonymise-expired",
            "Anonymise people ACADEMY_RETENTION_YEARS after their last cohort closed.",
            DAILY,
            anonymise_expired,
        )
    ]
