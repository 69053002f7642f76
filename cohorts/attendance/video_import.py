"""Importing the attendance list a video-conferencing tool (Zoom, Microsoft Teams...) exports
for an online cohort session: each attendee's minutes in the call, matched to enrolments by
email, shown to the facilitator and saved as facilitator's marks once they confirm.

The file is read by `spreadsheets` like every other upload, and held in its upload store
between the preview and the confirmation.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils import timezone

from accounts.models import normalise_email
from spreadsheets.formats import SpreadsheetError, read_table
from spreadsheets.uploads import UploadStore

from ..models import LONDON, Apology, AttendanceMark, CohortSession, Enrolment
from .register import Method, register_save

Status = AttendanceMark.Status
# An uploaded list waits here between its preview and the facilitator's confirmation.
UPLOADS = UploadStore("attendance-imports")


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
# The reader's reasons for refusing a file, in this pipeline's words.
_MESSAGES = {
    SpreadsheetError.EMPTY: "The file is empty.",
    SpreadsheetError.BAD_CSV: "This file could not be read as a CSV attendance list. Download "
    "the list again from the video call and upload it unchanged.",
}
_MESSAGES.update(
    (code, _NOT_A_TABLE)
    for code in (
        SpreadsheetError.PDF,
        SpreadsheetError.OLD_EXCEL,
        SpreadsheetError.NOT_TEXT,
        SpreadsheetError.BINARY_CONTENT,
        SpreadsheetError.NOT_XLSX,
        SpreadsheetError.NOT_A_TABLE,
    )
)


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


def attendance_import_parse(
    data: bytes, *, name: str = ""
) -> tuple[list[ImportedAttendee], list[str]]:
    """Read a video-conferencing tool's attendance export: one attendee per email address, with
    the minutes of all their join/leave rows added up; and the rows that could not be read."""
    rows = [row for _, row in read_table(data, name=name, messages=_MESSAGES)]
    if not any(cell.strip() for row in rows for cell in row):
        raise SpreadsheetError(SpreadsheetError.EMPTY, _MESSAGES[SpreadsheetError.EMPTY])
    header_at = None
    for number, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        headers = [" ".join(cell.strip().lstrip("\ufeff").lower().split()) for cell in row]
        if _column(headers, "email", "e-mail", "upn") is not None and len(row) > 1:
            header_at = number
            break
    if header_at is None:
        raise SpreadsheetError(SpreadsheetError.NOT_A_TABLE, _NOT_A_TABLE)
    email_col = _column(headers, "email", "e-mail", "upn")
    name_col = _column(headers, "name", exclude=("email", "e-mail"))
    duration_col = _column(headers, "duration", "time in", "minutes", "attended")
    join_col = _column(headers, "join", "first join")
    leave_col = _column(headers, "leave", "left", "last leave")
    if duration_col is None and (join_col is None or leave_col is None):
        raise SpreadsheetError(SpreadsheetError.NOT_A_TABLE, _NOT_A_TABLE)
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
        raise SpreadsheetError(
            SpreadsheetError.NOT_A_TABLE,
            "We found no attendees with an email address in this file. " + _NOT_A_TABLE,
        )
    return list(attendees.values()), problems


def attendance_import_preview(
    *, session: CohortSession, data: bytes, min_minutes: int, name: str = ""
) -> ImportPreview:
    """What importing this attendance list would record, for the facilitator to check before
    anything is saved: matched by email, present if in the call at least `min_minutes`."""
    attendees, problems = attendance_import_parse(data, name=name)
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
    *, session: CohortSession, data: bytes, min_minutes: int, recorded_by, name="", now=None
) -> ImportPreview:
    """Record the attendance list the facilitator previewed, as facilitator's marks."""
    preview = attendance_import_preview(
        session=session, data=data, min_minutes=min_minutes, name=name
    )
    register_save(
        session=session,
        entries=preview.entries,
        recorded_by=recorded_by,
        method=Method.IMPORT,
        now=now,
    )
    return preview


def attendance_import_hold(*, session: CohortSession, owner, data: bytes, name: str = "") -> str:
    """Keep the uploaded list while the facilitator checks its preview; the key reads it back."""
    return UPLOADS.save(owner=owner, data=data, meta={"session": session.pk, "name": name[:200]})


def attendance_import_held(*, session: CohortSession, owner, key: str) -> tuple[bytes, str]:
    """The list kept under `key` for this session and facilitator: (its bytes, its file name)."""
    upload = UPLOADS.load(key=key, owner=owner)
    if upload is None:
        raise SpreadsheetError(
            SpreadsheetError.NOT_A_TABLE, "The preview has expired. Upload the file again."
        )
    if upload.meta.get("session") != session.pk:
        raise SpreadsheetError(
            SpreadsheetError.NOT_A_TABLE,
            "This preview is for another session. Upload the file again.",
        )
    return upload.data, upload.meta.get("name", "")


def attendance_import_release(*, key: str) -> None:
    """Forget a kept list once it is saved."""
    UPLOADS.remove(key=key)
