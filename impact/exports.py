"""Every dashboard export is written here, by one function: `spreadsheet()`.

It stands in for the platform's one formula-safe spreadsheet writer (being built elsewhere):
when that arrives, `spreadsheet()` becomes a call to it and nothing else changes. Until then it
neutralises any text cell a spreadsheet program would run as a formula (one starting with
= + - @, or a tab or carriage return that hides one), and keeps numbers as numbers.
"""

from dataclasses import dataclass

import tablib

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Sheet:
    title: str
    headers: list
    rows: list


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def spreadsheet(*, sheets: list[Sheet], export_format: str) -> tuple[bytes, str]:
    """(content, content type) of `sheets` as CSV (one after another, each under its title) or
    XLSX (one worksheet each)."""
    if export_format not in CONTENT_TYPES:
        raise ValueError(f"Unknown export format {export_format!r}.")
    datasets = []
    for sheet in sheets:
        dataset = tablib.Dataset(headers=[_cell(h) for h in sheet.headers], title=sheet.title)
        for row in sheet.rows:
            dataset.append([_cell(v) for v in row])
        datasets.append(dataset)
    if export_format == "xlsx":
        book = tablib.Databook()
        for dataset in datasets:
            # Worksheet names: at most 31 characters, none of []:*?/\
            dataset.title = "".join(c for c in dataset.title if c not in "[]:*?/\\")[:31]
            book.add_sheet(dataset)
        return book.export("xlsx"), CONTENT_TYPES["xlsx"]
    # Each table under its title, a blank line between tables.
    text = "\r\n".join(
        tablib.Dataset(headers=[_cell(dataset.title)]).export("csv") + dataset.export("csv")
        for dataset in datasets
    )
    # A byte-order mark so spreadsheet programs read names in any script correctly.
    return ("\ufeff" + text).encode("utf-8"), CONTENT_TYPES["csv"]
