"""Certificates: issuing them (one at a time, or a closed cohort's in one confirmed run),
re-issuing and revoking them, making their PDF, and looking them up by verification code.

What a certificate says is frozen when it is issued: the holder's name, the programme, cohort,
place, dates and sessions attended are copied onto it, the design's wording and signatory into
`design`, and the rendered PDF is stored. Later edits to the programme, the cohort, the profile
or the design never change an issued certificate; a re-issue makes a new edition on purpose,
keeping the verification code and recording what the certificate said before.
"""

import io
import re
import secrets
import zipfile
from dataclasses import dataclass, field
from functools import partial

import segno
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .completion import EnrolmentStanding, standing_for, standings_for
from .emails import site_url
from .models import (
    Certificate,
    CertificateBulkIssue,
    CertificateDesign,
    CertificateEvent,
    Cohort,
    Enrolment,
)

# --- Verification codes ----------------------------------------------------------------------

CODE_LENGTH = 16
_BASE32 = re.compile(r"^[A-Z2-7]{16}$")
# Base 32 has no 0, 1 or 8: someone copying a code by hand means O, I and B.
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def verification_code_parse(typed: str) -> str | None:
    """The code as stored, from one typed any old how ("abcd efgh-ijkl mnop"), or None when it
    cannot be a code at all."""
    code = re.sub(r"[\s\-‐-―_.]+", "", typed or "").upper().translate(_LOOKALIKES)
    return code if _BASE32.match(code) else None


def verify_url(certificate: Certificate) -> str:
    return site_url(reverse("certificates:verify", args=[certificate.display_code]))


# Failed look-ups per client address allowed in each window before answering 429.
VERIFY_FAILURES_ALLOWED = 10
VERIFY_WINDOW_SECONDS = 600


def _failures_key(client):
    return f"certificates:verify-failures:{client}"


def verification_blocked(*, client: str) -> bool:
    """Whether this client has guessed wrong too often lately."""
    return (cache.get(_failures_key(client)) or 0) >= VERIFY_FAILURES_ALLOWED


def verification_failed(*, client: str) -> None:
    """Count one failed look-up against this client, for the rest of the current window."""
    key = _failures_key(client)
    cache.add(key, 0, timeout=VERIFY_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # Expired between add and incr.
        cache.set(key, 1, timeout=VERIFY_WINDOW_SECONDS)


def certificate_lookup(*, typed: str) -> Certificate | None:
    """The certificate a verifier's code names (valid or revoked), or None."""
    code = verification_code_parse(typed)
    if code is None:
        return None
    return Certificate.objects.filter(verification_code=code).first()


# --- The PDF -----------------------------------------------------------------------------------


class PlatformAssetFetcher(URLFetcher):
    """Lets WeasyPrint read the platform's own files only: `asset:static/<path>` (a static file)
    and `asset:media/<name>` (an uploaded image, such as a signature or logo). Anything else, a
    web address, a local file path or a data URI above all, is refused, so nothing a user types
    can make the server fetch a URL."""

    def fetch(self, url, headers=None):
        scheme, _, rest = url.partition(":")
        kind, _, name = rest.partition("/")
        if scheme == "asset" and name and ".." not in name.split("/"):
            if kind == "static":
                path = finders.find(name)
                if path:
                    with open(path, "rb") as handle:
                        return URLFetcherResponse(url, handle.read())
            elif kind == "media":
                with default_storage.open(name, "rb") as handle:
                    return URLFetcherResponse(url, handle.read())
        raise ValueError(f"Certificates only use the platform's own files, not {url[:80]!r}.")


PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}  # Tagged for accessibility; fonts embedded, subset.


def _design_snapshot(design: CertificateDesign | None) -> dict:
    design = design or CertificateDesign()
    return {
        "heading": design.heading,
        "wording": design.wording,
        "signatory_name": design.signatory_name,
        "signatory_role": design.signatory_role,
    }


def _image_url(image):
    return f"asset:media/{image.file.name}" if image is not None and image.file else ""


def _qr_svg(url):
    return segno.make(url, error="m").svg_inline(
        scale=3, title="QR code linking to this certificate's verification page"
    )


def certificate_html(certificate: Certificate, *, design: CertificateDesign | None = None) -> str:
    """The certificate as HTML for WeasyPrint: only frozen fields are printed. The design's
    images (signature, logos) come from `design`, read when the PDF is made."""
    url = verify_url(certificate)
    return render_to_string(
        "cohorts/certificates/pdf.html",
        {
            "certificate": certificate,
            "design": certificate.design or _design_snapshot(None),
            "signature_url": _image_url(design.signature if design else None),
            "logo_urls": [
                u
                for u in (
                    _image_url(design.logo if design else None),
                    _image_url(design.second_logo if design else None),
                )
                if u
            ],
            "verify_url": url,
            "qr_svg": _qr_svg(url),
        },
    )


def pdf_render(html: str) -> bytes:
    """HTML to an A4 landscape PDF, fetching only the platform's own files."""
    return HTML(string=html, url_fetcher=PlatformAssetFetcher()).write_pdf(**PDF_OPTIONS)


def _design_for(programme_id) -> CertificateDesign | None:
    return (
        CertificateDesign.objects.select_related("signature", "logo", "second_logo")
        .filter(programme_id=programme_id)
        .first()
    )


def _store_pdf(certificate, data: bytes):
    old = certificate.pdf.name if certificate.pdf else ""
    # A random file name: the verification code is not written anywhere but the certificate.
    certificate.pdf.save(f"{secrets.token_hex(12)}.pdf", ContentFile(data), save=False)
    if old:
        transaction.on_commit(partial(default_storage.delete, old))


def certificate_pdf_bytes(certificate: Certificate) -> bytes:
    """The certificate's stored PDF (made once from its frozen fields if it has none yet)."""
    if certificate.pdf:
        with certificate.pdf.open("rb") as handle:
            return handle.read()
    data = pdf_render(
        certificate_html(certificate, design=_design_for(certificate.enrolment.cohort.programme_id))
    )
    with transaction.atomic():
        _store_pdf(certificate, data)
        Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    return data


def certificate_filename(certificate: Certificate) -> str:
    name = re.sub(r"[^\w]+", "-", certificate.holder_name, flags=re.UNICODE).strip("-")
    return f"certificate-{name or 'holder'}-{certificate.verification_code[:4]}.pdf"


# --- Issuing ---------------------------------------------------------------------------------


def _frozen_fields(enrolment: Enrolment, standing: EnrolmentStanding) -> dict:
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


def _notify_on_commit(certificate_ids):
    from .certificate_tasks import certificate_emails_send

    transaction.on_commit(
        partial(certificate_emails_send.enqueue, certificate_ids=list(certificate_ids))
    )


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
            design = _design_for(locked.cohort.programme_id)
        design = design or None
        certificate = Certificate(
            enrolment=locked,
            issued_at=now,
            issued_by=issued_by,
            design=_design_snapshot(design),
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
        _store_pdf(certificate, pdf_render(certificate_html(certificate, design=design)))
        certificate.save()
        CertificateEvent.objects.create(
            certificate=certificate, action=CertificateEvent.Action.ISSUED, actor=issued_by, at=now
        )
        if locked.status != Enrolment.Status.COMPLETED:
            Enrolment.objects.filter(pk=locked.pk).update(
                status=Enrolment.Status.COMPLETED, updated_at=now
            )
        if notify:
            _notify_on_commit([certificate.pk])
    return certificate


def certificate_reissue(
    *, certificate: Certificate, reissued_by, holder_name: str = "", reason: str, now=None
) -> Certificate:
    """Make a new edition of a certificate (to correct a name, say): the same verification
    code, what it says taken afresh (with `holder_name` if given, else the profile's name), and
    the previous edition's wording kept in its history. The holder is emailed the link again."""
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
        design = _design_for(enrolment.cohort.programme_id)
        for name, value in fields.items():
            setattr(certificate, name, value)
        certificate.sessions_attended = min(
            certificate.sessions_attended, certificate.sessions_scheduled
        )
        certificate.design = _design_snapshot(design)
        certificate.edition += 1
        certificate.reissued_at = now
        certificate.email_sent_at = None
        certificate.full_clean(exclude=["enrolment", "issued_by", "pdf"])
        _store_pdf(certificate, pdf_render(certificate_html(certificate, design=design)))
        certificate.save()
        CertificateEvent.objects.create(
            certificate=certificate,
            action=CertificateEvent.Action.REISSUED,
            actor=reissued_by,
            at=now,
            details={"reason": reason, "before": before},
        )
        _notify_on_commit([certificate.pk])
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
    return certificate


# --- Issuing a closed cohort's certificates in one go ----------------------------------------


@dataclass
class BulkIssuePreview:
    """Who would get a certificate if the facilitator confirms, who would not and why, and who
    has one already. Nothing is issued or sent until they confirm."""

    cohort: Cohort
    will_get: list = field(default_factory=list)
    will_not: list = field(default_factory=list)
    already: list = field(default_factory=list)

    @property
    def enrolment_ids(self):
        return sorted(s.enrolment.pk for s in self.will_get)


def certificate_bulk_issue_preview(*, cohort: Cohort) -> BulkIssuePreview:
    enrolments = list(
        Enrolment.objects.active()
        .filter(cohort=cohort)
        .select_related("participant", "cohort__programme", "organisation")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
    certified = set(
        Certificate.objects.filter(enrolment__cohort=cohort).values_list("enrolment_id", flat=True)
    )
    preview = BulkIssuePreview(cohort=cohort)
    standings = standings_for([e for e in enrolments if e.pk not in certified])
    for enrolment in enrolments:
        if enrolment.pk in certified:
            preview.already.append(enrolment)
        elif standings[enrolment.pk].meets_rule:
            preview.will_get.append(standings[enrolment.pk])
        else:
            preview.will_not.append(standings[enrolment.pk])
    return preview


def certificate_bulk_issue(
    *, cohort: Cohort, requested_by, enrolment_ids: list[int]
) -> CertificateBulkIssue:
    """Start issuing a closed cohort's certificates in the background, for exactly the people
    the facilitator was shown and confirmed. If the list has changed since, nothing starts."""
    if cohort.status != Cohort.Status.CLOSED:
        raise ValidationError("Certificates are issued in bulk once the cohort has closed.")
    with transaction.atomic():
        Cohort.objects.select_for_update().filter(pk=cohort.pk).exists()
        if cohort.certificate_runs.filter(
            status__in=[CertificateBulkIssue.Status.QUEUED, CertificateBulkIssue.Status.RUNNING]
        ).exists():
            raise ValidationError("Certificates for this cohort are already being issued.")
        current = certificate_bulk_issue_preview(cohort=cohort).enrolment_ids
        if sorted(enrolment_ids) != current:
            raise ValidationError(
                "Who meets the completion rule has changed since you looked: check the list again."
            )
        if not current:
            raise ValidationError("Nobody on this cohort is waiting for a certificate.")
        job = CertificateBulkIssue(
            cohort=cohort, requested_by=requested_by, enrolment_ids=current, total=len(current)
        )
        job.full_clean(exclude=["cohort", "requested_by"])
        job.save()
        from .certificate_tasks import certificate_bulk_issue_run

        transaction.on_commit(partial(certificate_bulk_issue_run.enqueue, job_id=job.pk))
    return job


def certificate_bulk_issue_process(*, job: CertificateBulkIssue, chunk_size: int = 25) -> None:
    """Issue each confirmed certificate in its own transaction, counting progress as it goes,
    then email everyone issued in one batch. Holds one chunk of enrolments at a time, and no
    PDF longer than it takes to store it, so memory stays flat however large the cohort."""
    CertificateBulkIssue.objects.filter(pk=job.pk).update(
        status=CertificateBulkIssue.Status.RUNNING
    )
    issued_ids, processed, issued, skipped = [], 0, 0, 0
    design = _design_for(job.cohort.programme_id) or False
    ids = list(job.enrolment_ids)
    try:
        for start in range(0, len(ids), chunk_size):
            chunk = list(
                Enrolment.objects.filter(pk__in=ids[start : start + chunk_size]).select_related(
                    "participant", "cohort__programme", "cohort__place"
                )
            )
            standings = standings_for(chunk)
            for enrolment in chunk:
                # One transaction per certificate, its progress counted in the same commit.
                with transaction.atomic():
                    try:
                        certificate = certificate_issue(
                            enrolment=enrolment,
                            issued_by=job.requested_by,
                            standing=standings[enrolment.pk],
                            design=design,
                            notify=False,
                        )
                    except ValidationError:
                        skipped += 1  # Issued meanwhile, or no longer meets the rule.
                    else:
                        issued += 1
                        issued_ids.append(certificate.pk)
                    processed += 1
                    CertificateBulkIssue.objects.filter(pk=job.pk).update(
                        processed=processed, issued=issued, skipped=skipped
                    )
            skipped += len(ids[start : start + chunk_size]) - len(chunk)  # Deleted meanwhile.
    except Exception as error:
        CertificateBulkIssue.objects.filter(pk=job.pk).update(
            status=CertificateBulkIssue.Status.FAILED,
            finished_at=timezone.now(),
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        raise
    finally:
        if issued_ids:
            _notify_on_commit(issued_ids)
    CertificateBulkIssue.objects.filter(pk=job.pk).update(
        status=CertificateBulkIssue.Status.FINISHED,
        finished_at=timezone.now(),
        processed=len(ids),
        skipped=len(ids) - issued,
    )


# --- Downloads -------------------------------------------------------------------------------

# A cohort's certificates in one file: cohorts are small, but keep a bound all the same.
COHORT_DOWNLOAD_LIMIT = 500


def certificates_zip(certificates) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        used = set()
        for certificate in certificates:
            name = certificate_filename(certificate)
            if name in used:
                name = f"{certificate.pk}-{name}"
            used.add(name)
            archive.writestr(name, certificate_pdf_bytes(certificate))
    return buffer.getvalue()


def certificates_merged_pdf(certificates) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for certificate in certificates:
        writer.append(PdfReader(io.BytesIO(certificate_pdf_bytes(certificate))))
    writer.add_metadata({"/Title": "Certificates"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
