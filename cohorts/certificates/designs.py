"""Certificate designs: the checks a design must pass before it is published, and its preview
(sample certificates printed with the design as it stands in the editor, before it is saved).

A draft may be saved with problems; publishing refuses them (the admin form asks
`design_problems`, and so does the demo's design loader), so no certificate is ever printed
with a logo that bloats every PDF or a signature block with nobody's signature in it.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Length
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from ..models import Certificate, CertificateDesign, Enrolment
from . import pdf

# A logo or signature is printed at most 60 by 22 mm: 700 pixels is 300 dots an inch there.
IMAGE_MAX_BYTES = 512 * 1024
IMAGE_MAX_PIXELS = 2000

# Sample holders for the preview: the longest name in the demo data (when the programme has
# nobody with a longer one), and a name written right to left.
LONGEST_DEMO_NAME = "Dimitra Papadopoulou"
RIGHT_TO_LEFT_NAME = "نسرين أختر"

IMAGE_FIELDS = {
    "logo": "The first logo",
    "second_logo": "The second logo",
    "signature": "The signature",
}


def _image_problem(label, image):
    size = image.get_file_size() or 0
    if size > IMAGE_MAX_BYTES:
        return (
            f"{label} is too large ({filesizeformat(size)}): every certificate PDF carries "
            f"it. Upload a version under {filesizeformat(IMAGE_MAX_BYTES)}."
        )
    if max(image.width or 0, image.height or 0) > IMAGE_MAX_PIXELS:
        return (
            f"{label} is too large ({image.width} by {image.height} pixels): it is printed "
            f"no bigger than 60 by 22 mm. Upload one at most {IMAGE_MAX_PIXELS} pixels wide "
            "and high."
        )
    return None


def design_problems(design: CertificateDesign) -> dict[str, str]:
    """What stops this design being published, by field: an image too large to carry in every
    PDF, a signature block without its signature, name or role, logos without a logo."""
    problems = {}
    for name, label in IMAGE_FIELDS.items():
        image = getattr(design, name)
        if image is not None and (problem := _image_problem(label, image)):
            problems[name] = problem
    if design.signature_block:
        if design.signature is None:
            problems.setdefault(
                "signature",
                "This layout has a signature block: choose the signature, or untick "
                "“print a signature block”.",
            )
        if not design.signatory_name.strip():
            problems["signatory_name"] = "Enter who signs the certificates."
        if not design.signatory_role.strip():
            problems["signatory_role"] = "Enter the signatory's role."
    if design.show_logos and design.logo is None:
        problems.setdefault("logo", "Choose a logo, or untick “print logos”.")
    return problems


def certificate_design_publish(*, design: CertificateDesign, user=None) -> CertificateDesign:
    """Publish a design (new or edited) as the admin's Publish button does: refused, with the
    reasons, while `design_problems` finds any; otherwise saved as a revision and made live."""
    problems = design_problems(design)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        design.full_clean()
        design.save()
        design.save_revision(user=user).publish(user=user)
    return design


def longest_name(programme_id) -> str:
    """The longest name of anyone enrolled on the programme's cohorts, or ""."""
    if programme_id is None:
        return ""
    full = Concat(F("participant__first_name"), Value(" "), F("participant__last_name"))
    found = (
        Enrolment.objects.filter(cohort__programme_id=programme_id)
        .annotate(full_name=full, length=Length(full))
        .order_by("-length", "pk")
        .values_list("full_name", flat=True)
        .first()
    )
    return (found or "").strip()


def preview_certificates(design: CertificateDesign) -> list[Certificate]:
    """Unsaved certificates that print the design as it stands: the longest name, then a
    right-to-left one."""
    programme_id = design.programme_id
    title = design.programme.title if programme_id else "Your programme"
    longest = max((longest_name(programme_id), LONGEST_DEMO_NAME), key=len)
    today = timezone.localdate()
    snapshot = pdf.design_snapshot(design)
    return [
        Certificate(
            verification_code=code,
            holder_name=name,
            programme_title=title,
            cohort_name="Sample cohort",
            place_name="Kent",
            starts_on=today - dt.timedelta(days=180),
            ends_on=today - dt.timedelta(days=7),
            sessions_attended=7,
            sessions_scheduled=8,
            issued_at=timezone.now(),
            design=snapshot,
        )
        for code, name in (("SAMP" * 4, longest), ("SAMQ" * 4, RIGHT_TO_LEFT_NAME))
    ]


def design_preview_pdf(design: CertificateDesign) -> bytes:
    """The design as a PDF of sample certificates, made the way issued ones are."""
    html = pdf.certificates_html(
        preview_certificates(design), design=design, title=f"Preview: {design.heading}"
    )
    return pdf.pdf_render(html)
