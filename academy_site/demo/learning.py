"""Participants working through the modules online, through the modules app's services
(`module_progress_open`, `module_progress_complete`, `reflection_save`), a few days before each
session: on the running cohort, the modules of the sessions so far (some have started the next);
on the closed cohort, every module for those who completed, three opened and one finished for
the one who did not."""

import datetime as dt

from modules.services import module_progress_complete, module_progress_open, reflection_save

from . import content

REFLECTIONS = [
    "Our digital team hears about service changes after the business case is signed off. I will "
    "ask our ACC to invite the head of digital to the change board.",
    "The journey map showed a victim of domestic abuse repeating her story to four agencies in a "
    "fortnight. None of our own data shows that.",
]
OPENED_CHANCE = [0.95, 0.9, 0.85, 0.75, 0.35]
COMPLETED_CHANCE = [0.85, 0.8, 0.7, 0.5, 0.2]


def build(world):
    modules = world.modules[content.DIGITAL_ACADEMY["slug"]]
    running = list(world.cohorts["running"].sessions.order_by("starts_at"))
    participant = world.people["participant"]
    for enrolment in world.enrolments["running"]:
        person = enrolment.participant
        for n, (module, session) in enumerate(zip(modules, running, strict=True)):
            if n >= len(OPENED_CHANCE):
                break
            if person == participant:
                opened, completed = n <= 3, n <= 2
            else:
                opened = world.random.random() < OPENED_CHANCE[n]
                completed = opened and world.random.random() < COMPLETED_CHANCE[n]
            if not opened:
                continue
            opened_at = min(
                session.starts_at - dt.timedelta(days=world.random.randint(2, 9), hours=3),
                world.now - dt.timedelta(days=1),
            )
            module_progress_open(participant=person, module=module, now=opened_at)
            if completed:
                done_at = min(
                    opened_at + dt.timedelta(minutes=module.estimated_minutes + 15),
                    world.now - dt.timedelta(hours=2),
                )
                module_progress_complete(participant=person, module=module, now=done_at)
            if person == participant and n <= 1:
                reflection_save(
                    participant=person,
                    module=module,
                    answers={prompt: REFLECTIONS[n] for prompt, _ in module.reflection_prompts()},
                )

    closed = list(world.cohorts["closed"].sessions.order_by("starts_at"))
    for enrolment in world.enrolments["closed"]:
        completes = world.completes[enrolment.pk]
        count = len(modules) if completes else 3
        for n, (module, session) in enumerate(zip(modules[:count], closed[:count], strict=True)):
            opened_at = session.starts_at - dt.timedelta(days=world.random.randint(2, 9))
            module_progress_open(participant=enrolment.participant, module=module, now=opened_at)
            if completes or n == 0:
                module_progress_complete(
                    participant=enrolment.participant,
                    module=module,
                    now=opened_at + dt.timedelta(hours=2),
                )
