"""Where each participant stands against their programme's completion rule: on track, at risk,
complete, or not completed; and what they still need (sessions, modules online, a facilitator's
sign-off, the cohort to end).

It reads right at every point of a cohort: what is achieved so far counts the sessions held
(those that have started, `CohortSession.has_started`), what the rule needs counts every
scheduled session. A holder of a valid certificate has completed, whatever has changed since
it was issued: an issued certificate is never silently contradicted.

Attendance is counted by the completion rule's one definition (`attended_statuses`), the
sessions it counts by `CohortSession.is_scheduled` (a cancelled session never counts), and who
is at risk by `cohorts.attendance.at_risk.at_risk_flags`, so the register, the grid and this
page always agree.
Standings for a whole list are worked out in a fixed number of queries, whatever its length.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone

from modules.models import ModulePage, ModuleProgress

from ..attendance.at_risk import at_risk_flags
from ..models import (
    AttendanceMark,
    Certificate,
    Cohort,
    CohortSession,
    CompletionRule,
    CompletionSignOff,
    Enrolment,
    attended_statuses,
)

# Beyond this many enrolments, their marks are found by their cohorts.
IDS_IN_QUERY = 200


class Standing(models.TextChoices):
    ON_TRACK = "on-track", "On track"
    AT_RISK = "at-risk", "At risk"
    COMPLETE = "complete", "Complete"
    NOT_COMPLETED = "not-completed", "Not completed"


@dataclass
class EnrolmentStanding:
    """One enrolment measured against its programme's completion rule."""

    enrolment: Enrolment
    rule: CompletionRule | None
    sessions_scheduled: int
    sessions_attended: int
    sessions_needed: int | None
    # Sessions that have started by now: what "so far" counts.
    sessions_held: int = 0
    modules_missing: list = field(default_factory=list)
    sign_off: CompletionSignOff | None = None
    risks: list = field(default_factory=list)
    standing: str = Standing.ON_TRACK
    certificate: Certificate | None = None
    # The rule holds certificates back until the cohort has ended, and it has not.
    waits_for_cohort_end: bool = False
    # Each session's mark (session id to status), for a caller that shows one of them.
    statuses: dict = field(default_factory=dict)

    @property
    def needs_sign_off(self):
        return bool(self.rule and self.rule.facilitator_sign_off)

    @property
    def sessions_ok(self):
        return self.sessions_needed is not None and self.sessions_attended >= self.sessions_needed

    @property
    def certified(self):
        """Holds a valid certificate: they have completed, whatever has changed since."""
        return self.certificate is not None and not self.certificate.is_revoked

    @property
    def meets_rule(self):
        """Everything the rule asks for is done, including the cohort ending when the rule
        waits for it: a certificate may be issued (one, in bulk, or by the background run)."""
        return (
            self.rule is not None
            and self.enrolment.status in Enrolment.ACTIVE
            and self.sessions_ok
            and not self.modules_missing
            and (self.sign_off is not None or not self.needs_sign_off)
            and not self.waits_for_cohort_end
        )

    @property
    def label(self):
        """The standing in words; a certificate holder's reads "Completed, certificate issued
        on 3 March 2026" everywhere it is shown."""
        if self.certified:
            return self.certificate.completed_label
        return Standing(self.standing).label

    @property
    def rate_so_far(self):
        """The share of the sessions held so far that they attended (None before the first)."""
        if not self.sessions_held:
            return None
        return round(100 * self.sessions_attended / self.sessions_held)

    @property
    def attendance_so_far(self):
        """Attendance so far against what the rule needs, in one line: "Attended 3 of the 4
        sessions held so far (75%); needs 6 of 8". Sessions still to come are never counted
        as missed."""
        if self.sessions_held >= self.sessions_scheduled:
            text = f"Attended {self.sessions_attended} of {self.sessions_scheduled} sessions"
        elif self.sessions_held:
            text = (
                f"Attended {self.sessions_attended} of the {self.sessions_held} "
                f"session{'s' if self.sessions_held != 1 else ''} held so far"
            )
        else:
            text = "No sessions held yet"
        if self.sessions_held:
            text += f" ({self.rate_so_far}%)"
        if self.sessions_needed is not None:
            verb = "needed" if self.sessions_held >= self.sessions_scheduled else "needs"
            text += f"; {verb} {self.sessions_needed} of {self.sessions_scheduled}"
        return text

    @property
    def outstanding(self):
        """What is still missing, in the participant's terms."""
        if self.enrolment.status not in Enrolment.ACTIVE:
            return [f"Their place is {self.enrolment.get_status_display().lower()}."]
        if self.rule is None:
            return ["This programme has no completion rule yet."]
        missing = []
        if self.certified:
            return []
        if not self.sessions_ok:
            so_far = f"{self.sessions_attended} so far"
            if self.sessions_held < self.sessions_scheduled:
                so_far += f", of {self.sessions_held} held"
            missing.append(
                f"Attend {self.sessions_needed} of {self.sessions_scheduled} sessions ({so_far})."
            )
        missing.extend(f"Complete the module “{title}” online." for title in self.modules_missing)
        if self.needs_sign_off and self.sign_off is None:
            missing.append("A facilitator's sign-off.")
        if self.waits_for_cohort_end:
            ends = self.enrolment.cohort.ends_on
            missing.append(
                f"The cohort to end ({ends.day} {ends:%B %Y}): certificates are issued after that."
            )
        return missing


def _standing(result, cohort):
    if result.certified or result.meets_rule:
        return Standing.COMPLETE
    if (
        cohort.status == Cohort.Status.CLOSED
        or result.enrolment.status not in Enrolment.ACTIVE
        or result.enrolment.status == Enrolment.Status.NOT_COMPLETED
    ):
        return Standing.NOT_COMPLETED
    if result.risks:
        return Standing.AT_RISK
    return Standing.ON_TRACK


def _cached_or_loaded(enrolments, relation, model):
    """Each enrolment's one-to-one `relation` (a sign-off, a certificate), read from what the
    caller selected with the enrolments, or else loaded in one query."""
    cache = getattr(Enrolment, relation).related
    if all(cache.is_cached(e) for e in enrolments):
        return {e.pk: cache.get_cached_value(e) for e in enrolments}
    return {
        row.enrolment_id: row
        for row in model.objects.filter(enrolment_id__in=[e.pk for e in enrolments])
    }


def _marks_of(enrolments, cohort_ids):
    statuses = defaultdict(dict)
    enrolment_ids = {e.pk for e in enrolments}
    # A long list (a dashboard's page of cohorts) is found by its cohorts rather than by
    # thousands of ids the database must parse and plan; marks of other enrolments on them are
    # left out here.
    if len(enrolment_ids) > IDS_IN_QUERY:
        marks = AttendanceMark.objects.filter(enrolment__cohort_id__in=cohort_ids)
    else:
        marks = AttendanceMark.objects.filter(enrolment_id__in=enrolment_ids)
    for enrolment_id, session_id, status in marks.values_list(
        "enrolment_id", "session_id", "status"
    ):
        if enrolment_id in enrolment_ids:
            statuses[enrolment_id][session_id] = status
    return statuses


def marks_of(enrolments):
    """Each enrolment's marks, {enrolment id: {session id: status}}, in one query (for a caller
    that keeps them to pass to `standings_for` as `marks`)."""
    enrolments = list(enrolments)
    return dict(_marks_of(enrolments, {e.cohort_id for e in enrolments}))


def standings_for(
    enrolments,
    *,
    sessions=None,
    completed_modules=None,
    rules=None,
    marks=None,
    now: dt.datetime | None = None,
) -> dict[int, EnrolmentStanding]:
    """The standing of each enrolment at `now`, keyed by its id. The enrolments should come
    with `cohort` and `participant` selected; the rest is loaded here in at most seven queries.

    A caller that has some of it already passes it in and saves the query: `sessions`, every
    cohort session of these enrolments' cohorts; `completed_modules`, the (participant id,
    module id) pairs of every module these participants have completed; sign-offs and
    certificates selected with the enrolments (`select_related("completion_sign_off",
    "certificate")`); `rules`, the completion rule of each programme by its id; and `marks`,
    each enrolment's marks by its id (session id to status).
    `standing_changes_preview` passes sessions and rules not saved yet, to say who a change
    would move."""
    enrolments = list(enrolments)
    if not enrolments:
        return {}
    now = now or timezone.now()
    cohort_ids = {e.cohort_id for e in enrolments}
    programme_ids = {e.cohort.programme_id for e in enrolments}
    if sessions is None:
        sessions = CohortSession.objects.filter(cohort_id__in=cohort_ids)
    by_cohort = defaultdict(list)
    # A session not saved yet (a preview) has no id: it sorts as if it were the first made.
    for session in sorted(sessions, key=lambda s: (s.starts_at, s.pk or 0)):
        # Completion counts scheduled sessions only: a cancelled one is kept but never counts.
        if session.is_scheduled:
            by_cohort[session.cohort_id].append(session)
    sessions = by_cohort
    if rules is None:
        rules = {
            rule.programme_id: rule
            for rule in CompletionRule.objects.filter(
                programme_id__in=programme_ids
            ).prefetch_related(
                # Each module's name is all a standing says of it: not its body.
                Prefetch("required_modules", queryset=ModulePage.objects.only("id", "title"))
            )
        }
    statuses = defaultdict(dict)
    if marks is not None:
        statuses.update(marks)
    else:
        statuses.update(_marks_of(enrolments, cohort_ids))
    required_ids = {m.pk for rule in rules.values() for m in rule.required_modules.all()}
    completed = set()
    if completed_modules is not None:
        completed = set(completed_modules)
    elif required_ids:
        completed = set(
            ModuleProgress.objects.completed()
            .filter(
                participant_id__in={e.participant_id for e in enrolments},
                module_id__in=required_ids,
            )
            .values_list("participant_id", "module_id")
        )
    sign_offs = _cached_or_loaded(enrolments, "completion_sign_off", CompletionSignOff)
    certificates = _cached_or_loaded(enrolments, "certificate", Certificate)
    # What is the same for everyone on a cohort or programme, worked out once for each.
    held_by_cohort = {
        cohort_id: [s.pk for s in cohort_sessions if s.is_held(now)]
        for cohort_id, cohort_sessions in sessions.items()
    }
    by_programme = {}  # programme id: (its rule, what counts as attending, modules required)
    results = {}
    for enrolment in enrolments:
        programme_id = enrolment.cohort.programme_id
        if programme_id not in by_programme:
            rule = rules.get(programme_id)
            by_programme[programme_id] = (
                rule,
                attended_statuses(rule),
                list(rule.required_modules.all()) if rule else [],
            )
        rule, attending, required = by_programme[programme_id]
        cohort_sessions = sessions[enrolment.cohort_id]
        held = held_by_cohort.get(enrolment.cohort_id, [])
        own = statuses[enrolment.pk]
        scheduled = len(cohort_sessions)
        result = EnrolmentStanding(
            enrolment=enrolment,
            rule=rule,
            sessions_scheduled=scheduled,
            # Only marks of sessions held count: one recorded for a session still to come
            # (before marks followed time) is not attendance.
            sessions_attended=sum(1 for pk in held if own.get(pk) in attending),
            sessions_needed=rule.sessions_needed(scheduled) if rule else None,
            sessions_held=len(held),
            certificate=certificates.get(enrolment.pk),
            waits_for_cohort_end=bool(
                rule and rule.certificates_after_end and not enrolment.cohort.has_ended(now)
            ),
            statuses=own,
            modules_missing=[
                m.title for m in required if (enrolment.participant_id, m.pk) not in completed
            ],
            sign_off=sign_offs.get(enrolment.pk),
            risks=at_risk_flags(sessions=cohort_sessions, statuses=own, rule=rule),
        )
        result.standing = _standing(result, enrolment.cohort)
        results[enrolment.pk] = result
    return results


def standing_for(enrolment, *, now: dt.datetime | None = None) -> EnrolmentStanding:
    """The standing of one enrolment."""
    return standings_for([enrolment], now=now)[enrolment.pk]
