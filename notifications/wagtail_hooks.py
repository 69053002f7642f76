"""What notifications adds to Wagtail: the wording screen, its scheduled job and its answers
to the personal-data app."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from personal_data import registry as personal_data_registry
from scheduler.jobs import HOURLY, ScheduledJob

from . import personal_data
from .services import notifications_recover_stuck
from .viewsets import NotificationWordingViewSet

register_snippet(NotificationWordingViewSet)

hooks.register(personal_data_registry.EXPORT, personal_data.export_person, order=40)
hooks.register(personal_data_registry.ERASE, personal_data.erase_person, order=40)


def recover_stuck():
    return f"{notifications_recover_stuck()} notifications left sending put back to try again."


@hooks.register("register_scheduled_jobs")
def register_jobs():
    return [
        ScheduledJob(
            "notifications-recover",
            "Notifications a stopped worker left half-sent are tried again when next asked for.",
            HOURLY,
            recover_stuck,
        )
    ]
