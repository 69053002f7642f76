"""Issue 15: a document is downloadable only by people who may see a live page or cohort
session using it. Drafts grant nothing; a module body may not name a document its editor may
not use; replaced or removed slides are not left public."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cohorts.models import CohortSession
from modules.models import ModulePage
from modules.permissions import can_download_document
from tests.modules.factories import ModulePageFactory
from tests.modules.world import make_document, module_body

pytestmark = pytest.mark.django_db


def _document_block(document):
    return {
        "type": "document",
        "id": "doc-x",
        "value": {"document": document.pk, "title": "", "description": ""},
    }


def test_a_draft_module_naming_another_cohorts_slides_opens_them_to_nobody(world):
    """The issue's example: a module saved as a draft (never published) names slides of
    cohort A; it must not open them to programme B's facilitator or participants."""
    draft = ModulePageFactory(
        parent=world["programme-B"],
        title="Borrowed slides",
        body=module_body(_document_block(world["slides"])),
        live=False,
    )
    ReferenceIndex.create_or_update_for_object(draft)
    assert ReferenceIndex.get_references_to(world["slides"]).filter(object_id=str(draft.pk))
    for person in ("facilitator-of-B", "participant-of-B"):
        assert not can_download_document(world.people[person], world["slides"]), person
    assert can_download_document(world.people["participant-of-A"], world["slides"])


def _edit_data(module, body):
    return nested_form_data(
        {
            "title": module.title,
            "slug": module.slug,
            "summary": "",
            "learning_outcomes": streamfield([]),
            "estimated_minutes": 30,
            "body": streamfield(body),
            "comments": inline_formset([]),
        }
    )


def test_a_module_body_naming_a_document_its_editor_may_not_open_is_refused(world, client_for):
    module = world["module-B1"]
    body = [("document", {"document": world["slides"].pk, "title": "", "description": ""})]
    client = client_for(world.people["facilitator-of-B"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[module.pk]), _edit_data(module, body)
    )
    assert response.status_code == 200  # the form again, with the error
    assert "You may not use the document" in response.content.decode()
    latest = ModulePage.objects.get(pk=module.pk).get_latest_revision_as_object()
    assert world["slides"].pk not in {
        block.value["document"].pk for block in latest.body if block.block_type == "document"
    }


def test_a_module_body_may_name_a_document_its_editor_may_open(world, client_for):
    module = world["module-A2"]
    body = [("document", {"document": world["slides"].pk, "title": "", "description": ""})]
    client = client_for(world.people["facilitator-of-A"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[module.pk]), _edit_data(module, body)
    )
    assert response.status_code == 302


def _material_url(world):
    return reverse("cohorts:session_material_edit", args=[world["session-A"].pk])


def test_replaced_slides_are_deleted_not_left_public(world, client_for):
    old = make_document("Old deck")
    session = world["session-A"]
    CohortSession.objects.filter(pk=session.pk).update(slides=old)
    client = client_for(world.people["facilitator-of-A"])
    upload = SimpleUploadedFile("deck.pdf", b"%PDF-1.4 new deck", content_type="application/pdf")
    assert client.post(_material_url(world), {"slides": upload}).status_code == 302
    assert not get_document_model().objects.filter(pk=old.pk).exists()
    assert client_for(None).get(f"/documents/{old.pk}/old-deck.pdf").status_code == 404


def test_removed_slides_are_deleted_not_left_public(world, client_for):
    old = make_document("Removed deck")
    CohortSession.objects.filter(pk=world["session-A"].pk).update(slides=old)
    client = client_for(world.people["facilitator-of-A"])
    assert client.post(_material_url(world), {"remove_slides": "on"}).status_code == 302
    assert not get_document_model().objects.filter(pk=old.pk).exists()


def test_slides_another_session_still_uses_are_kept_and_stay_limited(world, client_for):
    shared = make_document("Shared deck")
    other = CohortSession.objects.create(
        cohort=world["cohort-A"],
        title="Follow-up",
        starts_at=world["session-A"].starts_at,
        ends_at=world["session-A"].ends_at,
        slides=shared,
    )
    CohortSession.objects.filter(pk=world["session-A"].pk).update(slides=shared)
    client = client_for(world.people["facilitator-of-A"])
    assert client.post(_material_url(world), {"remove_slides": "on"}).status_code == 302
    assert get_document_model().objects.filter(pk=shared.pk).exists()
    assert not can_download_document(world.people["participant-of-B"], shared)
    assert other.pk
