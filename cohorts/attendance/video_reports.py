"""Reading the attendance report a video-conferencing tool exports: how many minutes each
person spent in the call, counted once.

Reports come in many shapes, and all are read the same way: every table in the file whose
header names an email column and either a duration or join and leave times is found, wherever
it starts. A Microsoft Teams report (UTF-16, tab separated) has three sections: "1. Summary"
(the meeting, not people), "2. Participants" (one row per person: first join, last leave and
total time) and "3. In-Meeting Activities" (one row per join, and two at once for someone on a
laptop and a phone). Zoom writes one row per join. Each person's minutes come from the most
detailed table they appear in (joins and leaves, then a total duration, then first join to
last leave), and their join-to-leave intervals are merged before they are added up, so a person
who dropped out and came back has both stretches counted, and one who joined from two devices
at once is not counted twice.

The file is read by `spreadsheets` like every other upload.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils import timezone

from accounts.models import normalise_email
from spreadsheets.formats import SpreadsheetError, read_table

from ..models import LONDON


@dataclass
class ImportedAttendee:
    """One person in the report: their email, name and minutes in the call, counted once."""

    email: str
    name: str
    minutes: float = 0
    rows: int = 0


NOT_A_TABLE = (
    "This file is not an attendance list we can read. Upload the CSV file exported by the "
    "video-conferencing tool: a table with a header row that includes an email column and "
    "either a duration column or join and leave times."
)
# The reader's reasons for refusing a file, in this pipeline's words.
MESSAGES = {
    SpreadsheetError.EMPTY: "The file is empty.",
    SpreadsheetError.BAD_CSV: "This file could not be read as a CSV attendance list. Download "
    "the list again from the video call and upload it unchanged.",
}
MESSAGES.update(
    (code, NOT_A_TABLE)
    for code in (
        SpreadsheetError.PDF,
        SpreadsheetError.OLD_EXCEL,
        SpreadsheetError.NOT_TEXT,
        SpreadsheetError.BINARY_CONTENT,
        SpreadsheetError.NOT_XLSX,
        SpreadsheetError.NOT_A_TABLE,
    )
)

# How detailed a table is: the most detailed one a person appears in gives their minutes.
JOINS, TOTALS, SPANS = 3, 2, 1
# "3. In-Meeting Activities": a section title, which ends the table above it.
_SECTION_TITLE = re.compile(r"^\d+\.\s+\S")


def _column(headers, *needles, exclude=()):
    for index, header in enumerate(headers):
        if any(n in header for n in needles) and not any(x in header for x in exclude):
            return index
    return None


_DURATION_UNITS = re.compile(
    r"(\d+(?:\.\d+)?)\s*(h|hr|hrs|hour|hours|m|min|mins|minute|minutes|s|sec|secs|second|seconds)\b"
)


def parse_duration(value: str, *, seconds: bool) -> float:
    """Minutes from "85", "85.5", "1:25:00", "1h 25m 3s", "1h 7s" or "45 mins"."""
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


def _formats(dates, times):
    return [f"{d}{sep}{t}" for d in dates for sep in (" ", ", ") for t in times]


# A two-digit year is "%y", four digits "%Y": strptime reads neither as the other.
_DAY_FIRST = _formats(
    ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d.%m.%y"], ["%H:%M:%S", "%H:%M"]
)
_MONTH_FIRST = _formats(["%m/%d/%Y", "%m/%d/%y"], ["%I:%M:%S %p", "%I:%M %p"])
_TIME_ONLY = ["%I:%M:%S %p", "%I:%M %p", "%H:%M:%S", "%H:%M"]


def parse_time(value: str, *, day: dt.date | None = None) -> dt.datetime:
    """An aware datetime; times without a zone are London times, as the tools export them.
    A time with no date (Teams writes some leave times so) is on `day`."""
    # Teams puts a narrow no-break space before AM and PM.
    value = " ".join(value.replace("\u202f", " ").replace("\u00a0", " ").split())
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        # A 12-hour clock means an American export (month first); otherwise day first.
        twelve_hour = re.search(r"[ap]\.?m\.?$", value, re.I)
        value = re.sub(r"([ap])\.?(m)\.?$", r"\1\2", value, flags=re.I)
        formats = _MONTH_FIRST if twelve_hour else _DAY_FIRST
        if day is not None:
            formats = formats + _TIME_ONLY
        for fmt in formats:
            try:
                moment = dt.datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
        else:
            raise ValueError(value) from None
        if fmt in _TIME_ONLY:
            moment = dt.datetime.combine(day, moment.time())
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=LONDON)
    return moment


def merged_minutes(intervals) -> float:
    """The minutes covered by (start, end) intervals, each minute counted once however many
    intervals overlap it."""
    total, current_start, current_end = 0.0, None, None
    # Compare in UTC: Python compares and subtracts wall-clock times within one zone, so a
    # call across a clock change would otherwise be an hour out.
    for start, end in sorted((s.astimezone(dt.UTC), e.astimezone(dt.UTC)) for s, e in intervals):
        if current_end is None or start > current_end:
            if current_end is not None:
                total += (current_end - current_start).total_seconds()
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += (current_end - current_start).total_seconds()
    return total / 60


@dataclass
class _Table:
    """One table of people in the report, from its header row to the next section."""

    detail: int
    email: int
    upn: int | None
    name: int | None
    duration: int | None
    join: int | None
    leave: int | None
    in_seconds: bool
    rows: list = field(default_factory=list)  # (row number, cells)


def _header(row):
    """The table a header row starts, or None when the row is not a header."""
    if len(row) < 2 or any("@" in cell for cell in row):
        return None
    headers = [" ".join(cell.strip().lstrip("\ufeff").lower().split()) for cell in row]
    email = _column(headers, "email", "e-mail")
    upn = _column(headers, "upn")
    email = email if email is not None else upn
    if email is None:
        return None
    duration = _column(headers, "duration", "time in", "minutes", "attended")
    join = _column(headers, "join")
    leave = _column(headers, "leave", "left", "exit")
    has_times = join is not None and leave is not None
    if duration is None and not has_times:
        return None
    spans = has_times and ("first" in headers[join] or "last" in headers[leave])
    if has_times and not spans:
        detail = JOINS
    elif duration is not None:
        detail = TOTALS
    else:
        detail = SPANS
    return _Table(
        detail=detail,
        email=email,
        upn=upn,
        name=_column(headers, "name", exclude=("email", "e-mail", "upn")),
        duration=duration,
        join=join,
        leave=leave,
        in_seconds=duration is not None and "sec" in headers[duration],
    )


def _tables(rows):
    tables, current = [], None
    for number, row in rows:
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        table = _header(cells)
        if table is not None:
            current = table
            tables.append(table)
        elif _SECTION_TITLE.match(cells[0]) and not any(cells[1:]):
            current = None  # "3. In-Meeting Activities": the table above has ended.
        elif current is not None:
            current.rows.append((number, cells))
    return tables


def _cell(cells, index):
    return cells[index] if index is not None and index < len(cells) else ""


def _who(table, cells):
    """(email, name) of one row: the email column, or the UPN where the email is empty."""
    email = normalise_email(_cell(cells, table.email))
    if "@" not in email and table.upn is not None:
        email = normalise_email(_cell(cells, table.upn))
    return email, _cell(cells, table.name)


def _time_in_call(table, cells):
    """(join-to-leave interval, None) or (None, minutes) of one row; ValueError when neither
    its times nor its duration can be read."""
    joined_text, left_text = _cell(cells, table.join), _cell(cells, table.leave)
    duration_text = _cell(cells, table.duration)
    use_times = table.detail in (JOINS, SPANS) or not duration_text
    if use_times and joined_text and left_text:
        try:
            joined = parse_time(joined_text)
            left = parse_time(left_text, day=joined.astimezone(LONDON).date())
        except ValueError:
            pass
        else:
            if left < joined and not re.search(r"\d[/.-]\d", left_text):
                left += dt.timedelta(days=1)  # A leave time with no date, after midnight.
            return (joined, max(left, joined)), None
    if duration_text:
        return None, parse_duration(duration_text, seconds=table.in_seconds)
    raise ValueError(joined_text)


def attendance_import_parse(
    data: bytes, *, name: str = ""
) -> tuple[list[ImportedAttendee], list[str]]:
    """Each person in a video-conferencing tool's attendance report, with their minutes in
    the call counted once; and the rows that could not be read, in words."""
    rows = read_table(data, name=name, messages=MESSAGES)
    if not any(cell.strip() for _, row in rows for cell in row):
        raise SpreadsheetError(SpreadsheetError.EMPTY, MESSAGES[SpreadsheetError.EMPTY])
    tables = _tables(rows)
    if not tables:
        raise SpreadsheetError(SpreadsheetError.NOT_A_TABLE, NOT_A_TABLE)
    found = {}  # email -> (detail, attendee, intervals, loose minutes)
    problems, no_email = [], {}
    for table in sorted(tables, key=lambda t: -t.detail):
        in_this_table = {}
        for number, cells in table.rows:
            email, person = _who(table, cells)
            if email in found and found[email][0] > table.detail:
                continue  # Counted from a more detailed table.
            if "@" not in email:
                if len(cells) > 1:
                    no_email.setdefault(person or f"row {number}", number)
                continue
            try:
                interval, minutes = _time_in_call(table, cells)
            except ValueError:
                problems.append(
                    f"Row {number}: could not read the time for {email}, so it was left out."
                )
                continue
            entry = in_this_table.setdefault(
                email, (table.detail, ImportedAttendee(email=email, name=person), [], [])
            )
            entry[1].rows += 1
            if interval is not None:
                entry[2].append(interval)
            else:
                entry[3].append(minutes)
        for email, entry in in_this_table.items():
            found.setdefault(email, entry)
    attendees = []
    for _, attendee, intervals, loose in found.values():
        attendee.minutes = merged_minutes(intervals) + sum(loose)
        attendees.append(attendee)
    # A dial-in caller or a room has no address. A row with no address whose name another
    # section gives one for (Teams leaves it out of the activities) is that person, counted.
    named = {a.name for a in attendees}
    problems += [
        f"Row {number}: no email address for {who}, so it was left out."
        for who, number in no_email.items()
        if who not in named
    ]
    if not attendees:
        raise SpreadsheetError(
            SpreadsheetError.NOT_A_TABLE,
            "We found no attendees with an email address in this file. " + NOT_A_TABLE,
        )
    return attendees, problems
