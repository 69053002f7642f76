"""Open sessions: a champion (or a programme manager for them) publishes one; signed-in people
book a place, past capacity onto the waiting list; a cancellation moves the first waiting up."""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction

from . import tasks
from .models import OpenSession, OpenSessionBooking
from .permissions import check

Booking = OpenSessionBooking.Status


def open_session_save(*, actor, session, themes=None):
    allowed = check(actor, "publish-session", session.host)
    if not allowed:
        raise ValidationError(allowed.reason)
    with transaction.atomic():
        if session.pk:
            before = OpenSession.objects.get(pk=session.pk)
            if (before.starts_at, before.ends_at, before.venue) != (
                session.starts_at,
                session.ends_at,
                session.venue,
            ):
                session.sequence = before.sequence + 1
        session.full_clean()
        session.save()
        if themes is not None:
            session.themes.set(themes)
    return session


def open_session_book(*, person, session):
    """Book a place, or a place on the waiting list when the session is full."""
    allowed = check(person, "book", session)
    if not allowed:
        raise ValidationError(allowed.reason)
    with transaction.atomic():
        session = OpenSession.objects.select_for_update().get(pk=session.pk)
        booking = OpenSessionBooking.objects.filter(session=session, person=person).first()
        if booking is not None and booking.status != Booking.CANCELLED:
            raise ValidationError("You already have a place, or are on the waiting list.")
        booked = session.bookings.filter(status=Booking.BOOKED).count()
        status = Booking.BOOKED if booked < session.capacity else Booking.WAITING
        if booking is None:
            booking = OpenSessionBooking(session=session, person=person)
        booking.status = status
        booking.full_clean(validate_unique=False)
        booking.save()
    return booking


def open_session_cancel(*, person, session):
    """Give up a place (or leave the waiting list); the first person waiting gets it."""
    with transaction.atomic():
        session = OpenSession.objects.select_for_update().get(pk=session.pk)
        booking = OpenSessionBooking.objects.filter(
            session=session, person=person, status__in=[Booking.BOOKED, Booking.WAITING]
        ).first()
        if booking is None:
            raise ValidationError("You have no place on this session.")
        freed = booking.status == Booking.BOOKED
        booking.status = Booking.CANCELLED
        booking.save(update_fields=["status"])
        if freed:
            first = session.bookings.filter(status=Booking.WAITING).order_by("created_at").first()
            if first is not None:
                first.status = Booking.BOOKED
                first.save(update_fields=["status"])
                transaction.on_commit(
                    partial(tasks.open_session_place_send.enqueue, booking_id=first.pk)
                )
    return booking


def open_session_register_save(*, actor, session, attended_ids, now=None):
    """The host (or a programme manager) records who came, among those with a place, once the
    session has started. Returns how many are marked present."""
    allowed = check(actor, "keep-register", session)
    if not allowed:
        raise ValidationError(allowed.reason)
    if not session.has_started(now):
        raise ValidationError("The register opens when the session starts.")
    with transaction.atomic():
        booked = session.bookings.filter(status=Booking.BOOKED)
        present = booked.filter(pk__in=attended_ids).update(attended=True)
        booked.exclude(pk__in=attended_ids).update(attended=False)
    return present
