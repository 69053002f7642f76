"""Who may see module content, cohort session material and restricted documents: the one place
these rules live.

- Programme pages are public.
- A module is for the people taking or running its programme: participants whose enrolment on
  a cohort of the programme is active (confirmed, completed or not completed), the facilitators
  of the programme's cohorts, and programme managers. Nobody else, not even its title in search.
- A programme may open each module to a participant only N days before their cohort's session
  that covers it (`ProgrammePage.module_opens_days_before`); facilitators and managers always
  see every module, and a module no session of the participant's cohort covers is always open.
- Cohort session material is cohort-specific: that cohort's active participants, its
  facilitators and programme managers may read it; facilitators and managers edit it.
- A document used in restricted content (a module's body, a cohort session's slides, a
  members-only or unpublished case study) is served only to someone who may see one of the
  pages or sessions using it; other documents are public, and so is any document an open,
  published case study shows.

Each check answers a `Permission(allowed, reason)` so a view can show the reason on its 403 page.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from accounts.roles import is_facilitator, is_programme_manager
from cohorts.permissions import ALLOWED, Permission, can_run_cohort


def _signed_in(user):
    return bool(user and user.is_authenticated and user.is_active)


def participating_programme_ids(user):
    """Programmes on which this person holds an active enrolment."""
    from cohorts.models import Enrolment

    if not _signed_in(user):
        return set()
    return set(
        Enrolment.objects.filter(participant=user, status__in=Enrolment.ACTIVE).values_list(
            "cohort__programme_id", flat=True
        )
    )


def facilitated_programme_ids(user):
    """Programmes with at least one cohort this facilitator is assigned to."""
    from cohorts.models import Cohort

    if not is_facilitator(user):
        return set()
    return set(Cohort.objects.filter(facilitators=user).values_list("programme_id", flat=True))


def not_yet_open_module_ids(user, now=None, *, facilitated=None):
    """Modules of this participant's programmes that have not opened to their cohort yet.
    (`facilitated`: the facilitated programme ids, when the caller has them already.)"""
    from cohorts.models import CohortSession, Enrolment

    if not _signed_in(user) or is_programme_manager(user):
        return set()
    now = now or timezone.now()
    if facilitated is None:
        facilitated = facilitated_programme_ids(user)
    rows = (
        CohortSession.objects.filter(
            cohort__enrolments__participant=user,
            cohort__enrolments__status__in=Enrolment.ACTIVE,
            cohort__programme__module_opens_days_before__isnull=False,
            modules__isnull=False,
        )
        .exclude(cohort__programme_id__in=facilitated)
        .values_list("modules", "starts_at", "cohort__programme__module_opens_days_before")
    )
    opens_at = {}
    for module_id, starts_at, days in rows:
        opening = starts_at - dt.timedelta(days=days)
        if module_id not in opens_at or opening < opens_at[module_id]:
            opens_at[module_id] = opening
    return {module_id for module_id, opening in opens_at.items() if opening > now}


def module_visibility_q(user, now=None):
    """A filter on pages selecting the modules this person may open now."""
    from .models import ProgrammePage

    nothing = Q(pk__in=[])
    if not _signed_in(user):
        return nothing
    if is_programme_manager(user):
        return Q()
    programme_ids = participating_programme_ids(user) | facilitated_programme_ids(user)
    paths = ProgrammePage.objects.filter(pk__in=programme_ids).values_list("path", flat=True)
    condition = nothing
    for path in paths:
        condition |= Q(path__startswith=path, depth__gt=len(path) // ProgrammePage.steplen)
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
    if not _signed_in(user):
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
    whether they may open it (and why not), and whether they take part (their visits and
    progress are recorded)."""

    programme: object
    permission: Permission
    takes_part: bool


def module_access(user, module, now=None):
    from .models import ProgrammePage

    # Wagtail's routing leaves the parent it came through on the page: no query then.
    programme = getattr(module, "_cached_parent_obj", None)
    if not isinstance(programme, ProgrammePage):
        programme = ProgrammePage.objects.parent_of(module).first()
    if programme is None:
        return ModuleAccess(
            None, Permission(False, "This module does not belong to a programme."), False
        )
    if not _signed_in(user):
        return ModuleAccess(
            programme, Permission(False, "Sign in to see this programme's modules."), False
        )
    manager = is_programme_manager(user)
    facilitated = set() if manager else facilitated_programme_ids(user)
    participating = participating_programme_ids(user)
    takes_part = programme.pk in participating
    permission = _programme_permission(
        programme, manager=manager, facilitated=facilitated, participating=participating
    )
    # Only a programme that opens modules days before their session has closed modules.
    if (
        permission
        and programme.module_opens_days_before is not None
        and module.pk in not_yet_open_module_ids(user, now=now, facilitated=facilitated)
    ):
        permission = Permission(
            False,
            f"This module opens {programme.module_opens_days_before} days before the cohort "
            "session that covers it.",
        )
    return ModuleAccess(programme, permission, takes_part)


def can_view_module(user, module, now=None):
    return module_access(user, module, now=now).permission


def takes_part_in(user, programme):
    """An active participant of the programme (whose progress is recorded)."""
    return programme.pk in participating_programme_ids(user)


def can_view_cohort_session(user, session):
    """Read a cohort session's material: joining instructions, pre-reading, slides, actions."""
    from cohorts.models import Enrolment

    if not _signed_in(user):
        return Permission(False, "Sign in to see this session's material.")
    if can_run_cohort(user, session.cohort):
        return ALLOWED
    if Enrolment.objects.filter(
        cohort_id=session.cohort_id, participant=user, status__in=Enrolment.ACTIVE
    ).exists():
        return ALLOWED
    return Permission(
        False, "This session's material is for the cohort's participants and facilitators only."
    )


def can_edit_cohort_session_material(user, session):
    if not _signed_in(user):
        return Permission(False, "Sign in to edit this session's material.")
    permission = can_run_cohort(user, session.cohort)
    if not permission:
        return Permission(
            False, "Only this cohort's facilitators and programme managers edit its material."
        )
    return ALLOWED


def can_view_cohort_progress(user, cohort):
    """See which participants completed which modules (never what they wrote)."""
    if not _signed_in(user):
        return Permission(False, "Sign in to see this cohort's progress.")
    if can_run_cohort(user, cohort):
        return ALLOWED
    return Permission(False, "Only this cohort's facilitators and programme managers see this.")


def restricted_uses_of_document(document):
    """The modules, cohort sessions, cohorts and case studies that use this document and are
    not open to everyone (none: it is public).

    Modules and case studies are found through Wagtail's reference index (document blocks, rich
    text links, a case study's documents), cohort sessions through their slides, and cohorts
    through the reference index too (a document linked from a session's rich text material is
    indexed against its cohort). A document an open, published case study shows is public: that
    page puts it in front of everyone."""
    from django.contrib.auth.models import AnonymousUser
    from wagtail.models import ReferenceIndex

    from cohorts.models import Cohort, CohortSession
    from practice.models import CaseStudyPage

    from .models import ModulePage

    page_ids, cohort_ids = set(), set()
    for app_label, model, object_id in ReferenceIndex.get_references_to(document).values_list(
        "base_content_type__app_label", "base_content_type__model", "object_id"
    ):
        if (app_label, model) == ("wagtailcore", "page"):
            page_ids.add(int(object_id))
        elif (app_label, model) == ("cohorts", "cohort"):
            cohort_ids.add(int(object_id))
    case_studies = CaseStudyPage.objects.filter(pk__in=page_ids)
    if page_ids and case_studies.visible_to(AnonymousUser()).exists():
        return [], [], [], []
    modules = list(ModulePage.objects.filter(pk__in=page_ids))
    sessions = list(CohortSession.objects.filter(slides=document).select_related("cohort"))
    cohorts = list(Cohort.objects.filter(pk__in=cohort_ids))
    return modules, sessions, cohorts, list(case_studies.only("id"))


def can_download_document(user, document):
    from cohorts.models import Enrolment
    from practice.models import CaseStudyPage

    modules, sessions, cohorts, case_studies = restricted_uses_of_document(document)
    if not modules and not sessions and not cohorts and not case_studies:
        return ALLOWED
    if not _signed_in(user):
        return Permission(False, "Sign in to download this document.")
    if is_programme_manager(user):
        return ALLOWED
    if modules and _any_module_visible(user, modules):
        return ALLOWED
    if (
        case_studies
        and CaseStudyPage.objects.filter(pk__in=[c.pk for c in case_studies])
        .visible_to(user)
        .exists()
    ):
        return ALLOWED
    cohorts = {session.cohort.pk: session.cohort for session in sessions} | {
        cohort.pk: cohort for cohort in cohorts
    }
    if any(can_run_cohort(user, cohort) for cohort in cohorts.values()):
        return ALLOWED
    if Enrolment.objects.filter(
        cohort_id__in=list(cohorts), participant=user, status__in=Enrolment.ACTIVE
    ).exists():
        return ALLOWED
    if not cohorts and not modules:
        return Permission(False, "This document belongs to a case study that is not published.")
    return Permission(
        False, "This document is part of a programme's material for its participants only."
    )


def _any_module_visible(user, modules):
    from .models import ModulePage

    return ModulePage.objects.filter(pk__in=[m.pk for m in modules]).visible_to(user).exists()
