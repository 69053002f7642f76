"""The daily expiry job (registered with the scheduler as "certificate-expiry"): renew every
certificate whose holder has done their programme's refresher, then remind the holder and their
nominator 90 and 30 days before a certificate expires, once each.

Each reminder is recorded (ExpiryReminder, unique per certificate, expiry date and kind) in the
transaction that sends it, so however often the job runs, or if two runs overlap, nobody gets
the same reminder twice; if the email cannot be sent, the record is rolled back and the next run
tries again. A certificate whose holder already has a later one on the same programme that stays
current longer (from a later cohort) is not chased.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone

from cohorts.certificates.renewal import RENEWAL_WINDOW, certificate_renew, refresher_outstanding
from cohorts.certificates.verification import verify_url
from cohorts.models import LONDON, Certificate, CompletionRule
from links import absolute_reverse

from .models import ExpiryReminder

BATCH_LIMIT = 500


@dataclass
class ExpiryRun:
    renewed: int = 0
    reminded: int = 0

    def __str__(self):
        return f"Renewed {self.renewed} certificates; sent {self.reminded} expiry reminders."


def _expiring(today, within_days):
    return (
        Certificate.objects.valid()
        .filter(expires_on__gte=today, expires_on__lte=today + dt.timedelta(days=within_days))
        .select_related("enrolment__participant", "enrolment__organisation", "enrolment__cohort")
    )


def _superseded_ids(certificates):
    """Certificates whose holder has a later certificate on the same programme that is current
    for longer (or for good)."""
    ids = set()
    for certificate in certificates:
        later = Certificate.objects.valid().filter(
            enrolment__participant_id=certificate.enrolment.participant_id,
            enrolment__cohort__programme_id=certificate.enrolment.cohort.programme_id,
            issued_at__gt=certificate.issued_at,
        )
        if (
            later.filter(expires_on__isnull=True).exists()
            or later.filter(expires_on__gt=certificate.expires_on).exists()
        ):
            ids.add(certificate.pk)
    return ids


def renew_due(*, now) -> int:
    """Renew the certificates in their renewal window whose holders did the refresher."""
    today = timezone.localdate(now, LONDON)
    renewed = 0
    candidates = Certificate.objects.valid().filter(
        expires_on__isnull=False, expires_on__lte=today + RENEWAL_WINDOW
    )
    rules = {
        rule.programme_id: rule
        for rule in CompletionRule.objects.exclude(refresher_modules=None).prefetch_related(
            "refresher_modules"
        )
    }
    for certificate in candidates.select_related("enrolment__cohort")[:BATCH_LIMIT]:
        rule = rules.get(certificate.enrolment.cohort.programme_id)
        if rule is None or refresher_outstanding(certificate, rule) != []:
            continue
        try:
            certificate_renew(certificate=certificate, now=now)
        except ValidationError:
            continue
        renewed += 1
    return renewed


def _messages(certificate, kind):
    enrolment = certificate.enrolment
    rule = CompletionRule.objects.filter(programme_id=enrolment.cohort.programme_id).first()
    context = {
        "certificate": certificate,
        "kind": kind,
        "participant": enrolment.participant,
        "refresher": list(rule.refresher_modules.all()) if rule else [],
        "verify_url": verify_url(certificate),
        "certificates_url": absolute_reverse("cohorts:my_certificates"),
        "nominate_url": absolute_reverse("cohorts:nominate"),
    }
    messages = []
    audiences = [("holder", [enrolment.participant.email])]
    nominators = [n.email for n in enrolment.organisation.nominators.all() if n.email]
    if nominators:
        audiences.append(("nominator", nominators))
    for audience, to in audiences:
        context["audience"] = audience
        subject = render_to_string("credentials/email/expiry_subject.txt", context)
        body = render_to_string("credentials/email/expiry.txt", context)
        messages.append(EmailMessage(subject=" ".join(subject.split()), body=body, to=to))
    return messages


def expiry_reminder_send(*, certificate, kind, now) -> bool:
    """Send one reminder (to the holder and their nominator) unless already sent."""
    try:
        with transaction.atomic():
            reminder, created = ExpiryReminder.objects.get_or_create(
                certificate=certificate,
                expires_on=certificate.expires_on,
                kind=kind,
                defaults={"created_at": now},
            )
            if not created:
                return False
            with get_connection() as connection:
                connection.send_messages(_messages(certificate, kind))
            reminder.sent_at = timezone.now()
            reminder.save(update_fields=["sent_at"])
    except IntegrityError:
        return False
    return True


def remind_due(*, now) -> int:
    """The 90-day reminder between 90 and 31 days before; the 30-day one from 30 days before
    (a certificate first seen inside 30 days gets only that one)."""
    today = timezone.localdate(now, LONDON)
    sent = 0
    for kind, nearer in (
        (ExpiryReminder.Kind.NINETY_DAYS, 31),
        (ExpiryReminder.Kind.THIRTY_DAYS, 0),
    ):
        due = list(
            _expiring(today, kind.value)
            .filter(expires_on__gte=today + dt.timedelta(days=nearer))
            .annotate(
                reminded=Exists(
                    ExpiryReminder.objects.filter(
                        certificate=OuterRef("pk"), kind=kind, expires_on=OuterRef("expires_on")
                    )
                )
            )
            .filter(reminded=False)
            .order_by("expires_on", "pk")[:BATCH_LIMIT]
        )
        skip = _superseded_ids(due)
        for certificate in due:
            if certificate.pk not in skip:
                sent += expiry_reminder_send(certificate=certificate, kind=kind, now=now)
    return sent


def certificate_expiry_run(*, now=None) -> ExpiryRun:
    now = now or timezone.now()
    run = ExpiryRun()
    run.renewed = renew_due(now=now)
    run.reminded = remind_due(now=now)
    return run
