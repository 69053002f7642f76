"""A cohort's attendance grid (participants by sessions) with its rates per participant, per
session, per organisation and per sector.

Rates are so far: over the sessions held (scheduled and started, `CohortSession.is_held`), so
people who attended every session so far read 100% half way through a cohort; what the
completion rule needs counts every scheduled session, and is shown beside them ("needs 6 of
8"). A cancelled session is shown (as cancelled) but never counted (`CohortSession.is_scheduled`).
The grid loads in a constant number of queries, whatever the size of the cohort.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from ..attendance.at_risk import at_risk_flags
from ..completion.schedule import sessions_held
from ..models import (
    LONDON,
    Apology,
    AttendanceMark,
    Certificate,
    Cohort,
    CohortSession,
    CompletionRule,
    Enrolment,
    Sector,
    attended_statuses,
)

# Enrolments shown on the grid: those taking part, and those who left (their marks are kept).
TAKING_PART = tuple(Enrolment.ACTIVE)
LEFT = (Enrolment.Status.WITHDRAWN, Enrolment.Status.SUBSTITUTED)


@dataclass
class Rate:
    label: str
    attended: int
    possible: int

    @property
    def rate(self):
        return self.attended / self.possible if self.possible else None

    @property
    def percent(self):
        rate = self.rate
        return None if rate is None else round(rate * 100)


@dataclass
class GridCell:
    session: CohortSession
    status: str | None
    method: str | None
    note: str
    apologised: bool

    @property
    def label(self):
        if self.status:
            return AttendanceMark.Status(self.status).label
        return "Apologies sent" if self.apologised else ""


@dataclass
class GridRow:
    enrolment: Enrolment
    cells: list[GridCell]
    rate: Rate  # over the sessions held so far
    flags: list = field(default_factory=list)
    certificate: Certificate | None = None

    @property
    def has_left(self):
        return self.enrolment.status in LEFT

    @property
    def certified(self):
        return self.certificate is not None and not self.certificate.is_revoked


@dataclass
class CohortGrid:
    cohort: Cohort
    sessions: list[CohortSession]
    rows: list[GridRow]
    rule: CompletionRule | None
    session_rates: list[Rate]
    organisation_rates: list[Rate]
    sector_rates: list[Rate]
    overall: Rate
    held: int = 0  # sessions held so far

    @property
    def at_risk(self):
        return [row for row in self.rows if row.flags]

    @property
    def scheduled(self):
        return sum(1 for s in self.sessions if s.is_scheduled)

    @property
    def cancelled(self):
        return len(self.sessions) - self.scheduled

    @property
    def needed(self):
        """How many sessions the completion rule needs, of all those scheduled (None: no rule)."""
        return self.rule.sessions_needed(self.scheduled) if self.rule else None


def session_label(session):
    return f"{session.title} ({timezone.localtime(session.starts_at, LONDON):%d %b %Y})"


def grid_enrolments(*, cohort: Cohort, user):
    """The enrolments of `cohort` that `user` may see on its grid (a nominator: their own
    organisation's officers only): those taking part and those who left."""
    return Enrolment.objects.visible_to(user).filter(cohort=cohort, status__in=TAKING_PART + LEFT)


def cohort_sessions(cohort: Cohort) -> list[CohortSession]:
    """The grid's columns: every session of the cohort in date order, cancelled ones too."""
    return list(CohortSession.objects.filter(cohort=cohort).order_by("starts_at", "pk"))


def cohort_grid(*, cohort: Cohort, user, now: dt.datetime | None = None) -> CohortGrid:
    """The attendance grid of a cohort, for what `user` may see (a nominator: their own
    organisation's officers only)."""
    return build_grid(
        cohort=cohort,
        sessions=cohort_sessions(cohort),
        enrolments=grid_enrolments(cohort=cohort, user=user),
        now=now,
    )


def build_grid(*, cohort: Cohort, sessions, enrolments, now: dt.datetime | None = None):
    """The grid of these `sessions` (`cohort_sessions`) and `enrolments` (a queryset of the
    cohort's, from `grid_enrolments`), in four queries."""
    now = now or timezone.now()
    enrolments = list(
        enrolments.select_related("participant", "organisation", "certificate").order_by(
            "participant__last_name", "participant__first_name", "pk"
        )
    )
    ids = [e.pk for e in enrolments]
    rule = CompletionRule.objects.filter(programme_id=cohort.programme_id).first()
    attending = attended_statuses(rule)
    marks = defaultdict(dict)
    for enrolment_id, session_id, status, method, note in AttendanceMark.objects.filter(
        session__cohort=cohort, enrolment_id__in=ids
    ).values_list("enrolment_id", "session_id", "status", "method", "note"):
        marks[enrolment_id][session_id] = (status, method, note)
    apologies = set(
        Apology.objects.filter(session__cohort=cohort, enrolment_id__in=ids).values_list(
            "enrolment_id", "session_id"
        )
    )
    scheduled_sessions = [s for s in sessions if s.is_scheduled]
    held = sessions_held(sessions, now)
    rows = []
    session_attended = defaultdict(int)
    organisations, sectors = {}, {}
    for enrolment in enrolments:
        own = marks.get(enrolment.pk, {})
        cells = []
        attended = 0
        for session in sessions:
            status, method, note = own.get(session.pk, (None, None, ""))
            cells.append(
                GridCell(session, status, method, note, (enrolment.pk, session.pk) in apologies)
            )
            if status in attending and session.is_held(now):
                attended += 1
                if enrolment.status in TAKING_PART:
                    session_attended[session.pk] += 1
        row = GridRow(
            enrolment,
            cells,
            Rate(str(enrolment.participant), attended, held),
            certificate=getattr(enrolment, "certificate", None),
        )
        if enrolment.status in TAKING_PART:
            statuses = {sid: value[0] for sid, value in own.items()}
            row.flags = at_risk_flags(sessions=scheduled_sessions, statuses=statuses, rule=rule)
            # Withdrawn participants keep their marks but do not count towards group rates.
            organisation = enrolment.organisation
            org_rate = organisations.setdefault(organisation.pk, Rate(organisation.name, 0, 0))
            sector_rate = sectors.setdefault(
                organisation.sector, Rate(Sector(organisation.sector).label, 0, 0)
            )
            for rate in (org_rate, sector_rate):
                rate.attended += attended
                rate.possible += held
        rows.append(row)
    taking_part = sum(1 for e in enrolments if e.status in TAKING_PART)
    session_rates = [
        Rate(
            session_label(s),
            session_attended[s.pk],
            # A session not held yet (or cancelled) has no rate.
            taking_part if s.is_held(now) else 0,
        )
        for s in sessions
    ]
    overall = Rate(
        "Whole cohort",
        sum(r.attended for r in organisations.values()),
        sum(r.possible for r in organisations.values()),
    )
    return CohortGrid(
        cohort=cohort,
        sessions=sessions,
        rows=rows,
        rule=rule,
        session_rates=session_rates,
        organisation_rates=sorted(organisations.values(), key=lambda r: r.label),
        sector_rates=sorted(sectors.values(), key=lambda r: r.label),
        overall=overall,
        held=held,
    )
