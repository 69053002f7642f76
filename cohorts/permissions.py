"""What each role may do to each cohort object: the one place these rules live.

Each check answers a `Permission` (allowed, reason) so a view can show the reason on its 403
page. Reading rules are the querysets' `visible_to(user)`; the checks here reuse them.
"""

from typing import NamedTuple

from accounts.roles import is_facilitator, is_nominator, is_programme_manager


class Permission(NamedTuple):
    allowed: bool
    reason: str = ""

    def __bool__(self):
        return self.allowed


ALLOWED = Permission(True)


def _signed_in(user):
    return bool(user and user.is_authenticated and user.is_active)


def facilitates(user, cohort):
    """A facilitator assigned to this cohort (read from the facilitators prefetched with the
    cohort when the caller did that, so checking twice costs no second query)."""
    if not is_facilitator(user):
        return False
    if "facilitators" in getattr(cohort, "_prefetched_objects_cache", {}):
        return any(f.pk == user.pk for f in cohort.facilitators.all())
    return cohort.facilitators.filter(pk=user.pk).exists()


def can_view_cohort(user, cohort):
    from .models import Cohort

    if not _signed_in(user):
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
    if not _signed_in(user):
        return Permission(False, "Sign in to nominate officers.")
    if not (is_programme_manager(user) or is_nominator(user)):
        return Permission(False, "Only nominators of partner organisations can nominate officers.")
    if not is_programme_manager(user) and not organisation.nominators.filter(pk=user.pk).exists():
        return Permission(False, f"You do not nominate for {organisation}.")
    if not cohort.is_open_for_enrolment:
        return Permission(False, "This cohort is not open for enrolment.")
    # An allocation of nought seats is the same as none: the organisation cannot nominate.
    if not cohort.seat_allocations.filter(organisation=organisation, seats__gt=0).exists():
        return Permission(False, f"{organisation} has no seats on this cohort.")
    return ALLOWED


def can_view_enrolment(user, enrolment):
    from .models import Enrolment

    if Enrolment.objects.visible_to(user).filter(pk=enrolment.pk).exists():
        return ALLOWED
    return Permission(False, "You cannot see this person's enrolment.")


def can_manage_enrolment(user, enrolment):
    """Resend the invitation, withdraw or substitute an officer: their organisation's nominator
    (or a programme manager)."""
    if not _signed_in(user):
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


def can_view_enrolment_history(user):
    """Who changed which enrolment and when: programme managers only."""
    if is_programme_manager(user):
        return ALLOWED
    return Permission(False, "Only programme managers can see the history of enrolments.")


def can_see_fellow_participants(user, cohort):
    """Names, organisations and job titles of a cohort's participants are shown only to people
    on the same cohort (and to those who run it)."""
    from .models import Enrolment

    if not _signed_in(user):
        return Permission(False, "Sign in to see who is on this cohort.")
    if is_programme_manager(user) or facilitates(user, cohort):
        return ALLOWED
    if cohort.enrolments.filter(participant=user, status__in=Enrolment.ACTIVE).exists():
        return ALLOWED
    return Permission(False, "Only people on this cohort can see who else is on it.")


# --- Attendance (issue 5) ---


def can_attend(user, session):
    """Check in to, or send apologies for, a cohort session: participants with an active
    enrolment on its cohort."""
    from .models import Enrolment

    if not _signed_in(user):
        return Permission(False, "Sign in to check in or send apologies.")
    if Enrolment.objects.active().filter(cohort_id=session.cohort_id, participant=user).exists():
        return ALLOWED
    return Permission(
        False, "Only participants taking part in this cohort can check in or send apologies."
    )


def can_view_cohort_attendance(user, cohort):
    """The cohort's attendance grid: its facilitators and programme managers see everyone;
    a nominator sees their own organisation's officers only (the grid uses visible_to)."""
    if not _signed_in(user):
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


def can_see_own_attendance(user, cohort):
    """A participant's own marks and apologies on a cohort they take part in (or took part in)."""
    from .models import Enrolment

    if not _signed_in(user):
        return Permission(False, "Sign in to see your attendance.")
    if Enrolment.objects.filter(
        cohort=cohort, participant=user, status__in=(*Enrolment.ACTIVE, Enrolment.Status.WITHDRAWN)
    ).exists():
        return ALLOWED
    return Permission(False, "You are not taking part in this cohort.")


def can_view_programme_attendance(user):
    """Attendance rates across every cohort of a programme: programme managers only."""
    if is_programme_manager(user):
        return ALLOWED
    return Permission(False, "Only programme managers can see attendance across a programme.")


# --- Certificates (issue 6) ---


def can_issue_certificates(user, cohort):
    """Sign off completions, issue, re-issue and revoke a cohort's certificates, and download
    them all at once: the cohort's facilitators and programme managers."""
    if not _signed_in(user):
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
