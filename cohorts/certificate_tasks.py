"""Background work for certificates, run by django-tasks (at once in dev and tests, by a worker
in production): a closed cohort's confirmed bulk issue, and the emails sent on issue."""

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from .certificates import certificate_bulk_issue_process, verify_url
from .emails import site_url
from .models import Certificate, CertificateBulkIssue, CertificateEvent


@task()
def certificate_bulk_issue_run(job_id: int):
    """Issue the certificates a facilitator confirmed, updating the run's progress as it goes."""
    job = CertificateBulkIssue.objects.select_related("cohort", "requested_by").get(pk=job_id)
    if job.status != CertificateBulkIssue.Status.QUEUED:
        return 0  # Already run (a retried task must not issue twice).
    certificate_bulk_issue_process(job=job)
    return CertificateBulkIssue.objects.get(pk=job_id).issued


def _message(certificate):
    context = {
        "certificate": certificate,
        "download_url": site_url(reverse("cohorts:certificate_download", args=[certificate.pk])),
        "verify_url": verify_url(certificate),
    }
    subject = render_to_string("cohorts/certificates/email/issued_subject.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=render_to_string("cohorts/certificates/email/issued.txt", context),
        to=[certificate.enrolment.participant.email],
    )


@task()
def certificate_emails_send(certificate_ids: list[int]):
    """Email each holder the link to their certificate, once per edition, and record when it
    went so managers can see it was sent. A revoked certificate is not announced."""
    certificates = list(
        Certificate.objects.valid()
        .filter(pk__in=certificate_ids, email_sent_at__isnull=True)
        .select_related("enrolment__participant")
        .order_by("pk")
    )
    if not certificates:
        return 0
    with get_connection() as connection:
        connection.send_messages([_message(c) for c in certificates])
    now = timezone.now()
    Certificate.objects.filter(pk__in=[c.pk for c in certificates]).update(email_sent_at=now)
    CertificateEvent.objects.bulk_create(
        CertificateEvent(
            certificate=c,
            action=CertificateEvent.Action.EMAILED,
            at=now,
            details={"to": c.enrolment.participant.email, "edition": c.edition},
        )
        for c in certificates
    )
    return len(certificates)
