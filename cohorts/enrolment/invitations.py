"""Invitation links: the single-use link emailed to a nominated officer. Only a hash of its
token is stored; the token itself is only ever put in the email."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Enrolment, Invitation


def invitation_valid_for():
    return timedelta(days=getattr(settings, "COHORTS_INVITATION_VALID_DAYS", 14))


def invitations_revoke(*enrolments):
    """Stop the unused links of these enrolments working (a newer link, or a place ended)."""
    Invitation.objects.filter(
        enrolment__in=enrolments, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


def hash_token(raw_token):
    return hashlib.sha256(raw_token.encode("utf-8")).hexdigest()


def invitations_issue(*, enrolments):
    """A new single-use link for each invited officer; their earlier links stop working.
    Returns (invitation, raw token) pairs in order: the raw token is only ever put in the
    email, never stored. A constant number of queries, however many officers."""
    with transaction.atomic():
        invitations_revoke(*enrolments)
        now = timezone.now()
        issued = []
        for enrolment in enrolments:
            raw_token = secrets.token_urlsafe(32)
            invitation = Invitation(
                enrolment=enrolment,
                token_hash=hash_token(raw_token),
                sent_to=enrolment.participant.email,
                created_at=now,
                expires_at=now + invitation_valid_for(),
            )
            # The enrolment is in hand, and the hash of a fresh 256-bit token is unique: check
            # the fields without a query each (the database enforces the rest).
            invitation.full_clean(
                exclude=["enrolment"], validate_unique=False, validate_constraints=False
            )
            issued.append((invitation, raw_token))
        Invitation.objects.bulk_create(invitation for invitation, _ in issued)
    return issued


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


def invitation_use(invitation, enrolment):
    """Spend the invitation on its enrolment (under the caller's lock), or refuse it."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.enrolment_id != enrolment.pk:
        raise ValidationError("This invitation is for another place.")
    if not invitation.is_usable:
        raise ValidationError("This invitation link has already been used or has expired.")
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])


@dataclass(frozen=True)
class Refusal:
    """Why an invitation link cannot be answered, told to the invitee: a heading and what
    happened, in their terms."""

    title: str
    reason: str


def invitation_refusal(invitation) -> Refusal | None:
    """Why this invitation can no longer be answered, or None when it can. What happened to the
    place comes first: a withdrawn or substituted officer is told so, whichever link they
    open, not that a newer invitation was sent."""
    enrolment = invitation.enrolment
    cohort = enrolment.cohort
    status = enrolment.status
    if status == Enrolment.Status.WITHDRAWN:
        return Refusal(
            "Your place was withdrawn",
            f"Your organisation has withdrawn your place on {cohort}, so there is nothing to "
            "answer. If you think this is a mistake, ask your organisation's nominator.",
        )
    if status == Enrolment.Status.SUBSTITUTED:
        return Refusal(
            "Your place was given to a colleague",
            f"Your organisation has given your place on {cohort} to a colleague, so there is "
            "nothing to answer. If you think this is a mistake, ask your organisation's "
            "nominator.",
        )
    if invitation.used_at:
        if status == Enrolment.Status.DECLINED:
            return Refusal(
                "You have already answered",
                f"This link has already been used: you declined your place on {cohort}. If you "
                "have changed your mind, ask your organisation's nominator to nominate you "
                "again.",
            )
        return Refusal(
            "You have already answered",
            "This link has already been used. Sign in to see your place, or ask your "
            "organisation's nominator to send a new invitation.",
        )
    if invitation.revoked_at:
        return Refusal(
            "This invitation link cannot be used",
            "A newer invitation has been sent for this place: use the link in it.",
        )
    if not invitation.is_usable:
        return Refusal(
            "This invitation link has expired",
            "This link has expired. Ask your organisation's nominator to send you a new one.",
        )
    if status != Enrolment.Status.INVITED:
        return Refusal(
            "This invitation link cannot be used",
            "This place is no longer open to answer: it is "
            f"{enrolment.get_status_display().lower()}.",
        )
    return None
