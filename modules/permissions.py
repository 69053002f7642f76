"""Who may see module content and restricted documents: the one place these rules live.

- Programme pages are public.
- A module is for the people taking or running its programme: participants whose place on a
  cohort of the programme is active (confirmed, completed or not completed), the facilitators
  of the programme's cohorts, and programme managers. Nobody else, not even its title in search.
- A programme may open each module to a participant only N days before their cohort's session
  that covers it (`ProgrammePage.module_opens_days_before`); facilitators and managers always
  see every module, and a module no session of the participant's cohort covers is always open.
- A document used in restricted content (a module's body, a cohort session's slides, a
  members-only or unpublished case study) is served only to someone who may see one of the
  pages or sessions using it; other documents are public, and so is any document an open,
  published case study shows (each app that uses documents answers for its own uses through
  the `modules.participation` document hook).

Who takes part in or runs which programme is asked of the app that runs cohorts
(`modules.participation`); this module never imports it. `check(user, action, obj)` is the entry
point views call; each answers a `Permission(allowed, reason)` for the 403 page.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from accounts.permissions import ALLOWED, Permission, signed_in
from accounts.roles import is_programme_manager

from . import participation
from .progress import ModuleProgress


def participating_programme_ids(user):
    """Programmes on which this person holds an active place."""
    if not signed_in(user):
        return set()
    return participation.participating_programme_ids(user)


def facilitated_programme_ids(user):
    """Programmes this person runs: at least one of their cohorts is assigned to them."""
    if not signed_in(user):
        return set()
    return participation.run_programme_ids(user)


def not_yet_open_module_ids(user, now=None, *, facilitated=None):
    """Modules of this participant's programmes that have not opened to their cohort yet.
    (`facilitated`: the facilitated programme ids, when the caller has them already.)"""
    if not signed_in(user) or is_programme_manager(user):
        return set()
    if facilitated is None:
        facilitated = facilitated_programme_ids(user)
    return participation.modules_not_yet_open(
        user, now=now or timezone.now(), run_programme_ids=facilitated
    )


def module_visibility_q(user, now=None):
    """A filter on pages selecting the modules this person may open now."""
    nothing = Q(pk__in=[])
    if not signed_in(user):
        return nothing
    if is_programme_manager(user):
        return Q()
    programme_ids = participating_programme_ids(user) | facilitated_programme_ids(user)
    paths = Page.objects.filter(pk__in=programme_ids).values_list("path", flat=True)
    condition = nothing
    for path in paths:
        condition |= Q(path__startswith=path, depth__gt=len(path) // Page.steplen)
    closed = not_yet_open_module_ids(user, now=now)
    if closed:
        condition &= ~Q(pk__in=closed)
    return condition


def _programme_permission(programme, *, manager, facilitated, participating):
    if manager or programme.pk in facilitated or programme.pk in participating:
        return ALLOWED
    return Permission(
        False,
        f"The modules of {programme.title} are for participants enrolled on one of its cohorts, "
        "and for its facilitators.",
    )


def can_view_programme_content(user, programme):
    """Take part in, run or manage this programme."""
    if not signed_in(user):
        return Permission(False, "Sign in to see this programme's modules.")
    manager = is_programme_manager(user)
    return _programme_permission(
        programme,
        manager=manager,
        facilitated=set() if manager else facilitated_programme_ids(user),
        participating=set() if manager else participating_programme_ids(user),
    )


@dataclass(frozen=True)
class ModuleAccess:
    """What one person may do with one module, worked out once per request: its programme,
    whether they may open it (and why not), whether they take part (their visits and progress
    are recorded), and which of the programme's modules have not opened to them yet."""

    programme: object
    permission: Permission
    takes_part: bool
    not_yet_open: frozenset = frozenset()


def module_access(user, module, now=None, *, participating=None):
    """(`participating`: the programmes the person takes part in, when the caller has them.)"""
    programme = module.programme()
    if programme is None:
        return ModuleAccess(
            None, Permission(False, "This module does not belong to a programme."), False
        )
    if not signed_in(user):
        return ModuleAccess(
            programme, Permission(False, "Sign in to see this programme's modules."), False
        )
    manager = is_programme_manager(user)
    facilitated = set() if manager else facilitated_programme_ids(user)
    if participating is None:
        participating = participating_programme_ids(user)
    takes_part = programme.pk in participating
    permission = _programme_permission(
        programme, manager=manager, facilitated=facilitated, participating=participating
    )
    # Only a programme that opens modules days before their session has closed modules.
    not_yet_open = frozenset()
    if permission and programme.module_opens_days_before is not None:
        not_yet_open = frozenset(not_yet_open_module_ids(user, now=now, facilitated=facilitated))
    if module.pk in not_yet_open:
        permission = Permission(
            False,
            f"This module opens {programme.module_opens_days_before} days before the cohort "
            "session that covers it.",
        )
    return ModuleAccess(programme, permission, takes_part, not_yet_open)


def can_view_module(user, module, now=None):
    return module_access(user, module, now=now).permission


def takes_part_in(user, programme):
    """An active participant of the programme (whose progress is recorded)."""
    return programme.pk in participating_programme_ids(user)


def can_keep_learning_log(user, module):
    """Mark a module complete and answer its reflection prompts: participants who may open it."""
    access = module_access(user, module)
    if access.permission and not access.takes_part:
        return Permission(False, "Only participants keep progress and a learning log.")
    return access.permission


def can_keep_a_learning_log(user, participating=None):
    """The learning log (one's own reflections): people taking part in a programme, and anyone
    who once did and has module progress to look back on. (`participating`: the programmes the
    person takes part in, when the caller has them.)"""
    if not signed_in(user):
        return Permission(False, "Sign in to see your learning log.")
    if participating is None:
        participating = participating_programme_ids(user)
    if participating or ModuleProgress.objects.filter(participant=user).exists():
        return ALLOWED
    return Permission(
        False, "The learning log is for participants: you are not taking part in a programme."
    )


def can_download_document(user, document):
    """A document used in a module's body, in cohort material or in a restricted case study is
    for those who may see that module, material or case study; any other document is public."""
    uses = ReferenceIndex.get_references_to(document).values_list(
        "content_type__app_label",
        "content_type__model",
        "base_content_type__app_label",
        "base_content_type__model",
        "object_id",
    )
    module_ids, references = set(), []
    for app_label, model, base_app_label, base_model, object_id in uses:
        if (app_label, model) == ("modules", "modulepage"):
            module_ids.add(int(object_id))
        references.append((base_app_label, base_model, object_id))
    elsewhere = participation.document_permissions(user, document, references)
    if not module_ids and not elsewhere:
        return ALLOWED
    # Another use may open it to this person (or to anyone: an open, published case study).
    if any(elsewhere):
        return ALLOWED
    if not signed_in(user):
        return Permission(False, "Sign in to download this document.")
    if is_programme_manager(user):
        return ALLOWED
    if module_ids and _any_module_visible(user, module_ids):
        return ALLOWED
    if elsewhere and not module_ids:
        return elsewhere[0]
    return Permission(
        False, "This document is part of a programme's material for its participants only."
    )


def _any_module_visible(user, module_ids):
    # Only a live module grants: a draft or unpublished module naming a document opens it to
    # nobody (its content may name anything until someone who may publish it has looked).
    return (
        Page.objects.filter(pk__in=module_ids, live=True).filter(module_visibility_q(user)).exists()
    )


def can_name_document(user, document):
    """A page body may name a document its editor may choose (Wagtail's collection permission)
    or may download themself: never one they could not open, such as another cohort's slides."""
    policy = policy_registry.get_by_type(get_document_model())
    if policy.instances_user_has_any_permission_for(user, ["choose"]).filter(pk=document.pk):
        return ALLOWED
    if can_download_document(user, document):
        return ALLOWED
    return Permission(
        False,
        f"You may not use the document \u201c{document.title}\u201d here: choose one of your own "
        "or upload it.",
    )


ACTIONS = {
    "view-programme-content": can_view_programme_content,
    "view-module": can_view_module,
    "keep-learning-log": can_keep_learning_log,
    "have-learning-log": can_keep_a_learning_log,
    "download-document": can_download_document,
    "name-document": can_name_document,
}


def check(user, action, *objects) -> Permission:
    """May `user` do `action` (one of ACTIONS) to `objects` (a programme, a module or a
    document; for "have-learning-log", none or the programmes they take part in)?"""
    return ACTIONS[action](user, *objects)
