"""Reads for programme and module pages, learning logs and facilitators' progress tables.
Each runs a fixed number of queries, however many modules, cohorts and participants there are."""

from django.urls import reverse

from . import participation
from .permissions import (
    can_view_programme_content,
    module_access,
    not_yet_open_module_ids,
    takes_part_in,
)
from .progress import ModuleProgress


def progress_by_module(participant, module_ids):
    """{module id: ModuleProgress} for this participant, in one query."""
    if not participant or not participant.is_authenticated:
        return {}
    return {
        progress.module_id: progress
        for progress in ModuleProgress.objects.filter(
            participant=participant, module_id__in=list(module_ids)
        )
    }


def programme_page_context(*, programme, user):
    modules = list(
        programme.modules().only(
            "id", "title", "url_path", "path", "depth", "summary", "estimated_minutes"
        )
    )
    context = {"modules": modules, "cohorts": participation.programme_cohorts(programme)}
    if user.is_authenticated:
        permission = can_view_programme_content(user, programme)
        context["can_view_modules"] = bool(permission)
        if permission and takes_part_in(user, programme):
            progress = progress_by_module(user, [m.pk for m in modules])
            closed = not_yet_open_module_ids(user)
            for module in modules:
                module.my_progress = progress.get(module.pk)
                module.is_open = module.pk not in closed
            context["shows_progress"] = True
            context["completed_count"] = sum(
                1 for m in modules if m.my_progress and m.my_progress.is_complete
            )
    return context


def module_page_context(*, module, user, access=None, progress=None):
    """What a module page shows this person. `access` (from `module_access`) and `progress`
    (their module progress) are passed in when the page's serve() has them already."""
    if access is None:
        access = module_access(user, module)
    programme = access.programme
    context = {"programme": programme, **neighbouring_modules(module, access)}
    prompts = module.reflection_prompts()
    context["prompt_count"] = len(prompts)
    # Activities link to the learning log for those whose reflections are recorded.
    context["body_reflections_url"] = ""
    if access.takes_part:
        if progress is None:
            progress = ModuleProgress.objects.filter(participant=user, module=module).first()
        context["progress"] = progress
        if progress is not None:
            context["body_reflections_url"] = reverse(
                "modules:module_reflections", args=[module.pk]
            )
        context["answered_count"] = (
            sum(1 for block_id, _ in prompts if (progress.reflections or {}).get(block_id))
            if progress
            else 0
        )
        # The participant's own cohort sessions that cover this module, with their material.
        context["sessions"] = participation.sessions_covering_module(user, module)
    return context


def neighbouring_modules(module, access):
    """The modules before and after this one in its programme's order, among those this person
    may open (a participant's modules that have not opened yet are skipped). One query."""
    if access.programme is None:
        return {"previous_module": None, "next_module": None}
    siblings = [
        sibling
        for sibling in access.programme.modules().only("id", "title", "url_path", "path", "depth")
        if sibling.pk == module.pk or sibling.pk not in access.not_yet_open
    ]
    here = next((i for i, sibling in enumerate(siblings) if sibling.pk == module.pk), None)
    if here is None:
        return {"previous_module": None, "next_module": None}
    return {
        "previous_module": siblings[here - 1] if here > 0 else None,
        "next_module": siblings[here + 1] if here + 1 < len(siblings) else None,
    }


def learning_log(participant):
    """This participant's own reflections, module by module (newest first, bounded)."""
    entries = []
    progress_list = (
        ModuleProgress.objects.filter(participant=participant)
        .exclude(reflections={})
        .select_related("module")
        .order_by("-updated_at")[:100]
    )
    for progress in progress_list:
        answers = []
        for block_id, prompt in progress.module.reflection_prompts():
            if progress.reflections.get(block_id):
                answers.append({"prompt": prompt, "answer": progress.reflections[block_id]})
        if answers:
            entries.append({"module": progress.module, "progress": progress, "answers": answers})
    return entries
