"""Nominations from a spreadsheet of officers (CSV or Excel .xlsx): turning the upload's rows
into officers, and checking every row against the cohort.

The file itself is read by `spreadsheets` (every encoding, separator and format people save
in); `read_nominations_file` finds the columns in its header row, whatever their case and
order. `review_rows` checks the rows (required fields, email syntax, duplicates in the file and
against existing enrolments, seats left). The review runs once for the preview and again, under
the cohort lock, when the nominator confirms.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from accounts.models import normalise_email
from spreadsheets.formats import SpreadsheetError, read_table
from spreadsheets.writer import CONTENT_TYPES, write_spreadsheet

from ..models import Enrolment
from .people import OF_ANOTHER_ORGANISATION, people_of_other_organisations
from .seats import seats_for

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
TEMPLATE_HEADER = ["First name", "Last name", "Email", "Job title", "Team"]

# Accepted header names for each field, compared after normalising case, spaces and "_"/"-".
HEADERS = {
    "first_name": {"first name", "firstname", "forename", "forenames", "given name", "given names"},
    "last_name": {"last name", "lastname", "surname", "family name"},
    "full_name": {"name", "full name", "officer name", "officer"},
    "email": {"email", "email address", "e mail", "e mail address", "work email", "mail"},
    "job_title": {"job title", "jobtitle", "role", "position", "job", "job role"},
    "team": {"team", "department", "unit", "service", "directorate"},
}
LABELS = {
    "first_name": "First name",
    "last_name": "Last name",
    "full_name": "Name",
    "email": "Email",
    "job_title": "Job title",
    "team": "Team",
}
MAX_LENGTHS = {"first_name": 150, "last_name": 150, "email": 254, "job_title": 200, "team": 200}


@dataclass
class Problem:
    """One problem, with the spreadsheet row and column it is in (when it is in one), and the
    row the error summary links to (its own, or the first of the rows it is about)."""

    message: str
    row: int | None = None
    column: str | None = None
    first_row: int | None = None

    @property
    def link_row(self):
        return self.row if self.row is not None else self.first_row

    def __str__(self):
        where = []
        if self.row is not None:
            where.append(f"Row {self.row}")
        if self.column:
            where.append(self.column)
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class ReviewedRow:
    number: int
    first_name: str
    last_name: str
    email: str
    job_title: str
    team: str
    problems: list = field(default_factory=list)
    # Once the row passes every check: "invite", "waiting-list", or "no-seat" (past the
    # organisation's seats, when the nominator did not choose the waiting list).
    outcome: str = ""

    @property
    def person(self):
        return {
            "email": self.email,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "job_title": self.job_title,
            "team": self.team,
        }


@dataclass
class Review:
    rows: list
    seats_left: int = 0
    organisation: str = ""

    @property
    def no_seat_rows(self):
        return [row for row in self.rows if row.outcome == "no-seat"]

    @property
    def over_allocation(self):
        """One problem for every officer past the seats left ("30 officers, 2 seats left"),
        rather than the same message on each of their rows; None when everyone fits."""
        no_seat = self.no_seat_rows
        if not no_seat:
            return None
        officers = self.invite_count + len(no_seat)
        left = self.seats_left
        return Problem(
            f"{officers} officers, {left} seat{'' if left == 1 else 's'} left: "
            f"{self.organisation} has {left} seat{'' if left == 1 else 's'} left on this "
            f"cohort. Remove {len(no_seat)} officer{'' if len(no_seat) == 1 else 's'} from the "
            "file, or upload it again and choose to put officers past your seats on the "
            "waiting list.",
            first_row=no_seat[0].number,
        )

    @property
    def problems(self):
        found = [problem for row in self.rows for problem in row.problems]
        if self.over_allocation:
            found.append(self.over_allocation)
        return found

    @property
    def invite_count(self):
        return sum(1 for row in self.rows if row.outcome == "invite")

    @property
    def waiting_list_count(self):
        return sum(1 for row in self.rows if row.outcome == "waiting-list")


# The template nominators fill in --------------------------------------------------------------

TEMPLATE_FORMATS = tuple(CONTENT_TYPES)


def nominations_template(export_format):
    """(content, content type, file name) of an empty spreadsheet whose first row names the
    columns this import reads, in CSV or Excel, written by the one formula-safe writer."""
    content = write_spreadsheet([TEMPLATE_HEADER], export_format, title="Officers")
    return content, CONTENT_TYPES[export_format], f"officers-to-nominate.{export_format}"


# Reading the file ---------------------------------------------------------------------------


def _normalise_header(value):
    value = str(value or "").replace("\ufeff", "").strip().lower()
    value = re.sub(r"[\s_\-]+", " ", value)
    return value.strip(" *:.")


def read_nominations_file(uploaded):
    """The upload's data rows as dicts of field -> text, each with its spreadsheet row number
    under "row". Raises SpreadsheetError with a message for the nominator."""
    data = uploaded.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SpreadsheetError(
            SpreadsheetError.TOO_LARGE,
            f"This file is larger than {MAX_BYTES // (1024 * 1024)} MB. Split it into smaller "
            f"files of at most {MAX_ROWS:,} officers.",
        )
    rows = read_table(data, name=getattr(uploaded, "name", ""), limit=MAX_ROWS + 50)
    return _rows_to_records(rows)


def _rows_to_records(rows):
    rows = [(number, [str(v).strip() for v in values]) for number, values in rows]
    rows = [(number, values) for number, values in rows if any(values)]  # blank rows anywhere
    if not rows:
        raise SpreadsheetError(SpreadsheetError.NOT_A_TABLE, "This file has no rows in it.")
    header_number, header = rows[0]
    columns = {}
    for index, name in enumerate(header):
        normalised = _normalise_header(name)
        for key, accepted in HEADERS.items():
            if normalised in accepted and key not in columns:
                columns[key] = index
    missing = []
    if "email" not in columns:
        missing.append("Email")
    if "full_name" not in columns and not {"first_name", "last_name"} <= columns.keys():
        missing.extend(LABELS[key] for key in ("first_name", "last_name") if key not in columns)
    if "job_title" not in columns:
        missing.append("Job title")
    if missing:
        found = ", ".join(f'"{h}"' for h in header if h) or "none"
        raise SpreadsheetError(
            SpreadsheetError.NOT_A_TABLE,
            f"Row {header_number} should name the columns, but these are missing: "
            f"{', '.join(missing)}. Columns found: {found}. The first row should read: "
            f"{', '.join(TEMPLATE_HEADER)} (in any order).",
        )
    data_rows = rows[1:]
    if not data_rows:
        raise SpreadsheetError(
            SpreadsheetError.NOT_A_TABLE, "This file has column names but no officers in it."
        )
    if len(data_rows) > MAX_ROWS:
        raise SpreadsheetError(
            SpreadsheetError.TOO_MANY_ROWS,
            f"This file has more than {MAX_ROWS:,} officers. Split it into smaller files.",
        )
    records = []
    for number, values in data_rows:

        def get(key, values=values):
            index = columns.get(key)
            return values[index] if index is not None and index < len(values) else ""

        record = {"row": number}
        if {"first_name", "last_name"} <= columns.keys():
            record["first_name"], record["last_name"] = get("first_name"), get("last_name")
        else:
            first, _, last = get("full_name").partition(" ")
            record["first_name"], record["last_name"] = first.strip(), last.strip()
        for key in ("email", "job_title", "team"):
            record[key] = get(key)
        records.append(record)
    return records


# Checking the rows --------------------------------------------------------------------------


def review_rows(*, cohort, organisation, rows, allow_waiting_list=False):
    """Check each row and decide, for the rows without problems, who is invited and who goes
    on the waiting list. Reads the database; writes nothing."""
    reviewed = []
    seen = {}
    for record in rows:
        row = ReviewedRow(
            number=int(record["row"]),
            first_name=str(record.get("first_name", "")).strip(),
            last_name=str(record.get("last_name", "")).strip(),
            email=normalise_email(record.get("email", "")),
            job_title=str(record.get("job_title", "")).strip(),
            team=str(record.get("team", "")).strip(),
        )
        for key in ("first_name", "last_name", "email", "job_title"):
            if not getattr(row, key):
                row.problems.append(Problem("is missing.", row.number, LABELS[key]))
        for key, limit in MAX_LENGTHS.items():
            if len(getattr(row, key)) > limit:
                row.problems.append(
                    Problem(f"is longer than {limit} characters.", row.number, LABELS[key])
                )
        if row.email:
            try:
                validate_email(row.email)
            except ValidationError:
                row.problems.append(
                    Problem(
                        f'"{row.email}" is not an email address like name@example.org.',
                        row.number,
                        "Email",
                    )
                )
            else:
                if row.email in seen:
                    row.problems.append(
                        Problem(
                            f"{row.email} is already on row {seen[row.email]} of this file.",
                            row.number,
                            "Email",
                        )
                    )
                else:
                    seen[row.email] = row.number
        reviewed.append(row)

    # One query for everyone in the file who already has an enrolment on this cohort.
    existing = dict(
        Enrolment.objects.filter(cohort=cohort, participant__email__in=list(seen))
        .exclude(status__in=Enrolment.ENDED)
        .values_list("participant__email", "organisation")
    )
    elsewhere = people_of_other_organisations(seen, organisation)
    left = seats_for(cohort, organisation).left
    places = left
    for row in reviewed:
        if row.email in elsewhere and seen.get(row.email) == row.number:
            # Neither their account nor their nominations are mentioned.
            row.problems.append(Problem(OF_ANOTHER_ORGANISATION, row.number, "Email"))
        elif row.email in existing and seen.get(row.email) == row.number:
            if existing[row.email] == organisation.pk:
                message = (
                    f"{row.email} already has a nomination on this cohort (see your officers list)."
                )
            else:
                message = OF_ANOTHER_ORGANISATION
            row.problems.append(Problem(message, row.number, "Email"))
        if row.problems:
            continue
        if places > 0:
            row.outcome = "invite"
            places -= 1
        elif allow_waiting_list:
            row.outcome = "waiting-list"
        else:
            row.outcome = "no-seat"  # reported once for all such rows: Review.over_allocation
    return Review(rows=reviewed, seats_left=left, organisation=str(organisation))
