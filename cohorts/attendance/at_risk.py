"""At risk of not completing: which participants can no longer meet (or would not meet, if they
miss one more) the completion rule, or have missed two sessions in a row; and the warnings
emailed to them and their nominators (`emails`), once per event. The scheduler's daily
"at-risk-checks" job looks again at every running cohort."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from ..models import (
    AttendanceMark,
    AttendanceNotification,
    Cohort,
    CohortSession,
    CompletionRule,
    Enrolment,
    attended_statuses,
)
from .emails import attendance_at_risk_email


@dataclass
class RiskFlag:
    kind: str
    key: str
    sessions: list  # the cohort sessions missed that the warning names

    @property
    def label(self):
        return AttendanceNotification.Kind(self.kind).label


def at_risk_flags(*, sessions, statuses: Mapping[int, str], rule: CompletionRule | None):
    """Why one participant is at risk, from their marks (`statuses`: session id to status) on
    the cohort's sessions in order. Pure: the grid and the register call it with what they have
    already loaded.

    `sessions` are the scheduled ones (a cancelled session never counts: callers leave it
    out, by `CohortSession.objects.scheduled()` or `is_scheduled`). The completion rule counts
    every scheduled session (rates so far count those held). Only recorded marks count as
    missed; a session with no mark yet is still to play for.
    """
    attending = attended_statuses(rule)
    missed = [s for s in sessions if s.pk in statuses and statuses[s.pk] not in attending]
    if not missed:
        return []
    flags = []
    scheduled = len(sessions)
    if rule is not None:
        needed = rule.sessions_needed(scheduled)
        attended = sum(1 for s in sessions if statuses.get(s.pk) in attending)
        still_possible = scheduled - len(missed)
        undecided = scheduled - len(missed) - attended
        if still_possible < needed:
            flags.append(RiskFlag(AttendanceNotification.Kind.CANNOT_COMPLETE, "", missed))
        elif still_possible == needed and undecided > 0:
            flags.append(RiskFlag(AttendanceNotification.Kind.ONE_MORE_MISS, "", missed))
    run = []
    for session in sessions:
        status = statuses.get(session.pk)
        if status is not None and status not in attending:
            run.append(session)
            continue
        if len(run) >= 2:
            flags.append(RiskFlag(AttendanceNotification.Kind.TWO_IN_A_ROW, str(run[0].pk), run))
        run = []
    if len(run) >= 2:
        flags.append(RiskFlag(AttendanceNotification.Kind.TWO_IN_A_ROW, str(run[0].pk), run))
    return flags


def check_at_risk_on_commit(cohort_id):
    """Look again at who is at risk on this cohort once the attendance change has committed."""
    transaction.on_commit(partial(attendance_at_risk_check.enqueue, cohort_id=cohort_id))


def at_risk_notify(*, cohort_id: int, now: dt.datetime | None = None):
    """Warn each participant now at risk (and their nominators), once per event: a record of
    each warning, unique per enrolment, kind and event, means re-running never sends twice."""
    now = now or timezone.now()
    sessions = list(
        CohortSession.objects.scheduled().filter(cohort_id=cohort_id).order_by("starts_at", "pk")
    )
    enrolments = list(
        Enrolment.objects.active().filter(cohort_id=cohort_id).select_related("cohort")
    )
    if not sessions or not enrolments:
        return []
    rule = CompletionRule.objects.filter(programme_id=enrolments[0].cohort.programme_id).first()
    statuses = {}
    for enrolment_id, session_id, status in AttendanceMark.objects.filter(
        enrolment__in=[e.pk for e in enrolments], session__in=[s.pk for s in sessions]
    ).values_list("enrolment_id", "session_id", "status"):
        statuses.setdefault(enrolment_id, {})[session_id] = status
    sent = set(
        AttendanceNotification.objects.filter(enrolment__cohort_id=cohort_id).values_list(
            "enrolment_id", "kind", "key"
        )
    )
    created = []
    for enrolment in enrolments:
        new = []
        for flag in at_risk_flags(
            sessions=sessions, statuses=statuses.get(enrolment.pk, {}), rule=rule
        ):
            if (enrolment.pk, flag.kind, flag.key) in sent:
                continue
            try:
                with transaction.atomic():
                    new.append(
                        AttendanceNotification.objects.create(
                            enrolment=enrolment,
                            kind=flag.kind,
                            key=flag.key,
                            sessions_missed=[s.pk for s in flag.sessions],
                            created_at=now,
                        )
                    )
            except IntegrityError:
                continue  # Another run got there first.
        if new:
            # Events found together go in one email, not one email each.
            transaction.on_commit(
                partial(attendance_at_risk_email.enqueue, notification_ids=[n.pk for n in new])
            )
            created.extend(new)
    return created


@task()
def attendance_at_risk_check(cohort_id: int):
    """Look for participants newly at risk on a cohort after its attendance changed."""
    with transaction.atomic():
        return len(at_risk_notify(cohort_id=cohort_id))


def at_risk_check_running_cohorts(*, now=None):
    """The scheduler's daily look at every running cohort: warn anyone newly at risk (each
    warning once, so running it twice sends nothing twice)."""
    found = 0
    for cohort_id in Cohort.objects.filter(status=Cohort.Status.RUNNING).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            found += len(at_risk_notify(cohort_id=cohort_id, now=now))
    return found
