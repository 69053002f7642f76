"""Counts as attended: one definition (`cohorts.models.attended_statuses`, the completion rule's)
that the Python (standings, grids, at-risk warnings, certificates) and the SQL (programme rates)
both use, so they always count the same marks."""

import pytest

from cohorts.attendance.at_risk import at_risk_flags
from cohorts.completion.standing import standing_for
from cohorts.models import AttendanceMark, CompletionRule, attended_statuses
from cohorts.reports.grid import cohort_grid
from cohorts.reports.programme import programme_rates
from tests.cohorts.certificate_helpers import World

S = AttendanceMark.Status
pytestmark = pytest.mark.django_db
EVERY_STATUS = [S.PRESENT, S.LATE, S.LEFT_EARLY, S.ABSENT, S.APOLOGIES]


def test_without_a_rule_present_late_and_left_early_count():
    assert attended_statuses() == {S.PRESENT, S.LATE, S.LEFT_EARLY}


@pytest.mark.parametrize("late_counts", [True, False])
@pytest.mark.parametrize("left_early_counts", [True, False])
def test_the_rule_says_whether_late_and_left_early_count(late_counts, left_early_counts):
    rule = CompletionRule(late_counts=late_counts, left_early_counts=left_early_counts)
    expected = {S.PRESENT}
    if late_counts:
        expected.add(S.LATE)
    if left_early_counts:
        expected.add(S.LEFT_EARLY)
    assert attended_statuses(rule) == rule.attended_statuses() == expected
    assert not {S.ABSENT, S.APOLOGIES} & attended_statuses(rule)


@pytest.mark.parametrize("late_counts", [True, False])
@pytest.mark.parametrize("left_early_counts", [True, False])
def test_standings_grids_and_programme_rates_count_the_same_marks(
    manager, late_counts, left_early_counts
):
    world = World(
        n_sessions=5,
        status="running",
        late_counts=late_counts,
        left_early_counts=left_early_counts,
    )
    enrolment = world.enrol(EVERY_STATUS)
    expected = 1 + late_counts + left_early_counts

    # In Python: the participant's standing and their row on the attendance grid.
    assert standing_for(enrolment).sessions_attended == expected
    [row] = cohort_grid(cohort=world.cohort, user=manager).rows
    assert row.rate.attended == expected
    # In SQL: the programme's attendance rates.
    [rate] = programme_rates(programme=world.cohort.programme)
    assert rate.rate.attended == expected


def test_at_risk_warnings_count_attended_the_rules_way():
    world = World(n_sessions=4, late_counts=False)
    rule = world.rule
    sessions = world.sessions
    late_twice = {sessions[0].pk: S.LATE, sessions[1].pk: S.LATE}
    flags = at_risk_flags(sessions=sessions, statuses=late_twice, rule=rule)
    assert "two-in-a-row" in {flag.kind for flag in flags}
    rule.late_counts = True
    assert not at_risk_flags(sessions=sessions, statuses=late_twice, rule=rule)
