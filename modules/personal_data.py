"""What modules holds about a person, for the personal-data app (`personal_data.registry`):
their progress through each module with their own reflections, and what goes when they are
erased (their reflections). Registered in `wagtail_hooks.py`."""

from personal_data.services import iso

from .progress import ModuleProgress


def export_person(person):
    progress = ModuleProgress.objects.filter(participant=person).select_related("module")
    items = []
    for item in progress.order_by("module__path"):
        prompts = dict(item.module.reflection_prompts())
        items.append(
            {
                "module": item.module.title,
                "opened_at": iso(item.opened_at),
                "completed_at": iso(item.completed_at),
                "reflections": [
                    {"prompt": prompts.get(key, ""), "answer": answer}
                    for key, answer in (item.reflections or {}).items()
                ],
            }
        )
    return {"module_progress": items}


def erase_person(erasure):
    ModuleProgress.objects.filter(participant=erasure.person).update(reflections={})
