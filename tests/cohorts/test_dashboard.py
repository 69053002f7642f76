"""The cohort dashboard: every cohort a programme manager may see (a facilitator: the cohorts
they run), with its status, seats filled, participants at risk, next session and sector mix;
filtered by programme and status, a page at a time, in a fixed number of queries; and its
items in the Wagtail admin menu."""

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cohorts.attendance.register import register_save
from cohorts.enrolment.mix import cohort_mix, cohort_mixes
from cohorts.models import AttendanceMark, Enrolment, Sector
from cohorts.reports.dashboard import PER_PAGE
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    AttendanceMarkFactory,
    CohortFactory,
    CohortSessionFactory,
    CompletionRuleFactory,
    EnrolmentFactory,
    OrganisationFactory,
)
from tests.modules.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("cohorts:dashboard")


def rows(html):
    """{cohort name: the row's text, tags stripped} of the dashboard's table."""
    found = {}
    for row in re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', html, re.S):
        name = re.match(r'\s*<th scope="row"[^>]*><a [^>]*>([^<]+)</a>', row)
        if name:
            found[name.group(1)] = " ".join(re.sub(r"<[^>]+>", " ", row).split())
    return found


def session(cohort, days, title="Session"):
    start = timezone.now() + dt.timedelta(days=days)
    return CohortSessionFactory(
        cohort=cohort, title=title, starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )


@pytest.fixture
def academy(facilitator):
    """A running cohort with people at risk and a session to come, an open one, a closed one,
    and a cohort of another programme that someone else runs."""
    programme = ProgrammePageFactory(title="Digital Academy")
    CompletionRuleFactory(programme=programme, min_sessions_attended=3, min_share_attended=None)
    police = OrganisationFactory(sector=Sector.POLICE)
    health = OrganisationFactory(sector=Sector.HEALTH)
    running = CohortFactory(
        programme=programme, name="Kent 2026", capacity=10, facilitators=[facilitator]
    )
    held = [session(running, -20), session(running, -10)]
    session(running, 5, title="Data and trust")
    session(running, 40, title="Later session")
    officers = [EnrolmentFactory(cohort=running, organisation=police) for _ in range(3)]
    EnrolmentFactory(cohort=running, organisation=health, status=Enrolment.Status.INVITED)
    EnrolmentFactory(cohort=running, organisation=health, status=Enrolment.Status.DECLINED)
    for past in held:  # two missed in a row: at risk
        AttendanceMarkFactory(
            enrolment=officers[0], session=past, status=AttendanceMark.Status.ABSENT
        )
        AttendanceMarkFactory(enrolment=officers[1], session=past)
    open_cohort = CohortFactory(
        programme=programme, name="Medway 2027", open=True, facilitators=[facilitator]
    )
    closed = CohortFactory(programme=programme, name="Swale 2025", closed=True)
    other = CohortFactory(
        programme=ProgrammePageFactory(title="Member Leadership Academy"),
        name="Essex 2026",
        facilitators=[UserFactory(facilitator=True)],
    )
    return {
        "programme": programme,
        "running": running,
        "open": open_cohort,
        "closed": closed,
        "other": other,
    }


def test_manager_sees_every_cohort_with_status_seats_at_risk_next_session_and_mix(
    client, manager, academy
):
    client.force_login(manager)
    html = client.get(DASHBOARD).content.decode()
    found = rows(html)
    assert set(found) == {"Kent 2026", "Medway 2027", "Swale 2025", "Essex 2026"}
    kent = found["Kent 2026"]
    assert "Running" in kent
    assert "4 of 10" in kent  # three confirmed and one invited hold seats; declined does not
    assert "1 at risk" in kent
    assert "Data and trust" in kent and "Later session" not in kent
    assert "Off target" in kent and "2 sectors" in kent  # 75% police, under 4 sectors
    assert "Not running" in found["Medway 2027"] and "Nobody yet" in found["Medway 2027"]
    # Running cohorts come first, each leading into its own screens.
    assert html.index("Kent 2026") < html.index("Medway 2027") < html.index("Swale 2025")
    running = academy["running"]
    assert f'href="{reverse("cohorts:overview", args=[running.pk])}"' in html
    assert f'href="{reverse("cohorts:cohort_attendance", args=[running.pk])}"' in html
    programme = academy["programme"]
    assert f'href="{reverse("cohorts:programme_attendance", args=[programme.pk])}"' in html


def test_the_at_risk_count_follows_the_register(client, manager, academy):
    """The count is kept between views under the cohort's record version (and the sessions held
    by then): a mark recorded shows on the next view."""
    client.force_login(manager)
    running = academy["running"]
    assert "1 at risk" in rows(client.get(DASHBOARD).content.decode())["Kent 2026"]

    # A third officer misses both held sessions: now two in a row for them too.
    third = Enrolment.objects.filter(cohort=running, status=Enrolment.Status.CONFIRMED).exclude(
        attendance_marks__isnull=False
    )[0]
    for held in running.sessions.filter(starts_at__lt=timezone.now()):
        register_save(
            session=held,
            entries={third.pk: (AttendanceMark.Status.ABSENT, "")},
            recorded_by=manager,
        )
    assert "2 at risk" in rows(client.get(DASHBOARD).content.decode())["Kent 2026"]


def test_facilitator_sees_only_the_cohorts_they_run(client, facilitator, academy):
    client.force_login(facilitator)
    found = rows(client.get(DASHBOARD).content.decode())
    assert set(found) == {"Kent 2026", "Medway 2027"}


def test_filters_by_programme_and_status_and_says_how_to_see_every_cohort(client, manager, academy):
    client.force_login(manager)
    response = client.get(DASHBOARD, {"programme": academy["programme"].pk, "status": "open"})
    assert set(rows(response.content.decode())) == {"Medway 2027"}
    assert "Show every cohort" in response.content.decode()
    assert set(rows(client.get(DASHBOARD, {"status": "closed"}).content.decode())) == {"Swale 2025"}


def test_participants_and_nominators_are_refused(client, nominator):
    for person in (nominator, UserFactory(participant=True)):
        client.force_login(person)
        assert client.get(DASHBOARD).status_code == 403


def test_cohorts_come_a_page_at_a_time(client, manager):
    programme = ProgrammePageFactory()
    CohortFactory.create_batch(PER_PAGE + 2, programme=programme)
    client.force_login(manager)
    assert len(rows(client.get(DASHBOARD).content.decode())) == PER_PAGE
    assert len(rows(client.get(DASHBOARD, {"page": 2}).content.decode())) == 2


def _cohort_with_people(programme, organisations, n):
    cohort = CohortFactory(programme=programme, capacity=n + 2)
    sessions = [session(cohort, -10), session(cohort, 10)]
    for i in range(n):
        enrolment = EnrolmentFactory(cohort=cohort, organisation=organisations[i % 2])
        AttendanceMarkFactory(enrolment=enrolment, session=sessions[0])
    return cohort


def test_a_page_costs_the_same_queries_for_2_cohorts_or_a_full_page_of_busy_ones(
    client, manager, django_assert_max_num_queries
):
    programme = ProgrammePageFactory()
    CompletionRuleFactory(programme=programme)
    organisations = [OrganisationFactory(sector=Sector.POLICE), OrganisationFactory()]
    for _ in range(2):
        _cohort_with_people(programme, organisations, 2)
    client.force_login(manager)
    with CaptureQueriesContext(connection) as few:
        assert client.get(DASHBOARD).status_code == 200
    for _ in range(PER_PAGE):
        _cohort_with_people(programme, organisations, 6)
    with django_assert_max_num_queries(len(few)):
        assert client.get(DASHBOARD).status_code == 200


def test_mix_of_many_cohorts_is_each_cohorts_own_mix(academy):
    cohorts = [academy["running"], academy["open"]]
    mixes = cohort_mixes(cohorts)
    for cohort in cohorts:
        assert mixes[cohort.pk] == cohort_mix(cohort)


def _menu_urls(client):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    return set(re.findall(r'"url": "([^"]+)"', json.dumps(json.loads(props.group(1)))))


def test_the_admin_menu_leads_managers_to_the_dashboard_and_each_programmes_attendance(
    client, academy
):
    manager = UserFactory(programme_manager=True, is_staff=True)
    client.force_login(manager)
    urls = _menu_urls(client)
    assert DASHBOARD in urls
    for programme in (academy["programme"], academy["other"].programme):
        assert reverse("cohorts:programme_attendance", args=[programme.pk]) in urls
