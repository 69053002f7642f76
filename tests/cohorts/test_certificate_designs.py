"""Certificate designs in the admin: a live PDF preview with sample names (the longest on the
programme, and a right-to-left one carrying its language), layouts, and the checks that stop a
design being published with a logo too large or a signature block without a signature. The
demo's designs pass them. Rules: `cohorts.certificates.designs`."""

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from academy_site.demo.designs import demo_certificate_designs
from cohorts.certificates import designs, pdf
from cohorts.certificates.names import name_language
from cohorts.models import CertificateDesign
from tests.cohorts.certificate_helpers import World

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/cohorts/certificatedesign/"


def _image(title="Logo", size=(640, 480), **kwargs):
    return Image.objects.create(title=title, file=get_test_image_file(size=size), **kwargs)


def _form(world, **changes):
    data = {
        "programme": world.cohort.programme.pk,
        "heading": "Certificate of completion",
        "wording": "has completed",
        "orientation": "portrait",
        "signature_block": "on",
        "show_logos": "on",
        "signatory_name": "Dr Ann Jones",
        "signatory_role": "Director",
        "signature": _image("Signature").pk,
        "logo": _image("Logo").pk,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_design_preview_renders_as_a_pdf_of_sample_certificates_in_the_admin(client, manager):
    world = World()
    world.completer(first_name="Bartholomew", last_name="Fotheringham-Wolstenholme")
    client.force_login(manager)
    preview = f"{ADMIN}preview/"
    # Wagtail's live preview: the form as it stands is posted, then the preview fetched.
    state = client.post(preview, _form(world, heading="Draft heading"))
    assert state.json() == {"is_valid": True, "is_available": True}
    response = client.get(preview)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert round(width) == 595 and round(height) == 842  # portrait, as chosen in the form
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Draft heading" in text and "Dr Ann Jones" in text
    # The longest name on the programme (it wraps in portrait: which is what a preview is for).
    assert "BartholomewFotheringham-Wolstenholme" in "".join(text.split())
    assert not CertificateDesign.objects.exists()  # previewing saves nothing


def test_the_preview_prints_a_right_to_left_name_in_its_language(db):
    world = World()
    design = CertificateDesign(programme=world.cohort.programme, signature_block=False)
    samples = designs.preview_certificates(design)
    assert [c.holder_name for c in samples] == ["Dimitra Papadopoulou", "نسرين أختر"]
    html = pdf.certificates_html(samples, design=design)
    assert 'lang="ar" dir="rtl">نسرين أختر<' in html
    assert name_language("Ελένη Παπαδοπούλου").lang == "el"
    assert name_language("山田 はなこ").lang == "ja"
    assert name_language("Siân Llŷr").lang == ""  # Latin letters: the document's language


def test_a_draft_saves_with_problems_but_publishing_refuses_them(client, manager):
    world = World()
    client.force_login(manager)
    incomplete = _form(world, signature="", logo="", signatory_role="")
    response = client.post(f"{ADMIN}add/", incomplete)
    assert response.status_code == 302  # saved as a draft
    design = CertificateDesign.objects.get()
    assert not design.live and pdf.design_for(world.cohort.programme_id) is None

    response = client.post(f"{ADMIN}edit/{design.pk}/", {**incomplete, "action-publish": "on"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "This layout has a signature block" in errors["signature"][0]
    assert "Choose a logo" in errors["logo"][0]
    assert "signatory's role" in errors["signatory_role"][0]
    design.refresh_from_db()
    assert not design.live

    response = client.post(f"{ADMIN}edit/{design.pk}/", {**_form(world), "action-publish": "on"})
    assert response.status_code == 302
    assert pdf.design_for(world.cohort.programme_id).signatory_role == "Director"


def test_a_logo_too_large_for_every_pdf_is_refused(db):
    world = World()
    design = CertificateDesign(
        programme=world.cohort.programme,
        signature_block=False,
        logo=_image(size=(2400, 600)),
    )
    problems = designs.design_problems(design)
    assert "The first logo is too large (2400 by 600 pixels)" in problems["logo"]
    with pytest.raises(ValidationError):
        designs.certificate_design_publish(design=design)


def test_a_layout_without_signature_block_or_logos_needs_neither(db):
    world = World()
    design = CertificateDesign(
        programme=world.cohort.programme, signature_block=False, show_logos=False
    )
    assert designs.design_problems(design) == {}
    snapshot = pdf.design_snapshot(design)
    assert snapshot["signature"] is None and snapshot["logos"] == []


def test_the_demo_ships_a_published_design_for_each_academy(db):
    from tests.modules.factories import ProgrammePageFactory

    digital = ProgrammePageFactory(slug="digital-academy", title="Digital Academy")
    members = ProgrammePageFactory(
        slug="member-leadership-academy", title="Member Leadership Academy"
    )
    made = demo_certificate_designs([digital, members])
    assert {d.programme_id for d in made} == {digital.pk, members.pk}
    for design in made:
        assert design.live and design.revisions.count() == 1
        assert designs.design_problems(design) == {}
        assert design.signature.description.startswith("Signature of")
    assert pdf.design_for(members.pk).orientation == "portrait"
