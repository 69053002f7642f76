"""A version of each cohort's record: a number that changes whenever anything the cohort's pages
show of it changes (its dates and status, sessions, seats, enrolments, marks, apologies,
sign-offs, certificates, its programme's title, completion rule and the titles of the modules it
requires, its place's name, its participants' module progress, their names and organisations).
A page that works something out for a whole cohort (the dashboard's at-risk count, the grid, the
completion page) or shows several (the nominator portal) may keep it in the cache under the
cohorts' versions and use it until one changes (`cohorts.kept_html` for rendered parts);
nothing else is needed to make it fresh.

This module is the one place that says when a cohort's record has changed:
- `cohort_records_changed(cohort_ids)`, called by the receivers below for every model saved or
  deleted one at a time, and by the services that write in bulk (the register, nominations and
  imports, accounts an import fills in, certificates emailed, erasure), which signals do not
  see;
- `cohort_record_versions(cohort_ids)`, one cache read for a page of cohorts.

A version is bumped at once and again when the transaction commits: a page that read the old
rows while the change was being made may have kept its result under the first bump, never under
the second. A version missing from the cache (evicted, or a cache restarted) starts again from
the clock, never from a number used before, so an old result can never be read as new.

The versions live in the "records" cache: one shared by every process (Redis in production),
or none at all (`DummyCache`, when processes share nothing), so no process reads another's
stale copy.
"""

import time
from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
)

from kept import parts
from modules.models import ModulePage, ProgrammePage
from modules.progress import ModuleProgress

from .enrolment.selectors import organisations_cohort_ids
from .models import (
    Apology,
    AttendanceMark,
    Certificate,
    Cohort,
    CohortSession,
    CompletionRule,
    CompletionSignOff,
    Enrolment,
    Organisation,
    Place,
    SeatAllocation,
)

# The cache shared by every process, and how long a result is kept at most (`kept.parts`).
ALIAS = parts.ALIAS
RESULT_TIMEOUT = parts.TIMEOUT


_cache = parts.cache


# Moved whenever the database is migrated (every deploy): results worked out by the code or
# from the data before are never read after.
GENERATION = "cohort-records-generation"


def _key(cohort_id):
    return f"cohort-record-version:{cohort_id}"


def _fresh():
    return time.time_ns()


def cohort_record_versions(cohort_ids) -> dict[int, tuple[int, int]]:
    """The current version of each cohort's record (the deploy's generation and the cohort's
    own count), in one cache read (and one write for those never read before)."""
    return versions_and_kept(cohort_ids, [])[0]


def versions_and_kept(cohort_ids, keys):
    """The versions of these cohorts' records, and what is kept at `keys` (in the same cache),
    in one cache read."""
    ids = list(dict.fromkeys(cohort_ids))
    if not ids:
        return {}, (_cache().get_many(list(keys)) if keys else {})
    cache = _cache()
    found = cache.get_many([GENERATION, *(_key(pk) for pk in ids), *keys])
    missing = {}
    generation = found.get(GENERATION)
    if generation is None:
        generation = missing[GENERATION] = _fresh()
    versions = {}
    for pk in ids:
        value = found.get(_key(pk))
        if value is None:
            value = missing[_key(pk)] = _fresh()
        versions[pk] = (generation, value)
    if missing:
        cache.set_many(missing, timeout=None)
    return versions, {key: found[key] for key in keys if key in found}


def version_text(version):
    """A version as it goes into a cache key."""
    return ".".join(map(str, version))


def records_forget_all(**kwargs):
    """Every result kept so far is stale: after a migration (connected to `post_migrate`), the
    data or the code that worked them out may have changed."""
    _cache().set(GENERATION, _fresh(), timeout=None)


def versions_bump(ids):
    cache = _cache()
    for pk in ids:
        try:
            cache.incr(_key(pk))
        except ValueError:  # never read, or evicted: start again from the clock
            cache.set(_key(pk), _fresh(), timeout=None)


def cohort_records_changed(cohort_ids):
    """Say that these cohorts' records have changed (now, and again when the transaction
    commits)."""
    ids = sorted({pk for pk in cohort_ids if pk is not None})
    if not ids:
        return
    versions_bump(ids)
    transaction.on_commit(partial(versions_bump, ids))


def cached_for_cohorts(name, cohorts, compute, *, extra=lambda cohort: "", versions=None):
    """`compute(cohorts)` -> {cohort id: value} for those not kept yet; the rest read from the
    cache, each under its cohort's version and `extra(cohort)` (what else the value depends on:
    the time, say). Values must be picklable and the same for whoever asks. A caller keeping
    several results for the same cohorts passes the `versions` it read once."""
    cohorts = list(cohorts)
    if not cohorts:
        return {}
    if versions is None:
        versions = cohort_record_versions(c.pk for c in cohorts)
    keys = {c.pk: f"{name}:{c.pk}:{version_text(versions[c.pk])}:{extra(c)}" for c in cohorts}
    cache = _cache()
    found = cache.get_many(list(keys.values()))
    values = {pk: found[key] for pk, key in keys.items() if key in found}
    todo = [c for c in cohorts if c.pk not in values]
    if todo:
        computed = compute(todo)
        cache.set_many({keys[c.pk]: computed[c.pk] for c in todo}, timeout=RESULT_TIMEOUT)
        values.update(computed)
    return values


def version_and_kept(cohort_id, key):
    """(the cohort's version, what is kept at `key`) in one cache read: for a result kept with
    the version it was worked out at (good only while that is still the cohort's version), where
    a page has no other reason to read the version first."""
    versions, found = versions_and_kept([cohort_id], [key])
    return versions[cohort_id], found.get(key)


# What each model's row says about which cohorts it belongs to.


def _cohorts_of_sessions(session_ids):
    return CohortSession.objects.filter(pk__in=session_ids).values_list("cohort_id", flat=True)


def _cohorts_of_enrolments(enrolment_ids):
    return Enrolment.objects.filter(pk__in=enrolment_ids).values_list("cohort_id", flat=True)


def cohorts_of_people(person_ids):
    """The cohorts these people are (or were) on or facilitate (their names are on its pages),
    in one query."""
    ids = list(person_ids)
    enrolled = Enrolment.objects.filter(participant_id__in=ids).order_by()
    facilitating = Cohort.facilitators.through.objects.filter(user_id__in=ids).order_by()
    return enrolled.values_list("cohort_id", flat=True).union(
        facilitating.values_list("cohort_id", flat=True)
    )


def _cohort_ids(sender, instance):
    if sender is Cohort:
        return [instance.pk]
    if sender in (CohortSession, Enrolment, SeatAllocation):
        return [instance.cohort_id]
    if sender in (AttendanceMark, Apology):
        return _cohorts_of_sessions([instance.session_id])
    if sender in (CompletionSignOff, Certificate):
        return _cohorts_of_enrolments([instance.enrolment_id])
    if sender is CompletionRule:
        return Cohort.objects.filter(programme_id=instance.programme_id).values_list(
            "pk", flat=True
        )
    if sender is ModuleProgress:
        return cohorts_of_people([instance.participant_id])
    if sender is Organisation:  # its officers' places and its seats: what its portal shows
        return organisations_cohort_ids([instance])
    if sender is Place:
        return Cohort.objects.filter(place=instance).values_list("pk", flat=True)
    return cohorts_of_people([instance.pk])  # a person


def _saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # signing in changes nothing a cohort's pages show
    cohort_records_changed(_cohort_ids(sender, instance))


def _deleted(sender, instance, **kwargs):
    # Deleting a cohort or its sessions takes their rows with them: say so for the ids held.
    if sender is Cohort:
        cohort_records_changed([instance.pk])
    elif sender in (CohortSession, Enrolment, SeatAllocation):
        cohort_records_changed([instance.cohort_id])
    else:
        _saved(sender, instance)


def _many_changed(sender, instance, action, reverse, pk_set, model, **kwargs):
    """A cohort's facilitators, or the modules a completion rule requires."""
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if isinstance(instance, Cohort):
        cohort_records_changed([instance.pk])
    elif isinstance(instance, CompletionRule):
        cohort_records_changed(_cohort_ids(CompletionRule, instance))
    elif model is Cohort:  # user.facilitated_cohorts.add(...)
        if action == "pre_clear":
            cohort_records_changed(cohorts_of_people([instance.pk]))
        else:
            cohort_records_changed(pk_set or [])
    else:  # rule.required_modules from the module's side: every rule it is named in
        cohort_records_changed(
            Cohort.objects.filter(programme__completion_rule__in=pk_set or []).values_list(
                "pk", flat=True
            )
        )


def _cohorts_requiring(module):
    return Cohort.objects.filter(programme__completion_rule__required_modules=module).values_list(
        "pk", flat=True
    )


def _module_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A module's title is on the completion page ("Complete the module ... online"): a module
    saved with a new title (published) moves the cohorts whose rule requires it. A draft saved
    names the fields it changes, never the title."""
    if raw or (update_fields is not None and "title" not in update_fields):
        return
    cohort_records_changed(_cohorts_requiring(instance))


def _programme_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A programme's title names each of its cohorts ("Digital Academy: Leeds 2026"): a
    programme saved with a new title (published) moves all of them."""
    if raw or (update_fields is not None and "title" not in update_fields):
        return
    cohort_records_changed(Cohort.objects.filter(programme=instance).values_list("pk", flat=True))


def _module_deleting(sender, instance, **kwargs):
    # Before the rows saying which rules require it go with it.
    cohort_records_changed(_cohorts_requiring(instance))


def connect():
    """Connected in `CohortsConfig.ready()`."""
    post_save.connect(_module_saved, sender=ModulePage, dispatch_uid="cohort-record-module-saved")
    pre_delete.connect(
        _module_deleting, sender=ModulePage, dispatch_uid="cohort-record-module-deleting"
    )
    post_save.connect(
        _programme_saved, sender=ProgrammePage, dispatch_uid="cohort-record-programme-saved"
    )
    for model in (
        Cohort,
        CohortSession,
        Enrolment,
        AttendanceMark,
        Apology,
        CompletionSignOff,
        Certificate,
        CompletionRule,
        ModuleProgress,
        Organisation,
        Place,
        SeatAllocation,
        get_user_model(),
    ):
        uid = f"cohort-record-version-{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
    post_migrate.connect(records_forget_all, dispatch_uid="cohort-records-forget-all")
    for through in (Cohort.facilitators.through, CompletionRule.required_modules.through):
        m2m_changed.connect(_many_changed, sender=through, dispatch_uid=f"cohort-record-{through}")
