"""Certificate PDFs: the HTML of a certificate's frozen fields rendered by WeasyPrint (fetching
only the platform's own files), stored once when issued, and a cohort's certificates in one ZIP
or one merged PDF (one tagged document, rendered in one go)."""

import io
import re
import secrets
import threading
import zipfile
from functools import partial

import segno
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..models import Certificate, CertificateDesign
from . import pdf_language
from .names import name_language
from .verification import verify_url

# Each name's language on its element of the tagged PDF, not only in the HTML.
pdf_language.install()


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


def _image_snapshot(image, alt=""):
    """An image as a certificate keeps it: its stored file and its alternative text."""
    if image is None or not image.file:
        return None
    return {"file": image.file.name, "alt": alt or image.default_alt_text}


def design_snapshot(design: CertificateDesign | None) -> dict:
    """What a certificate keeps of its design: the wording, signatory and layout, and which
    images it printed, so a later render (a merged PDF) prints it the same way."""
    design = design or CertificateDesign()
    logos = [design.logo, design.second_logo] if design.show_logos else []
    return {
        "heading": design.heading,
        "wording": design.wording,
        "signatory_name": design.signatory_name if design.signature_block else "",
        "signatory_role": design.signatory_role if design.signature_block else "",
        "orientation": design.orientation,
        "signature_block": design.signature_block,
        "signature": _image_snapshot(
            design.signature if design.signature_block else None,
            f"Signature of {design.signatory_name}" if design.signatory_name else "",
        ),
        "logos": [snap for snap in map(_image_snapshot, logos) if snap],
    }


def _asset(snapshot):
    return {"url": f"asset:media/{snapshot['file']}", "alt": snapshot["alt"]}


def _qr_svg(url):
    return segno.make(url, error="m").svg_inline(
        scale=3, title="QR code linking to this certificate's verification page"
    )


def _page(certificate: Certificate, design: CertificateDesign | None) -> dict:
    """One certificate's page: only its frozen fields and the design it keeps. A certificate
    issued before designs kept their images (issue 21) prints `design`'s current ones."""
    kept = certificate.design or design_snapshot(None)
    if "logos" not in kept:
        current = design_snapshot(design)
        kept = {**current, **kept, "orientation": CertificateDesign.Orientation.LANDSCAPE}
    url = verify_url(certificate)
    return {
        "certificate": certificate,
        "design": kept,
        "name": name_language(certificate.holder_name),
        "signature": _asset(kept["signature"]) if kept.get("signature") else None,
        "logos": [_asset(logo) for logo in kept.get("logos", [])],
        "verify_url": url,
        "qr_svg": _qr_svg(url),
    }


def certificates_html(
    certificates, *, design: CertificateDesign | None = None, title: str = ""
) -> str:
    """Certificates as one HTML document for WeasyPrint, a page each: one render makes one
    tagged PDF, keeping each name's language, the structure and the images' alternative text."""
    pages = [_page(certificate, design) for certificate in certificates]
    first = pages[0]
    return render_to_string(
        "cohorts/certificates/pdf.html",
        {
            "pages": pages,
            "title": title
            or f"{first['design']['heading']}: {first['certificate'].holder_name}, "
            f"{first['certificate'].programme_title}",
            "author": first["design"].get("signatory_name") or "Academy",
            "description": "" if title else _description(first["certificate"]),
        },
    )


def _description(certificate):
    return (
        f"{certificate.holder_name} completed {certificate.programme_title} "
        f"({certificate.cohort_name}). Verification code {certificate.display_code}."
    )


def certificate_html(certificate: Certificate, *, design: CertificateDesign | None = None) -> str:
    """One certificate as HTML for WeasyPrint: only frozen fields are printed."""
    return certificates_html([certificate], design=design)


_fonts = threading.local()


def _font_config() -> FontConfiguration:
    """One font configuration per thread, kept between renders: setting fonts up again for
    every certificate took as long as laying the certificate out."""
    if getattr(_fonts, "config", None) is None:
        _fonts.config = FontConfiguration()
    return _fonts.config


def pdf_render(html: str) -> bytes:
    """HTML to a tagged PDF (each page A4 in its design's orientation), fetching only the
    platform's own files."""
    return HTML(string=html, url_fetcher=PlatformAssetFetcher()).write_pdf(
        font_config=_font_config(), **PDF_OPTIONS
    )


def design_for(programme_id) -> CertificateDesign | None:
    """The programme's published design (a draft never prints), or None."""
    return (
        CertificateDesign.objects.select_related("signature", "logo", "second_logo")
        .filter(programme_id=programme_id, live=True)
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


def certificates_merged_pdf(certificates, *, title: str = "Certificates") -> bytes:
    """A cohort's certificates as one tagged PDF, rendered in one go from their frozen fields
    (a PDF stitched from separate files would lose its tags, language and structure)."""
    certificates = list(certificates)
    design = design_for(certificates[0].enrolment.cohort.programme_id) if certificates else None
    return pdf_render(certificates_html(certificates, design=design, title=title))
