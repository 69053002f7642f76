"""`{% notification_status_tag notification %}`: a notification's status as a GOV.UK tag, one
colour per status in one place."""

from django import template
from django.utils.html import format_html

from ..models import Notification

register = template.Library()

COLOURS = {
    Notification.Status.QUEUED: "grey",
    Notification.Status.SENDING: "light-blue",
    Notification.Status.SENT: "green",
    Notification.Status.FAILED: "red",
}


@register.simple_tag
def notification_status_tag(notification):
    status = Notification.Status(notification.status)
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong>', COLOURS[status], status.label
    )
