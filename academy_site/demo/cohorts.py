"""The four demo cohorts, set up through `cohorts.setup.services` as a programme manager sets
them up in the admin (the same guard rails: allocations within the capacity, sessions covering
their own programme's modules, facilitators who hold the role). Each starts open for
enrolment; `enrolment` moves the running and closed ones on once their people have joined.

- Kent, running: half-way through, four sessions behind it and four ahead.
- Kent, last year's: to be closed, with certificates for those who completed.
- Greater Manchester: open for enrolment, starting in six weeks.
- Senior councillors (Member Leadership Academy): open, drawing from several places.
"""

import datetime as dt

from django.utils.text import slugify

from cohorts.models import Cohort
from cohorts.setup.services import cohort_create, cohort_session_add

from . import content
from .world import EMAIL_DOMAIN, london, next_weekday


def build(world):
    digital = world.programmes[content.DIGITAL_ACADEMY["slug"]]
    members = world.programmes[content.MEMBER_LEADERSHIP_ACADEMY["slug"]]
    today = world.today
    kent, manchester = world.places["kent"], world.places["gm"]
    other_facilitators = world.other_facilitators

    starts_on = today - dt.timedelta(days=105)
    allocations = {key: len(people) for key, people in content.RUNNING_COHORT.items()}
    allocations["kent-police"] += 1  # the `participant` login
    set_up(
        world,
        "running",
        programme=digital,
        name=f"Kent {starts_on:%B %Y}",
        place=kent,
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(days=213),
        facilitators=[world.facilitator],
        allocations=allocations,
    )

    starts_on = today - dt.timedelta(days=440)
    set_up(
        world,
        "closed",
        programme=digital,
        name=f"Kent {starts_on:%B %Y}",
        place=kent,
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(days=210),
        facilitators=[world.facilitator],
        allocations=content.CLOSED_ALLOCATIONS,
    )

    starts_on = today + dt.timedelta(days=45)
    set_up(
        world,
        "open",
        programme=digital,
        name=f"Greater Manchester {starts_on:%B %Y}",
        place=manchester,
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(days=213),
        facilitators=[other_facilitators[0]],
        allocations=content.OPEN_ALLOCATIONS,
        weekday=2,
        venues=content.GM_VENUES,
    )

    starts_on = today + dt.timedelta(days=30)
    set_up(
        world,
        "members",
        programme=members,
        name=f"Senior councillors {starts_on:%B %Y}",
        place=None,
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(days=100),
        facilitators=[other_facilitators[1]],
        allocations=content.MEMBER_ALLOCATIONS,
        weekday=3,
        start=(14, 0),
        hours=3,
        every=21,
        venues=[content.MEMBER_VENUE],
        online=(1, 2),
    )


def set_up(world, key, *, programme, allocations, **fields):
    sessions = {
        name: fields.pop(name)
        for name in ("weekday", "start", "hours", "every", "venues", "online")
        if name in fields
    }
    cohort = cohort_create(
        programme=programme,
        capacity=sum(allocations.values()),
        status=Cohort.Status.OPEN,
        allocations={world.organisations[k]: seats for k, seats in allocations.items()},
        **fields,
    )
    add_sessions(world, cohort, world.modules[programme.slug], **sessions)
    world.cohorts[key] = cohort
    return cohort


def add_sessions(
    world,
    cohort,
    modules,
    *,
    weekday=1,
    start=(9, 30),
    hours=3.5,
    every=28,
    venues=content.KENT_VENUES,
    online=(5,),
):
    """One cohort session per module, `every` days apart from a week after the start."""
    for n, module in enumerate(modules):
        day = next_weekday(cohort.starts_on + dt.timedelta(days=7 + every * n), weekday)
        starts_at = london(day, *start)
        is_online = n in online
        cohort_session_add(
            cohort=cohort,
            title=module.session_title,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=hours),
            modules=[module],
            venue="" if is_online else venues[n % len(venues)],
            joining_url=(
                f"https://meet.{EMAIL_DOMAIN}/{slugify(cohort.name)}-{n + 1}" if is_online else ""
            ),
            joining_instructions=(
                content.ONLINE_INSTRUCTIONS if is_online else content.JOINING_INSTRUCTIONS
            ),
            pre_reading=(
                f"<p>Before the session, work through the online module "
                f"<i>{module.title}</i> (about {module.estimated_minutes} minutes) and "
                f"come ready to share your answer to its reflection question.</p>"
            ),
            follow_up_actions=content.FOLLOW_UP if starts_at < world.now else "",
        )
