"""Reading uploaded spreadsheets: one reader class per file format, chosen by the file's
extension (as Wagtail's redirects importer does), one error class, one way to decode text and
one delimiter sniffer. Every upload pipeline (nominations, video-call attendance, and those to
come) reads its file through `read_table` and only interprets the rows it gets back.

Files arrive as people really save them: UTF-8 with or without a byte-order mark, Windows-1252
from older Excel, UTF-16 "Unicode text" from Excel or Microsoft Teams, comma, semicolon or tab
separated, or an Excel workbook (.xlsx). Anything that is not a table raises `SpreadsheetError`
with a plain message, never a server error.

Every file is bounded before it is parsed and while it is read (issue 15): a workbook that
would unpack to more than MAX_UNPACKED_BYTES, a sheet wider than MAX_COLUMNS, more than
MAX_ROWS rows, or a cell longer than MAX_CELL_CHARS is refused with a plain message, so a small
file cannot inflate into hundreds of megabytes.
"""

import csv
import io
import os
import zipfile

from openpyxl import load_workbook

DELIMITERS = ",;\t"
# How many lines the delimiter sniffer reads: enough to get past the summary lines some tools
# (Microsoft Teams) write above the table.
SNIFF_LINES = 30

# The bounds of any uploaded table (README, "Uploads").
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 2000
MAX_COLUMNS = 100
MAX_CELL_CHARS = 1000


class SpreadsheetError(Exception):
    """An upload that cannot be read as a table. `code` says why (one of the constants below);
    the message says it in words for the person who uploaded it. A pipeline may word each code
    its own way (`read_table(messages=...)`)."""

    EMPTY = "empty"
    PDF = "pdf"
    OLD_EXCEL = "old-excel"
    NOT_TEXT = "not-text"
    BINARY_CONTENT = "binary-content"
    BAD_CSV = "bad-csv"
    NOT_XLSX = "not-xlsx"
    TOO_LARGE = "too-large"
    TOO_MANY_ROWS = "too-many-rows"
    TOO_WIDE = "too-wide"
    CELL_TOO_LONG = "cell-too-long"
    NOT_A_TABLE = "not-a-table"

    def __init__(self, code, message=None):
        self.code = code
        self.message = message or DEFAULT_MESSAGES.get(code, DEFAULT_MESSAGES[self.NOT_A_TABLE])
        super().__init__(self.message)


_SAVE_AS = "Save your list as CSV or as an Excel workbook (.xlsx), and upload that."
DEFAULT_MESSAGES = {
    SpreadsheetError.EMPTY: "This file is empty.",
    SpreadsheetError.PDF: "This file is a PDF, not a spreadsheet, whatever its name says. "
    + _SAVE_AS,
    SpreadsheetError.OLD_EXCEL: "This is an old-style Excel (.xls) or Word file. Save it as an "
    "Excel workbook (.xlsx) or as CSV, and upload that.",
    SpreadsheetError.NOT_TEXT: "This file does not look like a CSV or Excel spreadsheet. Save "
    "your list as CSV (comma or semicolon separated) or as an Excel workbook (.xlsx), and "
    "upload that.",
    SpreadsheetError.BINARY_CONTENT: "This file has binary content, so it is not a CSV file. "
    + _SAVE_AS,
    SpreadsheetError.BAD_CSV: "This CSV file could not be read.",
    SpreadsheetError.NOT_XLSX: "This file is a compressed file but not an Excel workbook we can "
    "read. Save your list as an Excel workbook (.xlsx) or as CSV, and upload that.",
    SpreadsheetError.TOO_LARGE: "This file is too large: a spreadsheet may hold at most "
    f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB once unpacked. Split it into smaller files.",
    SpreadsheetError.TOO_MANY_ROWS: f"This file has more than {MAX_ROWS:,} rows. Split it into "
    "smaller files.",
    SpreadsheetError.TOO_WIDE: f"This file has more than {MAX_COLUMNS} columns. Keep only the "
    "columns the template asks for.",
    SpreadsheetError.CELL_TOO_LONG: f"A cell of this file is longer than {MAX_CELL_CHARS:,} "
    "characters. Check the file and upload it again.",
    SpreadsheetError.NOT_A_TABLE: "This file is not a table we can read. " + _SAVE_AS,
}


def decode_text(data: bytes) -> str:
    """The text of a CSV file in whichever encoding it was saved: UTF-16 (with its byte-order
    mark), UTF-8 (with or without one) or Windows-1252. Refuses what is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SpreadsheetError(SpreadsheetError.NOT_TEXT) from None
    if b"\x00" in data[:4096]:
        raise SpreadsheetError(SpreadsheetError.NOT_TEXT)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(SpreadsheetError.NOT_TEXT)


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: what the csv module's sniffer finds in the first lines, unless
    the header line (the first with any delimiter in it, past any title lines) disagrees. The
    header has no quoted values in practice, so it is trusted over a confused sniffer."""
    lines = text.splitlines()[:SNIFF_LINES]
    sample = "\n".join(lines)
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = None
    header = next((line for line in lines if any(d in line for d in DELIMITERS)), "")
    if delimiter is None or delimiter not in header:
        counts = {d: header.count(d) for d in DELIMITERS}
        delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    return delimiter


def _cell(value):
    """A workbook cell as text: nothing is "", a whole number has no ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _bounded_rows(rows, limit):
    """The rows, checked against the bounds as they are read; stops after `limit` rows."""
    bounded = []
    for row in rows:
        if len(row) > MAX_COLUMNS:
            # Trailing empty cells (a formatted but empty column) do not count.
            while row and not row[-1]:
                row = row[:-1]
            if len(row) > MAX_COLUMNS:
                raise SpreadsheetError(SpreadsheetError.TOO_WIDE)
        if any(len(cell) > MAX_CELL_CHARS for cell in row):
            raise SpreadsheetError(SpreadsheetError.CELL_TOO_LONG)
        bounded.append(row)
        if len(bounded) > limit:
            if limit >= MAX_ROWS:
                raise SpreadsheetError(SpreadsheetError.TOO_MANY_ROWS)
            break
    return bounded


def _check_unpacked_size(data):
    """Refuse a workbook whose parts would unpack to more than MAX_UNPACKED_BYTES, before any
    of it is unpacked (zipfile never inflates an entry past its recorded size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SpreadsheetError(SpreadsheetError.NOT_XLSX) from None
    if total > MAX_UNPACKED_BYTES:
        raise SpreadsheetError(SpreadsheetError.TOO_LARGE)


class Format:
    """One file format: which extensions it has, and how to read its rows of text."""

    extensions = ()

    def read(self, data: bytes, *, limit=None) -> list[list[str]]:
        raise NotImplementedError


class CSVFormat(Format):
    """Comma, semicolon or tab separated text, in any of the usual encodings."""

    extensions = ("csv", "tsv", "txt")

    def read(self, data, *, limit=None):
        text = decode_text(data)
        if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text[:4096]):
            raise SpreadsheetError(SpreadsheetError.BINARY_CONTENT)
        # newline="" as the csv module asks, so a stray carriage return is not a broken row.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
        try:
            return _bounded_rows(reader, _row_limit(limit))
        except csv.Error as error:
            raise SpreadsheetError(
                SpreadsheetError.BAD_CSV, f"This CSV file could not be read ({error})."
            ) from None


class XLSXFormat(Format):
    """An Excel workbook: the rows of its first sheet."""

    extensions = ("xlsx",)

    def read(self, data, *, limit=None):
        _check_unpacked_size(data)
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds of error for a file it cannot read
            raise SpreadsheetError(SpreadsheetError.NOT_XLSX) from None
        try:
            sheet = workbook.worksheets[0]
            # Read no wider than one column past the bound: a wider row is refused.
            width = min(sheet.max_column or MAX_COLUMNS + 1, MAX_COLUMNS + 1)
            rows = (
                [_cell(v) for v in values]
                for values in sheet.iter_rows(values_only=True, max_col=width)
            )
            return _bounded_rows(rows, _row_limit(limit))
        finally:
            workbook.close()


def _row_limit(limit):
    return MAX_ROWS if limit is None else min(limit, MAX_ROWS)


FORMATS = (CSVFormat, XLSXFormat)


def get_format_cls_by_extension(name):
    """The reader for a file name's extension ("officers.xlsx" -> XLSXFormat), or None."""
    extension = os.path.splitext(name or "")[1].lstrip(".").lower()
    for format_cls in FORMATS:
        if extension in format_cls.extensions:
            return format_cls
    return None


def read_table(data: bytes, *, name="", limit=None, messages=None) -> list[tuple[int, list]]:
    """The rows of an uploaded spreadsheet as (row number from 1, cells as text), read by the
    format its extension names (by its content when the name has no known extension). Stops a
    little after `limit` rows when it can. Raises `SpreadsheetError`, worded by `messages`
    (code -> message) where the pipeline gives its own words."""
    try:
        if not data.strip():
            raise SpreadsheetError(SpreadsheetError.EMPTY)
        if data.startswith(b"%PDF"):
            raise SpreadsheetError(SpreadsheetError.PDF)
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise SpreadsheetError(SpreadsheetError.OLD_EXCEL)
        format_cls = get_format_cls_by_extension(name)
        if format_cls is None:
            format_cls = XLSXFormat if data.startswith(b"PK\x03\x04") else CSVFormat
        rows = format_cls().read(data, limit=limit)
    except SpreadsheetError as error:
        if messages and error.code in messages:
            raise SpreadsheetError(error.code, messages[error.code]) from None
        raise
    return list(enumerate(rows, start=1))
