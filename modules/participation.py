"""What the modules app asks of the apps that run programmes, without importing them.

Who takes part in a programme, who runs it, when its modules open to a participant, which
cohort sessions cover a module and who may download a document used in cohort material are
known to the app that runs cohorts. It answers through Wagtail's hook registry (as
`wagtail.contrib.forms` asks `filter_form_submissions_for_user`): `cohorts/wagtail_hooks.py`
registers a function for each hook name below, and these helpers combine what every registered
function answers. With no app answering, nobody takes part in or runs any programme.
"""

from django.db.models import Q
from wagtail import hooks

# fn(user) -> programme ids on which the person holds an active place.
PARTICIPATING_PROGRAMMES = "modules_participating_programme_ids"
# fn(user, *, also) -> (programme ids on which the person holds an active place, a text that
# changes whenever anything the app knows of their learning changes: their places, their
# cohorts' sessions, their module progress, {key: value} kept at the keys `also` of
# `kept.parts`' cache, read with it). What a participant's module pages are kept under.
LEARNER_RECORD = "modules_learner_record"
# fn(user) -> programme ids the person runs (facilitates a cohort of).
RUN_PROGRAMMES = "modules_run_programme_ids"
# fn(user, *, now, run_programme_ids) -> module ids not yet open to the person's cohorts.
MODULES_NOT_YET_OPEN = "modules_not_yet_open_module_ids"
# fn(user, module) -> the person's own cohort sessions that cover the module (newest last).
SESSIONS_COVERING_MODULE = "modules_sessions_covering_module"
# fn(programme) -> the programme's announced cohorts, for its public page.
PROGRAMME_COHORTS = "modules_programme_cohorts"
# fn(programme) -> ids of the people who run the programme (who may edit its pages): a queryset
# of ids is used as a subquery.
PROGRAMME_RUNNERS = "modules_programme_runner_ids"
# fn(user, document, references) -> None when the app does not use the document, else a
# Permission. `references` are the document's (app label, model, object id) in Wagtail's
# reference index, looked up once for every app.
DOCUMENT_PERMISSION = "modules_document_permission"


def _union(hook_name, *args, **kwargs):
    found = set()
    for answer in hooks.get_hooks(hook_name):
        found.update(answer(*args, **kwargs))
    return found


def participating_programme_ids(user):
    return _union(PARTICIPATING_PROGRAMMES, user)


def learner_record(user, *, also=()):
    """(programme ids the person takes part in, the version of what is known of their learning
    from every app that answers, what is kept at the keys `also`)."""
    programme_ids, versions, found = set(), [], {}
    for answer in hooks.get_hooks(LEARNER_RECORD):
        ids, version, kept = answer(user, also=also)
        programme_ids.update(ids)
        versions.append(version)
        found.update(kept)
    return programme_ids, ":".join(versions), found


def run_programme_ids(user):
    return _union(RUN_PROGRAMMES, user)


def modules_not_yet_open(user, *, now, run_programme_ids):
    return _union(MODULES_NOT_YET_OPEN, user, now=now, run_programme_ids=run_programme_ids)


def sessions_covering_module(user, module):
    sessions = []
    for answer in hooks.get_hooks(SESSIONS_COVERING_MODULE):
        sessions.extend(answer(user, module))
    return sessions


def programme_cohorts(programme):
    cohorts = []
    for answer in hooks.get_hooks(PROGRAMME_COHORTS):
        cohorts.extend(answer(programme))
    return cohorts


def programme_runners_q(programme):
    """A filter on people selecting those who run the programme (one subquery per app)."""
    condition = Q(pk__in=[])
    for answer in hooks.get_hooks(PROGRAMME_RUNNERS):
        condition |= Q(pk__in=answer(programme))
    return condition


def document_permissions(user, document, references):
    """What each app that uses the document says about this person downloading it."""
    answers = (
        answer(user, document, references) for answer in hooks.get_hooks(DOCUMENT_PERMISSION)
    )
    return [permission for permission in answers if permission is not None]
