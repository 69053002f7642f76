"""Account emails: rendered while the request is at hand, sent by a background task
(accounts.tasks.email_send), so no page waits on the mail server and none answers faster or
slower depending on whether an email went out."""

from django.conf import settings
from django.template.loader import render_to_string


def email_render(*, template_prefix, to, context):
    """Subject and plain-text body from `<prefix>_subject.txt` and `<prefix>_message.txt`."""
    context = {"site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"), "email": to, **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    if prefix and not subject.startswith(prefix):
        subject = prefix + subject
    body = render_to_string(f"{template_prefix}_message.txt", context).strip() + "\n"
    return subject, body


def email_queue(*, template_prefix, to, context):
    """Render now, send from the task. A task queued in the database is only seen by a worker
    once the surrounding transaction commits, so a rolled-back change sends nothing."""
    from .tasks import email_send

    subject, body = email_render(template_prefix=template_prefix, to=to, context=context)
    email_send.enqueue(subject=subject, body=body, to=[to])
