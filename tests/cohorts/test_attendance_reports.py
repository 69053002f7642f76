"""Attendance reports: the cohort grid, its rates and chart, exports, and programme rates."""

import csv
import io
from html import unescape

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from cohorts.models import AttendanceMark, Enrolment, Sector
from cohorts.reports.grid import cohort_grid
from cohorts.reports.programme import programme_rates
from tests.accounts.factories import UserFactory
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many, london, mark_all
from tests.cohorts.factories import CohortFactory, OrganisationFactory

Status = AttendanceMark.Status
pytestmark = pytest.mark.django_db
# Four of the eight weekly sessions (from 1 June 2026) have been held.
NOW = london(2026, 6, 25, 12, 0)


@pytest.fixture
def world(facilitator, nominator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator)
    police = OrganisationFactory(name="Kent Police", sector=Sector.POLICE, nominators=[nominator])
    council = OrganisationFactory(name="Kent County Council", sector=Sector.LOCAL_AUTHORITY)
    officers = enrol_many(cohort, 2, organisation=police, prefix="police")
    councillors = enrol_many(cohort, 2, organisation=council, prefix="council")
    held = sessions[:4]
    mark_all(officers, held)  # 4 of 8 each
    mark_all(councillors[:1], held[:2])  # 2 of 8
    mark_all(councillors[:1], held[2:], Status.ABSENT)
    mark_all(councillors[1:], held, Status.LATE)  # late counts (the default rule)
    return cohort, sessions, officers, councillors


def _rate(rates, label):
    return next(r for r in rates if r.label == label)


def test_a_participants_rate_so_far_counts_the_sessions_held_and_the_rule_all_scheduled(
    world, manager
):
    cohort, sessions, officers, councillors = world
    grid = cohort_grid(cohort=cohort, user=manager, now=NOW)
    rows = {row.enrolment.pk: row for row in grid.rows}
    # Every session so far is 100% half way through, not 50%; the rule still needs 6 of 8.
    assert (rows[officers[0].pk].rate.attended, rows[officers[0].pk].rate.possible) == (4, 4)
    assert rows[officers[0].pk].rate.percent == 100
    assert rows[councillors[0].pk].rate.percent == 50
    assert (grid.held, grid.needed, grid.scheduled) == (4, 6, 8)


def test_rates_per_session_organisation_and_sector(world, manager):
    cohort, sessions, officers, councillors = world
    grid = cohort_grid(cohort=cohort, user=manager, now=NOW)
    first, third, fifth = grid.session_rates[0], grid.session_rates[2], grid.session_rates[4]
    assert (first.attended, first.possible) == (4, 4)
    assert third.percent == 75
    assert fifth.percent is None  # not held yet
    assert _rate(grid.organisation_rates, "Kent Police").percent == 100
    assert _rate(grid.organisation_rates, "Kent County Council").attended == 6
    assert _rate(grid.sector_rates, "Police").percent == 100
    # Two people at the four sessions held so far.
    assert _rate(grid.sector_rates, "Local authority").possible == 8
    assert grid.overall.percent == 88  # 14 of 16


def test_a_late_mark_counts_only_when_the_completion_rule_says_so(world, manager):
    cohort, sessions, officers, councillors = world
    cohort.programme.completion_rule.late_counts = False
    cohort.programme.completion_rule.save()
    grid = cohort_grid(cohort=cohort, user=manager, now=NOW)
    row = next(r for r in grid.rows if r.enrolment == councillors[1])
    assert row.rate.attended == 0


def test_withdrawn_participants_keep_their_marks_and_show_as_withdrawn(client, world, facilitator):
    cohort, sessions, officers, councillors = world
    Enrolment.objects.filter(pk=officers[1].pk).update(status=Enrolment.Status.WITHDRAWN)
    client.force_login(facilitator)
    with time_machine.travel(NOW, tick=False):
        response = client.get(reverse("cohorts:cohort_attendance", args=[cohort.pk]))
    grid = response.context["grid"]
    row = next(r for r in grid.rows if r.enrolment.pk == officers[1].pk)
    assert row.has_left and row.rate.attended == 4
    assert "Withdrawn" in response.content.decode()
    # Withdrawn people do not count towards the organisation's rate.
    assert _rate(grid.organisation_rates, "Kent Police").possible == 4


def test_the_grid_page_has_the_table_an_accessible_chart_and_export_links(
    client, world, facilitator
):
    cohort, sessions, officers, councillors = world
    client.force_login(facilitator)
    with time_machine.travel(NOW, tick=False):
        html = client.get(reverse("cohorts:cohort_attendance", args=[cohort.pk])).content.decode()
    assert ">Attendance by participant and session</caption>" in html
    assert '<ul class="bar-chart">' in html
    assert 'aria-hidden="true"><span style="width: 75%">' in html
    assert "4 of 8 sessions held so far" in html
    assert "Completion needs 6 of the 8 scheduled sessions" in html
    hidden = '<span class="govuk-visually-hidden">'
    assert f'100%<br><span class="govuk-body-s">4 of 4{hidden} sessions held' in html
    assert reverse("cohorts:cohort_attendance_export", args=[cohort.pk, "csv"]) in html
    assert reverse("cohorts:cohort_attendance_export", args=[cohort.pk, "xlsx"]) in html


def test_session_times_on_the_grid_are_london_times_across_both_clock_changes(client, facilitator):
    cohort, sessions = cohort_with_sessions(
        facilitator=facilitator, starts=london(2026, 3, 23, 9, 30), n_sessions=32, rule_share=None
    )
    enrol_many(cohort, 1)
    # Sessions either side of 29 March and 25 October 2026.
    chosen = {
        s.starts_at.astimezone(sessions[0].starts_at.tzinfo).date().isoformat() for s in sessions
    }
    assert {"2026-03-23", "2026-03-30", "2026-10-19", "2026-10-26"} <= chosen
    client.force_login(facilitator)
    html = client.get(reverse("cohorts:cohort_attendance", args=[cohort.pk])).content.decode()
    for day in ("23 Mar", "30 Mar", "19 Oct", "26 Oct"):
        assert f"{day}, 09:30" in html


def test_csv_export_has_one_row_per_participant(client, world, facilitator):
    cohort, sessions, officers, councillors = world
    client.force_login(facilitator)
    response = client.get(reverse("cohorts:cohort_attendance_export", args=[cohort.pk, "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Participant", "Email", "Organisation", "Sector", "Enrolment"]
    assert len(rows) == 5
    assert rows[0][-6:] == [
        "Attended",
        "Held so far",
        "Scheduled",
        "Needed",
        "Rate so far (%)",
        "Certificate",
    ]
    officer = next(r for r in rows if r[1] == officers[0].participant.email)
    # Today every session of June and July 2026 has been held.
    assert officer[-6:] == ["4", "8", "8", "6", "50", ""]


def test_xlsx_export_opens_as_a_spreadsheet(client, world, facilitator):
    cohort, sessions, officers, councillors = world
    client.force_login(facilitator)
    response = client.get(reverse("cohorts:cohort_attendance_export", args=[cohort.pk, "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(1, 1).value == "Participant"
    assert sheet.max_row == 5


def test_an_unknown_export_format_is_not_found(client, world, facilitator):
    cohort, *_ = world
    client.force_login(facilitator)
    response = client.get(reverse("cohorts:cohort_attendance_export", args=[cohort.pk, "pdf"]))
    assert response.status_code == 404


def test_nominators_see_only_their_own_officers_on_the_grid_and_exports(client, world, nominator):
    cohort, sessions, officers, councillors = world
    client.force_login(nominator)
    with time_machine.travel(NOW, tick=False):
        response = client.get(reverse("cohorts:cohort_attendance", args=[cohort.pk]))
    html = response.content.decode()
    assert {r.enrolment.pk for r in response.context["grid"].rows} == {o.pk for o in officers}
    assert str(councillors[0].participant) not in html
    exported = client.get(reverse("cohorts:cohort_attendance_export", args=[cohort.pk, "csv"]))
    text = exported.content.decode("utf-8-sig")
    assert officers[0].participant.email in text
    assert councillors[0].participant.email not in text


@pytest.mark.parametrize("who", ["other-nominator", "other-facilitator", "participant"])
def test_people_without_officers_or_a_role_on_the_cohort_cannot_see_its_grid(client, world, who):
    cohort, sessions, officers, councillors = world
    user = {
        "other-nominator": lambda: UserFactory(nominator=True),
        "other-facilitator": lambda: UserFactory(facilitator=True),
        "participant": lambda: officers[0].participant,
    }[who]()
    client.force_login(user)
    for url in (
        reverse("cohorts:cohort_attendance", args=[cohort.pk]),
        reverse("cohorts:cohort_attendance_export", args=[cohort.pk, "csv"]),
    ):
        response = client.get(url)
        assert response.status_code == 403
        assert "can see its attendance" in unescape(response.content.decode())


def test_facilitators_are_told_who_is_at_risk_on_the_grid(client, world, facilitator):
    cohort, sessions, officers, councillors = world
    client.force_login(facilitator)
    html = client.get(reverse("cohorts:cohort_attendance", args=[cohort.pk])).content.decode()
    assert "At risk of not completing (1)" in html
    assert "would not complete if they miss one more session; missed two sessions in a row" in html


def test_programme_managers_see_rates_across_the_programmes_cohorts(client, world, manager):
    cohort, sessions, officers, councillors = world
    empty = CohortFactory(programme=cohort.programme, name="Medway 2027")
    CohortFactory(name="Another programme's cohort")
    rates = {r.cohort: r for r in programme_rates(programme=cohort.programme, now=NOW)}
    assert set(rates) == {cohort, empty}
    # 4 + 4 + 2 + 4 (late counts) attended of 4 people x the 4 sessions held so far.
    assert (rates[cohort].rate.attended, rates[cohort].rate.possible) == (14, 16)
    assert (rates[cohort].held, rates[cohort].scheduled) == (4, 8)
    assert rates[empty].rate.percent is None
    client.force_login(manager)
    url = reverse("cohorts:programme_attendance", args=[cohort.programme.pk])
    with time_machine.travel(NOW, tick=False):
        html = client.get(url).content.decode()
    assert "88%" in html and "Medway 2027" in html
    assert "over the sessions each cohort has held" in html


def test_only_programme_managers_see_programme_rates(client, world, facilitator):
    cohort, *_ = world
    client.force_login(facilitator)
    response = client.get(reverse("cohorts:programme_attendance", args=[cohort.programme.pk]))
    assert response.status_code == 403
    assert "Only programme managers" in response.content.decode()


# --- Query budgets --------------------------------------------------------------------------


@pytest.mark.parametrize("participants", [40, 400])
@pytest.mark.parametrize("viewer", ["facilitator", "nominator"])
def test_the_grid_renders_in_a_constant_number_of_queries(
    client, facilitator, nominator, participants, viewer, django_assert_max_num_queries
):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator)
    organisation = OrganisationFactory(nominators=[nominator])
    enrolments = enrol_many(cohort, participants, organisation=organisation)
    mark_all(enrolments, sessions[:6])
    client.force_login(facilitator if viewer == "facilitator" else nominator)
    url = reverse("cohorts:cohort_attendance", args=[cohort.pk])
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert len(response.context["grid"].rows) == participants
    assert len(response.context["grid"].sessions) == 8
    # Looked at again, the page's parts are kept (`cohorts.reports.kept_grid`): no sessions,
    # marks, apologies or rule are read, and no grid is built. A nominator's costs two more:
    # whether they may see the cohort, and which of its officers they may see.
    with django_assert_max_num_queries({"facilitator": 5, "nominator": 7}[viewer]):
        again = client.get(url)
    assert again.content.count(b"academy-grid__mark") == participants * 8
