"""Every dashboard export is written here, by one function, `spreadsheet()`, through the
platform's one formula-safe writer (`spreadsheets.writer.write_sheets`): numbers stay numbers,
yes/no reads as words, and any text a spreadsheet would run as a formula is made plain."""

from dataclasses import dataclass

from spreadsheets.writer import CONTENT_TYPES, write_sheets


@dataclass
class Sheet:
    title: str
    headers: list
    rows: list


def _cell(value):
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value


def spreadsheet(*, sheets: list[Sheet], export_format: str) -> tuple[bytes, str]:
    """(content, content type) of `sheets` as CSV (one after another, each under its title) or
    XLSX (one worksheet each)."""
    if export_format not in CONTENT_TYPES:
        raise ValueError(f"Unknown export format {export_format!r}.")
    tables = [
        (sheet.title, [list(sheet.headers), *([_cell(v) for v in row] for row in sheet.rows)])
        for sheet in sheets
    ]
    return write_sheets(tables, export_format), CONTENT_TYPES[export_format]
