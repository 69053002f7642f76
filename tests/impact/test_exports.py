"""Every dashboard figure downloads as CSV and XLSX through one writer (impact.exports), which
never lets a cell run as a formula in a spreadsheet program and keeps numbers as numbers."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from impact.dashboard import FIGURES
from impact.dashboard.base import HIDDEN
from impact.exports import Sheet, spreadsheet
from tests.impact import dashboard_world


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_that_would_run_as_a_formula_is_neutralised(start):
    sheet = Sheet("Cohorts", ["Cohort", "People"], [[f'{start}HYPERLINK("x")', -3]])
    content, _type = spreadsheet(sheets=[sheet], export_format="csv")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[2] == [f'\'{start}HYPERLINK("x")', "-3"]
    content, _type = spreadsheet(sheets=[sheet], export_format="xlsx")
    cells = list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    # (openpyxl reads a carriage return back as a line feed.)
    assert cells[1][0].startswith("'") and cells[1][0].endswith('HYPERLINK("x")')
    assert cells[1][1] == -3


def test_numbers_stay_numbers_and_each_table_is_its_own_sheet():
    sheets = [Sheet("First", ["A", "B"], [["x", 1.5]]), Sheet("Second: [b]", ["C"], [[None]])]
    content, content_type = spreadsheet(sheets=sheets, export_format="xlsx")
    assert content_type.startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["First", "Second b"]
    assert book["First"]["B2"].value == 1.5


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="Unknown export format"):
        spreadsheet(sheets=[], export_format="ods")


@pytest.mark.django_db
class TestDownloads:
    @pytest.fixture
    def world(self):
        world = dashboard_world.build()
        # A name typed by someone hoping a spreadsheet will run it.
        world["manchester_cohort"].name = '=HYPERLINK("http://evil.example","Click")'
        world["manchester_cohort"].save()
        return world

    def test_every_figure_downloads_as_csv_and_xlsx(self, client, world):
        client.force_login(world.people["manager"])
        for figure in FIGURES:
            for export_format in ("csv", "xlsx"):
                url = reverse("impact:dashboard_export", args=[figure, export_format])
                response = client.get(url)
                assert response.status_code == 200, (figure, export_format)
                assert "attachment" in response["Content-Disposition"]

    def test_the_download_is_formula_safe_and_keeps_the_filters(self, client, world):
        client.force_login(world.people["manager"])
        url = reverse("impact:dashboard_export", args=["capabilities", "xlsx"])
        book = openpyxl.load_workbook(io.BytesIO(client.get(url).content))
        by_cohort = list(book.worksheets[3].iter_rows(values_only=True))
        assert by_cohort[1][0].startswith("'=HYPERLINK")
        assert by_cohort[1][1] == 6  # pairs, a number
        by_sector = {r[0]: r for r in book.worksheets[2].iter_rows(values_only=True)}
        assert by_sector["Police"][1] == HIDDEN  # the suppression rule holds in downloads
        url = reverse("impact:dashboard_export", args=["places", "csv"])
        text = client.get(url, {"place": world["kent"].pk}).content.decode("utf-8-sig")
        assert "Digital Academy,8,10,80%" in text

    def test_a_download_is_scoped_like_the_page(self, client, world):
        client.force_login(world.people["police_nominator"])
        url = reverse("impact:dashboard_export", args=["sectors", "csv"])
        rows = {r[0]: r for r in csv.reader(io.StringIO(client.get(url).content.decode()[1:]))}
        assert rows["Police"][-2] == "7"
        assert rows["Health"][-2] == "0"
        client.force_login(world.people["participant"])
        assert client.get(url).status_code == 403

    def test_an_unknown_figure_or_format_is_not_found(self, client, world):
        client.force_login(world.people["manager"])
        assert (
            client.get(reverse("impact:dashboard_export", args=["nope", "csv"])).status_code == 404
        )
        assert (
            client.get(reverse("impact:dashboard_export", args=["places", "ods"])).status_code
            == 404
        )
