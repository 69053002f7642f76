"""The certificate PDF itself (real WeasyPrint renders, kept few in the whole suite): A4
landscape, names in any script with every glyph present, the text readable back, metadata and
accessibility tags set, fonts embedded and subset, and nothing fetched from outside."""

import io
import logging
import os
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from cohorts.certificates import pdf, services
from cohorts.models import CertificateDesign
from tests.cohorts.certificate_helpers import World

pytestmark = pytest.mark.django_db

NAMES = {
    "Welsh": "Siân Llŷr",
    "Irish": "Seán Ó Briain",
    "Polish": "Zażółć Gęślą",
    "Turkish": "Çağrı Şükrü",
    "Greek": "Ελένη Παπαδοπούλου",
    "Arabic": "محمد عبدالله",
    "Chinese": "王小明",
    "Devanagari": "अनिल शर्मा",
}


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture
def issued(db):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    world = World()
    signature = Image.objects.create(title="Signature", file=get_test_image_file())
    CertificateDesign.objects.create(
        programme=world.cohort.programme,
        heading="Certificate of completion",
        wording="has completed",
        signatory_name="Dr Ann Jones",
        signatory_role="Academy Director",
        signature=signature,
        logo=signature,
    )
    enrolment = world.completer(first_name=" ".join(NAMES.values()), last_name="")
    # WeasyPrint draws a .notdef box, and logs a warning, for a character no font covers.
    warnings = _Collect()
    logging.getLogger("weasyprint").addHandler(warnings)
    try:
        certificate = services.certificate_issue(
            enrolment=enrolment, issued_by=world.facilitator, notify=False
        )
    finally:
        logging.getLogger("weasyprint").removeHandler(warnings)
    return certificate, pdf.certificate_pdf_bytes(certificate), warnings.messages


def test_the_pdf_reads_back_with_the_name_programme_and_code(issued):
    certificate, data, _ = issued
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert round(width) == 842 and round(height) == 595  # A4 landscape, in points
    text = " ".join(reader.pages[0].extract_text().split())
    # Compared without spaces: the reader may split a line, or space out CJK by its position.
    squeezed = text.replace(" ", "")
    for script in ("Welsh", "Irish", "Polish", "Turkish", "Greek", "Chinese"):
        assert NAMES[script].replace(" ", "") in squeezed, f"{script}: {text}"
    assert certificate.programme_title in text
    assert certificate.display_code in text
    assert "/certificates/verify/" in text


def test_every_script_has_its_glyphs_and_fonts_are_embedded_and_subset(issued):
    _, data, warnings = issued
    reader = PdfReader(io.BytesIO(data))
    assert not [m for m in warnings if ".notdef" in m], warnings
    assert not warnings, warnings  # nor any refused or missing asset
    fonts = {}
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        fonts[str(font["/BaseFont"])] = embedded
    assert all(fonts.values()), fonts
    assert all("+" in name for name in fonts), "fonts are subset (TAG+Name)"
    families = " ".join(fonts)
    for family in ("Arabic", "Devanagari", "CJK"):
        assert family in families, f"no Noto {family} font: {families}"
    if shutil.which("pdffonts"):
        listing = subprocess.run(
            ["pdffonts", "-"], input=data, capture_output=True, check=True
        ).stdout.decode()
        assert "Type 3" not in listing


def test_metadata_language_and_accessibility_tags_are_set(issued):
    certificate, data, _ = issued
    reader = PdfReader(io.BytesIO(data))
    assert certificate.holder_name[:20] in reader.metadata.title
    assert reader.metadata.author == "Dr Ann Jones"
    root = reader.trailer["/Root"]
    assert str(root["/Lang"]).lower() == "en-gb"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root


def test_weasyprint_fetches_only_the_platforms_own_files():
    fetcher = pdf.PlatformAssetFetcher()
    for url in (
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/logo.png",
        "file:///etc/passwd",
        "asset:media/../../etc/passwd",
        "data:image/svg+xml,<svg/>",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_a_name_cannot_inject_markup_into_the_certificate(db):
    world = World()
    enrolment = world.completer(first_name='<img src="http://example.org/x.png">', last_name="X")
    from cohorts.completion.standing import standing_for
    from cohorts.models import Certificate

    certificate = Certificate(
        enrolment=enrolment,
        verification_code="A" * 16,
        **services._frozen_fields(enrolment, standing_for(enrolment)),
    )
    html = pdf.certificate_html(certificate)
    assert '<img src="http://example.org' not in html
    assert "&lt;img" in html


def test_a_cohorts_merged_pdf_is_one_tagged_document_keeping_languages_and_alt_text(db):
    """The whole-cohort PDF is rendered in one go (not stitched from separate files, which
    loses the tags): pdfinfo says it is tagged, each page is a certificate, each name keeps its
    language and each logo its alternative text."""
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    if not shutil.which("pdfinfo"):
        if os.environ.get("CI") == "true":
            pytest.fail("pdfinfo (poppler-utils) is missing: run make pdf-deps")
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    world = World()
    logo = Image.objects.create(
        title="logo.png", description="Kent Police crest", file=get_test_image_file()
    )
    CertificateDesign.objects.create(
        programme=world.cohort.programme, signature_block=False, logo=logo
    )
    certificates = [
        services.certificate_issue(
            enrolment=world.completer(first_name=first, last_name=last),
            issued_by=world.facilitator,
            notify=False,
        )
        for first, last in (("Ada", "Lovelace"), ("محمد", "عبدالله"))
    ]
    data = pdf.certificates_merged_pdf(certificates, title="Certificates: Kent 2025")
    info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True)
    listing = info.stdout.decode()
    assert re.search(r"^Tagged:\s+yes$", listing, re.M), listing
    assert re.search(r"^Pages:\s+2$", listing, re.M), listing
    assert re.search(r"^Title:\s+Certificates: Kent 2025$", listing, re.M), listing
    reader = PdfReader(io.BytesIO(data))
    assert str(reader.trailer["/Root"]["/Lang"]).lower() == "en-gb"
    structure = _structure(reader.trailer["/Root"]["/StructTreeRoot"])
    assert ("ar", None) in {(lang, alt) for lang, alt in structure if lang}
    assert sum(1 for _lang, alt in structure if alt == "Kent Police crest") == 2


def _structure(node, found=None):
    """(language, alternative text) of every element in a PDF's structure tree."""
    found = [] if found is None else found
    node = node.get_object()
    if isinstance(node, dict):
        lang, alt = node.get("/Lang"), node.get("/Alt")
        if lang or alt:
            found.append((str(lang) if lang else None, str(alt) if alt else None))
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                if hasattr(kid, "get_object") or isinstance(kid, dict | list):
                    _structure(kid, found)
    elif isinstance(node, list):
        for kid in node:
            _structure(kid, found)
    return found
