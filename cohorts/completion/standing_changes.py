"""What a change to a cohort's sessions would do to its participants' standings, worked out
before the change is confirmed: "cancelling this session takes completion from 6 of 8
sessions to 5 of 7; Priya Shah goes from at risk to on track".

The sessions as they would be are handed to `standings_for` (which counts only scheduled
ones), so the preview and the real standings afterwards are worked out by the same code.
"""

import copy
from dataclasses import dataclass

from django.utils import timezone

from ..models import CohortSession, Enrolment
from .standing import EnrolmentStanding, standings_for


@dataclass
class StandingChange:
    enrolment: Enrolment
    before: EnrolmentStanding
    after: EnrolmentStanding


@dataclass
class StandingChanges:
    """Sessions needed before and after, and each participant whose standing would change."""

    scheduled_before: int
    scheduled_after: int
    needed_before: int | None
    needed_after: int | None
    changes: list[StandingChange]
    participants: int

    @property
    def rule_changes(self):
        return (self.scheduled_before, self.needed_before) != (
            self.scheduled_after,
            self.needed_after,
        )


def standing_changes(*, cohort, sessions_after) -> StandingChanges:
    """The effect on `cohort`'s standings if its sessions were `sessions_after` (unsaved
    objects are fine: a copy of a session marked cancelled, a session at a new time)."""
    enrolments = list(
        Enrolment.objects.active()
        .filter(cohort=cohort)
        .select_related("cohort__programme", "participant", "completion_sign_off")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
    sessions_before = list(CohortSession.objects.filter(cohort=cohort))
    before = standings_for(enrolments, sessions=sessions_before)
    after = standings_for(enrolments, sessions=sessions_after)
    any_before = next(iter(before.values()), None)
    any_after = next(iter(after.values()), None)
    scheduled_before = sum(1 for s in sessions_before if s.is_scheduled)
    scheduled_after = sum(1 for s in sessions_after if s.is_scheduled)
    return StandingChanges(
        scheduled_before=scheduled_before,
        scheduled_after=scheduled_after,
        needed_before=any_before.sessions_needed if any_before else None,
        needed_after=any_after.sessions_needed if any_after else None,
        changes=[
            StandingChange(e, before[e.pk], after[e.pk])
            for e in enrolments
            if before[e.pk].standing != after[e.pk].standing
        ],
        participants=len(enrolments),
    )


def standing_changes_if_cancelled(session, *, now=None) -> StandingChanges:
    """The effect of cancelling `session` on its cohort's standings."""
    sessions = []
    for other in CohortSession.objects.filter(cohort_id=session.cohort_id):
        if other.pk == session.pk:
            other = copy.copy(other)
            other.cancelled_at = now or timezone.now()
        sessions.append(other)
    return standing_changes(cohort=session.cohort, sessions_after=sessions)
