"""The emails officers receive about their enrolment, written from templates under
templates/cohorts/emails/. Sent by cohorts.tasks, through Django's email framework."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse


def site_url(path):
    base = getattr(settings, "ACADEMY_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def _message(template, context, to):
    subject = render_to_string(f"cohorts/emails/{template}_subject.txt", context)
    body = render_to_string(f"cohorts/emails/{template}.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[to])


def invitation_message(enrolment, invitation, raw_token):
    link = site_url(reverse("cohorts:invitation", args=[raw_token]))
    context = {
        "enrolment": enrolment,
        "cohort": enrolment.cohort,
        "link": link,
        "expires_at": invitation.expires_at,
    }
    return _message("invitation", context, invitation.sent_to)


def waiting_list_message(enrolment):
    context = {"enrolment": enrolment, "cohort": enrolment.cohort}
    return _message("waiting_list", context, enrolment.participant.email)
