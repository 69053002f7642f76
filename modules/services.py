"""Writes for modules: a participant's progress and reflections, and who may edit a programme's
pages. Each service takes keyword-only arguments, runs in one transaction and validates."""

import re
from html import unescape

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags, urlize
from django.utils.text import normalize_newlines
from wagtail.models import GroupPagePermission

from accounts.roles import Role

from . import participation
from .progress import ModuleProgress

REFLECTION_MAX_LENGTH = 5000
# Facilitators draft and submit for approval; publishing is left to the programme managers.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]


def module_progress_open(*, participant, module, now=None) -> ModuleProgress:
    """Record that a participant has opened a module (the first time only). A visit after the
    first is one read: get_or_create makes the row in its own savepoint, and two first visits
    at once meet the unique constraint and read the winner's row."""
    progress, _ = ModuleProgress.objects.get_or_create(
        participant=participant, module=module, defaults={"opened_at": now or timezone.now()}
    )
    return progress


@transaction.atomic
def module_progress_complete(*, participant, module, complete=True, now=None) -> ModuleProgress:
    """Mark a module complete for a participant, or not complete again."""
    progress, _ = ModuleProgress.objects.select_for_update().get_or_create(
        participant=participant, module=module, defaults={"opened_at": now or timezone.now()}
    )
    if complete and progress.completed_at is None:
        progress.completed_at = now or timezone.now()
    elif not complete:
        progress.completed_at = None
    progress.full_clean()
    progress.save()
    return progress


@transaction.atomic
def reflection_save(*, participant, module, answers: dict) -> ModuleProgress:
    """Save a participant's answers to a module's reflection prompts in their private learning
    log. `answers` maps a prompt's (activity block's) id to its answer; an empty answer removes
    it. Nothing is saved if any answer is refused."""
    prompt_ids = {block_id for block_id, _prompt in module.reflection_prompts()}
    errors = []
    for block_id, answer in answers.items():
        if block_id not in prompt_ids:
            errors.append(f"This module has no reflection prompt {block_id!r}.")
        elif len(answer or "") > REFLECTION_MAX_LENGTH:
            errors.append(f"An answer can be at most {REFLECTION_MAX_LENGTH} characters long.")
    if errors:
        raise ValidationError(errors)
    progress, _ = ModuleProgress.objects.select_for_update().get_or_create(
        participant=participant, module=module
    )
    reflections = dict(progress.reflections or {})
    for block_id, answer in answers.items():
        answer = (answer or "").strip()
        if answer:
            reflections[block_id] = answer
        else:
            reflections.pop(block_id, None)
    progress.reflections = reflections
    progress.full_clean()
    progress.save()
    return progress


def programme_editors_group_name(programme_id):
    return f"programme-{programme_id}-editors"


@transaction.atomic
def programme_editors_sync(*, programme) -> Group:
    """Let the facilitators of a programme's cohorts (and only them) draft and submit the
    programme's pages for approval. Wagtail page permissions belong to groups, so each programme
    has one editors group holding add/change (never publish) on its page and everything below.
    Who runs the programme is asked of the app that runs its cohorts (`participation`)."""
    group, _ = Group.objects.get_or_create(name=programme_editors_group_name(programme.pk))
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page_id=programme.pk,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    facilitators = get_user_model().objects.filter(
        participation.programme_runners_q(programme),
        groups__name=Role.FACILITATOR.value,
        is_active=True,
    )
    group.user_set.set(list(facilitators.values_list("pk", flat=True).distinct()))
    return group


def plain_text_as_rich_text(text):
    """Paragraphs (blank-line separated) of escaped text, with web addresses as links."""
    text = normalize_newlines(text or "").strip()
    if not text:
        return ""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(urlize(line, autoescape=True) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )


def rich_text_as_plain_text(html):
    """The text of stored rich text, for editing in a plain text box."""
    if not html:
        return ""
    html = re.sub(r"<br\s*/?>", "\n", html)
    html = re.sub(r"</(p|h[1-6]|li|ul|ol)>", "\n\n", html)
    text = unescape(strip_tags(html))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
