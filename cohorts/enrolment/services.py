"""Enrolment: nominating officers, the waiting list, invitations and every later change.

Every change to an enrolment goes through one of these functions. Each runs in one transaction,
locks the cohort row first (so two nominators submitting at the same moment queue up behind each
other and can never over-fill a cohort or an organisation's allocation), writes an audit event,
and queues its emails to be sent by a background task once the transaction has committed.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import normalise_email

from ..models import Cohort, Enrolment, EnrolmentEvent
from .imports import review_rows
from .invitations import invitation_use, invitations_revoke
from .people import people_find_or_create
from .seats import Seats, cohort_seats_left, nominations_open, seats_for, seats_held
from .tasks import notify_enrolments

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


# Helpers ------------------------------------------------------------------------------------


def _lock_cohort(cohort):
    # Every service that can change who holds a seat locks the cohort row first, always in this
    # order (cohort, then enrolment, then invitation), so concurrent changes queue, not deadlock.
    return Cohort.objects.select_for_update().get(pk=cohort.pk)


def _lock_enrolment(enrolment):
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("participant", "organisation")
        .get(pk=enrolment.pk)
    )


def _event(enrolment, *, actor, action, from_status="", details=None):
    """An unsaved history record of a change to `enrolment`, checked."""
    event = EnrolmentEvent(
        enrolment=enrolment,
        actor=actor if actor and actor.is_authenticated else None,
        action=action,
        from_status=from_status or "",
        to_status=enrolment.status,
        details=details or {},
    )
    # The enrolment and actor are objects in hand: no need to query that they exist.
    event.full_clean(exclude=["enrolment", "actor"])
    return event


def _record(enrolment, *, actor, action, from_status="", details=None):
    event = _event(enrolment, actor=actor, action=action, from_status=from_status, details=details)
    event.save()
    return event


def _set_status(enrolment, status):
    enrolment.status = status
    enrolment.full_clean()
    enrolment.save(update_fields=["status", "updated_at"])


def _notify_on_commit(enrolment_ids):
    """Send each enrolment the email its status calls for, from a background task, once the
    transaction has committed (so a rolled-back nomination never emails anyone)."""
    ids = [int(pk) for pk in enrolment_ids]
    if ids:
        transaction.on_commit(lambda: notify_enrolments.enqueue(enrolment_ids=ids))


def _check_can_take_nominations(cohort, organisation):
    permission = nominations_open(cohort, organisation)
    if not permission:
        raise ValidationError(permission.reason)


@dataclass
class Nomination:
    """One officer to nominate: their details as the nominator gave them, the status to give
    them (None: a seat if one is left, otherwise the waiting list), the enrolment whose seat
    they take over (a substitute), and where the nomination came from, for the history."""

    person: dict
    status: str | None = None
    replaces: Enrolment | None = None
    details: dict = field(default_factory=dict)


def _nominate_locked(*, actor, cohort, organisation, nominations):
    """Create one enrolment per nomination, in order, in a constant number of queries; the
    caller holds the cohort lock."""
    people = people_find_or_create([n.person for n in nominations])
    participants = [people[normalise_email(n.person["email"])] for n in nominations]
    on_cohort = {
        e.participant_id: e
        for e in Enrolment.objects.filter(cohort=cohort, participant__in=participants).order_by()
    }
    # Seats left are counted once and then counted down here: the cohort lock keeps them true.
    places = (
        seats_for(cohort, organisation).left if any(n.status is None for n in nominations) else 0
    )
    now = timezone.now()
    nominated, new, renewed = [], [], []
    for nomination, participant in zip(nominations, participants, strict=True):
        existing = on_cohort.get(participant.pk)
        if existing is not None and existing.status not in Enrolment.ENDED:
            raise ValidationError(
                {"email": f"{participant.email} already has a nomination on this cohort."}
            )
        status = nomination.status
        if status is None:
            status = Status.INVITED if places > 0 else Status.WAITING_LIST
        if status in Enrolment.SEAT_HOLDING:
            places -= 1
        # Someone who declined or was withdrawn is nominated again: the same enrolment takes
        # the new nomination, so its history reads as one story.
        enrolment = existing or Enrolment(cohort=cohort, participant=participant)
        from_status = existing.status if existing else ""
        enrolment.organisation = organisation
        enrolment.nominated_by = actor
        enrolment.replaces = nomination.replaces
        enrolment.status = status
        # The related objects are in hand (the cohort locked), and the one-per-person rule was
        # checked just above (and is a database constraint): validate the fields, not the joins.
        # The status constraint is the field's choices, which the field check covers.
        enrolment.full_clean(
            exclude=["cohort", "participant", "organisation", "nominated_by"],
            validate_constraints=False,
        )
        details = dict(nomination.details)
        if existing:
            details["nominated_again"] = True
            enrolment.updated_at = now  # bulk_update leaves auto_now fields alone
            renewed.append(enrolment)
        else:
            new.append(enrolment)
        on_cohort[participant.pk] = enrolment  # the same officer twice is nominated once
        nominated.append((enrolment, from_status, details))
    Enrolment.objects.bulk_create(new)
    Enrolment.objects.bulk_update(
        renewed, ["organisation", "nominated_by", "replaces", "status", "updated_at"]
    )
    EnrolmentEvent.objects.bulk_create(
        _event(e, actor=actor, action=Action.NOMINATED, from_status=from_status, details=details)
        for e, from_status, details in nominated
    )
    return [enrolment for enrolment, _, _ in nominated]


def _offer_locked(cohort, *, freed_by=None, actor=None):
    """Offer free seats to the waiting list, in the order people were nominated; the
    organisation whose seat freed goes first. The caller holds the cohort lock."""
    if cohort.status == Cohort.Status.CLOSED:
        return []
    total, used = seats_held(cohort)
    if not cohort_seats_left(cohort.capacity, total):
        return []
    allocations = dict(cohort.seat_allocations.values_list("organisation", "seats"))
    waiting = list(
        Enrolment.objects.select_for_update()
        .filter(cohort=cohort, status=Status.WAITING_LIST)
        .order_by("created_at", "pk")
    )
    if freed_by is not None:
        waiting.sort(key=lambda e: e.organisation_id != freed_by.pk)  # stable: keeps the order
    offered = []
    for enrolment in waiting:
        organisation_id = enrolment.organisation_id
        seats = Seats(
            capacity=cohort.capacity,
            cohort_held=total,
            allocated=allocations.get(organisation_id, 0),
            organisation_held=used.get(organisation_id, 0),
        )
        if not seats.left:
            continue
        _set_status(enrolment, Status.INVITED)
        _record(
            enrolment,
            actor=actor,
            action=Action.OFFERED,
            from_status=Status.WAITING_LIST,
            details={"seat_freed_by": freed_by.name} if freed_by else {},
        )
        used[organisation_id] = used.get(organisation_id, 0) + 1
        total += 1
        offered.append(enrolment)
    _notify_on_commit([e.pk for e in offered])
    return offered


# Services -----------------------------------------------------------------------------------


def enrolment_nominate(
    *, actor, cohort, organisation, email, first_name, last_name, job_title="", team=""
):
    """Nominate one officer of `organisation` onto `cohort`.

    They are invited at once if the organisation has a seat left and the cohort has room;
    otherwise they go on the waiting list. Either way they are emailed.
    """
    with transaction.atomic():
        cohort = _lock_cohort(cohort)
        _check_can_take_nominations(cohort, organisation)
        [enrolment] = _nominate_locked(
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
        )
        _notify_on_commit([enrolment.pk])
    return enrolment


def enrolment_bulk_nominate(
    *, actor, cohort, organisation, rows, allow_waiting_list=False, file_name=""
):
    """Nominate every row of an uploaded file, or none of them.

    The rows are checked again under the cohort lock (seats may have gone since the preview);
    any problem raises `ImportRejected` with the new review and nothing is saved.
    """
    with transaction.atomic():
        cohort = _lock_cohort(cohort)
        _check_can_take_nominations(cohort, organisation)
        review = review_rows(
            cohort=cohort,
            organisation=organisation,
            rows=rows,
            allow_waiting_list=allow_waiting_list,
        )
        if review.problems:
            raise ImportRejected(review)
        enrolments = _nominate_locked(
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
        _notify_on_commit([e.pk for e in enrolments])
    return enrolments


def enrolment_confirm(*, actor, enrolment, invitation=None, password=None):
    """The officer accepts their place (from their invitation link, setting a password if their
    account has none yet)."""
    with transaction.atomic():
        _lock_cohort(enrolment.cohort)
        enrolment = _lock_enrolment(enrolment)
        if invitation is not None:
            invitation_use(invitation, enrolment)
        if enrolment.status != Status.INVITED:
            raise ValidationError(
                f"This place cannot be confirmed: it is {enrolment.get_status_display().lower()}."
            )
        if password:
            enrolment.participant.set_password(password)
            enrolment.participant.save(update_fields=["password"])
        _set_status(enrolment, Status.CONFIRMED)
        _record(enrolment, actor=actor, action=Action.CONFIRMED, from_status=Status.INVITED)
    return enrolment


def enrolment_decline(*, actor, enrolment, invitation=None, reason=""):
    """The officer turns down their place; the seat goes to the waiting list."""
    with transaction.atomic():
        cohort = _lock_cohort(enrolment.cohort)
        enrolment = _lock_enrolment(enrolment)
        if invitation is not None:
            invitation_use(invitation, enrolment)
        if enrolment.status != Status.INVITED:
            raise ValidationError(
                f"This place cannot be declined: it is {enrolment.get_status_display().lower()}."
            )
        _set_status(enrolment, Status.DECLINED)
        _record(
            enrolment,
            actor=actor,
            action=Action.DECLINED,
            from_status=Status.INVITED,
            details={"reason": reason[:500]} if reason else {},
        )
        invitations_revoke(enrolment)
        _offer_locked(cohort, freed_by=enrolment.organisation, actor=actor)
    return enrolment


def enrolment_withdraw(*, actor, enrolment, reason=""):
    """The nominator withdraws an officer (invited, confirmed or on the waiting list). A seat
    they held goes to the waiting list."""
    with transaction.atomic():
        cohort = _lock_cohort(enrolment.cohort)
        enrolment = _lock_enrolment(enrolment)
        previous = enrolment.status
        if previous not in WITHDRAWABLE:
            raise ValidationError(
                f"This officer cannot be withdrawn: they are "
                f"{enrolment.get_status_display().lower()}."
            )
        _set_status(enrolment, Status.WITHDRAWN)
        _record(
            enrolment,
            actor=actor,
            action=Action.WITHDRAWN,
            from_status=previous,
            details={"reason": reason[:500]} if reason else {},
        )
        invitations_revoke(enrolment)
        if previous in Enrolment.SEAT_HOLDING:
            _offer_locked(cohort, freed_by=enrolment.organisation, actor=actor)
    return enrolment


def enrolment_substitute(*, actor, enrolment, email, first_name, last_name, job_title="", team=""):
    """Another officer of the same organisation takes over this enrolment's seat. The original
    enrolment stays, marked substituted, so the history is kept."""
    with transaction.atomic():
        cohort = _lock_cohort(enrolment.cohort)
        enrolment = _lock_enrolment(enrolment)
        previous = enrolment.status
        if previous not in SUBSTITUTABLE:
            raise ValidationError(
                f"Only an invited or confirmed officer can be substituted; this one is "
                f"{enrolment.get_status_display().lower()}."
            )
        if cohort.status == Cohort.Status.CLOSED:
            raise ValidationError("This cohort is closed.")
        _set_status(enrolment, Status.SUBSTITUTED)
        invitations_revoke(enrolment)
        [substitute] = _nominate_locked(
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
        _record(
            enrolment,
            actor=actor,
            action=Action.SUBSTITUTED,
            from_status=previous,
            details={"substitute": substitute.participant.email},
        )
        _notify_on_commit([substitute.pk])
    return substitute


def invitation_resend(*, actor, enrolment):
    """Email the officer a fresh invitation link; earlier links stop working."""
    with transaction.atomic():
        _lock_cohort(enrolment.cohort)
        enrolment = _lock_enrolment(enrolment)
        if enrolment.status != Status.INVITED:
            raise ValidationError(
                f"Only an invited officer can be sent their invitation again; this one is "
                f"{enrolment.get_status_display().lower()}."
            )
        _record(
            enrolment, actor=actor, action=Action.INVITATION_RESENT, from_status=enrolment.status
        )
        _notify_on_commit([enrolment.pk])
    return enrolment


def waiting_list_offer_next(*, cohort, organisation=None, actor=None):
    """Offer any free seats to the waiting list, in the order people were nominated
    (`organisation`'s officers first, when it was one of its seats that freed)."""
    with transaction.atomic():
        cohort = _lock_cohort(cohort)
        return _offer_locked(cohort, freed_by=organisation, actor=actor)
