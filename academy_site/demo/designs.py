"""The demo's certificate designs: one for each academy, with its own logos and a signature
drawn here (no files shipped), published through `certificate_design_publish` as a programme
manager would, so they pass the same checks. Called by the demo loader once the programmes
exist: `demo_certificate_designs(programmes, user=manager)`."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from cohorts.certificates.designs import certificate_design_publish
from cohorts.models import CertificateDesign

# By programme slug: heading, wording, layout, signatory, and the logos' words and colours.
DESIGNS = {
    "digital-academy": {
        "heading": "Certificate of completion",
        "wording": "has completed the six-to-nine-month place-based programme",
        "orientation": CertificateDesign.Orientation.LANDSCAPE,
        "signatory_name": "Siân Griffiths",
        "signatory_role": "Programme Manager, Digital Academies",
        "logos": [("Digital Academy", "#1d3557"), ("Kent and Medway partners", "#00703c")],
    },
    "member-leadership-academy": {
        "heading": "Certificate of achievement",
        "wording": "has completed, as an elected member,",
        "orientation": CertificateDesign.Orientation.PORTRAIT,
        "signatory_name": "Siân Griffiths",
        "signatory_role": "Programme Manager, Member Leadership Academy",
        "logos": [("Member Leadership Academy", "#4c2c92")],
    },
}


def _png(draw, size):
    canvas = PillowImage.new("RGBA", size, (255, 255, 255, 0))
    draw(ImageDraw.Draw(canvas))
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    return buffer


def _image(title, description, buffer, filename):
    Image = get_image_model()
    image = Image(title=title, description=description)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image


def _logo(words, colour):
    def draw(pen):
        pen.rounded_rectangle((4, 4, 596, 216), radius=28, outline=colour, width=10)
        pen.ellipse((30, 40, 170, 180), fill=colour)
        pen.text((190, 92), words, fill=colour, font_size=28)

    return _image(f"{words} logo", f"{words} logo", _png(draw, (600, 220)), "logo.png")


def _signature(name):
    def draw(pen):
        points = [(10, 90), (60, 20), (90, 100), (140, 30), (180, 95), (230, 40), (300, 80)]
        pen.line(points, fill="#1d1d1b", width=6, joint="curve")
        pen.line([(40, 110), (320, 104)], fill="#1d1d1b", width=3)

    return _image(f"Signature of {name}", f"Signature of {name}", _png(draw, (340, 130)), "sig.png")


def demo_certificate_designs(programmes, *, user=None) -> list[CertificateDesign]:
    """A published design for each demo programme that has one in DESIGNS (replacing any)."""
    designs = []
    for programme in programmes:
        spec = DESIGNS.get(programme.slug)
        if spec is None:
            continue
        CertificateDesign.objects.filter(programme=programme).delete()
        logos = [_logo(words, colour) for words, colour in spec["logos"]]
        design = CertificateDesign(
            programme=programme,
            heading=spec["heading"],
            wording=spec["wording"],
            orientation=spec["orientation"],
            signature_block=True,
            show_logos=True,
            signatory_name=spec["signatory_name"],
            signatory_role=spec["signatory_role"],
            signature=_signature(spec["signatory_name"]),
            logo=logos[0],
            second_logo=logos[1] if len(logos) > 1 else None,
        )
        designs.append(certificate_design_publish(design=design, user=user))
    return designs
