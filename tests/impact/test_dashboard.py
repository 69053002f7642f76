"""The programme dashboard: what each role sees (managers everything, facilitators their
cohorts, nominators their own organisation's officers), the filters, paired change in the
capabilities with the suppression rule, and charts that read without colour beside their data."""

import pytest
from django.urls import reverse

from cohorts.models import AttendanceMark, AttendanceNotification
from impact.dashboard.base import HIDDEN
from tests.cohorts.factories import AttendanceMarkFactory, CompletionRuleFactory
from tests.impact import dashboard_world
from tests.impact.factories import SelfAssessmentFactory

pytestmark = pytest.mark.django_db
URL = reverse("impact:dashboard")


@pytest.fixture
def world():
    return dashboard_world.build()


def figures(client, user, **params):
    client.force_login(user)
    response = client.get(URL, params)
    assert response.status_code == 200
    return {figure.key: figure for figure in response.context["figures"]}


def row(figure, label, table=0):
    return next(r for r in figure.tables[table].rows if r[0] == label)


def test_the_manager_sees_every_programme_and_cohort(client, world):
    seen = figures(client, world.people["manager"])
    # Draft, open, running, closed, all.
    assert row(seen["cohorts"], "Digital Academy") == ["Digital Academy", 0, 0, 1, 1, 2]
    assert row(seen["cohorts"], "All programmes")[-1] == 3
    # Kent holds 8 of 10 places, Manchester 6 of 8; the councillor is invited (holds a place).
    assert row(seen["places"], "Digital Academy") == ["Digital Academy", 14, 18, "78%"]
    assert row(seen["places"], "Member Leadership Academy")[1:3] == [1, 6]


def test_a_facilitator_sees_only_the_cohorts_they_facilitate(client, world):
    seen = figures(client, world.people["kent_facilitator"])
    assert [r[0] for r in seen["cohorts"].tables[0].rows] == ["Digital Academy"]
    assert row(seen["cohorts"], "Digital Academy")[-1] == 1
    assert row(seen["places"], "Digital Academy")[1:3] == [8, 10]
    assert row(seen["completion"], "Digital Academy")[2] == 0  # Manchester's completers
    assert seen["capabilities"].tables[2].rows == []  # no pairs on Kent


def test_a_nominator_sees_only_their_own_organisations_officers(client, world):
    seen = figures(client, world.people["police_nominator"])
    # Six police officers on Kent and one on Manchester, against the seats police hold.
    assert row(seen["places"], "Digital Academy")[1:3] == [7, 9]
    sectors = {r[0]: r[-2] for r in seen["sectors"].tables[0].rows}
    assert sectors["Police"] == 7
    assert sectors["Health"] == sectors["Local authority"] == 0
    assert row(seen["completion"], "Digital Academy")[1:4] == [6, 1, 0]
    # Whole-cohort mixes are for managers and facilitators.
    assert seen["mix"].chart is None and "programme managers" in seen["mix"].message
    # One police pair only: fewer than five, so nothing about it is shown.
    assert seen["capabilities"].chart is None
    assert row(seen["capabilities"], "Police", table=2)[1] == HIDDEN


def test_another_nominator_sees_none_of_the_police_officers(client, world):
    seen = figures(client, world.people["health_nominator"])
    assert row(seen["places"], "Digital Academy")[1:3] == [2, 3]
    assert {r[0]: r[-2] for r in seen["sectors"].tables[0].rows}["Police"] == 0


def test_participants_and_people_without_a_role_cannot_open_the_dashboard(client, world):
    client.force_login(world.people["participant"])
    assert client.get(URL).status_code == 403
    client.logout()
    assert client.get(URL)["Location"].startswith(reverse("accounts:login"))


def test_filters_by_place_and_sector_are_in_the_address(client, world):
    manager = world.people["manager"]
    by_place = figures(client, manager, place=world["kent"].pk)
    assert row(by_place["cohorts"], "Digital Academy")[-1] == 1
    assert row(by_place["places"], "Digital Academy")[1:3] == [8, 10]
    by_sector = figures(client, manager, sector="local-authority")
    assert row(by_sector["places"], "Digital Academy")[1] == 5
    assert row(by_sector["capabilities"], "Digital Academy", table=1)[1] == 5
    client.force_login(manager)
    page = client.get(URL, {"sector": "local-authority"}).content.decode()
    assert '<option value="local-authority" selected>' in page
    assert "?sector=local-authority" in page  # the downloads keep the filters


def test_a_filter_that_is_not_offered_is_an_error_and_ignored(client, world):
    client.force_login(world.people["police_nominator"])
    # The health organisation is not one of the police nominator's.
    response = client.get(URL, {"organisation": world["health"].pk})
    page = response.content.decode()
    assert "govuk-error-summary" in page
    seen = {f.key: f for f in response.context["figures"]}
    assert row(seen["places"], "Digital Academy")[1] == 7


def test_the_period_filter_picks_cohorts_starting_in_a_financial_year(client, world):
    from impact.dashboard import Period

    period = Period.containing(world["manchester_cohort"].starts_on)
    seen = figures(client, world.people["manager"], period=period.year)
    assert [r[0] for r in seen["cohorts"].tables[0].rows] == ["Digital Academy"]
    assert row(seen["cohorts"], "Digital Academy")[1:] == [0, 0, 0, 1, 1]  # closed


def test_paired_change_counts_only_pairs_per_programme_sector_and_cohort(client, world):
    seen = figures(client, world.people["manager"])["capabilities"]
    # Six pairs: five council officers went from 2 to 4, the police officer from 2 to 3.
    overall = seen.tables[0].rows
    assert overall[0] == ["What digital can do", 2.0, 3.8, 1.8]
    assert "6 pairs" in seen.tables[0].caption
    assert row(seen, "Digital Academy", table=1)[:3] == ["Digital Academy", 6, 1.8]
    assert row(seen, "Local authority", table=2)[:3] == ["Local authority", 5, 2.0]
    assert row(seen, "Police", table=2) == ["Police", HIDDEN, *[""] * 7]
    assert row(seen, "Manchester 2025 (Digital Academy)", table=3)[1] == 6
    # The Kent officer's before, with no after yet, is counted as a rating but not as a pair.
    assert seen.summary.startswith("7 self-assessments before and 6 after: 6 pairs")


def test_a_group_of_four_is_hidden_and_a_group_of_five_is_shown(client, world):
    manager = world.people["manager"]
    seen = figures(client, manager, sector="local-authority")["capabilities"]
    assert seen.chart is not None
    world["manchester_council"][0].self_assessments.filter(stage="after").delete()
    seen = figures(client, manager, sector="local-authority")["capabilities"]
    assert seen.chart is None
    assert "Fewer than 5" in seen.message
    assert row(seen, "Local authority", table=2)[1] == HIDDEN
    assert all(r[1] == HIDDEN for r in seen.tables[0].rows)


def test_feedback_results_are_hidden_until_five_people_answered(client, world, ended_session):
    from tests.impact.factories import SessionFeedbackFactory

    session = ended_session(world["kent_cohort"])
    for enrolment in world["kent_police"][:4]:
        SessionFeedbackFactory(session=session, enrolment=enrolment, usefulness=5)
    seen = figures(client, world.people["manager"])["feedback"]
    assert seen.chart is None
    assert row(seen, "Digital Academy")[1] == HIDDEN
    SessionFeedbackFactory(session=session, enrolment=world["kent_health"][0], usefulness=3)
    seen = figures(client, world.people["manager"])["feedback"]
    assert row(seen, "Digital Academy")[1:4] == [5, 5, 4.6]
    assert seen.chart is not None


def test_attendance_counts_sessions_held_under_each_programmes_rule(client, world, ended_session):
    CompletionRuleFactory(programme=world["digital"], late_counts=False)
    session = ended_session(world["kent_cohort"])
    statuses = ["present", "present", "late", "absent"]
    for enrolment, status in zip(world["kent_police"], statuses, strict=False):
        AttendanceMarkFactory(enrolment=enrolment, session=session, status=status)
    seen = figures(client, world.people["manager"])["attendance"]
    # Eight people taking part at one session held: present twice (late does not count).
    assert row(seen, "Digital Academy")[1:] == [2, 8, "25%"]
    assert AttendanceMark.objects.count() == 4


def test_at_risk_counts_people_warned_on_running_cohorts(client, world):
    for enrolment, kind in zip(
        world["kent_police"][:2],
        [AttendanceNotification.Kind.TWO_IN_A_ROW, AttendanceNotification.Kind.CANNOT_COMPLETE],
        strict=True,
    ):
        AttendanceNotification.objects.create(enrolment=enrolment, kind=kind)
    AttendanceNotification.objects.create(
        enrolment=world["kent_police"][0], kind=AttendanceNotification.Kind.ONE_MORE_MISS
    )
    seen = figures(client, world.people["manager"])["at-risk"]
    assert row(seen, "Digital Academy")[1:4] == [8, 2, "25%"]


def test_each_chart_is_an_image_with_a_title_and_description_and_patterns_not_colour_alone(
    client, world
):
    client.force_login(world.people["manager"])
    page = client.get(URL).content.decode()
    # Every figure but feedback (nobody has answered yet) has its chart.
    assert page.count('role="img"') == 8
    assert 'aria-labelledby="chart-capabilities-title chart-capabilities-desc"' in page
    assert 'fill="url(#chart-capabilities-hatched)"' in page  # before: hatched
    assert "After 3.8 (+1.8)" in page  # every bar says its value
    assert "<script" not in page.split('id="figure-cohorts"')[1].split("</main>")[0]
    assert page.count('class="govuk-table impact-table impact-table--beside"') == 9


def test_the_home_page_links_each_role_to_the_dashboard(client, world):
    for person in ("manager", "kent_facilitator", "police_nominator"):
        client.force_login(world.people[person])
        assert URL in client.get(reverse("home")).content.decode(), person
    client.force_login(world.people["kent_facilitator"])
    page = client.get(reverse("home")).content.decode()
    assert reverse("impact:cohort_feedback", args=[world["kent_cohort"].pk]) in page
    client.force_login(world.people["participant"])
    assert f'href="{URL}"' not in client.get(reverse("home")).content.decode()


def test_the_pairs_of_someone_enrolled_twice_count_as_two_pairs_but_one_person(client, world):
    """Suppression counts people, not pairs: one person's two cohorts do not make a group."""
    from tests.cohorts.factories import CohortFactory, EnrolmentFactory

    person = world["manchester_police"].participant
    again = EnrolmentFactory(
        participant=person,
        cohort=CohortFactory(programme=world["digital"], closed=True),
        organisation=world["police"],
        status="completed",
    )
    SelfAssessmentFactory(enrolment=again, stage="before", ratings=1)
    SelfAssessmentFactory(enrolment=again, stage="after", ratings=2)
    seen = figures(client, world.people["manager"])["capabilities"]
    assert row(seen, "Police", table=2)[1] == HIDDEN
