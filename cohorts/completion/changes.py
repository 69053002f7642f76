"""Who would change standing if a cohort's sessions or its programme's completion rule changed.

`standing_changes_preview` is the one calculation behind every "changes after the fact" screen:
adding or removing a cohort session and changing a completion rule in the admin
(`cohorts.setup.forms`), adding a session through `cohorts.setup.services`, and cancelling a
session. It measures each participant twice with `standings_for`, as things are and as they
would be, and lists those whose standing would change, with their certificates and sign-offs.

Nothing here changes anything: certificates already issued stay valid (what a certificate says
was fixed when it was issued), and sign-offs stay; the screens say so and ask to confirm.
"""

import hashlib
from dataclasses import dataclass, field

from ..models import AttendanceMark, CohortSession, Enrolment
from .standing import EnrolmentStanding, standings_for


@dataclass(frozen=True)
class StandingChange:
    """One participant whose standing a change would move."""

    before: EnrolmentStanding
    after: EnrolmentStanding
    certificate: object = None  # their valid certificate, if they hold one

    @property
    def enrolment(self):
        return self.before.enrolment

    @property
    def no_longer_meets_rule(self):
        return self.before.meets_rule and not self.after.meets_rule

    @property
    def newly_meets_rule(self):
        return self.after.meets_rule and not self.before.meets_rule

    @property
    def holds_certificate(self):
        return self.certificate is not None

    @property
    def signed_off(self):
        return self.before.sign_off is not None


def _people(n):
    return "1 person" if n == 1 else f"{n} people"


@dataclass
class StandingChanges:
    """What a change to cohort sessions or a completion rule would do to people's standing."""

    changes: list = field(default_factory=list)
    # Valid certificates and sign-offs on the cohorts concerned, whoever holds them.
    certificates: int = 0
    sign_offs: int = 0
    added_sessions: list = field(default_factory=list)
    removed_sessions: list = field(default_factory=list)
    # The sessions left out are cancelled, not deleted: kept with their marks.
    cancelling: bool = False
    # Attendance marks recorded for the sessions that would be removed (they go with them).
    marks_lost: int = 0
    # The participants measured, and the sessions that count (and the rule's need) before and
    # after, for "completion will ask for 6 of 7 sessions instead of 6 of 8".
    participants: int = 0
    scheduled_before: int = 0
    scheduled_after: int = 0
    needed_before: int | None = None
    needed_after: int | None = None

    @property
    def rule_changes(self):
        return (self.scheduled_before, self.needed_before) != (
            self.scheduled_after,
            self.needed_after,
        )

    def __bool__(self):
        return bool(self.changes)

    @property
    def needs_confirming(self):
        """Someone's standing would change on a cohort that already has certificates or
        sign-offs, or recorded attendance would be deleted with a session: the change is saved
        only once a programme manager has seen what it does, and said so."""
        moves = bool(self.changes) and bool(self.certificates or self.sign_offs)
        return moves or bool(self.marks_lost)

    @property
    def headline(self):
        if self.changes and (self.certificates or self.sign_offs):
            return (
                "Saving this would change people's standing on a cohort that already has "
                "certificates or sign-offs."
            )
        return "Saving this would delete attendance already recorded."

    @property
    def no_longer_meet(self):
        return [c for c in self.changes if c.no_longer_meets_rule]

    @property
    def newly_meet(self):
        return [c for c in self.changes if c.newly_meets_rule]

    @property
    def summary(self):
        """The change in sentences, most serious first."""
        lines = []
        lost = self.no_longer_meet
        if lost:
            holders = sum(1 for c in lost if c.holds_certificate)
            signed = sum(1 for c in lost if c.signed_off)
            line = f"{_people(len(lost))} would no longer meet the completion rule"
            details = []
            if holders:
                hold = "holds a certificate" if holders == 1 else "hold certificates"
                details.append(f"{holders} of them {hold}")
            if signed:
                details.append(f"{signed} {'has' if signed == 1 else 'have'} been signed off")
            lines.append(line + ("; " + " and ".join(details) if details else "") + ".")
        gained = self.newly_meet
        if gained:
            lines.append(f"{_people(len(gained))} would newly meet the completion rule.")
        others = len(self.changes) - len(lost) - len(gained)
        if others:
            lines.append(f"{_people(others)} would change standing in another way.")
        if self.marks_lost:
            lines.append(
                f"{self.marks_lost} attendance mark{'' if self.marks_lost == 1 else 's'} recorded "
                f"for the session{'' if len(self.removed_sessions) == 1 else 's'} removed would "
                f"be deleted with {'it' if len(self.removed_sessions) == 1 else 'them'}."
            )
        if any(c.holds_certificate for c in self.changes):
            lines.append(
                "Certificates already issued stay valid: what a certificate says was fixed when "
                "it was issued. To withdraw one, revoke it on the cohort's completion page."
            )
        if any(c.signed_off for c in self.changes):
            lines.append("Sign-offs stay as they are; a facilitator can withdraw one, saying why.")
        return lines

    @property
    def fingerprint(self):
        """Names this preview: a confirmation counts only for the preview it was given on, so a
        change that moves someone else since the screen was shown is shown again."""
        rows = sorted(
            (c.enrolment.pk, c.before.standing, c.after.standing, c.after.meets_rule)
            for c in self.changes
        )
        removed = sorted(s.pk for s in self.removed_sessions)
        return hashlib.sha256(repr((rows, removed, len(self.added_sessions))).encode()).hexdigest()[
            :20
        ]


def standing_changes_preview(
    *, cohorts, sessions=None, rule=None, cancelling=False
) -> StandingChanges:
    """Who on `cohorts` would change standing if their cohort sessions were `sessions` (every
    session of these cohorts that would count: kept ones, and new ones not saved yet) and/or
    their programme's completion rule were `rule` (not saved yet; its required modules
    prefetched). Leave either out to keep it as it is. With `cancelling`, the sessions left out
    are cancelled rather than deleted, so no mark is lost. A fixed number of queries (at most
    16), whatever the number of people."""
    cohorts = list(cohorts)
    enrolments = list(
        Enrolment.objects.active()
        .filter(cohort__in=cohorts)
        .select_related(
            "participant", "organisation", "cohort__programme", "completion_sign_off", "certificate"
        )
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
    preview = StandingChanges(cancelling=cancelling, participants=len(enrolments))
    if sessions is not None:
        sessions = list(sessions)
        kept = {s.pk for s in sessions if s.pk}
        preview.added_sessions = [s for s in sessions if not s.pk]
        preview.removed_sessions = list(
            CohortSession.objects.filter(cohort__in=cohorts).exclude(pk__in=kept)
        )
        if preview.removed_sessions and not cancelling:
            preview.marks_lost = AttendanceMark.objects.filter(
                session__in=preview.removed_sessions
            ).count()
    if not enrolments:
        preview.scheduled_before = preview.scheduled_after = (
            CohortSession.objects.filter(cohort__in=cohorts).scheduled().count()
        )
        if sessions is not None:
            preview.scheduled_after = sum(1 for s in sessions if s.is_scheduled)
        return preview
    certificates = {}
    for enrolment in enrolments:
        certificate = getattr(enrolment, "certificate", None)
        if certificate is not None and not certificate.is_revoked:
            certificates[enrolment.pk] = certificate
    preview.certificates = len(certificates)
    preview.sign_offs = sum(
        1 for e in enrolments if getattr(e, "completion_sign_off", None) is not None
    )
    before = standings_for(enrolments)
    after = standings_for(
        enrolments,
        sessions=sessions,
        rules={rule.programme_id: rule} if rule is not None else None,
    )
    first = enrolments[0].pk
    preview.scheduled_before = before[first].sessions_scheduled
    preview.scheduled_after = after[first].sessions_scheduled
    preview.needed_before = before[first].sessions_needed
    preview.needed_after = after[first].sessions_needed
    for enrolment in enrolments:
        was, would_be = before[enrolment.pk], after[enrolment.pk]
        if (was.standing, was.meets_rule) != (would_be.standing, would_be.meets_rule):
            preview.changes.append(
                StandingChange(
                    before=was, after=would_be, certificate=certificates.get(enrolment.pk)
                )
            )
    return preview
