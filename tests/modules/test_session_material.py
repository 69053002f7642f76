"""Facilitators edit a cohort session's own material; its participants read it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cohorts.models import CohortSession
from modules.permissions import can_download_document

pytestmark = pytest.mark.django_db


def _edit_url(world):
    return reverse("cohorts:session_material_edit", args=[world["session-A"].pk])


def test_facilitator_saves_material_that_participants_then_read(world, client_for):
    response = client_for(world.people["facilitator-of-A"]).post(
        _edit_url(world),
        {
            "joining_instructions": "Come to the side door.\n\nAsk for <Sam>.",
            "pre_reading": "Read https://example.org/report first.",
            "follow_up_actions": "Draft your service map.",
        },
    )
    assert response.status_code == 302
    session = CohortSession.objects.get(pk=world["session-A"].pk)
    # Plain text is stored as safe rich text: paragraphs, links, nothing executable.
    assert (
        session.joining_instructions == "<p>Come to the side door.</p><p>Ask for &lt;Sam&gt;.</p>"
    )
    assert 'href="https://example.org/report"' in session.pre_reading
    page = client_for(world.people["participant-of-A"]).get(
        reverse("cohorts:session_detail", args=[session.pk])
    )
    assert b"Come to the side door." in page.content
    assert b"Draft your service map." in page.content
    assert b"Edit this session" not in page.content
    # The shared module is untouched.
    assert world["module-A1"].specific.title == "Leading digital change"


def test_uploaded_slides_are_protected_like_the_session(world, client_for):
    client = client_for(world.people["facilitator-of-A"])
    upload = SimpleUploadedFile("deck.pdf", b"%PDF-1.4 deck", content_type="application/pdf")
    response = client.post(_edit_url(world), {"slides": upload})
    assert response.status_code == 302
    slides = CohortSession.objects.get(pk=world["session-A"].pk).slides
    assert slides.title.startswith("Slides:")
    assert can_download_document(world.people["participant-of-A"], slides)
    assert not can_download_document(world.people["participant-of-B"], slides)
    assert client_for(world.people["participant-of-B"]).get(slides.url).status_code == 403
    assert client_for(world.people["participant-of-A"]).get(slides.url).status_code == 200


def test_bad_slides_show_an_error_summary_and_save_nothing(world, client_for):
    client = client_for(world.people["facilitator-of-A"])
    upload = SimpleUploadedFile("deck.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(_edit_url(world), {"slides": upload, "joining_instructions": "Changed"})
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    session = CohortSession.objects.get(pk=world["session-A"].pk)
    assert session.joining_instructions == ""
    assert session.slides == world["slides"]


def test_facilitator_removes_slides(world, client_for):
    client_for(world.people["facilitator-of-A"]).post(_edit_url(world), {"remove_slides": "on"})
    assert CohortSession.objects.get(pk=world["session-A"].pk).slides is None


@pytest.mark.parametrize("role", ["participant-of-A", "facilitator-of-B", "nominator"])
def test_others_cannot_post_material(world, client_for, role):
    response = client_for(world.people[role]).post(_edit_url(world), {"pre_reading": "Spam"})
    assert response.status_code == 403
    assert CohortSession.objects.get(pk=world["session-A"].pk).pre_reading == ""


def test_module_page_links_the_participants_own_session(world, client_for):
    page = client_for(world.people["participant-of-A"]).get(world["module-A1"].url)
    assert reverse("cohorts:session_detail", args=[world["session-A"].pk]).encode() in page.content


def test_missing_session_is_not_found(world, client_for):
    response = client_for(world.people["manager"]).get(
        reverse("cohorts:session_detail", args=[999999])
    )
    assert response.status_code == 404


def test_document_linked_from_session_material_is_protected_like_the_session(world, client_for):
    from tests.modules.world import make_document

    handout = make_document("Session handout")
    session = CohortSession.objects.get(pk=world["session-A"].pk)
    session.pre_reading = f'<p><a linktype="document" id="{handout.pk}">Handout</a></p>'
    session.save()
    # Wagtail indexes a cohort's references with its sessions, when the cohort is saved (as the
    # admin does when a manager edits the sessions inline).
    session.cohort.save()
    assert client_for(world.people["participant-of-B"]).get(handout.url).status_code == 403
    assert client_for(world.people["participant-of-A"]).get(handout.url).status_code == 200
