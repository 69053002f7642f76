"""Running a round table: set it up, invite named people (making accounts for those who have
none, answered through a single-use link), take their answers, keep unattributed notes and
publish a cleared summary. Each write is one transaction; emails are queued on commit."""

import re
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User, normalise_email
from cohorts.enrolment.invitations import hash_token, invitation_valid_for

from . import tasks
from .models import RoundTable, RoundTableInvitation, RoundTableNote
from .permissions import check

Answer = RoundTableInvitation.Status


def _must(actor, action, *objects):
    allowed = check(actor, action, *objects)
    if not allowed:
        raise ValidationError(allowed.reason)


def round_table_save(*, actor, round_table):
    """Create or change a round table (a programme manager). Moving its time or place raises
    its sequence, so calendars holding it replace it."""
    _must(actor, "run-round-tables")
    with transaction.atomic():
        if round_table.pk:
            before = RoundTable.objects.get(pk=round_table.pk)
            fields = ("starts_at", "ends_at", "venue", "joining_url")
            if any(getattr(before, f) != getattr(round_table, f) for f in fields):
                round_table.sequence = before.sequence + 1
        else:
            round_table.organiser = actor
        round_table.full_clean()
        round_table.save()
    return round_table


@dataclass(frozen=True)
class Invitee:
    """A named person to invite: found by email, or given an account (no password yet)."""

    email: str
    first_name: str = ""
    last_name: str = ""
    job_title: str = ""


def _person(invitee):
    email = normalise_email(invitee.email)
    person = User.objects.filter(email__iexact=email).first()
    if person is not None:
        return person
    person = User(
        username=email,
        email=email,
        first_name=invitee.first_name.strip(),
        last_name=invitee.last_name.strip(),
        job_title=invitee.job_title.strip(),
    )
    # They set their password through the invitation's single-use link.
    person.set_unusable_password()
    person.full_clean(exclude=["password"])
    person.save()
    return person


def round_table_invite(*, actor, round_table, invitees, now=None):
    """Invite named people (by email) to a round table: an account for anyone who has none, an
    invitation each (someone already invited is not invited twice) and an email each with a
    single-use link, sent from a task. Returns the new invitations."""
    _must(actor, "run-round-tables")
    if round_table.is_past:
        raise ValidationError("This round table has taken place: nobody more can be invited.")
    now = now or timezone.now()
    with transaction.atomic():
        RoundTable.objects.select_for_update().get(pk=round_table.pk)
        invited = set(round_table.invitations.values_list("person_id", flat=True))
        made = []
        for invitee in invitees:
            person = _person(invitee)
            if person.pk in invited:
                continue
            invited.add(person.pk)
            made.append(
                RoundTableInvitation(
                    round_table=round_table,
                    person=person,
                    invited_by=actor,
                    invited_at=now,
                    token_hash=tasks.unguessable_hash(),
                    expires_at=now + invitation_valid_for(),
                )
            )
        RoundTableInvitation.objects.bulk_create(made)
        ids = [i.pk for i in made]
        if ids:
            transaction.on_commit(
                partial(tasks.round_table_invitations_send.enqueue, invitation_ids=ids)
            )
    return made


def invitation_for_token(raw_token):
    """The invitation a link's token belongs to, or None for a forged or mistyped link."""
    if not raw_token or len(raw_token) > 100:
        return None
    return (
        RoundTableInvitation.objects.select_related("person", "round_table__speaker__person")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )


def invitation_answer(*, person, round_table, accept, by_link=None, password=None, now=None):
    """The invitee accepts or declines (again, if they change their mind before it starts).
    From the emailed link (`by_link`, the invitation it opened), the link is spent, and someone
    with no password yet sets one."""
    with transaction.atomic():
        invitation = RoundTableInvitation.objects.select_for_update().get(
            round_table=round_table, person=person
        )
        if by_link is not None:
            if by_link.pk != invitation.pk or not invitation.link_usable:
                raise ValidationError("This invitation link has already been used or has expired.")
            invitation.used_at = now or timezone.now()
        _must(person, "answer-invitation", round_table)
        invitation.status = Answer.ACCEPTED if accept else Answer.DECLINED
        invitation.answered_at = now or timezone.now()
        invitation.save(update_fields=["status", "answered_at", "used_at"])
        if password:
            person.set_password(password)
            person.save(update_fields=["password"])
    return invitation


def attendees_named(round_table, text):
    """The invitees a note names (full name, or surname as a word): the form warns before
    saving a note that would attribute a point to someone."""
    named = []
    lowered = text.lower()
    for invitation in round_table.invitations.select_related("person"):
        person = invitation.person
        full = f"{person.first_name} {person.last_name}".strip().lower()
        surname = person.last_name.strip().lower()
        if (full and " " in full and full in lowered) or (
            len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", lowered)
        ):
            named.append(person)
    return named


def round_table_note_add(*, actor, round_table, text, now=None):
    """A point from the round table, kept without attribution: who wrote it is not recorded."""
    _must(actor, "run-round-tables")
    note = RoundTableNote(
        round_table=round_table, text=text.strip(), created_at=now or timezone.now()
    )
    note.full_clean()
    note.save()
    return note


def round_table_summary_save(*, actor, round_table, summary, publish, now=None):
    """The organiser's cleared summary; published, everyone signed in may read it."""
    _must(actor, "run-round-tables")
    with transaction.atomic():
        round_table.summary = summary.strip()
        round_table.summary_published_at = (now or timezone.now()) if publish and summary else None
        round_table.full_clean()
        round_table.save(update_fields=["summary", "summary_published_at"])
    return round_table


def invitees_of(round_table):
    """Everyone invited, with their answer (the list only invitees and managers see)."""
    return round_table.invitations.select_related("person").order_by(
        "person__last_name", "person__first_name"
    )
