"""A facilitator's sign-off: confirming that a participant has completed, for programmes whose
completion rule asks for it, and withdrawing a sign-off made by mistake, saying why. Each is
recorded (`CompletionSignOffEvent`): the cohort's history shows who gave or withdrew it, when
and why."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import CompletionSignOff, CompletionSignOffEvent, Enrolment


def _actor(user):
    return user if user is not None and user.is_authenticated else None


def completion_sign_off(*, enrolment: Enrolment, signed_off_by, now=None) -> CompletionSignOff:
    """A facilitator confirms that this participant has completed (for rules that ask for it).
    Signing off twice changes nothing."""
    if enrolment.status not in Enrolment.ACTIVE:
        raise ValidationError("Only people taking part in the cohort can be signed off.")
    now = now or timezone.now()
    with transaction.atomic():
        sign_off, created = CompletionSignOff.objects.get_or_create(
            enrolment=enrolment,
            defaults={"signed_off_by": _actor(signed_off_by), "signed_off_at": now},
        )
        if created:
            sign_off.full_clean()
            CompletionSignOffEvent.objects.create(
                enrolment=enrolment,
                action=CompletionSignOffEvent.Action.SIGNED_OFF,
                actor=_actor(signed_off_by),
                at=now,
            )
    return sign_off


def completion_sign_off_withdraw(
    *, enrolment: Enrolment, withdrawn_by, reason: str, now=None
) -> CompletionSignOffEvent:
    """Withdraw a sign-off made by mistake, saying why; the withdrawal is kept in the cohort's
    history. A certificate already issued is not touched."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the sign-off is withdrawn."})
    with transaction.atomic():
        deleted, _ = CompletionSignOff.objects.filter(enrolment=enrolment).delete()
        if not deleted:
            raise ValidationError(f"{enrolment.participant} has not been signed off.")
        event = CompletionSignOffEvent(
            enrolment=enrolment,
            action=CompletionSignOffEvent.Action.WITHDRAWN,
            actor=_actor(withdrawn_by),
            at=now or timezone.now(),
            reason=reason,
        )
        event.full_clean(exclude=["enrolment", "actor"])
        event.save()
    return event
