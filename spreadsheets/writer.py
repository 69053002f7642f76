"""Writing spreadsheets people download (CSV and Excel), every cell formula-safe.

A spreadsheet program runs a cell that starts with =, +, -, @, a tab or a carriage return as a
formula, so a participant who calls themself "=HYPERLINK(...)" could plant a link (or worse) in
a facilitator's export. `safe_cell` is the one guard: every CSV and XLSX the platform produces
goes through it, the Wagtail admin's listing exports included (`FormulaSafeExportMixin`).
"""

import csv
import io

from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def safe_cell(value):
    """A cell's value, with text that a spreadsheet would run as a formula made plain text (a
    leading apostrophe). Numbers, dates and other values are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _safe_rows(rows):
    for row in rows:
        yield [safe_cell("" if value is None else value) for value in row]


def write_csv(rows, *, byte_order_mark=True) -> bytes:
    """The rows (the first is the header) as UTF-8 CSV. The byte-order mark makes spreadsheet
    programs read names in any script correctly."""
    out = io.StringIO()
    csv.writer(out).writerows(_safe_rows(rows))
    return (("\ufeff" if byte_order_mark else "") + out.getvalue()).encode("utf-8")


def write_xlsx(rows, *, title="Sheet1") -> bytes:
    """The rows (the first is the header) as an Excel workbook with one sheet."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in _safe_rows(rows):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet_title(title):
    # Excel's worksheet names: at most 31 characters, none of []:*?/\
    return "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet"


def write_sheets(sheets, export_format) -> bytes:
    """Several tables in one download: `sheets` is a list of (title, rows) with the header
    first in each. Excel gets one worksheet per table; CSV gets each table under its title,
    a blank line between them."""
    if export_format == "xlsx":
        workbook = Workbook(write_only=True)
        for title, rows in sheets:
            sheet = workbook.create_sheet(title=_sheet_title(title))
            for row in _safe_rows(rows):
                sheet.append(row)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
    if export_format == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        for index, (title, rows) in enumerate(sheets):
            if index:
                writer.writerow([])
            writer.writerows(_safe_rows([[title], *rows]))
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    raise ValueError(f"No such spreadsheet format: {export_format!r}")


def write_spreadsheet(rows, export_format, *, title="Sheet1") -> bytes:
    """The rows in `export_format` ("csv" or "xlsx")."""
    if export_format == "csv":
        return write_csv(rows)
    if export_format == "xlsx":
        return write_xlsx(rows, title=title)
    raise ValueError(f"No such spreadsheet format: {export_format!r}")


class FormulaSafeExportMixin:
    """For Wagtail listing views with `list_export` (SnippetViewSet and ModelViewSet index
    views): Wagtail preprocesses each value, then writes it to the CSV or XLSX; this makes the
    preprocessed value formula-safe before it is written."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))
