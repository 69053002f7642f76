"""The notifications a certificate's holder receives: issued (with the links to download and
verify it), re-issued (a new edition), revoked. Each is sent by a background task once the
change has committed, once per edition (or revocation)."""

from functools import partial

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from links import absolute_reverse
from notifications.kinds import NotificationKind
from notifications.services import Message, notifications_send

from ..mail import COHORT, COHORT_SAMPLE, PERSON, PERSON_SAMPLE, local
from ..models import Certificate, CertificateEvent
from ..record_versions import cohort_records_changed
from .verification import verify_url

CERTIFICATE = {
    "holder_name": "The name printed on the certificate",
    "certificate_programme": "The programme printed on it",
    "certificate_cohort": "The cohort printed on it",
    "download_link": "Where the holder downloads it (after signing in)",
    "verify_link": "The public page where anyone checks it",
    "code": "Its verification code",
}
CERTIFICATE_SAMPLE = {
    "holder_name": "Sam Okafor",
    "certificate_programme": "Digital Academy",
    "certificate_cohort": "Kent 2026",
    "download_link": "https://academy.example.gov.uk/cohorts/certificates/12/download/",
    "verify_link": "https://academy.example.gov.uk/certificates/verify/ABCD-EFGH-JKLM-NPQR/",
    "code": "ABCD-EFGH-JKLM-NPQR",
}

KINDS = [
    NotificationKind(
        "certificate-issued",
        "Certificate issued",
        "the participant who completed",
        {**PERSON, **COHORT, **CERTIFICATE},
        {**PERSON_SAMPLE, **COHORT_SAMPLE, **CERTIFICATE_SAMPLE},
        subject="Your certificate: {certificate_programme}",
        body="""Dear {holder_name},

Congratulations: you have completed {certificate_programme} ({certificate_cohort}), and your certificate is ready.

Download it (after signing in):
{download_link}

Anyone you show it to can check it is genuine at:
{verify_link}
Verification code: {code}""",
    ),
    NotificationKind(
        "certificate-reissued",
        "Certificate re-issued",
        "the certificate's holder",
        {**PERSON, **COHORT, **CERTIFICATE},
        {**PERSON_SAMPLE, **COHORT_SAMPLE, **CERTIFICATE_SAMPLE},
        subject="Your certificate has been re-issued: {certificate_programme}",
        body="""Dear {holder_name},

Your certificate for {certificate_programme} ({certificate_cohort}) has been re-issued. It keeps its verification code; the earlier copy is replaced.

Download the new copy (after signing in):
{download_link}

Anyone can check it at:
{verify_link}
Verification code: {code}""",
    ),
    NotificationKind(
        "certificate-revoked",
        "Certificate revoked",
        "the certificate's holder",
        {
            **PERSON,
            **COHORT,
            **CERTIFICATE,
            "reason": "Why it was revoked",
            "revoked_on": "When it was revoked",
        },
        {
            **PERSON_SAMPLE,
            **COHORT_SAMPLE,
            **CERTIFICATE_SAMPLE,
            "reason": "Issued in error: a session was recorded twice.",
            "revoked_on": "Friday 4 December 2026, 14:10",
        },
        subject="Your certificate has been revoked: {certificate_programme}",
        body="""Dear {holder_name},

Your certificate for {certificate_programme} ({certificate_cohort}), verification code {code}, was revoked on {revoked_on}.

The reason given: {reason}

Its verification page now says it was revoked, and it can no longer be downloaded. If you think this is a mistake, please contact the programme team.""",
    ),
]


def notify_on_commit(certificate_ids):
    """Email these certificates' holders once the transaction that issued them commits."""
    transaction.on_commit(
        partial(certificate_emails_send.enqueue, certificate_ids=list(certificate_ids))
    )


def revoked_notify_on_commit(certificate_id):
    transaction.on_commit(partial(certificate_revoked_send.enqueue, certificate_id=certificate_id))


def _message(kind, certificate, key, extra=None):
    enrolment = certificate.enrolment
    person = enrolment.participant
    return Message(
        kind=kind,
        key=key,
        recipient=person,
        values={
            "first_name": person.first_name or person.email,
            "full_name": person.get_full_name().strip() or person.email,
            "cohort": str(enrolment.cohort),
            "programme": enrolment.cohort.programme.title,
            "cohort_dates": f"{certificate.starts_on:%-d %B %Y} to {certificate.ends_on:%-d %B %Y}",
            "holder_name": certificate.holder_name,
            "certificate_programme": certificate.programme_title,
            "certificate_cohort": certificate.cohort_name,
            "download_link": absolute_reverse("cohorts:certificate_download", certificate.pk),
            "verify_link": verify_url(certificate),
            "code": certificate.display_code,
            **(extra or {}),
        },
        programme_id=enrolment.cohort.programme_id,
        about=person,
    )


@task()
def certificate_emails_send(certificate_ids: list[int]):
    """Email each holder the link to their certificate, once per edition, and record when it
    went so managers can see it was sent. A revoked certificate is not announced."""
    certificates = list(
        Certificate.objects.valid()
        .filter(pk__in=certificate_ids, email_sent_at__isnull=True)
        .select_related("enrolment__participant", "enrolment__cohort__programme")
        .order_by("pk")
    )
    if not certificates:
        return 0
    by_key = {}
    messages = []
    for certificate in certificates:
        kind = "certificate-reissued" if certificate.edition > 1 else "certificate-issued"
        key = f"{certificate.pk}:{certificate.edition}"
        by_key[key] = certificate
        messages.append(_message(kind, certificate, key))
    delivered = [by_key[n.key] for n in notifications_send(messages) if n.status == n.Status.SENT]
    now = timezone.now()
    Certificate.objects.filter(pk__in=[c.pk for c in delivered]).update(email_sent_at=now)
    cohort_records_changed(c.enrolment.cohort_id for c in delivered)  # "Emailed" on its page
    CertificateEvent.objects.bulk_create(
        CertificateEvent(
            certificate=c,
            action=CertificateEvent.Action.EMAILED,
            at=now,
            details={"to": c.enrolment.participant.email, "edition": c.edition},
        )
        for c in delivered
    )
    return len(delivered)


@task()
def certificate_revoked_send(certificate_id: int):
    """Tell the holder their certificate was revoked, and why."""
    certificate = (
        Certificate.objects.filter(pk=certificate_id, revoked_at__isnull=False)
        .select_related("enrolment__participant", "enrolment__cohort__programme")
        .first()
    )
    if certificate is None:
        return 0
    message = _message(
        "certificate-revoked",
        certificate,
        f"revoked:{certificate.pk}",
        {"reason": certificate.revoked_reason, "revoked_on": local(certificate.revoked_at)},
    )
    return len(notifications_send([message]))
