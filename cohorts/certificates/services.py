"""Issuing one participant's certificate, re-issuing it (a new edition with the same code) and
revoking it.

What a certificate says is frozen when it is issued: the holder's name, the programme, cohort,
place, dates and sessions attended are copied onto it, the design's wording and signatory into
`design`, and the rendered PDF is stored. Later edits to the programme, the cohort, the profile
or the design never change an issued certificate; a re-issue makes a new edition on purpose,
keeping the verification code and recording what the certificate said before.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..completion.standing import EnrolmentStanding, standing_for
from ..models import LONDON, Certificate, CertificateEvent, Enrolment, EnrolmentEvent
from . import extensions, pdf
from .emails import notify_on_commit, revoked_notify_on_commit


def _frozen_fields(enrolment: Enrolment, standing: EnrolmentStanding) -> dict:
    """What a certificate says (but when it expires, frozen when it is issued)."""
    cohort = enrolment.cohort
    return {
        "holder_name": enrolment.participant.get_full_name().strip() or enrolment.participant.email,
        "programme_title": cohort.programme.title,
        "cohort_name": cohort.name,
        "place_name": cohort.place.name if cohort.place_id else "",
        "starts_on": cohort.starts_on,
        "ends_on": cohort.ends_on,
        "sessions_attended": standing.sessions_attended,
        "sessions_scheduled": standing.sessions_scheduled,
    }


def certificate_issue(
    *,
    enrolment: Enrolment,
    issued_by,
    standing: EnrolmentStanding | None = None,
    design=None,
    notify: bool = True,
    now=None,
) -> Certificate:
    """Issue one participant's certificate, if they meet their programme's completion rule:
    freeze what it says, make and store its PDF, mark their enrolment completed and (unless
    `notify` is false) email them the link once the transaction commits. A bulk issue passes
    the programme's `design` (or False for none) so it is read once, not per certificate."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("participant", "cohort__programme", "cohort__place")
            .get(pk=enrolment.pk)
        )
        if Certificate.objects.filter(enrolment=locked).exists():
            raise ValidationError(f"{locked.participant} already has a certificate.")
        standing = standing or standing_for(locked)
        if not standing.meets_rule:
            raise ValidationError(
                f"{locked.participant} does not meet the completion rule yet: "
                + " ".join(standing.outstanding)
            )
        if design is None:
            design = pdf.design_for(locked.cohort.programme_id)
        design = design or None
        certificate = Certificate(
            enrolment=locked,
            issued_at=now,
            issued_by=issued_by,
            design=pdf.design_snapshot(design),
            expires_on=(
                standing.rule.certificate_expiry(timezone.localdate(now, LONDON))
                if standing.rule
                else None
            ),
            **_frozen_fields(locked, standing),
        )
        # The database enforces one certificate per enrolment and unique codes.
        certificate.full_clean(
            exclude=["enrolment", "issued_by", "pdf"],
            validate_unique=False,
            validate_constraints=False,
        )
        if certificate.sessions_attended > certificate.sessions_scheduled:
            raise ValidationError("More sessions attended than scheduled.")
        pdf.store_pdf(certificate, pdf.pdf_render(pdf.certificate_html(certificate, design=design)))
        certificate.save()
        CertificateEvent.objects.create(
            certificate=certificate, action=CertificateEvent.Action.ISSUED, actor=issued_by, at=now
        )
        extensions.edition_made(certificate)
        if locked.status != Enrolment.Status.COMPLETED:
            Enrolment.objects.filter(pk=locked.pk).update(
                status=Enrolment.Status.COMPLETED, updated_at=now
            )
            EnrolmentEvent.objects.create(
                enrolment=locked,
                actor=issued_by if issued_by and issued_by.is_authenticated else None,
                at=now,
                action=EnrolmentEvent.Action.COMPLETED,
                from_status=locked.status,
                to_status=Enrolment.Status.COMPLETED,
            )
        if notify:
            notify_on_commit([certificate.pk])
    return certificate


def certificate_reissue(
    *, certificate: Certificate, reissued_by, holder_name: str = "", reason: str, now=None
) -> Certificate:
    """Make a new edition of a certificate (to correct a name, say): the same verification
    code, what it says taken afresh (with `holder_name` if given, else the profile's name), and
    the previous edition's wording kept in its history; when it expires does not change (a
    renewal does that). The holder is emailed the link again."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the certificate is re-issued."})
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related(
                "enrolment__participant", "enrolment__cohort__programme", "enrolment__cohort__place"
            )
            .get(pk=certificate.pk)
        )
        if certificate.is_revoked:
            raise ValidationError("A revoked certificate cannot be re-issued.")
        enrolment = certificate.enrolment
        before = {
            "edition": certificate.edition,
            **{
                name: str(getattr(certificate, name))
                for name in (
                    "holder_name",
                    "programme_title",
                    "cohort_name",
                    "place_name",
                    "starts_on",
                    "ends_on",
                    "sessions_attended",
                    "sessions_scheduled",
                )
            },
            "design": certificate.design,
        }
        fields = _frozen_fields(enrolment, standing_for(enrolment))
        if holder_name.strip():
            fields["holder_name"] = holder_name.strip()
        design = pdf.design_for(enrolment.cohort.programme_id)
        for name, value in fields.items():
            setattr(certificate, name, value)
        certificate.sessions_attended = min(
            certificate.sessions_attended, certificate.sessions_scheduled
        )
        certificate.design = pdf.design_snapshot(design)
        certificate.edition += 1
        certificate.reissued_at = now
        certificate.email_sent_at = None
        certificate.full_clean(exclude=["enrolment", "issued_by", "pdf"])
        pdf.store_pdf(certificate, pdf.pdf_render(pdf.certificate_html(certificate, design=design)))
        certificate.save()
        CertificateEvent.objects.create(
            certificate=certificate,
            action=CertificateEvent.Action.REISSUED,
            actor=reissued_by,
            at=now,
            details={"reason": reason, "before": before},
        )
        extensions.edition_made(certificate)
        notify_on_commit([certificate.pk])
    return certificate


def certificate_revoke(*, certificate: Certificate, revoked_by, reason: str, now=None):
    """Withdraw a certificate, with the reason. Its verification page then says it was revoked
    and when; it can no longer be downloaded."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the certificate is revoked."})
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.is_revoked:
            raise ValidationError("This certificate is already revoked.")
        certificate.revoked_at = now
        certificate.revoked_reason = reason
        certificate.full_clean(exclude=["enrolment", "issued_by", "pdf"])
        certificate.save(update_fields=["revoked_at", "revoked_reason"])
        CertificateEvent.objects.create(
            certificate=certificate,
            action=CertificateEvent.Action.REVOKED,
            actor=revoked_by,
            at=now,
            details={"reason": reason},
        )
        revoked_notify_on_commit(certificate.pk)
    return certificate
