"""A cohort's attendance grid as a spreadsheet (CSV or Excel), one row per participant, written
through the platform's one formula-safe writer."""

from django.utils import timezone

from spreadsheets.writer import CONTENT_TYPES, write_spreadsheet

from ..models import Sector
from .grid import CohortGrid, session_label

EXPORT_FORMATS = tuple(CONTENT_TYPES)


def grid_rows(grid: CohortGrid) -> list[list]:
    """The grid as rows of cells, the header first."""
    headers = ["Participant", "Email", "Organisation", "Sector", "Enrolment"]
    headers += [session_label(s) for s in grid.sessions]
    headers += ["Attended", "Held so far", "Scheduled", "Needed", "Rate so far (%)", "Certificate"]
    rows = [headers]
    for row in grid.rows:
        enrolment = row.enrolment
        rows.append(
            [
                str(enrolment.participant),
                enrolment.participant.email,
                enrolment.organisation.name,
                Sector(enrolment.organisation.sector).label,
                enrolment.get_status_display(),
                *[cell.label for cell in row.cells],
                row.rate.attended,
                row.rate.possible,
                grid.scheduled,
                "" if grid.needed is None else grid.needed,
                "" if row.rate.percent is None else row.rate.percent,
                row.certificate.completed_label if row.certified else "",
            ]
        )
    return rows


def grid_export(grid: CohortGrid, export_format: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of the grid in CSV or XLSX."""
    content = write_spreadsheet(grid_rows(grid), export_format, title="Attendance")
    name = f"attendance-{grid.cohort.pk}-{timezone.localdate():%Y-%m-%d}.{export_format}"
    return content, CONTENT_TYPES[export_format], name
