"""How statuses look (cohorts/templatetags/cohort_tags.py): one colour per status in one place,
and the attendance grid's short codes, read out in full."""

import datetime as dt

import pytest
from django.template import engines

from cohorts.models import AttendanceMark, Cohort, Enrolment
from cohorts.reports.grid import GridCell, GridRow, Rate
from cohorts.templatetags.cohort_tags import CODES, COLOURS, grid_view
from tests.cohorts.factories import CertificateFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db

Mark = AttendanceMark.Status


def render(source, **context):
    return engines["django"].from_string("{% load cohort_tags %}" + source).render(context)


@pytest.mark.parametrize(
    ("kind", "choices"),
    [
        ("enrolment", Enrolment.Status),
        ("cohort", Cohort.Status),
        ("mark", AttendanceMark.Status),
    ],
)
def test_every_status_has_a_colour_and_a_mark_a_code(kind, choices):
    assert set(COLOURS[kind]) == set(choices.values)
    assert set(CODES) == set(Mark.values)


def test_an_enrolment_shows_its_status_in_its_colour():
    enrolment = EnrolmentFactory(status=Enrolment.Status.WITHDRAWN)
    html = render("{% status_tag enrolment %}", enrolment=enrolment)
    assert html == '<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong>'


def test_a_revoked_certificate_is_red_and_says_so():
    certificate = CertificateFactory(
        revoked_at=dt.datetime(2026, 3, 2, tzinfo=dt.UTC), revoked_reason="Issued in error"
    )
    html = render("{% status_tag certificate %}", certificate=certificate)
    assert html == '<strong class="govuk-tag govuk-tag--red">Revoked</strong>'


def test_a_grid_cell_shows_a_code_and_reads_out_the_full_mark():
    cell = GridCell(None, Mark.LEFT_EARLY, AttendanceMark.Method.SELF_CHECK_IN, "", False)
    html = render("{% mark_cell cell %}", cell=cell)
    assert 'govuk-tag--orange academy-mark"><span aria-hidden="true">LE✓</span>' in html
    assert '<span class="govuk-visually-hidden">Left early, checked in themselves</span>' in html
    unmarked = render("{% mark_cell cell %}", cell=GridCell(None, None, None, "", True))
    assert "AS" in unmarked and "Apologies sent" in unmarked
    full = render("{% mark_cell cell full=True %}", cell=GridCell(None, Mark.LATE, None, "", False))
    assert full == '<strong class="govuk-tag govuk-tag--yellow">Late</strong>'


class FakeSession:
    def __init__(self, pk):
        self.pk = pk


def test_the_grid_shows_one_session_when_asked_and_every_session_otherwise():
    sessions = [FakeSession(7), FakeSession(8), FakeSession(9)]
    row = GridRow(
        None, [GridCell(s, Mark.PRESENT, None, "", False) for s in sessions], Rate("", 0, 3)
    )
    grid = type("Grid", (), {"sessions": sessions, "rows": [row]})
    one = grid_view(grid, "8")
    assert one.selected is sessions[1]
    assert one.sessions == [(2, sessions[1])]
    assert [cell.session for cell in one.rows[0][1]] == [sessions[1]]
    for unknown in (None, "", "99", "x"):
        every = grid_view(grid, unknown)
        assert every.selected is None and len(every.sessions) == 3
