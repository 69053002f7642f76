"""Creating a cohort's sessions from a pattern, moving a session and cancelling one. Each runs
in one transaction and queues the notifications on commit, so a change that rolls back tells
nobody."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.permissions import ALLOWED, Permission

from ..models import Apology, AttendanceMark, CohortSession, Enrolment
from .emails import session_cancelled_notify_on_commit, session_moved_notify_on_commit

# Who has been told of a cohort's sessions (invitations, calendars, reminders).
TOLD = (Enrolment.Status.INVITED, Enrolment.Status.WAITING_LIST, *Enrolment.ACTIVE)


def cohort_sessions_create(*, cohort, actor, plan, title, venue="", joining_url=""):
    """Create every session of a `plan` (patterns.plan_sessions) on `cohort`, or none: each is
    checked against the cohort's dates first. Titles are numbered after the cohort's
    existing sessions ("Session 3: ...")."""
    if not plan.sessions:
        raise ValidationError("The pattern gives no sessions.")
    with transaction.atomic():
        start = cohort.sessions.count()
        sessions = []
        errors = []
        for planned in plan.sessions:
            number = start + planned.number
            session = CohortSession(
                cohort=cohort,
                title=f"Session {number}: {title}" if title else f"Session {number}",
                starts_at=planned.starts_at,
                ends_at=planned.ends_at,
                venue=venue,
                joining_url=joining_url,
            )
            try:
                session.full_clean(exclude=["cohort", "modules"])
            except ValidationError as error:
                errors.extend(f"{planned.day:%-d %B %Y}: {m}" for m in error.messages)
            sessions.append(session)
        if errors:
            raise ValidationError(errors)
        for session in sessions:
            session.save()
    return sessions


def cohort_session_move(
    *, session, actor, starts_at, ends_at, venue="", joining_url="", now=None
) -> CohortSession:
    """Move a session to a new time or place. Its calendar entry keeps its UID and gains a
    higher SEQUENCE (CohortSession.save), so subscribed calendars update it; its participants
    and facilitators are told the old and new time and place."""
    now = now or timezone.now()
    with transaction.atomic():
        session = CohortSession.objects.select_for_update().get(pk=session.pk)
        if session.is_cancelled:
            raise ValidationError("A cancelled session cannot be moved.")
        before = {
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "venue": session.venue,
            "joining_url": session.joining_url,
        }
        session.starts_at, session.ends_at = starts_at, ends_at
        session.venue, session.joining_url = venue, joining_url
        session.full_clean(exclude=["cohort", "modules"])
        if all(getattr(session, name) == value for name, value in before.items()):
            raise ValidationError("Nothing has changed: give a new time or place.")
        session.save()
        session_moved_notify_on_commit(session, before=before, actor=actor)
    return session


def cohort_session_cancel(*, session, actor, reason, now=None) -> CohortSession:
    """Cancel a session: it stays (shown as cancelled, STATUS:CANCELLED in calendars), leaves
    the completion count, and its participants and facilitators are told."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the session is cancelled."})
    with transaction.atomic():
        session = CohortSession.objects.select_for_update().get(pk=session.pk)
        if session.is_cancelled:
            raise ValidationError("This session is already cancelled.")
        if AttendanceMark.objects.filter(session=session).exists():
            raise ValidationError(
                "This session has attendance marks: it took place, so it cannot be cancelled."
            )
        session.cancelled_at = now
        session.cancelled_by = actor if actor and actor.is_authenticated else None
        session.cancellation_reason = reason[:500]
        session.save()  # the calendar sequence goes up: calendars show it cancelled
        session_cancelled_notify_on_commit(session, actor=actor)
    return session


def session_deletable(session) -> Permission:
    """A session may be deleted only before anyone has been told of it or recorded against
    it; after that it is cancelled instead, and kept."""
    if AttendanceMark.objects.filter(session=session).exists():
        return Permission(
            False, "It has attendance marks: it took place, so it stays in the cohort's record."
        )
    if Apology.objects.filter(session=session).exists():
        return Permission(False, "People sent apologies for it: cancel it instead.")
    if Enrolment.objects.filter(cohort_id=session.cohort_id, status__in=TOLD).exists():
        return Permission(
            False, "People on the cohort have been told of it: cancel it instead, so it is kept."
        )
    return ALLOWED
