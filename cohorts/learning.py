"""What cohorts tells the modules app about learning: who takes part in or runs which
programme, when a module opens to a participant's cohort, which of their cohort sessions cover
a module, which cohorts a programme has announced, and who may download a document used in
cohort material. Registered for `modules.participation`'s hooks in `wagtail_hooks.py`, so
`modules` never imports `cohorts`."""

import datetime as dt

from accounts.permissions import ALLOWED, Permission
from accounts.roles import is_facilitator
from kept.parts import digest

from .models import Cohort, CohortSession, Enrolment
from .permissions import can_run_cohort
from .record_versions import version_text, versions_and_kept

# How many of a participant's sessions a module page lists.
SESSIONS_PER_MODULE = 20


def _active_places(user):
    return Enrolment.objects.active().filter(participant=user).order_by()


def participating_programme_ids(user):
    """Programmes on which this person holds an active place."""
    return set(_active_places(user).values_list("cohort__programme_id", flat=True))


def learner_record(user, *, also=()):
    """(the programmes on which this person holds an active place, a text that changes whenever
    anything cohorts knows of their learning changes: their active places, their cohorts'
    sessions and the modules those cover, their module progress, what is kept at the keys
    `also` in the records' cache), read with the versions of their active cohorts' records
    (`record_versions`). One query and one cache read."""
    places = list(_active_places(user).values_list("cohort_id", "cohort__programme_id"))
    cohort_ids = sorted({cohort_id for cohort_id, _ in places})
    versions, found = versions_and_kept(cohort_ids, also)
    version = digest([*cohort_ids, *(version_text(versions[pk]) for pk in cohort_ids)])
    return {programme_id for _, programme_id in places}, version, found


def run_programme_ids(user):
    """Programmes with at least one cohort this facilitator is assigned to."""
    if not is_facilitator(user):
        return set()
    return set(Cohort.objects.facilitated_by(user).values_list("programme_id", flat=True))


def modules_not_yet_open(user, *, now, run_programme_ids):
    """Modules of this participant's programmes whose covering session, on their own cohort, is
    more than the programme's `module_opens_days_before` away (programmes they run excepted)."""
    rows = (
        CohortSession.objects.filter(
            cohort__enrolments__participant=user,
            cohort__enrolments__status__in=Enrolment.ACTIVE,
            cohort__programme__module_opens_days_before__isnull=False,
            modules__isnull=False,
        )
        .exclude(cohort__programme_id__in=run_programme_ids)
        .values_list("modules", "starts_at", "cohort__programme__module_opens_days_before")
    )
    opens_at = {}
    for module_id, starts_at, days in rows:
        opening = starts_at - dt.timedelta(days=days)
        if module_id not in opens_at or opening < opens_at[module_id]:
            opens_at[module_id] = opening
    return {module_id for module_id, opening in opens_at.items() if opening > now}


def sessions_covering_module(user, module):
    """The participant's own cohort sessions that cover this module: what the module page lists
    of each (its title and time; its material is on the session's own page)."""
    return list(
        CohortSession.objects.filter(
            modules=module,
            cohort__enrolments__participant=user,
            cohort__enrolments__status__in=Enrolment.ACTIVE,
        )
        .only("id", "cohort_id", "title", "starts_at", "ends_at", "cancelled_at")
        .order_by("starts_at")[:SESSIONS_PER_MODULE]
    )


def programme_cohorts(programme):
    """The programme's cohorts that have been announced, by place, with dates and status."""
    return list(
        Cohort.objects.filter(programme=programme)
        .exclude(status=Cohort.Status.DRAFT)
        .select_related("place")
        .order_by("place__name", "starts_on", "name")
    )


def programme_runner_ids(programme):
    """The facilitators of the programme's cohorts (a subquery)."""
    return Cohort.facilitators.through.objects.filter(cohort__programme_id=programme.pk).values(
        "user_id"
    )


def document_permission(user, document, references):
    """None when no cohort material uses the document; otherwise whether this person may
    download it: those who run, or take part in, a cohort whose material uses it (the slides of
    one of its sessions, or a link in its sessions' material, indexed against the cohort)."""
    cohort_ids = {
        int(object_id)
        for app_label, model, object_id in references
        if (app_label, model) == ("cohorts", "cohort")
    }
    sessions = list(CohortSession.objects.filter(slides=document).select_related("cohort"))
    cohorts = {session.cohort.pk: session.cohort for session in sessions} | {
        cohort.pk: cohort for cohort in Cohort.objects.filter(pk__in=cohort_ids)
    }
    if not cohorts:
        return None
    if not (user and user.is_authenticated):
        return Permission(False, "Sign in to download this document.")
    if any(can_run_cohort(user, cohort) for cohort in cohorts.values()):
        return ALLOWED
    if Enrolment.objects.active().filter(cohort_id__in=list(cohorts), participant=user).exists():
        return ALLOWED
    return Permission(False, "This material is for the cohort's participants and facilitators.")
