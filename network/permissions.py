"""Who may do what in the champions' network and the round tables: the one place these rules
live. `check(user, action, *objects)` answers a `Permission(allowed, reason)`; views hand a
refusal to `accounts.permissions.deny`, except for a round table someone was not invited to,
which they are told does not exist (a 404: see `round_table_or_404` in views).

- Champions: anyone signed in sees the directory and listed profiles; programme managers make
  champions, approve applications and see every profile; a person opts in to, changes and
  withdraws their own.
- Mentoring: anyone signed in asks a listed champion who offers mentoring and has room; the
  champion answers; either side closes it; programme managers see matches, not notes.
- Round tables: programme managers run them; the invited see one and its invitees; those who
  accepted see how to join, add it to their calendar and read its notes.
"""

from accounts.permissions import ALLOWED, Permission, signed_in
from accounts.roles import is_programme_manager

from .models import ChampionProfile, Mentoring, RoundTable, RoundTableInvitation


def _manager_only(what):
    def rule(user):
        if is_programme_manager(user):
            return ALLOWED
        return Permission(False, f"Only programme managers {what}.")

    return rule


def can_see_directory(user):
    if signed_in(user):
        return ALLOWED
    return Permission(False, "Sign in to find a champion.")


def can_see_champion(user, profile):
    if ChampionProfile.objects.visible_to(user).filter(pk=profile.pk).exists():
        return ALLOWED
    return Permission(False, "This champion is not in the directory.")


def can_apply(user):
    if not signed_in(user):
        return Permission(False, "Sign in to apply to be a champion.")
    if ChampionProfile.objects.filter(person=user).exists():
        return Permission(False, "You already have a champion profile.")
    return ALLOWED


def can_change_own_profile(user, profile):
    if signed_in(user) and profile.person_id == user.pk:
        return ALLOWED
    return Permission(False, "Only the champion can change their own profile.")


def can_request_mentoring(user, profile):
    if not signed_in(user):
        return Permission(False, "Sign in to ask a champion for mentoring.")
    if profile.person_id == user.pk:
        return Permission(False, "You cannot ask yourself for mentoring.")
    if not profile.is_listed or not profile.offers_mentoring:
        return Permission(False, "This champion does not offer mentoring at the moment.")
    if Mentoring.objects.open().filter(champion=profile, mentee=user).exists():
        return Permission(False, "You have already asked this champion.")
    taken = Mentoring.objects.open().filter(champion=profile).count()
    if taken >= profile.mentee_capacity:
        return Permission(False, "This champion has no room for another mentee at the moment.")
    return ALLOWED


def can_answer_mentoring(user, mentoring):
    if not signed_in(user) or mentoring.champion.person_id != user.pk:
        return Permission(False, "Only the champion asked can answer a request for mentoring.")
    if mentoring.status != Mentoring.Status.REQUESTED:
        return Permission(False, "This request has already been answered.")
    return ALLOWED


def can_close_mentoring(user, mentoring):
    if not signed_in(user) or user.pk not in (mentoring.mentee_id, mentoring.champion.person_id):
        return Permission(False, "Only the champion and the mentee can close a mentoring.")
    if not mentoring.is_open:
        return Permission(False, "This mentoring is already closed.")
    return ALLOWED


def invitation_of(user, round_table):
    """The person's invitation to this round table, or None."""
    if not signed_in(user):
        return None
    return RoundTableInvitation.objects.filter(round_table=round_table, person=user).first()


def can_see_round_table(user, round_table):
    if RoundTable.objects.visible_to(user).filter(pk=round_table.pk).exists():
        return ALLOWED
    return Permission(False, "Round tables are by invitation only.")


def can_answer_invitation(user, round_table):
    if invitation_of(user, round_table) is None:
        return Permission(False, "You are not invited to this round table.")
    if round_table.is_past:
        return Permission(False, "This round table has taken place.")
    return ALLOWED


def _attends(user, round_table):
    invitation = invitation_of(user, round_table)
    return invitation is not None and invitation.status == RoundTableInvitation.Status.ACCEPTED


def can_see_joining_details(user, round_table):
    if is_programme_manager(user) or _attends(user, round_table):
        return ALLOWED
    return Permission(False, "How to join is for those who have accepted their invitation.")


def can_see_notes(user, round_table):
    if is_programme_manager(user) or _attends(user, round_table):
        return ALLOWED
    return Permission(False, "A round table's notes are for those who attended it.")


def can_publish_session(user, profile=None):
    if is_programme_manager(user):
        return ALLOWED
    if profile is not None and profile.person_id == user.pk and profile.is_listed:
        return ALLOWED
    return Permission(
        False, "Champions who host open sessions publish them (or a programme manager for them)."
    )


def can_book(user, session):
    if not signed_in(user):
        return Permission(False, "Sign in to book a place.")
    if session.host.person_id == user.pk:
        return Permission(False, "You are hosting this session.")
    return ALLOWED


def can_keep_register(user, session):
    if is_programme_manager(user) or (signed_in(user) and session.host.person_id == user.pk):
        return ALLOWED
    return Permission(False, "Only the host and programme managers keep the register.")


RULES = {
    "see-directory": can_see_directory,
    "see-champion": can_see_champion,
    "apply": can_apply,
    "change-own-profile": can_change_own_profile,
    "make-champion": _manager_only("make someone a champion or approve an application"),
    "request-mentoring": can_request_mentoring,
    "answer-mentoring": can_answer_mentoring,
    "close-mentoring": can_close_mentoring,
    "see-matches": _manager_only("see every mentoring match"),
    "run-round-tables": _manager_only("set up round tables, invite people and keep notes"),
    "see-round-table": can_see_round_table,
    "answer-invitation": can_answer_invitation,
    "see-joining-details": can_see_joining_details,
    "see-notes": can_see_notes,
    "publish-session": can_publish_session,
    "book": can_book,
    "keep-register": can_keep_register,
}


def check(user, action, *objects):
    """May `user` do `action` (to `objects`)? The entry point every view calls."""
    return RULES[action](user, *objects)
