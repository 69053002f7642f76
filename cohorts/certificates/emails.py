"""The email a holder receives when their certificate is issued or re-issued, with the links to
download and verify it, sent by a background task once the issue has committed."""

from functools import partial

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from links import absolute_reverse

from ..models import Certificate, CertificateEvent
from .verification import verify_url


def notify_on_commit(certificate_ids):
    """Email these certificates' holders once the transaction that issued them commits."""
    transaction.on_commit(
        partial(certificate_emails_send.enqueue, certificate_ids=list(certificate_ids))
    )


def _message(certificate):
    context = {
        "certificate": certificate,
        "download_url": absolute_reverse("cohorts:certificate_download", certificate.pk),
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
