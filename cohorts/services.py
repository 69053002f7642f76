"""Enrolment: nominating officers, the waiting list, invitations and every later change.

Every change to an enrolment goes through one of these functions. Each runs in one transaction,
locks the cohort row first (so two nominators submitting at the same moment queue up behind each
other and can never over-fill a cohort or an organisation's allocation), writes an audit event,
and queues its emails to be sent by a background task once the transaction has committed.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from accounts.models import normalise_email
from accounts.roles import Role

from .models import Cohort, Enrolment, EnrolmentEvent, Invitation, SeatAllocation

Status = Enrolment.Status
Action = EnrolmentEvent.Action

# Statuses a nominator can still withdraw, or substitute another officer for.
WITHDRAWABLE = (Status.INVITED, Status.CONFIRMED, Status.WAITING_LIST)
SUBSTITUTABLE = (Status.INVITED, Status.CONFIRMED)


def invitation_valid_for():
    return timedelta(days=getattr(settings, "COHORTS_INVITATION_VALID_DAYS", 14))


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


def _record(enrolment, *, actor, action, from_status="", details=None):
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
    event.save()
    return event


def _set_status(enrolment, status):
    enrolment.status = status
    enrolment.full_clean()
    enrolment.save(update_fields=["status", "updated_at"])


def _notify_on_commit(enrolment_ids):
    """Send each enrolment the email its status calls for, from a background task, once the
    transaction has committed (so a rolled-back nomination never emails anyone)."""
    from .tasks import notify_enrolments

    ids = [int(pk) for pk in enrolment_ids]
    if ids:
        transaction.on_commit(lambda: notify_enrolments.enqueue(enrolment_ids=ids))


def _revoke_invitations(enrolment):
    enrolment.invitations.filter(used_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def seat_usage(cohort):
    """Seats held on `cohort`: (total, {organisation id: seats held})."""
    by_organisation = dict(
        Enrolment.objects.filter(cohort=cohort, status__in=Enrolment.SEAT_HOLDING)
        .values_list("organisation")
        .annotate(n=Count("pk"))
        .values_list("organisation", "n")
    )
    return sum(by_organisation.values()), by_organisation


def seats_left(cohort, organisation):
    """How many more officers `organisation` can have invited onto `cohort` straight away: the
    smaller of what is left of its allocation and what is left of the cohort's capacity."""
    total, by_organisation = seat_usage(cohort)
    allocated = (
        SeatAllocation.objects.filter(cohort=cohort, organisation=organisation)
        .values_list("seats", flat=True)
        .first()
        or 0
    )
    return max(0, min(allocated - by_organisation.get(organisation.pk, 0), cohort.capacity - total))


def _check_can_take_nominations(cohort, organisation):
    if not cohort.is_open_for_enrolment:
        raise ValidationError("This cohort is not open for enrolment.")
    if not SeatAllocation.objects.filter(cohort=cohort, organisation=organisation).exists():
        raise ValidationError(f"{organisation} has no seats on this cohort.")


def _participant_group():
    from django.contrib.auth.models import Group

    return Group.objects.get_or_create(name=Role.PARTICIPANT.value)[0]


def person_find_or_create(*, email, first_name, last_name, job_title="", team=""):
    """The account for `email`, matched without regard to case or surrounding spaces; a new
    account (with no password until the officer sets one from their invitation) if none."""
    User = get_user_model()
    email = normalise_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": "Enter an email address like name@example.org."}) from None
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(
            # Usernames are at most 150 characters; the email is how people sign in anyway.
            username=email if len(email) <= 150 else f"user-{secrets.token_hex(8)}",
            email=email,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            job_title=job_title.strip(),
            team=team.strip(),
        )
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        try:
            # Another nominator may be adding the same officer right now: if their insert wins,
            # use the account they made.
            with transaction.atomic():
                user.save()
        except IntegrityError:
            user = User.objects.get(email__iexact=email)
    else:
        # Fill in what the account lacks; never overwrite what the person wrote themselves.
        changed = []
        for field, value in (("job_title", job_title), ("team", team)):
            if value.strip() and not getattr(user, field):
                setattr(user, field, value.strip())
                changed.append(field)
        if changed:
            user.save(update_fields=changed)
    user.groups.add(_participant_group())
    return user


def _nominate_locked(
    *, actor, cohort, organisation, person, status=None, replaces=None, details=None
):
    """Create one enrolment; the caller holds the cohort lock."""
    user = person_find_or_create(**person)
    existing = Enrolment.objects.filter(cohort=cohort, participant=user).first()
    if existing is not None and existing.status not in Enrolment.ENDED:
        raise ValidationError({"email": f"{user.email} already has a nomination on this cohort."})
    if status is None:
        status = Status.INVITED if seats_left(cohort, organisation) > 0 else Status.WAITING_LIST
    # Someone who declined or was withdrawn is nominated again: the same enrolment takes the
    # new nomination, so its history reads as one story.
    enrolment = existing or Enrolment(cohort=cohort, participant=user)
    from_status = existing.status if existing else ""
    enrolment.organisation = organisation
    enrolment.nominated_by = actor
    enrolment.replaces = replaces
    enrolment.status = status
    # The related objects are in hand (the cohort locked), and the one-per-person rule was
    # checked just above (and is a database constraint): validate the fields, not the joins.
    enrolment.full_clean(exclude=["cohort", "participant", "organisation", "nominated_by"])
    enrolment.save()
    if existing:
        details = {**(details or {}), "nominated_again": True}
    _record(
        enrolment, actor=actor, action=Action.NOMINATED, from_status=from_status, details=details
    )
    return enrolment


def _offer_locked(cohort, *, freed_by=None, actor=None):
    """Offer free seats to the waiting list, in the order people were nominated; the
    organisation whose seat freed goes first. The caller holds the cohort lock."""
    if cohort.status == Cohort.Status.CLOSED:
        return []
    total, used = seat_usage(cohort)
    if total >= cohort.capacity:
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
        if total >= cohort.capacity:
            break
        organisation_id = enrolment.organisation_id
        if used.get(organisation_id, 0) >= allocations.get(organisation_id, 0):
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
        enrolment = _nominate_locked(
            actor=actor,
            cohort=cohort,
            organisation=organisation,
            person={
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
                "job_title": job_title,
                "team": team,
            },
            details={"source": "form"},
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
    from .imports import review_rows

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
        enrolments = []
        for row in review.rows:
            enrolments.append(
                _nominate_locked(
                    actor=actor,
                    cohort=cohort,
                    organisation=organisation,
                    person=row.person,
                    status=Status.INVITED if row.outcome == "invite" else Status.WAITING_LIST,
                    details={"source": "import", "file": file_name[:200], "row": row.number},
                )
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
            _use_invitation(invitation, enrolment)
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
            _use_invitation(invitation, enrolment)
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
        _revoke_invitations(enrolment)
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
        _revoke_invitations(enrolment)
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
        _revoke_invitations(enrolment)
        substitute = _nominate_locked(
            actor=actor,
            cohort=cohort,
            organisation=enrolment.organisation,
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


# Invitation links ---------------------------------------------------------------------------


def hash_token(raw_token):
    return hashlib.sha256(raw_token.encode("utf-8")).hexdigest()


def invitation_issue(*, enrolment):
    """A new single-use link for an invited officer; earlier links stop working. Returns the
    invitation and the raw token, which is only ever put in the email, never stored."""
    with transaction.atomic():
        _revoke_invitations(enrolment)
        raw_token = secrets.token_urlsafe(32)
        now = timezone.now()
        invitation = Invitation(
            enrolment=enrolment,
            token_hash=hash_token(raw_token),
            sent_to=enrolment.participant.email,
            created_at=now,
            expires_at=now + invitation_valid_for(),
        )
        invitation.full_clean()
        invitation.save()
    return invitation, raw_token


def invitation_for_token(raw_token):
    """The invitation a link's token belongs to, or None for a forged or mistyped link."""
    if not raw_token or len(raw_token) > 100:
        return None
    return (
        Invitation.objects.select_related(
            "enrolment__participant", "enrolment__cohort__programme", "enrolment__cohort__place"
        )
        .filter(token_hash=hash_token(raw_token))
        .first()
    )


def _use_invitation(invitation, enrolment):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.enrolment_id != enrolment.pk:
        raise ValidationError("This invitation is for another place.")
    if not invitation.is_usable:
        raise ValidationError("This invitation link has already been used or has expired.")
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
