"""Reading uploaded spreadsheets: one reader class per file format, chosen by the file's
extension (as Wagtail's redirects importer does), one error class, one way to decode text and
one delimiter sniffer. Every upload pipeline (nominations, video-call attendance, and those to
come) reads its file through `read_table` and only interprets the rows it gets back.

Files arrive as people really save them: UTF-8 with or without a byte-order mark, Windows-1252
from older Excel, UTF-16 "Unicode text" from Excel or Microsoft Teams, comma, semicolon or tab
separated, or an Excel workbook (.xlsx). Anything that is not a table raises `SpreadsheetError`
with a plain message, never a server error.
"""

import csv
import io
import os

from openpyxl import load_workbook

DELIMITERS = ",;\t"
# How many lines the delimiter sniffer reads: enough to get past the summary lines some tools
# (Microsoft Teams) write above the table.
SNIFF_LINES = 30


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
    SpreadsheetError.TOO_LARGE: "This file is too large.",
    SpreadsheetError.TOO_MANY_ROWS: "This file has too many rows.",
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
            return list(reader)
        except csv.Error as error:
            raise SpreadsheetError(
                SpreadsheetError.BAD_CSV, f"This CSV file could not be read ({error})."
            ) from None


class XLSXFormat(Format):
    """An Excel workbook: the rows of its first sheet."""

    extensions = ("xlsx",)

    def read(self, data, *, limit=None):
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds of error for a file it cannot read
            raise SpreadsheetError(SpreadsheetError.NOT_XLSX) from None
        try:
            rows = []
            for values in workbook.worksheets[0].iter_rows(values_only=True):
                rows.append([_cell(v) for v in values])
                if limit is not None and len(rows) > limit:
                    break
            return rows
        finally:
            workbook.close()


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
