"""Attendance reports: a cohort's grid (participants by sessions) with its rates per
participant, per session, per organisation and per sector; its CSV and XLSX exports; and the
rates across every cohort of a programme.

A participant's rate counts every scheduled session of the cohort, not only those held so far.
Every report loads in a constant number of queries, whatever the size of the cohort.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import tablib
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .attendance import at_risk_flags, counts_as_attended
from .models import (
    LONDON,
    Apology,
    AttendanceMark,
    Cohort,
    CohortSession,
    CompletionRule,
    Enrolment,
    Sector,
)

# Enrolments shown on the grid: those taking part, and those who left (their marks are kept).
TAKING_PART = tuple(Enrolment.ACTIVE)
LEFT = (Enrolment.Status.WITHDRAWN, Enrolment.Status.SUBSTITUTED)
PROGRAMME_COHORT_LIMIT = 100


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
    rate: Rate
    flags: list = field(default_factory=list)

    @property
    def has_left(self):
        return self.enrolment.status in LEFT


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

    @property
    def at_risk(self):
        return [row for row in self.rows if row.flags]


def _session_label(session):
    return f"{session.title} ({timezone.localtime(session.starts_at, LONDON):%d %b %Y})"


def cohort_grid(*, cohort: Cohort, user, now: dt.datetime | None = None) -> CohortGrid:
    """The attendance grid of a cohort, for what `user` may see (a nominator: their own
    organisation's officers only)."""
    now = now or timezone.now()
    sessions = list(CohortSession.objects.filter(cohort=cohort).order_by("starts_at", "pk"))
    enrolments = list(
        Enrolment.objects.visible_to(user)
        .filter(cohort=cohort, status__in=TAKING_PART + LEFT)
        .select_related("participant", "organisation")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
    ids = [e.pk for e in enrolments]
    rule = CompletionRule.objects.filter(programme_id=cohort.programme_id).first()
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
    scheduled = len(sessions)
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
            if counts_as_attended(status, rule):
                attended += 1
                if enrolment.status in TAKING_PART:
                    session_attended[session.pk] += 1
        row = GridRow(enrolment, cells, Rate(str(enrolment.participant), attended, scheduled))
        if enrolment.status in TAKING_PART:
            statuses = {sid: value[0] for sid, value in own.items()}
            row.flags = at_risk_flags(sessions=sessions, statuses=statuses, rule=rule)
            # Withdrawn participants keep their marks but do not count towards group rates.
            organisation = enrolment.organisation
            org_rate = organisations.setdefault(organisation.pk, Rate(organisation.name, 0, 0))
            sector_rate = sectors.setdefault(
                organisation.sector, Rate(Sector(organisation.sector).label, 0, 0)
            )
            for rate in (org_rate, sector_rate):
                rate.attended += attended
                rate.possible += scheduled
        rows.append(row)
    taking_part = sum(1 for e in enrolments if e.status in TAKING_PART)
    session_rates = [
        Rate(
            _session_label(s),
            session_attended[s.pk],
            # A session not held yet has no rate.
            taking_part if s.starts_at <= now else 0,
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
    )


def _safe(value):
    # Spreadsheet programs run a cell that starts like a formula: neutralise it.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def grid_dataset(grid: CohortGrid) -> tablib.Dataset:
    """The grid as a table, one row per participant, for the CSV and XLSX exports."""
    headers = ["Participant", "Email", "Organisation", "Sector", "Enrolment"]
    headers += [_session_label(s) for s in grid.sessions]
    headers += ["Attended", "Scheduled", "Rate (%)"]
    dataset = tablib.Dataset(headers=headers, title="Attendance")
    for row in grid.rows:
        enrolment = row.enrolment
        dataset.append(
            [
                _safe(enrolment.participant),
                _safe(enrolment.participant.email),
                _safe(enrolment.organisation.name),
                Sector(enrolment.organisation.sector).label,
                enrolment.get_status_display(),
                *[cell.label for cell in row.cells],
                row.rate.attended,
                row.rate.possible,
                "" if row.rate.percent is None else row.rate.percent,
            ]
        )
    return dataset


EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def grid_export(grid: CohortGrid, export_format: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of the grid in CSV or XLSX."""
    content = grid_dataset(grid).export(export_format)
    if isinstance(content, str):
        # A byte-order mark so spreadsheet programs read names in any script correctly.
        content = ("\ufeff" + content).encode("utf-8")
    name = f"attendance-{grid.cohort.pk}-{timezone.localdate():%Y-%m-%d}.{export_format}"
    return content, EXPORT_FORMATS[export_format], name


@dataclass
class ProgrammeCohortRate:
    cohort: Cohort
    participants: int
    scheduled: int
    held: int
    rate: Rate


def programme_rates(*, programme, now: dt.datetime | None = None) -> list[ProgrammeCohortRate]:
    """Attendance rates of every cohort of a programme (the newest first, at most
    PROGRAMME_COHORT_LIMIT), in a constant number of queries."""
    now = now or timezone.now()
    rule = CompletionRule.objects.filter(programme=programme).first()
    counted = [AttendanceMark.Status.PRESENT]
    if rule is None or rule.late_counts:
        counted.append(AttendanceMark.Status.LATE)
    if rule is None or rule.left_early_counts:
        counted.append(AttendanceMark.Status.LEFT_EARLY)

    def count_of(queryset):
        subquery = queryset.values("cohort_id").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(subquery, output_field=IntegerField()), Value(0))

    cohorts = (
        Cohort.objects.filter(programme=programme)
        .select_related("place")
        .annotate(
            n_scheduled=count_of(CohortSession.objects.filter(cohort=OuterRef("pk"))),
            n_held=count_of(
                CohortSession.objects.filter(cohort=OuterRef("pk"), starts_at__lte=now)
            ),
            n_participants=count_of(
                Enrolment.objects.filter(cohort=OuterRef("pk"), status__in=TAKING_PART)
            ),
            n_attended=Coalesce(
                Subquery(
                    AttendanceMark.objects.filter(
                        Q(enrolment__status__in=TAKING_PART),
                        enrolment__cohort=OuterRef("pk"),
                        status__in=counted,
                    )
                    .values("enrolment__cohort")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
        )
        .order_by("-starts_on", "name")[:PROGRAMME_COHORT_LIMIT]
    )
    return [
        ProgrammeCohortRate(
            cohort=c,
            participants=c.n_participants,
            scheduled=c.n_scheduled,
            held=c.n_held,
            rate=Rate(c.name, c.n_attended, c.n_participants * c.n_scheduled),
        )
        for c in cohorts
    ]
