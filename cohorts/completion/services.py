"""A facilitator's sign-off: confirming that a participant has completed, for programmes whose
completion rule asks for it, and withdrawing a sign-off made by mistake."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import CompletionSignOff, Enrolment


def completion_sign_off(*, enrolment: Enrolment, signed_off_by, now=None) -> CompletionSignOff:
    """A facilitator confirms that this participant has completed (for rules that ask for it).
    Signing off twice changes nothing."""
    if enrolment.status not in Enrolment.ACTIVE:
        raise ValidationError("Only people taking part in the cohort can be signed off.")
    with transaction.atomic():
        sign_off, created = CompletionSignOff.objects.get_or_create(
            enrolment=enrolment,
            defaults={"signed_off_by": signed_off_by, "signed_off_at": now or timezone.now()},
        )
        if created:
            sign_off.full_clean()
    return sign_off


def completion_sign_off_withdraw(*, enrolment: Enrolment) -> None:
    """Undo a sign-off made by mistake. A certificate already issued is not touched."""
    with transaction.atomic():
        CompletionSignOff.objects.filter(enrolment=enrolment).delete()
