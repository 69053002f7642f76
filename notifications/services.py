"""Sending notifications: the one place the platform sends email from.

Callers are background tasks (django-tasks). Each hands over `Message`s: a kind, a key saying
what it is about (a cohort session and its new time, a certificate's edition...), a recipient
and the placeholder values. `notifications_send` records each (one row per kind, key and
recipient: asking again never sends twice), words it with the programme's wording or the
kind's default, sends a plain-text and an HTML part, and records whether it was delivered or
failed. A failed one is tried again the next time it is asked for, up to MAX_ATTEMPTS.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .kinds import registered_kinds
from .models import Notification, NotificationWording
from .rendering import render_email

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


@dataclass
class Message:
    """One notification to send: `values` fills the kind's placeholders; `about` is the
    participant it concerns (their nominator may see it); `programme_id` picks the wording."""

    kind: str
    key: str
    recipient: object
    values: dict = field(default_factory=dict)
    programme_id: int | None = None
    about: object = None


def _identity(message):
    return (message.kind, str(message.key)[:200], message.recipient.pk)


def _record(wanted, contents, now):
    """The rows for `wanted` messages, made where missing (with the subject they are sent
    with), keyed by (kind, key, recipient id). Two queries however many there are."""
    # Another worker may record the same notification at the same moment: the unique
    # constraint keeps one, and whoever claims it below sends it.
    Notification.objects.bulk_create(
        [
            Notification(
                kind=kind,
                key=key,
                recipient=message.recipient,
                about=message.about,
                programme_id=message.programme_id,
                to_email=message.recipient.email,
                subject=contents[(kind, key, recipient_id)].subject,
                created_at=now,
            )
            for (kind, key, recipient_id), message in wanted.items()
        ],
        ignore_conflicts=True,
    )
    return {
        (n.kind, n.key, n.recipient_id): n
        for n in Notification.objects.filter(
            kind__in={kind for kind, _key, _r in wanted},
            key__in={key for _kind, key, _r in wanted},
            recipient_id__in={r for _kind, _key, r in wanted},
        )
    }


def _claim(rows):
    """The rows this worker will send: queued ones, and failed ones with attempts left."""
    ids = [
        n.pk
        for n in rows
        if n.status == Notification.Status.QUEUED
        or (n.status == Notification.Status.FAILED and n.attempts < MAX_ATTEMPTS)
    ]
    if not ids:
        return set()
    with transaction.atomic():
        claimed = set(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk__in=ids, status__in=[Notification.Status.QUEUED, Notification.Status.FAILED])
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=claimed).update(status=Notification.Status.SENDING)
    return claimed


def _wordings(messages):
    programmes = {m.programme_id for m in messages if m.programme_id}
    if not programmes:
        return {}
    return {
        (w.programme_id, w.kind): w
        for w in NotificationWording.objects.filter(
            programme_id__in=programmes, kind__in={m.kind for m in messages}
        )
    }


def notifications_send(messages, *, now=None):
    """Send each message that has not been sent already. Returns the Notification rows this
    call sent or tried (each with its status). A fixed number of queries however many
    messages, plus one for each that fails."""
    # Nobody is emailed at an account that is closed or erased.
    messages = [m for m in messages if m.recipient.is_active and m.recipient.email]
    if not messages:
        return []
    now = now or timezone.now()
    kinds = registered_kinds()
    for message in messages:
        if message.kind not in kinds:
            raise KeyError(f"No notification kind called {message.kind!r}.")
        # Every placeholder the wording may use has a value, so no email has a gap in it.
        missing = set(kinds[message.kind].placeholders) - set(message.values)
        if missing:
            raise ValueError(f"{message.kind}: no value for {sorted(missing)}")
    wanted = {_identity(m): m for m in messages}
    wordings = _wordings(messages)
    contents = {}
    for identity, message in wanted.items():
        wording = wordings.get((message.programme_id, message.kind))
        contents[identity] = render_email(
            kind=kinds[message.kind],
            values=message.values,
            subject=wording.subject if wording else None,
            body=wording.body if wording else None,
        )
    rows = _record(wanted, contents, now)
    claimed = _claim(rows.values())
    done, delivered = [], []
    with get_connection() as connection:
        for identity, message in wanted.items():
            row = rows.get(identity)
            if row is None or row.pk not in claimed:
                continue
            content = contents[identity]
            email = EmailMultiAlternatives(
                subject=content.subject,
                body=content.text,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[message.recipient.email],
                connection=connection,
            )
            email.attach_alternative(content.html, "text/html")
            row.attempts += 1
            try:
                email.send()
            except Exception as error:  # noqa: BLE001 (recorded; the others are still sent)
                logger.exception("Notification %s could not be sent", row.pk)
                row.status = Notification.Status.FAILED
                row.error = str(error)[:500] or error.__class__.__name__
                Notification.objects.filter(pk=row.pk).update(
                    status=row.status, error=row.error, attempts=F("attempts") + 1
                )
            else:
                row.status, row.sent_at, row.error = Notification.Status.SENT, timezone.now(), ""
                delivered.append(row)
            done.append(row)
    if delivered:
        Notification.objects.filter(pk__in=[row.pk for row in delivered]).update(
            status=Notification.Status.SENT,
            sent_at=timezone.now(),
            error="",
            attempts=F("attempts") + 1,
        )
    return done


def notifications_sent(*, kind, keys):
    """The (key, recipient id) pairs of `kind` already delivered, among `keys`."""
    return set(
        Notification.objects.filter(
            kind=kind, key__in=[str(k) for k in keys], status=Notification.Status.SENT
        ).values_list("key", "recipient_id")
    )


def notifications_recover_stuck(*, now=None, older_than_minutes=60):
    """Put back notifications left "sending" by a worker that died, so they are tried again."""
    cutoff = (now or timezone.now()) - dt.timedelta(minutes=older_than_minutes)
    return Notification.objects.filter(
        status=Notification.Status.SENDING, created_at__lt=cutoff
    ).update(status=Notification.Status.FAILED, error="The worker sending it stopped.")


def notification_wording_save(*, programme, kind, subject, body) -> NotificationWording:
    """A programme's own wording for one kind of notification (made or replaced), checked as
    the admin screen checks it."""
    with transaction.atomic():
        wording = NotificationWording.objects.filter(programme=programme, kind=kind).first()
        wording = wording or NotificationWording(programme=programme, kind=kind)
        wording.subject, wording.body = subject, body
        wording.full_clean()
        wording.save()
    return wording
