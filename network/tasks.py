"""Background work for the network, run by django-tasks (at once in dev and tests; by a worker
in production). Every email goes through `notifications` (recorded once per kind, key and
recipient: never sent twice)."""

import hashlib
import secrets

from django.utils import timezone
from django_tasks import task

from cohorts.enrolment.invitations import hash_token, invitation_valid_for
from cohorts.mail import when
from links import absolute_reverse
from notifications.services import Message, notifications_send

from .emails import name_of, person_values, role_of, round_table_values
from .models import ChampionProfile, Mentoring, OpenSessionBooking, RoundTableInvitation


@task()
def champion_offered_send(profile_id):
    profile = ChampionProfile.objects.select_related("person").filter(pk=profile_id).first()
    if profile is None or profile.status != ChampionProfile.Status.OFFERED:
        return 0
    message = Message(
        kind="champion-offered",
        key=f"champion:{profile.pk}",
        recipient=profile.person,
        values={**person_values(profile.person), "link": absolute_reverse("network:my_profile")},
    )
    return len(notifications_send([message]))


def _mentoring_messages(mentoring, event, closed_by_id=None):
    champion, mentee = mentoring.champion.person, mentoring.mentee
    key = f"mentoring:{mentoring.pk}"
    mine = absolute_reverse("network:mentoring")

    def to(recipient, other, other_profile, kind, **extra):
        return Message(
            kind=kind,
            key=key,
            recipient=recipient,
            values={
                **person_values(recipient),
                "other_name": name_of(other),
                "other_role": role_of(other_profile),
                "other_email": other.email if mentoring.status == "accepted" else "",
                "link": mine,
                **extra,
            },
        )

    if event == "requested":
        return [to(champion, mentee, mentee, "mentoring-requested", note=mentoring.note)]
    if event == "accepted":
        return [
            to(mentee, champion, mentoring.champion, "mentoring-accepted"),
            to(champion, mentee, mentee, "mentoring-accepted"),
        ]
    if event == "declined":
        return [
            to(
                mentee,
                champion,
                mentoring.champion,
                "mentoring-declined",
                link=absolute_reverse("network:directory"),
            )
        ]
    if event == "closed":
        if closed_by_id == mentee.pk:
            return [to(champion, mentee, mentee, "mentoring-closed")]
        return [to(mentee, champion, mentoring.champion, "mentoring-closed")]
    return []


@task()
def mentoring_changed_send(mentoring_id, event, closed_by_id=None):
    """Email what a step of a mentoring calls for: the request to the champion, the answer to
    the mentee (with each other's address when accepted, to both), the closing to the other."""
    mentoring = (
        Mentoring.objects.select_related("champion__person", "champion__organisation", "mentee")
        .filter(pk=mentoring_id)
        .first()
    )
    if mentoring is None:
        return 0
    return len(notifications_send(_mentoring_messages(mentoring, event, closed_by_id)))


@task()
def round_table_invitations_send(invitation_ids):
    """Email each invitee a fresh single-use link (only its hash is kept: the raw token is only
    ever put in the email, as with a cohort place's invitation)."""
    invitations = RoundTableInvitation.objects.filter(
        pk__in=invitation_ids, status=RoundTableInvitation.Status.INVITED
    ).select_related("person", "round_table__speaker__person", "round_table__speaker__organisation")
    messages = []
    now = timezone.now()
    for invitation in invitations:
        raw_token = secrets.token_urlsafe(32)
        invitation.token_hash = hash_token(raw_token)
        invitation.expires_at = max(invitation.round_table.starts_at, now + invitation_valid_for())
        invitation.used_at = None
        invitation.save(update_fields=["token_hash", "expires_at", "used_at"])
        messages.append(
            Message(
                kind="round-table-invitation",
                # A new key per link, so a resent invitation is sent again.
                key=f"round-table-invitation:{invitation.pk}:{raw_token[:8]}",
                recipient=invitation.person,
                values={
                    **person_values(invitation.person),
                    **round_table_values(invitation.round_table),
                    "link": absolute_reverse("network:invitation", raw_token),
                },
            )
        )
    return len(notifications_send(messages))


@task()
def open_session_place_send(booking_id):
    booking = (
        OpenSessionBooking.objects.select_related("person", "session")
        .filter(pk=booking_id, status=OpenSessionBooking.Status.BOOKED)
        .first()
    )
    if booking is None:
        return 0
    session = booking.session
    message = Message(
        kind="open-session-place",
        key=f"open-session-place:{booking.pk}",
        recipient=booking.person,
        values={
            **person_values(booking.person),
            "session": session.title,
            "session_when": when(session.starts_at, session.ends_at),
            "link": absolute_reverse("network:open_session", session.pk),
        },
    )
    return len(notifications_send([message]))


def unguessable_hash():
    """A stored hash no link can match (before the first link is sent)."""
    return hashlib.sha256(secrets.token_bytes(32)).hexdigest()
