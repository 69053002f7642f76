"""Account emails: rendered while the request is at hand (`email_render`), sent by a background
task (`accounts.tasks.email_queue`), so no page waits on the mail server and none answers faster
or slower depending on whether an email went out."""

from django.conf import settings
from django.template.loader import render_to_string

from links import site_base_url


def email_render(*, template_prefix, to, context):
    """Subject and plain-text body from `<prefix>_subject.txt` and `<prefix>_message.txt`."""
    context = {"site_url": site_base_url(), "email": to, **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    if prefix and not subject.startswith(prefix):
        subject = prefix + subject
    body = render_to_string(f"{template_prefix}_message.txt", context).strip() + "\n"
    return subject, body
