"""Who is on each cohort, as it happened: each organisation's nominator nominates their officers
(`enrolment_nominate`, which also makes the officers' accounts) and the officers accept their
places (`enrolment_confirm`); some on the open cohorts have not answered yet. The seat rules
apply as they would to anyone. Once its people have joined, the running and the closed Kent
cohorts start running."""

import datetime as dt

from django.contrib.auth import get_user_model

from cohorts.enrolment.services import enrolment_confirm, enrolment_nominate
from cohorts.models import Cohort, Enrolment
from cohorts.setup.services import cohort_status_set

from . import content
from .world import EMAIL_DOMAIN, demo_email, london

CONFIRMED = Enrolment.Status.CONFIRMED


def build(world):
    running, closed = world.cohorts["running"], world.cohorts["closed"]
    login = next(row for row in content.LOGINS if row[0] == "participant")
    officers = [("kent-police", login[1], login[2], login[3], f"participant@{EMAIL_DOMAIN}")]
    for key, people in content.RUNNING_COHORT.items():
        officers += [(key, first, last, title, None) for first, last, title in people]
    at = london(running.starts_on - dt.timedelta(days=42), 11)
    world.enrolments["running"] = [
        join(world, running, key, first, last, title, email=email, at=at + minutes(n))
        for n, (key, first, last, title, email) in enumerate(officers)
    ]

    at = london(closed.starts_on - dt.timedelta(days=40), 10)
    world.enrolments["closed"] = []
    for n, (key, first, last, title, completes) in enumerate(content.CLOSED_COHORT):
        enrolment = join(world, closed, key, first, last, title, at=at + minutes(n))
        world.enrolments["closed"].append(enrolment)
        world.completes[enrolment.pk] = completes

    for cohort_key, rows, hour in (
        ("open", content.OPEN_ENROLMENTS, 9),
        ("members", content.MEMBER_ENROLMENTS, 10),
    ):
        cohort = world.cohorts[cohort_key]
        world.enrolments[cohort_key] = [
            join(
                world,
                cohort,
                key,
                first,
                last,
                title,
                at=london(world.today, hour) - dt.timedelta(days=8 - n),
                status=status,
            )
            for n, (key, first, last, title, status) in enumerate(rows)
        ]

    # A shortcut, not a rule: officers set their own password from their invitation; in the
    # demo everyone who has accepted a place shares the demo password, hashed once.
    get_user_model().objects.filter(
        email__iendswith="@" + EMAIL_DOMAIN,
        password__startswith="!",
        enrolments__status=CONFIRMED,
    ).update(password=world.password)

    for key in ("running", "closed"):
        cohort = cohort_status_set(cohort=world.cohorts[key], status=Cohort.Status.RUNNING)
        world.cohorts[key] = cohort


def minutes(n):
    """Nominators do not all type at once."""
    return dt.timedelta(minutes=7 * n)


def join(world, cohort, organisation_key, first, last, title, *, at, status=CONFIRMED, email=None):
    """The organisation's nominator nominates the officer at `at`; they accept two days later
    if `status` says they have."""
    email = email or demo_email(first, last)
    enrolment = enrolment_nominate(
        actor=world.nominator_of(organisation_key),
        cohort=cohort,
        organisation=world.organisations[organisation_key],
        email=email,
        first_name=first,
        last_name=last,
        job_title=title,
        now=at,
    )
    world.people.setdefault(email, enrolment.participant)
    if status == CONFIRMED:
        enrolment = enrolment_confirm(
            actor=enrolment.participant,
            enrolment=enrolment,
            now=at + dt.timedelta(days=2, hours=3),
        )
    return enrolment
