"""Background work for cohorts, run by django-tasks (at once in dev and tests; by a worker in
production), so that a page which nominates 200 officers answers straight away."""

from django.core.mail import get_connection
from django_tasks import task

from ..models import Enrolment
from . import emails
from .invitations import invitations_issue


@task()
def notify_enrolments(enrolment_ids):
    """Email each officer what their enrolment's current status calls for: an invitation link
    if they are invited, a note if they are on the waiting list. Looking the status up here,
    not when queued, means a withdrawn officer is not sent a stale invitation."""
    enrolments = list(
        Enrolment.objects.filter(pk__in=enrolment_ids).select_related(
            "participant", "organisation", "cohort__programme", "cohort__place"
        )
    )
    invited = [e for e in enrolments if e.status == Enrolment.Status.INVITED]
    links = dict(zip(invited, invitations_issue(enrolments=invited), strict=True))
    messages = []
    for enrolment in enrolments:
        if enrolment.status == Enrolment.Status.INVITED:
            invitation, raw_token = links[enrolment]
            messages.append(emails.invitation_message(enrolment, invitation, raw_token))
        elif enrolment.status == Enrolment.Status.WAITING_LIST:
            messages.append(emails.waiting_list_message(enrolment))
    if messages:
        with get_connection() as connection:
            connection.send_messages(messages)
    return len(messages)
