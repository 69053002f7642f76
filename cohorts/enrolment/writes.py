"""The building blocks every enrolment service uses: the locks (always the cohort first, then
the enrolment, then its invitations, so concurrent changes queue rather than deadlock), status
changes, history events, emails queued on commit, and nominating officers or offering free
seats to the waiting list under the cohort lock. Only `services` calls these."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import normalise_email
from accounts.roles import is_programme_manager

from ..models import Cohort, Enrolment, EnrolmentEvent
from ..record_versions import cohort_records_changed
from .people import (
    OF_ANOTHER_ORGANISATION,
    people_find_or_create,
    people_of_other_organisations,
)
from .seats import Seats, cohort_seats_left, nominations_open, seats_for, seats_held
from .tasks import enrolment_events_notify, notify_enrolments

Status = Enrolment.Status
Action = EnrolmentEvent.Action


def lock_cohort(cohort):
    # Every service that can change who holds a seat locks the cohort row first, always in this
    # order (cohort, then enrolment, then invitation), so concurrent changes queue, not deadlock.
    return Cohort.objects.select_for_update().get(pk=cohort.pk)


def lock_enrolment(enrolment):
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("participant", "organisation")
        .get(pk=enrolment.pk)
    )


def event_for(enrolment, *, actor, action, from_status="", details=None, at=None):
    """An unsaved history record of a change to `enrolment` (made `at` now unless told),
    checked."""
    event = EnrolmentEvent(
        enrolment=enrolment,
        actor=actor if actor and actor.is_authenticated else None,
        at=at or timezone.now(),
        action=action,
        from_status=from_status or "",
        to_status=enrolment.status,
        details=details or {},
    )
    # The enrolment and actor are objects in hand: no need to query that they exist.
    event.full_clean(exclude=["enrolment", "actor"])
    return event


def event_record(enrolment, *, actor, action, from_status="", details=None, at=None):
    event = event_for(
        enrolment, actor=actor, action=action, from_status=from_status, details=details, at=at
    )
    event.save()
    return event


def set_status(enrolment, status):
    enrolment.status = status
    enrolment.full_clean()
    enrolment.save(update_fields=["status", "updated_at"])


def notify_on_commit(enrolment_ids, *, offered=False):
    """Send each enrolment the email its status calls for, from a background task, once the
    transaction has committed (so a rolled-back nomination never emails anyone). `offered`:
    the seats were freed for them from the waiting list."""
    ids = [int(pk) for pk in enrolment_ids]
    if ids:
        transaction.on_commit(lambda: notify_enrolments.enqueue(enrolment_ids=ids, offered=offered))


def events_notify_on_commit(events):
    """Tell the people these changes concern (the officer, their nominator; the organisation's
    nominators when a programme manager acted for them), once the transaction has committed."""
    ids = [event.pk for event in events if event is not None]
    if ids:
        transaction.on_commit(lambda: enrolment_events_notify.enqueue(event_ids=ids))


def nominations_notify_on_commit(*, actor, enrolments):
    """When a programme manager nominates for an organisation, its nominators are told."""
    if not (actor and is_programme_manager(actor)) or not enrolments:
        return
    ids = [e.pk for e in enrolments]

    def enqueue():
        events = (
            EnrolmentEvent.objects.filter(enrolment_id__in=ids, action=Action.NOMINATED)
            .order_by("enrolment_id", "-pk")
            .values_list("enrolment_id", "pk")
        )
        latest = {}
        for enrolment_id, pk in events:
            latest.setdefault(enrolment_id, pk)
        enrolment_events_notify.enqueue(event_ids=sorted(latest.values()))

    transaction.on_commit(enqueue)


def check_can_take_nominations(cohort, organisation):
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


def nominate_locked(*, actor, cohort, organisation, nominations, now=None):
    """Create one enrolment per nomination, in order, in a constant number of queries; the
    caller holds the cohort lock. A person of another organisation is refused before anything
    about them is read or changed."""
    emails = [n.person["email"] for n in nominations]
    if people_of_other_organisations(emails, organisation):
        raise ValidationError({"email": OF_ANOTHER_ORGANISATION})
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
    now = now or timezone.now()
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
    # Written in bulk, which the models' signals do not see.
    cohort_records_changed(e.cohort_id for e in new + renewed)
    EnrolmentEvent.objects.bulk_create(
        event_for(
            e,
            actor=actor,
            action=Action.NOMINATED,
            from_status=from_status,
            details=details,
            at=now,
        )
        for e, from_status, details in nominated
    )
    return [enrolment for enrolment, _, _ in nominated]


def offer_locked(cohort, *, freed_by=None, actor=None):
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
        set_status(enrolment, Status.INVITED)
        event_record(
            enrolment,
            actor=actor,
            action=Action.OFFERED,
            from_status=Status.WAITING_LIST,
            details={"seat_freed_by": freed_by.name} if freed_by else {},
        )
        used[organisation_id] = used.get(organisation_id, 0) + 1
        total += 1
        offered.append(enrolment)
    notify_on_commit([e.pk for e in offered], offered=True)
    return offered
