from django.core.management import call_command
from wagtail import hooks

from .jobs import EVERY_FIVE_MINUTES, ScheduledJob


def publish_scheduled_pages():
    """Publish pages whose go-live time has passed and unpublish those whose expiry has."""
    call_command("publish_scheduled", verbosity=0)
    return "Published and expired the pages that were due."


@hooks.register("register_scheduled_jobs")
def register_jobs():
    return [
        ScheduledJob(
            "publish-scheduled-pages",
            "Publish pages whose go-live time has passed; unpublish expired ones.",
            EVERY_FIVE_MINUTES,
            publish_scheduled_pages,
        )
    ]
