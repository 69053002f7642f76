"""A cohort's progress through its programme's modules, for its facilitators: each active
participant, each module, completed or not, and how many reflection prompts they answered (never
what they wrote). A fixed number of queries, however many participants and modules."""

from django.db.models import Prefetch

from modules.models import ModulePage, ModuleProgress

from ..models import Enrolment


def cohort_progress_table(cohort):
    """For facilitators: each active participant's progress on each module of the programme:
    completed or not, and how many reflections were answered, never what they wrote."""
    modules = list(
        ModulePage.objects.child_of(cohort.programme)
        .live()
        .order_by("path")
        .only("id", "title", "path", "depth", "body")
    )
    prompt_ids = {m.pk: {block_id for block_id, _ in m.reflection_prompts()} for m in modules}
    enrolments = list(
        Enrolment.objects.active()
        .filter(cohort=cohort)
        .select_related("participant", "organisation")
        .prefetch_related(
            Prefetch(
                "participant__module_progress",
                queryset=ModuleProgress.objects.filter(module__in=[m.pk for m in modules]),
                to_attr="programme_progress",
            )
        )
        .order_by("participant__last_name", "participant__first_name")
    )
    rows = []
    for enrolment in enrolments:
        by_module = {p.module_id: p for p in enrolment.participant.programme_progress}
        cells = []
        for module in modules:
            progress = by_module.get(module.pk)
            answered = (
                sum(
                    1
                    for key, value in progress.reflections.items()
                    if value and key in prompt_ids[module.pk]
                )
                if progress
                else 0
            )
            cells.append(
                {
                    "module": module,
                    "opened": progress is not None,
                    "completed": bool(progress and progress.is_complete),
                    "answered": answered,
                    "prompts": len(prompt_ids[module.pk]),
                }
            )
        rows.append({"enrolment": enrolment, "cells": cells})
    return {"modules": modules, "rows": rows}
