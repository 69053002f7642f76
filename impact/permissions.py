"""Who may do what with evidence of impact: the one place these rules live.

Each check answers a `Permission` (allowed, reason), so a 403 page says why. What a person sees
on the dashboard is scoped by `visible_to(user)` (see impact.dashboard); these checks say
whether they may open it at all.
"""

from accounts.permissions import ALLOWED, Permission, signed_in
from accounts.roles import is_facilitator, is_nominator, is_programme_manager
from cohorts.models import Enrolment
from cohorts.permissions import facilitates

from . import rules


def can_view_dashboard(user):
    """The programme dashboard: programme managers see every cohort, facilitators the cohorts
    they run, nominators their own organisation's officers."""
    if not signed_in(user):
        return Permission(False, "Sign in to see the programme dashboard.")
    if is_programme_manager(user) or is_facilitator(user) or is_nominator(user):
        return ALLOWED
    return Permission(
        False, "The programme dashboard is for programme managers, facilitators and nominators."
    )


def can_view_session_feedback(user, cohort):
    """Feedback on a cohort's sessions, per session and per module: the cohort's facilitators
    and programme managers."""
    if not signed_in(user):
        return Permission(False, "Sign in to see session feedback.")
    if is_programme_manager(user) or facilitates(user, cohort):
        return ALLOWED
    return Permission(
        False, "Only this cohort's facilitators and programme managers can see its feedback."
    )


def can_rate_capabilities(user, enrolment, *, today=None):
    """A participant rates themselves on their own enrolment, before or after (see
    rules.assessment_stage_open for when)."""
    if not signed_in(user):
        return Permission(False, "Sign in to rate your digital leadership.")
    if enrolment.participant_id != user.pk:
        return Permission(False, "You can only rate yourself.")
    if rules.assessment_stage_open(enrolment, today=today or rules.local_today()) is None:
        return Permission(
            False,
            f"Your place on this cohort is {enrolment.get_status_display().lower()}: only people "
            "taking part rate themselves.",
        )
    return ALLOWED


def can_give_feedback(user, session, *, enrolment, now=None):
    """Feedback on a cohort session: a participant taking part in its cohort (`enrolment`, their
    own), once the session has ended and while its feedback is open."""
    if not signed_in(user):
        return Permission(False, "Sign in to give feedback.")
    if (
        enrolment is None
        or enrolment.participant_id != user.pk
        or enrolment.cohort_id != session.cohort_id
        or enrolment.status not in Enrolment.ACTIVE
    ):
        return Permission(
            False, "Only participants taking part in this cohort can give feedback on its sessions."
        )
    if not rules.session_has_ended(session, now):
        return Permission(False, "You can give feedback once the session has ended.")
    if not rules.feedback_open(session, now):
        return Permission(
            False,
            f"Feedback on a session closes {rules.FEEDBACK_OPEN_DAYS} days after it ends, and "
            "this one has closed.",
        )
    return ALLOWED


# --- The entry point ---

ACTIONS = {
    "view-dashboard": can_view_dashboard,
    "view-session-feedback": can_view_session_feedback,
    "rate-capabilities": can_rate_capabilities,
    "give-feedback": can_give_feedback,
}


def check(user, action, *objects, **options) -> Permission:
    """May `user` do `action` (one of ACTIONS) to `objects`?"""
    return ACTIONS[action](user, *objects, **options)
