"""Turning a kind's wording and values into the email people receive: a subject, a plain-text
part and an HTML part in the site's GOV.UK look (templates/notifications/email/)."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string

from links import absolute_reverse, site_base_url

from .wording import fill, fill_subject, text_to_html


@dataclass(frozen=True)
class EmailContent:
    subject: str
    text: str
    html: str


def render_email(*, kind, values, subject=None, body=None):
    """The email for `kind` with `values` filled in, worded by `subject` and `body` (a
    programme's own wording) or else by the kind's default."""
    subject = fill_subject(subject if subject is not None else kind.subject, values)
    text = fill(body if body is not None else kind.body, values).strip() + "\n"
    context = {
        "subject": subject,
        "body_html": text_to_html(text),
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "Academy"),
        "site_url": site_base_url(),
        "home_url": absolute_reverse("home"),
        "notifications_url": absolute_reverse("notifications:mine"),
    }
    html = render_to_string("notifications/email/message.html", context)
    footer = render_to_string("notifications/email/footer.txt", context)
    return EmailContent(subject=subject, text=text + footer, html=html)
