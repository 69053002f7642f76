"""The one reader of uploaded spreadsheets: a reader per format chosen by extension, one way to
decode text, one delimiter sniffer and one error class, used by every upload pipeline."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from cohorts.attendance.video_import import attendance_import_parse
from cohorts.enrolment.imports import read_nominations_file
from spreadsheets.formats import (
    CSVFormat,
    SpreadsheetError,
    XLSXFormat,
    decode_text,
    get_format_cls_by_extension,
    read_table,
    sniff_delimiter,
)


def _xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "format_cls"),
    [
        ("officers.csv", CSVFormat),
        ("OFFICERS.CSV", CSVFormat),
        ("teams report.txt", CSVFormat),
        ("officers.xlsx", XLSXFormat),
        ("officers.pdf", None),
        ("officers", None),
    ],
)
def test_the_reader_is_chosen_by_the_files_extension(name, format_cls):
    assert get_format_cls_by_extension(name) is format_cls


@pytest.mark.parametrize(
    "data",
    [
        "Zoë,Müller\n".encode(),
        "\ufeffZoë,Müller\n".encode(),
        "Zoë,Müller\n".encode("cp1252"),
        "Zoë,Müller\n".encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "windows-1252", "utf-16"],
)
def test_text_is_decoded_whichever_encoding_it_was_saved_in(data):
    assert decode_text(data) == "Zoë,Müller\n"


def test_binary_data_is_not_text():
    with pytest.raises(SpreadsheetError) as error:
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert error.value.code == SpreadsheetError.NOT_TEXT


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Email,Name\na@b.org,Ann\n", ","),
        # Commas inside values do not fool it: the header line has none.
        ("Email;Name;Team\na@b.org;Griffiths, Siôn;Police, Kent\nc@d.org;Ng, Cara;Fire\n", ";"),
        ("Email\tName\na@b.org\tAnn\n", "\t"),
        # Microsoft Teams writes summary lines above the table.
        (
            "1. Summary\nMeeting title\tCohort session\n\n2. Participants\nName\tEmail\nAnn\ta@b\n",
            "\t",
        ),
        ("Email\na@b.org\n", ","),
    ],
    ids=["comma", "semicolon-with-commas-in-values", "tab", "teams-summary-first", "one-column"],
)
def test_the_delimiter_is_sniffed_from_the_header_line(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_a_csv_file_is_read_as_rows_of_text_numbered_from_one():
    data = "Email;Name\na@b.org;Griffiths, Siôn\n".encode("cp1252")
    assert read_table(data, name="officers.csv") == [
        (1, ["Email", "Name"]),
        (2, ["a@b.org", "Griffiths, Siôn"]),
    ]


def test_a_workbook_is_read_from_its_first_sheet_with_whole_numbers_as_written():
    data = _xlsx([["Email", "Minutes"], ["a@b.org", 90.0], [None, None]])
    assert read_table(data, name="report.xlsx") == [
        (1, ["Email", "Minutes"]),
        (2, ["a@b.org", "90"]),
        (3, ["", ""]),
    ]


def test_the_extension_decides_the_reader_whatever_the_content():
    """A file named as a workbook is read as one, and refused if it is not; only a name with
    no known extension leaves it to the content."""
    with pytest.raises(SpreadsheetError) as error:
        read_table(b"Email\na@b.org\n", name="officers.xlsx")
    assert error.value.code == SpreadsheetError.NOT_XLSX


def test_a_file_without_a_known_extension_is_read_by_its_content():
    assert read_table(_xlsx([["Email"]]), name="download")[0] == (1, ["Email"])
    assert read_table(b"Email\n", name="download")[0] == (1, ["Email"])


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"   \n", "officers.csv", SpreadsheetError.EMPTY),
        (b"%PDF-1.7 list", "officers.csv", SpreadsheetError.PDF),
        (b"\xd0\xcf\x11\xe0old", "officers.xls", SpreadsheetError.OLD_EXCEL),
        (b"PK\x03\x04not a workbook", "officers.xlsx", SpreadsheetError.NOT_XLSX),
        (b"a,b\x01c\n", "officers.csv", SpreadsheetError.BINARY_CONTENT),
    ],
)
def test_what_is_not_a_table_raises_the_one_error_with_its_reason(data, name, code):
    with pytest.raises(SpreadsheetError) as error:
        read_table(data, name=name)
    assert error.value.code == code
    assert str(error.value)


def test_a_pipeline_words_the_reasons_its_own_way():
    with pytest.raises(SpreadsheetError, match="Not our kind of file"):
        read_table(
            b"%PDF-1.7", name="x.csv", messages={SpreadsheetError.PDF: "Not our kind of file"}
        )


def test_both_upload_pipelines_read_through_the_one_reader():
    """The same file, uploaded as nominations or as a video call's attendance, is read the same
    way and refused with the same error class."""
    rows = "Email\tFirst name\tLast name\tJob title\tDuration\n"
    rows += "zoe@example.org\tZoë\tMüller\tAnalyst\t90\n"
    data = rows.encode("utf-16")
    [officer] = read_nominations_file(SimpleUploadedFile("list.csv", data))
    assert (officer["email"], officer["first_name"]) == ("zoe@example.org", "Zoë")
    [attendee], _ = attendance_import_parse(data, name="list.csv")
    assert (attendee.email, attendee.minutes) == ("zoe@example.org", 90)
    for read in (
        lambda: read_nominations_file(SimpleUploadedFile("list.csv", b"%PDF-1.7")),
        lambda: attendance_import_parse(b"%PDF-1.7", name="list.csv"),
    ):
        with pytest.raises(SpreadsheetError) as error:
            read()
        assert error.value.code == SpreadsheetError.PDF
