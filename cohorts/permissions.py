"""What each role may do to each cohort object: the one place these rules live.

`check(user, action, *objects)` is the entry point views call: it answers a `Permission`
(allowed, reason) so a refusal can show the reason on the 403 page (`accounts.permissions.deny`).
Each action's rule is one function below, tested as a matrix of roles and objects. Reading rules
are the querysets' `visible_to(user)`; the checks here reuse them.
"""

from accounts.permissions import ALLOWED, Permission, signed_in
from accounts.roles import is_facilitator, is_nominator, is_programme_manager

from .enrolment.seats import nominations_open
from .models import Cohort, Enrolment


def _takes_part(user, cohort_id):
    """An active enrolment on the cohort: taking part, or took part."""
    return Enrolment.objects.active().filter(cohort_id=cohort_id, participant=user).exists()


def facilitates(user, cohort):
    """A facilitator assigned to this cohort (read from the facilitators prefetched with the
    cohort when the caller did that, so checking twice costs no second query)."""
    if not is_facilitator(user):
        return False
    if "facilitators" in getattr(cohort, "_prefetched_objects_cache", {}):
        return any(f.pk == user.pk for f in cohort.facilitators.all())
    return cohort.facilitators.filter(pk=user.pk).exists()


def can_view_cohort(user, cohort):
    if not signed_in(user):
        return Permission(False, "Sign in to see this cohort.")
    if Cohort.objects.visible_to(user).filter(pk=cohort.pk).exists():
        return ALLOWED
    return Permission(False, "You are not on this cohort, facilitating it or enrolling for it.")


def can_set_up_cohorts(user):
    if is_programme_manager(user):
        return ALLOWED
    return Permission(
        False, "Only programme managers set up programmes, cohorts and organisations."
    )


def can_run_cohort(user, cohort):
    """Keep registers, publish session material, confirm completions, issue certificates."""
    if is_programme_manager(user) or facilitates(user, cohort):
        return ALLOWED
    return Permission(False, "Only this cohort's facilitators and programme managers can do this.")


def can_nominate(user, cohort, organisation):
    """Enrol an officer of `organisation` onto `cohort`."""
    if not signed_in(user):
        return Permission(False, "Sign in to nominate officers.")
    if not (is_programme_manager(user) or is_nominator(user)):
        return Permission(False, "Only nominators of partner organisations can nominate officers.")
    if not is_programme_manager(user) and not organisation.nominators.filter(pk=user.pk).exists():
        return Permission(False, f"You do not nominate for {organisation}.")
    return nominations_open(cohort, organisation)


def can_act_for_anyone(user, enrolment=None):
    """Nominate, move between cohorts, withdraw and substitute any person on any cohort, from a
    cohort's overview, through the same services as nominators: programme managers (whether a
    cohort takes nominations is still `nominate`'s rule)."""
    if is_programme_manager(user):
        return ALLOWED
    return Permission(False, "Only programme managers enrol, move, withdraw and substitute anyone.")


def can_use_nominator_portal(user):
    """The nominator portal: nominators of partner organisations, and programme managers, who
    act there for any organisation (for a partner whose contact is away)."""
    if is_nominator(user) or is_programme_manager(user):
        return ALLOWED
    return Permission(False, "Only nominators of partner organisations can nominate officers.")


def can_download_nomination_template(user):
    """The spreadsheet template for nominating officers from a file: whoever may upload one
    (nominators, and programme managers, who nominate for any organisation)."""
    if not signed_in(user):
        return Permission(False, "Sign in to nominate officers.")
    if is_nominator(user) or is_programme_manager(user):
        return ALLOWED
    return Permission(False, "Only nominators of partner organisations can nominate officers.")


def can_view_enrolment(user, enrolment):
    if Enrolment.objects.visible_to(user).filter(pk=enrolment.pk).exists():
        return ALLOWED
    return Permission(False, "You cannot see this person's enrolment.")


def can_manage_enrolment(user, enrolment):
    """Resend the invitation, withdraw or substitute an officer: their organisation's nominator
    (or a programme manager)."""
    if not signed_in(user):
        return Permission(False, "Sign in to manage nominations.")
    if is_programme_manager(user):
        return ALLOWED
    if is_nominator(user) and enrolment.organisation.nominators.filter(pk=user.pk).exists():
        return ALLOWED
    return Permission(False, "Only your organisation's nominator can change this enrolment.")


def can_view_cohort_mix(user, cohort):
    """The cohort overview with its sector and organisation mix: managers and the cohort's
    facilitators."""
    if is_programme_manager(user) or facilitates(user, cohort):
        return ALLOWED
    return Permission(
        False, "Only this cohort's facilitators and programme managers can see its mix."
    )


def can_view_cohort_history(user, cohort):
    """The cohort's history (every change to its marks, sign-offs, enrolments and certificates):
    programme managers and the cohort's facilitators."""
    if not signed_in(user):
        return Permission(False, "Sign in to see this cohort's history.")
    if is_programme_manager(user) or facilitates(user, cohort):
        return ALLOWED
    return Permission(
        False, "Only this cohort's facilitators and programme managers can see its history."
    )


def can_see_fellow_participants(user, cohort):
    """Names, organisations and job titles of a cohort's participants are shown only to people
    on the same cohort (and to those who run it)."""
    if not signed_in(user):
        return Permission(False, "Sign in to see who is on this cohort.")
    if is_programme_manager(user) or facilitates(user, cohort):
        return ALLOWED
    if _takes_part(user, cohort.pk):
        return ALLOWED
    return Permission(False, "Only people on this cohort can see who else is on it.")


# --- Attendance (issue 5) ---


def can_attend(user, session):
    """Check in to, or send apologies for, a cohort session: participants with an active
    enrolment on its cohort."""
    if not signed_in(user):
        return Permission(False, "Sign in to check in or send apologies.")
    if _takes_part(user, session.cohort_id):
        return ALLOWED
    return Permission(
        False, "Only participants taking part in this cohort can check in or send apologies."
    )


def can_view_cohort_attendance(user, cohort):
    """The cohort's attendance grid: its facilitators and programme managers see everyone;
    a nominator sees their own organisation's officers only (the grid uses visible_to)."""
    if not signed_in(user):
        return Permission(False, "Sign in to see attendance.")
    if can_run_cohort(user, cohort):
        return ALLOWED
    if is_nominator(user) and cohort.enrolments.filter(organisation__nominators=user).exists():
        return ALLOWED
    return Permission(
        False,
        "Only this cohort's facilitators, programme managers and the nominators of its "
        "participants can see its attendance.",
    )


# Whose own attendance on a cohort stays theirs to see: taking part, or took part until
# withdrawn.
OWN_ATTENDANCE_STATUSES = (*Enrolment.ACTIVE, Enrolment.Status.WITHDRAWN)


def can_see_own_attendance(user, cohort):
    """A participant's own marks and apologies on a cohort they take part in (or took part in)."""
    if not signed_in(user):
        return Permission(False, "Sign in to see your attendance.")
    if Enrolment.objects.filter(
        cohort=cohort, participant=user, status__in=OWN_ATTENDANCE_STATUSES
    ).exists():
        return ALLOWED
    return Permission(False, "You are not taking part in this cohort.")


def can_view_cohort_dashboard(user):
    """The dashboard of cohorts (status, seats, at risk, next session, mix): programme managers
    for every cohort, facilitators for those they run (it lists `visible_to` only)."""
    if not signed_in(user):
        return Permission(False, "Sign in to see your cohorts.")
    if is_programme_manager(user) or is_facilitator(user):
        return ALLOWED
    return Permission(False, "The cohort dashboard is for programme managers and facilitators.")


def can_view_programme_attendance(user):
    """Attendance rates across every cohort of a programme: programme managers only."""
    if is_programme_manager(user):
        return ALLOWED
    return Permission(False, "Only programme managers can see attendance across a programme.")


# --- Certificates (issue 6) ---


def can_issue_certificates(user, cohort):
    """Sign off completions, issue, re-issue and revoke a cohort's certificates, and download
    them all at once: the cohort's facilitators and programme managers."""
    if not signed_in(user):
        return Permission(False, "Sign in to issue certificates.")
    if can_run_cohort(user, cohort):
        return ALLOWED
    return Permission(
        False, "Only this cohort's facilitators and programme managers can issue certificates."
    )


def can_view_completion(user, cohort):
    """The cohort's completion page (everyone's standing): those who run it, and the nominators
    of its participants (who see their own officers only: the page uses visible_to)."""
    return can_view_cohort_attendance(user, cohort)


# --- Cohort session material and module progress ---


def can_read_cohort_material(user, cohort):
    """Read a cohort's sessions' material (joining instructions and links, venues, pre-reading,
    slides, actions), on the session page or in a calendar: those who run it and its active
    participants, never someone withdrawn or substituted."""
    if not signed_in(user):
        return Permission(False, "Sign in to see this session's material.")
    if can_run_cohort(user, cohort) or _takes_part(user, cohort.pk):
        return ALLOWED
    return Permission(
        False, "This session's material is for the cohort's participants and facilitators only."
    )


def can_view_cohort_session(user, session):
    """Read a cohort session's material: joining instructions, pre-reading, slides, actions."""
    return can_read_cohort_material(user, session.cohort)


def can_edit_cohort_session_material(user, session):
    if not signed_in(user):
        return Permission(False, "Sign in to edit this session's material.")
    if not can_run_cohort(user, session.cohort):
        return Permission(
            False, "Only this cohort's facilitators and programme managers edit its material."
        )
    return ALLOWED


def can_view_cohort_progress(user, cohort):
    """See which participants completed which modules (never what they wrote)."""
    if not signed_in(user):
        return Permission(False, "Sign in to see this cohort's progress.")
    if can_run_cohort(user, cohort):
        return ALLOWED
    return Permission(False, "Only this cohort's facilitators and programme managers see this.")


def can_schedule_sessions(user, cohort):
    """Create a cohort's sessions from a pattern, move or cancel one: programme managers and
    the cohort's facilitators."""
    if not signed_in(user):
        return Permission(False, "Sign in to change this cohort's sessions.")
    if can_run_cohort(user, cohort):
        return ALLOWED
    return Permission(
        False, "Only this cohort's facilitators and programme managers change its sessions."
    )


def can_have_cohort_feed(user, cohort):
    """A cohort's calendar: those who may read its material (`can_read_cohort_material`), and,
    with the dates but not the material, officers invited to a seat on it and the nominators of
    organisations on it. Someone withdrawn or substituted gets nothing, and their old feed
    stops."""
    material = can_read_cohort_material(user, cohort)
    if material or not signed_in(user):
        return material
    if Enrolment.objects.holding_seats().filter(cohort=cohort, participant=user).exists():
        return ALLOWED
    if is_nominator(user) and can_view_cohort(user, cohort):
        return ALLOWED
    return material


def _has_place(user, places, statuses, places_query):
    """Whether the person has a place in one of `statuses`: read from `places` (the statuses of
    all their enrolments, declined and substituted ones aside) when the caller has them, else
    asked of the database (`places_query`)."""
    if places is not None:
        return any(status in statuses for status in places)
    return places_query.filter(participant=user).exists()


def can_have_own_calendar(user, places=None):
    """A calendar of one's own cohort sessions: facilitators (the cohorts they run) and people
    with a place (holding a seat: invited, confirmed, completed or not). Anyone else would get
    an empty calendar; they subscribe to each cohort's calendar instead. (`places`: see
    `_has_place`.)"""
    if not signed_in(user):
        return Permission(False, "Sign in to see your calendar.")
    if is_facilitator(user) or _has_place(
        user, places, Enrolment.SEAT_HOLDING, Enrolment.objects.holding_seats()
    ):
        return ALLOWED
    return Permission(
        False,
        "Your calendar holds the sessions of the cohorts you take part in or run, and you have "
        "none. Each cohort you can see has its own calendar.",
    )


def can_see_own_certificates(user, places=None):
    """Where one's places stand against the completion rule, and their certificates: people
    taking part (or who took part), and nominators for their officers'. Those who run cohorts
    manage certificates on each cohort's completion page. (`places`: see `_has_place`.)"""
    if not signed_in(user):
        return Permission(False, "Sign in to see your certificates.")
    if is_nominator(user) or _has_place(user, places, Enrolment.ACTIVE, Enrolment.objects.active()):
        return ALLOWED
    return Permission(
        False,
        "You have no place on a cohort. The certificates of a cohort you run are on its "
        "completion page.",
    )


# --- The entry point ---

ACTIONS = {
    "view-cohort": can_view_cohort,
    "set-up-cohorts": can_set_up_cohorts,
    "run-cohort": can_run_cohort,
    "nominate": can_nominate,
    "use-nominator-portal": can_use_nominator_portal,
    "act-for-anyone": can_act_for_anyone,
    "download-nomination-template": can_download_nomination_template,
    "view-enrolment": can_view_enrolment,
    "manage-enrolment": can_manage_enrolment,
    "view-cohort-mix": can_view_cohort_mix,
    "view-cohort-history": can_view_cohort_history,
    "see-fellow-participants": can_see_fellow_participants,
    "attend": can_attend,
    "view-cohort-attendance": can_view_cohort_attendance,
    "see-own-attendance": can_see_own_attendance,
    "view-programme-attendance": can_view_programme_attendance,
    "view-cohort-dashboard": can_view_cohort_dashboard,
    "issue-certificates": can_issue_certificates,
    "view-completion": can_view_completion,
    "view-cohort-session": can_view_cohort_session,
    "edit-cohort-session-material": can_edit_cohort_session_material,
    "view-cohort-progress": can_view_cohort_progress,
    "have-cohort-feed": can_have_cohort_feed,
    "read-cohort-material": can_read_cohort_material,
    "have-own-calendar": can_have_own_calendar,
    "see-own-certificates": can_see_own_certificates,
    "schedule-sessions": can_schedule_sessions,
}


def check(user, action, *objects) -> Permission:
    """May `user` do `action` (one of ACTIONS) to `objects` (a cohort, a cohort session, an
    enrolment; a cohort and an organisation for "nominate"; none for programme-wide actions,
    or the statuses of the person's places for their own calendar and certificates)?"""
    return ACTIONS[action](user, *objects)
