"""Attendance at cohort sessions: the register, apologies sent in advance, self check-in,
imports of video-call attendance lists, and the warnings sent to participants at risk of not
completing.

Who wins: a facilitator's mark (the register or an import) always wins over a self check-in. A
check-in never overwrites a mark; a register save or an import overwrites a check-in. A mark
changed after its session has ended keeps a history of who changed it, when, and what it was.
"""

import base64
import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from accounts.models import normalise_email

from . import checkin
from .models import (
    LONDON,
    Apology,
    AttendanceMark,
    AttendanceMarkChange,
    AttendanceNotification,
    CohortSession,
    CompletionRule,
    Enrolment,
)

Status = AttendanceMark.Status
Method = AttendanceMark.Method
# Marks made by a facilitator, which a self check-in never overwrites.
FACILITATOR_METHODS = (Method.REGISTER, Method.IMPORT)
# The model's own field checks, without the per-row queries that checking the foreign keys and
# the unique constraint would cost: the database enforces those (and the same-cohort trigger).
_CLEAN_EXCLUDE = ["enrolment", "session", "recorded_by"]


def _local(moment):
    return timezone.localtime(moment, LONDON)


def _when(moment):
    """A London time for messages: "09:00 on Monday 30 March 2026"."""
    local = _local(moment)
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


def counts_as_attended(status, rule=None):
    """Whether a mark counts towards completion, under the programme's rule (if it has one)."""
    if status == Status.PRESENT:
        return True
    if status == Status.LATE:
        return rule.late_counts if rule else True
    if status == Status.LEFT_EARLY:
        return rule.left_early_counts if rule else True
    return False


# --- The register ---------------------------------------------------------------------------


def _lock_session(session):
    # Serialise writes to one session's marks, so a check-in arriving while the register is
    # saved cannot collide with it (a no-op on SQLite, which locks the whole database anyway).
    CohortSession.objects.select_for_update().filter(pk=session.pk).exists()


def _change_for(mark, *, status, note, changed_by, now):
    return AttendanceMarkChange(
        mark=mark,
        changed_by=changed_by,
        changed_at=now,
        previous_status=mark.status,
        previous_note=mark.note,
        previous_method=mark.method,
        new_status=status,
        new_note=note,
    )


def register_save(
    *,
    session: CohortSession,
    entries: Mapping[int, tuple[str, str]],
    recorded_by,
    method: str = Method.REGISTER,
    now: dt.datetime | None = None,
) -> list[AttendanceMark]:
    """Save a cohort session's register in one go: `entries` maps each enrolment's id to its
    (status, note). Everything is saved or nothing is, in a constant number of queries.

    The register overwrites any self check-in. A mark changed after the session has ended keeps
    a record of who changed it, when, and its previous value.
    """
    now = now or timezone.now()
    if method not in FACILITATOR_METHODS:
        raise ValueError("The register records facilitators' marks only.")
    with transaction.atomic():
        _lock_session(session)
        on_cohort = set(
            Enrolment.objects.filter(cohort_id=session.cohort_id, pk__in=list(entries)).values_list(
                "pk", flat=True
            )
        )
        strangers = set(entries) - on_cohort
        if strangers:
            raise ValidationError("Some of these people are not enrolled on this cohort.")
        existing = {
            mark.enrolment_id: mark
            for mark in AttendanceMark.objects.filter(session=session, enrolment_id__in=on_cohort)
        }
        to_create, to_update, changes = [], [], []
        after_session = now >= session.ends_at
        for enrolment_id, (status, note) in entries.items():
            note = (note or "").strip()
            mark = existing.get(enrolment_id)
            if mark is None:
                mark = AttendanceMark(enrolment_id=enrolment_id, session=session)
                to_create.append(mark)
            elif mark.status == status and mark.note == note:
                continue  # Unchanged: keep who recorded it and how (a check-in stays a check-in).
            else:
                if after_session:
                    changes.append(
                        _change_for(mark, status=status, note=note, changed_by=recorded_by, now=now)
                    )
                to_update.append(mark)
            mark.status, mark.note, mark.method = status, note, method
            mark.recorded_by, mark.recorded_at = recorded_by, now
            mark.full_clean(
                exclude=_CLEAN_EXCLUDE, validate_unique=False, validate_constraints=False
            )
        # New marks and changed ones in one statement: an insert that meets the session's
        # existing mark for that person updates it instead (the session lock means only the
        # marks read above can be there).
        AttendanceMark.objects.bulk_create(
            [
                AttendanceMark(
                    enrolment_id=mark.enrolment_id,
                    session=session,
                    status=mark.status,
                    note=mark.note,
                    method=mark.method,
                    recorded_by=mark.recorded_by,
                    recorded_at=mark.recorded_at,
                )
                for mark in to_update
            ]
            + to_create,
            update_conflicts=True,
            unique_fields=["enrolment", "session"],
            update_fields=["status", "note", "method", "recorded_by", "recorded_at"],
        )
        AttendanceMarkChange.objects.bulk_create(changes)
        if to_create or to_update:
            _check_at_risk_on_commit(session.cohort_id)
    return to_create + to_update


def attendance_record(
    *,
    enrolment: Enrolment,
    session: CohortSession,
    status: str,
    note: str = "",
    method: str = Method.REGISTER,
    recorded_by=None,
    now: dt.datetime | None = None,
) -> AttendanceMark:
    """Record one person's attendance at one cohort session.

    A self check-in never overwrites an existing mark (a facilitator's mark always wins, and a
    second check-in changes nothing); a facilitator's mark overwrites whatever was there.
    """
    now = now or timezone.now()
    if enrolment.cohort_id != session.cohort_id:
        raise ValidationError("This person is not enrolled on this session's cohort.")
    if method in FACILITATOR_METHODS:
        register_save(
            session=session,
            entries={enrolment.pk: (status, note)},
            recorded_by=recorded_by,
            method=method,
            now=now,
        )
        return AttendanceMark.objects.get(enrolment=enrolment, session=session)
    with transaction.atomic():
        _lock_session(session)
        mark = AttendanceMark.objects.filter(enrolment=enrolment, session=session).first()
        if mark is not None:
            return mark
        mark = AttendanceMark(
            enrolment=enrolment,
            session=session,
            status=status,
            note=note,
            method=method,
            recorded_by=recorded_by,
            recorded_at=now,
        )
        mark.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                mark.save()
        except IntegrityError:
            # Recorded by someone else a moment ago: theirs stands.
            return AttendanceMark.objects.get(enrolment=enrolment, session=session)
        _check_at_risk_on_commit(session.cohort_id)
    return mark


# --- Apologies in advance -------------------------------------------------------------------


def apologies_send(
    *, enrolment: Enrolment, session: CohortSession, reason: str, now: dt.datetime | None = None
) -> Apology:
    """A participant sends apologies, with a reason, for a session that has not started yet.
    Sending again replaces the reason."""
    now = now or timezone.now()
    if enrolment.cohort_id != session.cohort_id or enrolment.status not in Enrolment.ACTIVE:
        raise ValidationError("You are not taking part in this session's cohort.")
    if session.starts_at <= now:
        raise ValidationError(
            "This session has already started, so you cannot send apologies for it. "
            "Tell your facilitator instead."
        )
    reason = (reason or "").strip()
    with transaction.atomic():
        apology = Apology.objects.filter(enrolment=enrolment, session=session).first()
        apology = apology or Apology(enrolment=enrolment, session=session)
        apology.reason, apology.sent_at = reason, now
        apology.full_clean(exclude=["enrolment", "session"], validate_unique=False)
        apology.save()
    return apology


# --- Self check-in --------------------------------------------------------------------------


class CheckInError(Exception):
    """Why a check-in was refused, in words for the participant."""

    NOT_ENROLLED = "not-enrolled"
    NOT_OPEN_YET = "not-open-yet"
    CLOSED = "closed"
    WRONG_CODE = "wrong-code"
    EXPIRED_CODE = "expired-code"

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass
class CheckInResult:
    mark: AttendanceMark
    # True when a facilitator (or an earlier check-in) had already recorded attendance.
    already_recorded: bool


def check_in(
    *, session: CohortSession, participant, code: str, now: dt.datetime | None = None
) -> CheckInResult:
    """A participant checks themself in to a cohort session with the code on the
    facilitator's screen, during the session's check-in window."""
    now = now or timezone.now()
    cohort = session.cohort
    enrolment = (
        Enrolment.objects.active().filter(cohort=cohort, participant_id=participant.pk).first()
    )
    if enrolment is None:
        raise CheckInError(
            CheckInError.NOT_ENROLLED,
            f"You are not enrolled on {cohort.name}, so you cannot check in to this session.",
        )
    window = checkin.checkin_window(session)
    if now < window.opens_at:
        raise CheckInError(
            CheckInError.NOT_OPEN_YET,
            f"Check-in for this session opens at {_when(window.opens_at)}.",
        )
    if now > window.closes_at:
        raise CheckInError(
            CheckInError.CLOSED,
            f"Check-in for this session closed at {_when(window.closes_at)}. Ask your "
            "facilitator to mark you on the register.",
        )
    result = checkin.check_code(session, code, now=now)
    if result == checkin.CodeResult.EXPIRED:
        raise CheckInError(
            CheckInError.EXPIRED_CODE,
            "That code has expired: the code changes every few minutes. Enter the code "
            "showing on the facilitator's screen now.",
        )
    if result != checkin.CodeResult.VALID:
        raise CheckInError(
            CheckInError.WRONG_CODE,
            "That code is not right. Check the code on the facilitator's screen and try again.",
        )
    existing = AttendanceMark.objects.filter(enrolment=enrolment, session=session).first()
    if existing is not None:
        return CheckInResult(mark=existing, already_recorded=True)
    mark = attendance_record(
        enrolment=enrolment,
        session=session,
        status=Status.PRESENT,
        method=Method.SELF_CHECK_IN,
        recorded_by=participant,
        now=now,
    )
    return CheckInResult(mark=mark, already_recorded=mark.method != Method.SELF_CHECK_IN)


# --- Imports from video-conferencing tools ---------------------------------------------------


class ImportFileError(Exception):
    """The uploaded file cannot be read as an attendance list."""


@dataclass
class ImportedAttendee:
    email: str
    name: str
    minutes: float = 0
    rows: int = 0


@dataclass
class ImportPreviewRow:
    enrolment: Enrolment
    minutes: int | None
    status: str
    note: str
    current: AttendanceMark | None

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def changes_mark(self):
        return self.current is None or (self.current.status, self.current.note) != (
            self.status,
            self.note,
        )


@dataclass
class ImportPreview:
    session: CohortSession
    min_minutes: int
    rows: list[ImportPreviewRow]
    unknown: list[ImportedAttendee]
    problems: list[str] = field(default_factory=list)

    @property
    def entries(self):
        return {row.enrolment.pk: (row.status, row.note) for row in self.rows}


_NOT_A_TABLE = (
    "This file is not an attendance list we can read. Upload the CSV file exported by the "
    "video-conferencing tool: a table with a header row that includes an email column and "
    "either a duration column or join and leave times."
)
_HEADER_SEARCH_ROWS = 30


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # Microsoft Teams exports UTF-16 text.
    if b"\x00" in data:
        raise ImportFileError(_NOT_A_TABLE)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:_HEADER_SEARCH_ROWS])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t"}
        return max(counts, key=counts.get)


def _column(headers, *needles, exclude=()):
    for index, header in enumerate(headers):
        if any(n in header for n in needles) and not any(x in header for x in exclude):
            return index
    return None


_DURATION_UNITS = re.compile(
    r"(\d+(?:\.\d+)?)\s*(h|hr|hrs|hour|hours|m|min|mins|minute|minutes|s|sec|secs|second|seconds)\b"
)


def _parse_duration(value: str, *, seconds: bool) -> float:
    """Minutes from "85", "85.5", "1:25:00", "1h 25m 3s" or "45 mins"."""
    value = value.strip().lower()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", value):
        number = float(value.replace(",", "."))
        return number / 60 if seconds else number
    if re.fullmatch(r"\d+:\d{1,2}(?::\d{1,2})?", value):
        parts = [int(p) for p in value.split(":")] + [0]
        return parts[0] * 60 + parts[1] + parts[2] / 60
    units = _DURATION_UNITS.findall(value)
    if units:
        factor = {"h": 60, "m": 1, "s": 1 / 60}
        return sum(float(n) * factor[u[0]] for n, u in units)
    raise ValueError(value)


_TIME_FORMATS_DAY_FIRST = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y, %H:%M:%S",
    "%d/%m/%Y, %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
]
_TIME_FORMATS_US = [
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y, %I:%M:%S %p",
    "%m/%d/%Y, %I:%M %p",
]


def _parse_time(value: str) -> dt.datetime:
    """An aware datetime; times without a zone are London times, as the tools export them."""
    value = value.strip()
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        # A 12-hour clock means an American export (month first); otherwise day first.
        formats = (
            _TIME_FORMATS_US if re.search(r"[ap]\.?m\.?$", value, re.I) else _TIME_FORMATS_DAY_FIRST
        )
        for fmt in formats:
            try:
                moment = dt.datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
        else:
            raise ValueError(value) from None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=LONDON)
    return moment


def attendance_import_parse(data: bytes) -> tuple[list[ImportedAttendee], list[str]]:
    """Read a video-conferencing tool's attendance export: one attendee per email address, with
    the minutes of all their join/leave rows added up; and the rows that could not be read."""
    text = _decode(data)
    if not text.strip():
        raise ImportFileError("The file is empty.")
    try:
        # newline="" as the csv module asks, so a stray carriage return is not a broken row.
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    except csv.Error as error:
        raise ImportFileError(
            "This file could not be read as a CSV attendance list. Download the list again "
            "from the video call and upload it unchanged."
        ) from error
    header_at = None
    for number, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        headers = [" ".join(cell.strip().lstrip("\ufeff").lower().split()) for cell in row]
        if _column(headers, "email", "e-mail", "upn") is not None and len(row) > 1:
            header_at = number
            break
    if header_at is None:
        raise ImportFileError(_NOT_A_TABLE)
    email_col = _column(headers, "email", "e-mail", "upn")
    name_col = _column(headers, "name", exclude=("email", "e-mail"))
    duration_col = _column(headers, "duration", "time in", "minutes", "attended")
    join_col = _column(headers, "join", "first join")
    leave_col = _column(headers, "leave", "left", "last leave")
    if duration_col is None and (join_col is None or leave_col is None):
        raise ImportFileError(_NOT_A_TABLE)
    in_seconds = duration_col is not None and "sec" in headers[duration_col]

    attendees: dict[str, ImportedAttendee] = {}
    problems = []
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(index, row=row):
            return row[index].strip() if index is not None and index < len(row) else ""

        email = normalise_email(cell(email_col))
        if "@" not in email:
            if len(row) > 1:
                problems.append(f"Row {number}: no email address, so it was left out.")
            continue
        try:
            if duration_col is not None and cell(duration_col):
                minutes = _parse_duration(cell(duration_col), seconds=in_seconds)
            else:
                # Subtract in UTC: Python subtracts wall-clock times within one zone, so a call
                # across a clock change would otherwise be an hour out.
                joined, left = _parse_time(cell(join_col)), _parse_time(cell(leave_col))
                seconds = (left.astimezone(dt.UTC) - joined.astimezone(dt.UTC)).total_seconds()
                minutes = max(seconds / 60, 0)
        except ValueError:
            problems.append(
                f"Row {number}: could not read the time for {email}, so it was left out."
            )
            continue
        attendee = attendees.setdefault(email, ImportedAttendee(email=email, name=cell(name_col)))
        attendee.minutes += minutes
        attendee.rows += 1
    if not attendees:
        raise ImportFileError(
            "We found no attendees with an email address in this file. " + _NOT_A_TABLE
        )
    return list(attendees.values()), problems


def attendance_import_preview(
    *, session: CohortSession, data: bytes, min_minutes: int
) -> ImportPreview:
    """What importing this attendance list would record, for the facilitator to check before
    anything is saved: matched by email, present if in the call at least `min_minutes`."""
    attendees, problems = attendance_import_parse(data)
    by_email = {a.email: a for a in attendees}
    enrolments = list(
        Enrolment.objects.active()
        .filter(cohort_id=session.cohort_id)
        .select_related("participant", "organisation")
        .order_by("participant__last_name", "participant__first_name", "pk")
    )
    current = {m.enrolment_id: m for m in AttendanceMark.objects.filter(session=session)}
    apologised = set(Apology.objects.filter(session=session).values_list("enrolment_id", flat=True))
    rows = []
    for enrolment in enrolments:
        attendee = by_email.pop(normalise_email(enrolment.participant.email), None)
        if attendee is None:
            status = Status.APOLOGIES if enrolment.pk in apologised else Status.ABSENT
            rows.append(
                ImportPreviewRow(
                    enrolment, None, status, "Not in the call.", current.get(enrolment.pk)
                )
            )
            continue
        minutes = round(attendee.minutes)
        if minutes >= min_minutes:
            status, note = Status.PRESENT, f"In the call for {minutes} minutes."
        else:
            status = Status.ABSENT
            note = f"In the call for {minutes} minutes, under the {min_minutes} needed."
        rows.append(ImportPreviewRow(enrolment, minutes, status, note, current.get(enrolment.pk)))
    unknown = sorted(by_email.values(), key=lambda a: a.email)
    return ImportPreview(session, min_minutes, rows, unknown, problems)


def attendance_import_save(
    *, session: CohortSession, data: bytes, min_minutes: int, recorded_by, now=None
) -> ImportPreview:
    """Record the attendance list the facilitator previewed, as facilitator's marks."""
    preview = attendance_import_preview(session=session, data=data, min_minutes=min_minutes)
    register_save(
        session=session,
        entries=preview.entries,
        recorded_by=recorded_by,
        method=Method.IMPORT,
        now=now,
    )
    return preview


_IMPORT_SALT = "cohorts.attendance-import"


def import_payload_sign(*, session: CohortSession, data: bytes) -> str:
    """The uploaded file, signed, so the preview page can send it back to be saved without
    anything being stored in between."""
    encoded = base64.b64encode(data).decode("ascii")
    return signing.dumps({"session": session.pk, "data": encoded}, salt=_IMPORT_SALT, compress=True)


def import_payload_load(*, session: CohortSession, payload: str) -> bytes:
    try:
        value = signing.loads(payload, salt=_IMPORT_SALT, max_age=3600)
    except signing.BadSignature as error:
        raise ImportFileError("The preview has expired. Upload the file again.") from error
    if value.get("session") != session.pk:
        raise ImportFileError("This preview is for another session. Upload the file again.")
    return base64.b64decode(value["data"])


# --- At risk of not completing ---------------------------------------------------------------


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

    Rates and the completion rule count every scheduled session, not only those held so far.
    Only recorded marks count as missed; a session with no mark yet is still to play for.
    """
    missed = [
        s for s in sessions if s.pk in statuses and not counts_as_attended(statuses[s.pk], rule)
    ]
    if not missed:
        return []
    flags = []
    scheduled = len(sessions)
    if rule is not None:
        needed = rule.sessions_needed(scheduled)
        attended = sum(1 for s in sessions if counts_as_attended(statuses.get(s.pk), rule))
        still_possible = scheduled - len(missed)
        undecided = scheduled - len(missed) - attended
        if still_possible < needed:
            flags.append(RiskFlag(AttendanceNotification.Kind.CANNOT_COMPLETE, "", missed))
        elif still_possible == needed and undecided > 0:
            flags.append(RiskFlag(AttendanceNotification.Kind.ONE_MORE_MISS, "", missed))
    run = []
    for session in sessions:
        status = statuses.get(session.pk)
        if status is not None and not counts_as_attended(status, rule):
            run.append(session)
            continue
        if len(run) >= 2:
            flags.append(RiskFlag(AttendanceNotification.Kind.TWO_IN_A_ROW, str(run[0].pk), run))
        run = []
    if len(run) >= 2:
        flags.append(RiskFlag(AttendanceNotification.Kind.TWO_IN_A_ROW, str(run[0].pk), run))
    return flags


def _check_at_risk_on_commit(cohort_id):
    transaction.on_commit(partial(attendance_at_risk_check.enqueue, cohort_id=cohort_id))


def at_risk_notify(*, cohort_id: int, now: dt.datetime | None = None):
    """Warn each participant now at risk (and their nominators), once per event: a record of
    each warning, unique per enrolment, kind and event, means re-running never sends twice."""
    now = now or timezone.now()
    sessions = list(CohortSession.objects.filter(cohort_id=cohort_id).order_by("starts_at", "pk"))
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


@task()
def attendance_at_risk_email(notification_ids: list[int]):
    """Email one participant, and their organisation's nominators, the at-risk warnings found
    about them, naming the sessions missed."""
    notifications = list(
        AttendanceNotification.objects.select_related(
            "enrolment__participant", "enrolment__cohort__programme", "enrolment__organisation"
        )
        .filter(pk__in=notification_ids, sent_at__isnull=True)
        .order_by("pk")
    )
    if not notifications:
        return 0
    enrolment = notifications[0].enrolment
    missed = {pk for n in notifications for pk in n.sessions_missed}
    sessions = list(CohortSession.objects.filter(pk__in=missed).order_by("starts_at"))
    rule = CompletionRule.objects.filter(programme_id=enrolment.cohort.programme_id).first()
    scheduled = enrolment.cohort.sessions.count()
    nominators = list(enrolment.organisation.nominators.values_list("email", flat=True))
    context = {
        "nominators": nominators,
        "enrolment": enrolment,
        "participant": enrolment.participant,
        "cohort": enrolment.cohort,
        "kinds": {n.kind for n in notifications},
        "sessions": [(s, _local(s.starts_at)) for s in sessions],
        "scheduled": scheduled,
        "needed": rule.sessions_needed(scheduled) if rule else None,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
    }
    subject = (
        f"Attendance on {enrolment.cohort.name}: {notifications[0].get_kind_display().lower()}"
    )
    messages = [
        EmailMessage(
            subject,
            render_to_string("cohorts/attendance/email/at_risk_participant.txt", context),
            to=[enrolment.participant.email],
        )
    ]
    if nominators:
        messages.append(
            EmailMessage(
                subject,
                render_to_string("cohorts/attendance/email/at_risk_nominator.txt", context),
                to=nominators,
            )
        )
    for message in messages:
        message.send()
    AttendanceNotification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        sent_at=timezone.now()
    )
    return len(messages)
