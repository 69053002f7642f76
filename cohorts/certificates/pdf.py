"""Certificate PDFs: the HTML of a certificate's frozen fields rendered by WeasyPrint (fetching
only the platform's own files), stored once when issued, and a cohort's certificates in one ZIP
or one merged PDF."""

import io
import re
import secrets
import zipfile
from functools import partial

import segno
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..models import Certificate, CertificateDesign
from .verification import verify_url


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


def design_snapshot(design: CertificateDesign | None) -> dict:
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
            "design": certificate.design or design_snapshot(None),
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


def design_for(programme_id) -> CertificateDesign | None:
    return (
        CertificateDesign.objects.select_related("signature", "logo", "second_logo")
        .filter(programme_id=programme_id)
        .first()
    )


def store_pdf(certificate, data: bytes):
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
        certificate_html(certificate, design=design_for(certificate.enrolment.cohort.programme_id))
    )
    with transaction.atomic():
        store_pdf(certificate, data)
        Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    return data


def certificate_filename(certificate: Certificate) -> str:
    name = re.sub(r"[^\w]+", "-", certificate.holder_name, flags=re.UNICODE).strip("-")
    return f"certificate-{name or 'holder'}-{certificate.verification_code[:4]}.pdf"


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
    writer = PdfWriter()
    for certificate in certificates:
        writer.append(PdfReader(io.BytesIO(certificate_pdf_bytes(certificate))))
    writer.add_metadata({"/Title": "Certificates"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
