"""Enrolment: nominating officers, the waiting list, invitations and every later change.

Every change to an enrolment goes through one of these functions. Each runs in one transaction,
locks the cohort row first (so two nominators submitting at the same moment queue up behind each
other and can never over-fill a cohort or an organisation's allocation), writes an audit event,
and queues its emails to be sent by a background task once the transaction has committed.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import Cohort, Enrolment, EnrolmentEvent
from .imports import review_rows
from .invitations import invitation_use, invitations_revoke
from .seats import allocated_seats, gives_seats, seats_for
from .writes import (
    Nomination,
    check_can_take_nominations,
    event_record,
    events_notify_on_commit,
    lock_cohort,
    lock_enrolment,
    nominate_locked,
    nominations_notify_on_commit,
    notify_on_commit,
    offer_locked,
    set_status,
)

Status = Enrolment.Status
Action = EnrolmentEvent.Action

# Statuses a nominator can still withdraw, or substitute another officer for.
WITHDRAWABLE = (Status.INVITED, Status.CONFIRMED, Status.WAITING_LIST)
SUBSTITUTABLE = (Status.INVITED, Status.CONFIRMED)
# Statuses a programme manager can move to another cohort.
MOVABLE = (Status.INVITED, Status.CONFIRMED, Status.WAITING_LIST)


class ImportRejected(Exception):
    """A bulk nomination found problems when it re-checked the rows: nothing was saved."""

    def __init__(self, review):
        super().__init__("The nominations were not saved: some rows have problems.")
        self.review = review


# Services -----------------------------------------------------------------------------------


def enrolment_nominate(
    *, actor, cohort, organisation, email, first_name, last_name, job_title="", team="", now=None
):
    """Nominate one officer of `organisation` onto `cohort` (`now`, the time recorded in the
    history: the demo data's story sets it).

    They are invited at once if the organisation has a seat left and the cohort has room;
    otherwise they go on the waiting list. Either way they are emailed.
    """
    with transaction.atomic():
        cohort = lock_cohort(cohort)
        check_can_take_nominations(cohort, organisation)
        [enrolment] = nominate_locked(
            actor=actor,
            cohort=cohort,
            organisation=organisation,
            nominations=[
                Nomination(
                    person={
                        "email": email,
                        "first_name": first_name,
                        "last_name": last_name,
                        "job_title": job_title,
                        "team": team,
                    },
                    details={"source": "form"},
                )
            ],
            now=now,
        )
        notify_on_commit([enrolment.pk])
        nominations_notify_on_commit(actor=actor, enrolments=[enrolment])
    return enrolment


def enrolment_bulk_nominate(
    *, actor, cohort, organisation, rows, allow_waiting_list=False, file_name=""
):
    """Nominate every row of an uploaded file, or none of them.

    The rows are checked again under the cohort lock (seats may have gone since the preview);
    any problem raises `ImportRejected` with the new review and nothing is saved.
    """
    with transaction.atomic():
        cohort = lock_cohort(cohort)
        check_can_take_nominations(cohort, organisation)
        review = review_rows(
            cohort=cohort,
            organisation=organisation,
            rows=rows,
            allow_waiting_list=allow_waiting_list,
        )
        if review.problems:
            raise ImportRejected(review)
        enrolments = nominate_locked(
            actor=actor,
            cohort=cohort,
            organisation=organisation,
            nominations=[
                Nomination(
                    person=row.person,
                    status=Status.INVITED if row.outcome == "invite" else Status.WAITING_LIST,
                    details={"source": "import", "file": file_name[:200], "row": row.number},
                )
                for row in review.rows
            ],
        )
        notify_on_commit([e.pk for e in enrolments])
        nominations_notify_on_commit(actor=actor, enrolments=enrolments)
    return enrolments


def enrolment_confirm(*, actor, enrolment, invitation=None, password=None, now=None):
    """The officer accepts their place (from their invitation link, setting a password if their
    account has none yet)."""
    with transaction.atomic():
        lock_cohort(enrolment.cohort)
        enrolment = lock_enrolment(enrolment)
        if invitation is not None:
            invitation_use(invitation, enrolment)
        if enrolment.status != Status.INVITED:
            raise ValidationError(
                f"This place cannot be confirmed: it is {enrolment.get_status_display().lower()}."
            )
        if password:
            enrolment.participant.set_password(password)
            enrolment.participant.save(update_fields=["password"])
        set_status(enrolment, Status.CONFIRMED)
        event = event_record(
            enrolment, actor=actor, action=Action.CONFIRMED, from_status=Status.INVITED, at=now
        )
        events_notify_on_commit([event])
    return enrolment


def enrolment_decline(*, actor, enrolment, invitation=None, reason=""):
    """The officer turns down their place; the seat goes to the waiting list."""
    with transaction.atomic():
        cohort = lock_cohort(enrolment.cohort)
        enrolment = lock_enrolment(enrolment)
        if invitation is not None:
            invitation_use(invitation, enrolment)
        if enrolment.status != Status.INVITED:
            raise ValidationError(
                f"This place cannot be declined: it is {enrolment.get_status_display().lower()}."
            )
        set_status(enrolment, Status.DECLINED)
        event = event_record(
            enrolment,
            actor=actor,
            action=Action.DECLINED,
            from_status=Status.INVITED,
            details={"reason": reason[:500]} if reason else {},
        )
        invitations_revoke(enrolment)
        offer_locked(cohort, freed_by=enrolment.organisation, actor=actor)
        events_notify_on_commit([event])
    return enrolment


def enrolment_withdraw(*, actor, enrolment, reason=""):
    """The nominator withdraws an officer (invited, confirmed or on the waiting list). A seat
    they held goes to the waiting list."""
    with transaction.atomic():
        cohort = lock_cohort(enrolment.cohort)
        enrolment = lock_enrolment(enrolment)
        previous = enrolment.status
        if previous not in WITHDRAWABLE:
            raise ValidationError(
                f"This officer cannot be withdrawn: they are "
                f"{enrolment.get_status_display().lower()}."
            )
        set_status(enrolment, Status.WITHDRAWN)
        event = event_record(
            enrolment,
            actor=actor,
            action=Action.WITHDRAWN,
            from_status=previous,
            details={"reason": reason[:500]} if reason else {},
        )
        invitations_revoke(enrolment)
        if previous in Enrolment.SEAT_HOLDING:
            offer_locked(cohort, freed_by=enrolment.organisation, actor=actor)
        events_notify_on_commit([event])
    return enrolment


def enrolment_substitute(*, actor, enrolment, email, first_name, last_name, job_title="", team=""):
    """Another officer of the same organisation takes over this enrolment's seat. The original
    enrolment stays, marked substituted, so the history is kept."""
    with transaction.atomic():
        cohort = lock_cohort(enrolment.cohort)
        enrolment = lock_enrolment(enrolment)
        previous = enrolment.status
        if previous not in SUBSTITUTABLE:
            raise ValidationError(
                f"Only an invited or confirmed officer can be substituted; this one is "
                f"{enrolment.get_status_display().lower()}."
            )
        if cohort.status == Cohort.Status.CLOSED:
            raise ValidationError("This cohort is closed.")
        set_status(enrolment, Status.SUBSTITUTED)
        invitations_revoke(enrolment)
        [substitute] = nominate_locked(
            actor=actor,
            cohort=cohort,
            organisation=enrolment.organisation,
            nominations=[
                Nomination(
                    person={
                        "email": email,
                        "first_name": first_name,
                        "last_name": last_name,
                        "job_title": job_title,
                        "team": team,
                    },
                    status=Status.INVITED,
                    replaces=enrolment,
                    details={"source": "substitution", "replaces": enrolment.participant.email},
                )
            ],
        )
        event = event_record(
            enrolment,
            actor=actor,
            action=Action.SUBSTITUTED,
            from_status=previous,
            details={"substitute": substitute.participant.email},
        )
        notify_on_commit([substitute.pk])
        events_notify_on_commit([event])
    return substitute


def enrolment_move(*, actor, enrolment, to_cohort, reason=""):
    """A programme manager moves an officer to another cohort of any programme. Their place
    there follows the same seat rules as a nomination (their organisation needs seats on it:
    they keep an invited or confirmed place while it has one left, and otherwise wait); their
    place here ends (withdrawn, with the move in its history) and its seat goes to the waiting
    list. Returns the enrolment on the new cohort."""
    with transaction.atomic():
        if to_cohort.pk == enrolment.cohort_id:
            raise ValidationError({"to_cohort": "Choose a different cohort."})
        # Both cohorts are locked, always the lower id first, so two moves in opposite
        # directions queue rather than deadlock.
        locked = {
            c.pk: c
            for c in (
                lock_cohort(Cohort(pk=pk)) for pk in sorted({enrolment.cohort_id, to_cohort.pk})
            )
        }
        cohort, target = locked[enrolment.cohort_id], locked[to_cohort.pk]
        enrolment = lock_enrolment(enrolment)
        previous = enrolment.status
        if previous not in MOVABLE:
            raise ValidationError(
                f"Only an invited, confirmed or waiting officer can be moved; this one is "
                f"{enrolment.get_status_display().lower()}."
            )
        if target.status == Cohort.Status.CLOSED:
            raise ValidationError({"to_cohort": f"{target} is closed."})
        organisation = enrolment.organisation
        if not gives_seats(allocated_seats(target, organisation)):
            raise ValidationError(
                {"to_cohort": f"{organisation} has no seats on {target}: allocate it some first."}
            )
        status = Status.WAITING_LIST
        if previous in Enrolment.SEAT_HOLDING and seats_for(target, organisation).left:
            status = previous
        person = enrolment.participant
        [moved] = nominate_locked(
            actor=actor,
            cohort=target,
            organisation=organisation,
            nominations=[
                Nomination(
                    person={
                        "email": person.email,
                        "first_name": person.first_name,
                        "last_name": person.last_name,
                        "job_title": person.job_title,
                        "team": person.team,
                    },
                    status=status,
                    details={"source": "move", "from_cohort": str(cohort)},
                )
            ],
        )
        set_status(enrolment, Status.WITHDRAWN)
        event = event_record(
            enrolment,
            actor=actor,
            action=Action.MOVED,
            from_status=previous,
            details={
                "to_cohort": str(target),
                "to_enrolment": moved.pk,
                **({"reason": reason[:500]} if reason else {}),
            },
        )
        invitations_revoke(enrolment)
        if previous in Enrolment.SEAT_HOLDING:
            offer_locked(cohort, freed_by=organisation, actor=actor)
        if status == Status.INVITED:
            notify_on_commit([moved.pk])
        events_notify_on_commit([event])
    return moved


def invitation_resend(*, actor, enrolment):
    """Email the officer a fresh invitation link; earlier links stop working."""
    with transaction.atomic():
        lock_cohort(enrolment.cohort)
        enrolment = lock_enrolment(enrolment)
        if enrolment.status != Status.INVITED:
            raise ValidationError(
                f"Only an invited officer can be sent their invitation again; this one is "
                f"{enrolment.get_status_display().lower()}."
            )
        event_record(
            enrolment, actor=actor, action=Action.INVITATION_RESENT, from_status=enrolment.status
        )
        notify_on_commit([enrolment.pk])
    return enrolment
