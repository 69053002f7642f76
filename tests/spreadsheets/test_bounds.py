"""Issue 15: uploads are bounded before parsing. A small workbook that would unpack to hundreds
of megabytes, a sheet too wide, too many rows or a cell too long is refused with a clear
message, never read into memory."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from spreadsheets.formats import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    SpreadsheetError,
    read_table,
)
from tests.cohorts.nomination_world import make_world


def _workbook(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _inflating_workbook():
    """A valid workbook of a few kilobytes with one part that inflates past the bound."""
    small = _workbook([["First name", "Last name"], ["Ann", "Lee"]])
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(small)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/padding.xml", b" " * (MAX_UNPACKED_BYTES + 1))
    return out.getvalue()


def test_a_small_workbook_that_unpacks_too_large_is_refused_before_it_is_read():
    data = _inflating_workbook()
    assert len(data) < 200 * 1024
    with pytest.raises(SpreadsheetError) as raised:
        read_table(data, name="officers.xlsx")
    assert raised.value.code == SpreadsheetError.TOO_LARGE
    assert "20 MB" in raised.value.message


@pytest.mark.parametrize("name", ["officers.csv", "officers.xlsx"])
def test_too_many_rows_are_refused(name):
    rows = [["Name", "Email"]] + [[f"Officer {n}", f"o{n}@example.org"] for n in range(MAX_ROWS)]
    if name.endswith(".csv"):
        data = "\n".join(",".join(row) for row in rows).encode()
    else:
        data = _workbook(rows)
    with pytest.raises(SpreadsheetError) as raised:
        read_table(data, name=name)
    assert raised.value.code == SpreadsheetError.TOO_MANY_ROWS
    assert f"{MAX_ROWS:,} rows" in raised.value.message


@pytest.mark.parametrize("name", ["officers.csv", "officers.xlsx"])
def test_a_cell_too_long_is_refused(name):
    rows = [["Name", "Email"], ["x" * (MAX_CELL_CHARS + 1), "a@example.org"]]
    data = "\n".join(",".join(r) for r in rows).encode() if name.endswith(".csv") else None
    data = data or _workbook(rows)
    with pytest.raises(SpreadsheetError) as raised:
        read_table(data, name=name)
    assert raised.value.code == SpreadsheetError.CELL_TOO_LONG


def test_a_sheet_too_wide_is_refused():
    data = _workbook([[f"c{n}" for n in range(MAX_COLUMNS + 5)]])
    with pytest.raises(SpreadsheetError) as raised:
        read_table(data, name="wide.xlsx")
    assert raised.value.code == SpreadsheetError.TOO_WIDE


def test_a_table_within_the_bounds_is_read():
    rows = [["Name"]] + [[f"Officer {n}"] for n in range(MAX_ROWS - 1)]
    assert len(read_table(_workbook(rows), name="ok.xlsx")) == MAX_ROWS


@pytest.mark.django_db
def test_the_nomination_upload_says_why_an_inflating_file_is_refused(client):
    world = make_world(capacity=10, police_seats=4, health_seats=4)
    client.force_login(world.police_nominator)
    response = client.post(
        reverse("cohorts:import_upload", args=[world.cohort.pk, world.police.pk]),
        {"file": SimpleUploadedFile("officers.xlsx", _inflating_workbook())},
    )
    assert response.status_code in (200, 400)
    assert "20 MB" in response.content.decode()
