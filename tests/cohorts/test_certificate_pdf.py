"""The certificate PDF itself (real WeasyPrint renders, kept to two in the whole suite): A4
landscape, names in any script with every glyph present, the text readable back, metadata and
accessibility tags set, fonts embedded and subset, and nothing fetched from outside."""

import io
import logging
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
