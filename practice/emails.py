"""The emails proposers receive, written from templates under templates/practice/emails/."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse


def _site_url(path):
    base = getattr(settings, "ACADEMY_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def _message(template, context, to):
    subject = render_to_string(f"practice/emails/{template}_subject.txt", context)
    body = render_to_string(f"practice/emails/{template}.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[to])


def published_message(proposal):
    page = proposal.page
    context = {
        "proposal": proposal,
        "page": page,
        "link": page.get_full_url() or _site_url(page.url or "/"),
    }
    return _message("published", context, proposal.proposed_by.email)


def sent_back_message(proposal, comment):
    context = {
        "proposal": proposal,
        "page": proposal.page,
        "comment": comment,
        "link": _site_url(reverse("practice:proposal_change", args=[proposal.pk])),
    }
    return _message("sent_back", context, proposal.proposed_by.email)
