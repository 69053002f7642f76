"""The one formula-safe cell writer: every CSV and Excel file the platform produces (attendance
exports, personal data downloads, the admin's listing exports) neutralises a cell that a
spreadsheet program would run as a formula."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.admin.viewsets import viewsets

from cohorts.models import Enrolment
from spreadsheets.writer import (
    FormulaSafeExportMixin,
    safe_cell,
    write_csv,
    write_sheets,
    write_xlsx,
)
from tests.accounts.factories import UserFactory
from tests.cohorts.attendance_helpers import cohort_with_sessions
from tests.cohorts.factories import CertificateFactory, EnrolmentFactory

OUR_APPS = {"accounts", "content", "modules", "cohorts", "personal_data"}
FORMULA = '=HYPERLINK("http://evil.example","Click")'


@pytest.mark.parametrize("value", [FORMULA, "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"])
def test_text_a_spreadsheet_would_run_is_made_plain_text(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Zoë Müller", "a=b", "", -5, 3.5, dt.date(2026, 6, 1), None])
def test_other_values_are_left_as_they_are(value):
    assert safe_cell(value) == value


def test_csv_cells_are_formula_safe():
    content = write_csv([["Name"], [FORMULA], [-5]]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(content))) == [["Name"], ["'" + FORMULA], ["-5"]]


def test_xlsx_cells_are_formula_safe_and_never_formulas():
    sheet = load_workbook(io.BytesIO(write_xlsx([["Name"], [FORMULA], [-5]]))).active
    cell = sheet["A2"]
    assert (cell.value, cell.data_type) == ("'" + FORMULA, "s")
    assert sheet["A3"].value == -5


def _cells(content, export_format):
    """Every cell of an exported file, in order."""
    if export_format == "csv":
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
        return [cell for row in rows for cell in row]
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell.value for row in sheet.iter_rows() for cell in row]


def _viewsets():
    """Every admin viewset registered (snippets register theirs with the same registry)."""
    reverse("wagtailadmin_home")  # the admin's URLs, and so its viewsets, are loaded
    return viewsets.viewsets


@pytest.mark.django_db
def test_several_tables_in_one_download_are_formula_safe_in_both_formats():
    sheets = [
        ("Cohorts: status", [["Cohort", "Count"], ["=cmd", 3]]),
        ("Sectors/places [all]", [["Sector", "Share"], ["@SUM(A1)", 0.5]]),
    ]
    workbook = load_workbook(io.BytesIO(write_sheets(sheets, "xlsx")))
    assert workbook.sheetnames == ["Cohorts status", "Sectorsplaces all"]
    assert [c.value for c in workbook["Cohorts status"][2]] == ["'=cmd", 3]
    assert workbook["Sectorsplaces all"]["A2"].data_type != "f"
    text = write_sheets(sheets, "csv").decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [
        ["Cohorts: status"],
        ["Cohort", "Count"],
        ["'=cmd", "3"],
        [],
        ["Sectors/places [all]"],
        ["Sector", "Share"],
        ["'@SUM(A1)", "0.5"],
    ]


def test_every_admin_listing_with_an_export_writes_it_formula_safe():
    exporting = [
        viewset
        for viewset in _viewsets()
        if isinstance(getattr(viewset, "model", None), type)
        and viewset.model._meta.app_label in OUR_APPS
        and getattr(viewset, "list_export", None) not in (None, [], (), viewset.UNDEFINED)
    ]
    assert exporting  # the cohorts listings, at least
    assert not [
        viewset.model.__name__
        for viewset in exporting
        if not issubclass(viewset.index_view_class, FormulaSafeExportMixin)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("url_name", "make"),
    [
        (
            "wagtailsnippets_cohorts_enrolment:list",
            lambda: EnrolmentFactory(participant=UserFactory(first_name=FORMULA, last_name="")),
        ),
        (
            "wagtailsnippets_cohorts_certificate:list",
            lambda: CertificateFactory(holder_name=FORMULA),
        ),
    ],
    ids=["enrolments", "certificates"],
)
def test_the_admins_listing_exports_are_formula_safe(
    client, manager, url_name, make, export_format
):
    make()
    client.force_login(manager)
    response = client.get(reverse(url_name), {"export": export_format})
    assert response.status_code == 200
    content = b"".join(response.streaming_content if response.streaming else [response.content])
    cells = _cells(content, export_format)
    assert "'" + FORMULA in cells
    assert FORMULA not in cells


def _cells(content, export_format):
    if export_format == "csv":
        return [
            cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row
        ]
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell.value for row in sheet.iter_rows() for cell in row]


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_attendance_exports_are_formula_safe(client, facilitator, export_format):
    cohort, _sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=2)
    EnrolmentFactory(
        cohort=cohort,
        participant=UserFactory(first_name=FORMULA, last_name=""),
        status=Enrolment.Status.CONFIRMED,
    )
    client.force_login(facilitator)
    response = client.get(
        reverse("cohorts:cohort_attendance_export", args=[cohort.pk, export_format])
    )
    cells = _cells(response.content, export_format)
    assert "'" + FORMULA in cells and FORMULA not in cells


@pytest.mark.django_db
def test_a_persons_own_data_download_is_formula_safe(client):
    person = UserFactory(first_name=FORMULA)
    client.force_login(person)
    response = client.get(reverse("personal_data:my_data_download", args=["csv"]))
    rows = dict(csv.reader(io.StringIO(response.content.decode())))
    assert rows["profile.first_name"] == "'" + FORMULA
