"""The emails officers receive about their enrolment, written from templates under
templates/cohorts/emails/. Sent by `tasks.notify_enrolments`, through Django's email framework."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from links import absolute_reverse


def _message(template, context, to):
    subject = render_to_string(f"cohorts/emails/{template}_subject.txt", context)
    body = render_to_string(f"cohorts/emails/{template}.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[to])


def invitation_message(enrolment, invitation, raw_token):
    link = absolute_reverse("cohorts:invitation", raw_token)
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
