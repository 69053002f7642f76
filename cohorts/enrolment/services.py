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
from .writes import (
    Nomination,
    check_can_take_nominations,
    event_record,
    lock_cohort,
    lock_enrolment,
    nominate_locked,
    notify_on_commit,
    offer_locked,
    set_status,
)

Status = Enrolment.Status
Action = EnrolmentEvent.Action

# Statuses a nominator can still withdraw, or substitute another officer for.
WITHDRAWABLE = (Status.INVITED, Status.CONFIRMED, Status.WAITING_LIST)
SUBSTITUTABLE = (Status.INVITED, Status.CONFIRMED)


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
        event_record(
            enrolment, actor=actor, action=Action.CONFIRMED, from_status=Status.INVITED, at=now
        )
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
        event_record(
            enrolment,
            actor=actor,
            action=Action.DECLINED,
            from_status=Status.INVITED,
            details={"reason": reason[:500]} if reason else {},
        )
        invitations_revoke(enrolment)
        offer_locked(cohort, freed_by=enrolment.organisation, actor=actor)
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
        event_record(
            enrolment,
            actor=actor,
            action=Action.WITHDRAWN,
            from_status=previous,
            details={"reason": reason[:500]} if reason else {},
        )
        invitations_revoke(enrolment)
        if previous in Enrolment.SEAT_HOLDING:
            offer_locked(cohort, freed_by=enrolment.organisation, actor=actor)
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
        event_record(
            enrolment,
            actor=actor,
            action=Action.SUBSTITUTED,
            from_status=previous,
            details={"substitute": substitute.participant.email},
        )
        notify_on_commit([substitute.pk])
    return substitute


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
