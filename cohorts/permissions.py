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
    """A facilitator assigned to this cohort."""
    return is_facilitator(user) and cohort.facilitators.filter(pk=user.pk).exists()


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
    return Permission(False, "Only programme managers set up programmes, cohorts and organisations.")


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
    if not cohort.seat_allocations.filter(organisation=organisation).exists():
        return Permission(False, f"{organisation} has no seats on this cohort.")
    return ALLOWED


def can_view_enrolment(user, enrolment):
    from .models import Enrolment

    if Enrolment.objects.visible_to(user).filter(pk=enrolment.pk).exists():
        return ALLOWED
    return Permission(False, "You cannot see this person's enrolment.")
