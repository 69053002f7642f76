"""Renewing a certificate that expires: its programme's refresher rule (every refresher module
completed online, in the renewal window or after) gives it another period as a new edition, with
the same verification code. The other way to renew is a fresh certificate on a later cohort of
the programme (issued as any certificate is).

The expiry job (`credentials.expiry`, daily) renews every certificate whose holder has done the
refresher, and reminds the others before they expire.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from modules.models import ModuleProgress

from ..models import LONDON, Certificate, CertificateEvent, CompletionRule
from . import extensions, pdf
from .emails import notify_on_commit

# A certificate may be renewed from this long before it expires.
RENEWAL_WINDOW = dt.timedelta(days=90)


def renewal_opens_on(certificate: Certificate) -> dt.date | None:
    return certificate.expires_on - RENEWAL_WINDOW if certificate.expires_on else None


def _rule(certificate) -> CompletionRule | None:
    return (
        CompletionRule.objects.filter(programme_id=certificate.enrolment.cohort.programme_id)
        .prefetch_related("refresher_modules")
        .first()
    )


def refresher_outstanding(certificate: Certificate, rule: CompletionRule | None) -> list:
    """The refresher modules the holder has still to complete (in the renewal window) before
    the certificate can be renewed; None when there is no refresher to do."""
    if rule is None or not rule.certificate_valid_for_months or certificate.expires_on is None:
        return None
    modules = list(rule.refresher_modules.all())
    if not modules:
        return None
    opens = dt.datetime.combine(renewal_opens_on(certificate), dt.time(), LONDON)
    done = set(
        ModuleProgress.objects.filter(
            participant_id=certificate.enrolment.participant_id,
            module__in=modules,
            completed_at__gte=opens,
        ).values_list("module_id", flat=True)
    )
    return [module for module in modules if module.pk not in done]


def certificate_renew(*, certificate: Certificate, renewed_by=None, now=None) -> Certificate:
    """Renew a certificate whose holder has done the programme's refresher: a new edition, the
    same code, current for another period from when it expired (or from today, if that has
    passed). The holder is emailed the new edition."""
    now = now or timezone.now()
    today = timezone.localdate(now, LONDON)
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrolment__cohort", "enrolment__participant")
            .get(pk=certificate.pk)
        )
        if certificate.is_revoked:
            raise ValidationError("A revoked certificate cannot be renewed.")
        if certificate.expires_on is None:
            raise ValidationError("This certificate does not expire.")
        opens = renewal_opens_on(certificate)
        if today < opens:
            raise ValidationError(
                f"This certificate can be renewed from {opens.day} {opens:%B %Y}."
            )
        rule = _rule(certificate)
        outstanding = refresher_outstanding(certificate, rule)
        if outstanding is None:
            raise ValidationError("This programme renews certificates only on a later cohort.")
        if outstanding:
            raise ValidationError(
                "Complete the refresher first: " + ", ".join(m.title for m in outstanding) + "."
            )
        before = {"edition": certificate.edition, "expires_on": str(certificate.expires_on)}
        design = pdf.design_for(certificate.enrolment.cohort.programme_id)
        certificate.expires_on = rule.certificate_expiry(max(certificate.expires_on, today))
        certificate.design = pdf.design_snapshot(design)
        certificate.edition += 1
        certificate.renewed_at = certificate.reissued_at = now
        certificate.email_sent_at = None
        pdf.store_pdf(certificate, pdf.pdf_render(pdf.certificate_html(certificate, design=design)))
        certificate.save()
        CertificateEvent.objects.create(
            certificate=certificate,
            action=CertificateEvent.Action.RENEWED,
            actor=renewed_by,
            at=now,
            details={"before": before, "expires_on": str(certificate.expires_on)},
        )
        extensions.edition_made(certificate)
        notify_on_commit([certificate.pk])
    return certificate
