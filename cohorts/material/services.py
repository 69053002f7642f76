"""A cohort session's own material (joining instructions, pre-reading, slides, follow-up
actions), which its facilitators edit without touching the modules every cohort shares."""

from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex

from modules.services import plain_text_as_rich_text


@transaction.atomic
def cohort_session_material_update(
    *,
    session,
    actor,
    joining_instructions="",
    pre_reading="",
    follow_up_actions="",
    slides=None,
    remove_slides=False,
):
    """Save a cohort session's own material (never the shared modules). New slides are stored
    as a Wagtail document, served only to those who may see the session. Slides replaced or
    removed are deleted unless something else still uses them: a document nothing uses would be
    public (modules.permissions)."""
    earlier_slides = session.slides
    session.joining_instructions = plain_text_as_rich_text(joining_instructions)
    session.pre_reading = plain_text_as_rich_text(pre_reading)
    session.follow_up_actions = plain_text_as_rich_text(follow_up_actions)
    if remove_slides:
        session.slides = None
    if slides is not None:
        document = get_document_model()(
            title=f"Slides: {session.cohort.name}, {session.title}"[:255],
            file=slides,
            uploaded_by_user=actor,
        )
        document.full_clean()
        document.save()
        session.slides = document
    session.full_clean()
    session.save(
        update_fields=["joining_instructions", "pre_reading", "follow_up_actions", "slides"]
    )
    if earlier_slides is not None and earlier_slides != session.slides:
        _delete_if_unused(earlier_slides, sessions=type(session).objects)
    return session


def _delete_if_unused(document, *, sessions):
    if sessions.filter(slides=document).exists():
        return
    if ReferenceIndex.get_references_to(document).exists():
        return
    document.delete()
