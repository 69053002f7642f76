"""'My academy': the landing page shows each person what their roles let them see, and no more."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cohorts.models import LONDON
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    CertificateFactory,
    CohortFactory,
    CohortSessionFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
    cohort_session_start,
)
from tests.modules.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db

HOME = reverse("home")


def page_for(client, user):
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client):
    response = client.get(HOME)
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={HOME}"


def test_manager_is_led_to_the_dashboard_each_status_and_each_programmes_attendance(
    client, manager
):
    programme = ProgrammePageFactory(title="Digital Academy")
    CohortFactory(programme=programme, name="Kent 2026")
    CohortFactory(programme=programme, name="Essex 2027", draft=True)
    CohortFactory(programme=programme, name="Surrey 2024", closed=True)
    html = page_for(client, manager)
    assert "Programme manager" in html
    dashboard = reverse("cohorts:dashboard")
    assert f'href="{dashboard}"' in html
    for status in ("running", "draft", "closed"):
        assert f'href="{dashboard}?status={status}"' in html
    assert f'href="{dashboard}?status=open"' not in html  # no open cohort to list
    assert f'href="{reverse("cohorts:programme_attendance", args=[programme.pk])}"' in html
    assert f'href="{reverse("wagtailadmin_home")}"' in html


def test_facilitator_sees_their_cohorts_and_upcoming_sessions(client, facilitator):
    mine = CohortFactory(name="Kent 2026", facilitators=[facilitator])
    someone_elses = CohortFactory(name="Medway 2026", facilitators=[UserFactory(facilitator=True)])
    now = timezone.now()
    soon = now + dt.timedelta(days=3)
    CohortSessionFactory(
        cohort=mine, title="Data and trust", starts_at=soon, ends_at=soon + dt.timedelta(hours=2)
    )
    past = now - dt.timedelta(days=3)
    CohortSessionFactory(
        cohort=mine, title="Kick-off", starts_at=past, ends_at=past + dt.timedelta(hours=2)
    )
    CohortSessionFactory(
        cohort=someone_elses,
        title="Someone else's session",
        starts_at=soon,
        ends_at=soon + dt.timedelta(hours=2),
    )
    html = page_for(client, facilitator)
    assert "Cohorts you facilitate" in html
    assert "Kent 2026" in html
    assert "Data and trust" in html
    assert "Kick-off" not in html
    assert "Medway 2026" not in html
    assert "Someone else&#x27;s session" not in html
    assert "Programme manager" not in html


def test_nominator_sees_their_organisations_officers_only(client, nominator):
    police = OrganisationFactory(name="Kent Police", nominators=[nominator])
    health = OrganisationFactory(name="Kent and Medway ICB")
    cohort = CohortFactory(name="Kent 2026")
    EnrolmentFactory(
        cohort=cohort,
        organisation=police,
        participant=UserFactory(first_name="Priya", last_name="Officer"),
    )
    EnrolmentFactory(
        cohort=cohort,
        organisation=health,
        participant=UserFactory(first_name="Harry", last_name="Clinician"),
    )
    html = page_for(client, nominator)
    assert "You nominate for Kent Police." in html
    assert "Priya Officer" in html
    assert "Harry Clinician" not in html
    assert "Officers enrolled (1)" in html


def test_nominator_sees_open_cohorts_their_organisation_has_seats_on(client, nominator):
    police = OrganisationFactory(nominators=[nominator])
    with_seats = CohortFactory(name="Medway 2027", open=True)
    SeatAllocationFactory(cohort=with_seats, organisation=police)
    CohortFactory(name="Swale 2027", open=True)
    html = page_for(client, nominator)
    assert "Medway 2027" in html
    assert "Swale 2027" not in html


def test_participant_sees_their_cohort_and_next_session(client):
    participant = UserFactory(participant=True)
    cohort = CohortFactory(name="Kent 2026")
    EnrolmentFactory(cohort=cohort, participant=participant)
    next_start = (timezone.now() + dt.timedelta(days=10)).astimezone(LONDON)
    next_start = next_start.replace(hour=9, minute=30, second=0, microsecond=0)
    CohortSessionFactory(
        cohort=cohort,
        title="Leading with data",
        starts_at=next_start,
        ends_at=next_start + dt.timedelta(hours=3),
        venue="County Hall",
    )
    later = next_start + dt.timedelta(days=28)
    CohortSessionFactory(
        cohort=cohort, title="Later session", starts_at=later, ends_at=later + dt.timedelta(hours=3)
    )
    CohortFactory(name="Medway 2026")  # not theirs
    html = page_for(client, participant)
    assert "Your cohorts" in html
    assert "Kent 2026" in html
    assert "Medway 2026" not in html
    assert "Next session:</strong> Leading with data" in html
    assert f"{next_start:%A} {next_start.day} {next_start:%B %Y}, 09:30" in html
    assert "Later session" not in html
    assert "Your certificates" not in html


def test_participant_sees_their_certificate_once_issued(client):
    participant = UserFactory(participant=True)
    enrolment = EnrolmentFactory(participant=participant, cohort=CohortFactory(name="Kent 2026"))
    assert "Your certificates" not in page_for(client, participant)
    certificate = CertificateFactory(enrolment=enrolment)
    html = page_for(client, participant)
    assert "Your certificates" in html
    assert certificate.display_code in html


def test_someone_with_no_role_is_told_how_to_get_enrolled(client):
    html = page_for(client, UserFactory())
    assert "You are not enrolled on a cohort yet." in html
    assert "Programme manager" not in html
    assert "Cohorts you facilitate" not in html


def _queries_for(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(HOME).status_code == 200
    return len(captured)


def _busy_user(n_enrolments):
    """Someone in every role at once, with n officers, n cohorts and n sessions to show."""
    person = UserFactory(roles=["programme-manager", "facilitator", "nominator", "participant"])
    organisation = OrganisationFactory(nominators=[person])
    programme = ProgrammePageFactory()  # one programme: pages are slow to make
    cohorts = []
    for _ in range(n_enrolments):
        cohort = CohortFactory(programme=programme, facilitators=[person])
        CohortSessionFactory(cohort=cohort, starts_at=timezone.now() + dt.timedelta(days=2))
        EnrolmentFactory(cohort=cohort, organisation=organisation)
        cohorts.append(cohort)
    for cohort in cohorts[:3]:
        enrolment = EnrolmentFactory(cohort=cohort, participant=person, organisation=organisation)
        CertificateFactory(enrolment=enrolment)
    return person


def test_the_page_costs_the_same_queries_for_5_or_30_enrolments(
    client, django_assert_max_num_queries
):
    few = _queries_for(client, _busy_user(5))
    many_user = _busy_user(30)
    client.force_login(many_user)
    with django_assert_max_num_queries(few):
        assert client.get(HOME).status_code == 200
    # And a fixed budget for everything a person in every role sees (each role's section adds
    # its standings against the completion rule, a handful of queries each).
    assert few <= 40


def test_participant_sees_where_to_go_what_to_read_and_a_link_to_the_session(client):
    participant = UserFactory(participant=True)
    cohort = CohortFactory(name="Kent 2026")
    EnrolmentFactory(cohort=cohort, participant=participant)
    start = timezone.now() + dt.timedelta(days=5)
    session = CohortSessionFactory(
        cohort=cohort,
        title="Leading with data",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        venue="",
        joining_url="https://meet.example.org/kent",
        pre_reading="<p>Read the county data strategy.</p>",
    )
    html = page_for(client, participant)
    assert 'href="https://meet.example.org/kent"' in html
    assert "Read the county data strategy." in html
    assert f'href="{reverse("cohorts:session_detail", args=[session.pk])}"' in html
    assert f'href="{reverse("cohorts:session_ics", args=[session.pk])}"' in html
    assert f'href="{reverse("cohorts:my_calendar")}"' in html


def test_participant_sees_module_progress_and_attendance_against_the_completion_rule(client):
    from tests.cohorts.factories import AttendanceMarkFactory, CompletionRuleFactory
    from tests.modules.factories import ModulePageFactory, ModuleProgressFactory

    participant = UserFactory(participant=True)
    programme = ProgrammePageFactory()
    CompletionRuleFactory(programme=programme, min_sessions_attended=3, min_share_attended=None)
    modules = [ModulePageFactory(parent=programme) for _ in range(3)]
    ModuleProgressFactory(participant=participant, module=modules[0], completed_at=timezone.now())
    ModuleProgressFactory(participant=participant, module=modules[1])  # opened, not completed
    cohort = CohortFactory(programme=programme)
    enrolment = EnrolmentFactory(cohort=cohort, participant=participant)
    # Two sessions held (53 and 25 days ago), two to come.
    sessions = [
        CohortSessionFactory(cohort=cohort, starts_at=cohort_session_start(cohort, n))
        for n in range(4)
    ]
    AttendanceMarkFactory(enrolment=enrolment, session=sessions[0])
    html = page_for(client, participant)
    assert "1 of 3 completed" in html
    assert "Attended 1 of the 2 sessions held so far (50%); needs 3 of 4" in html


def test_participant_can_download_their_certificate_from_my_academy(client):
    participant = UserFactory(participant=True)
    enrolment = EnrolmentFactory(participant=participant)
    certificate = CertificateFactory(enrolment=enrolment)
    html = page_for(client, participant)
    assert f'href="{reverse("cohorts:certificate_download", args=[certificate.pk])}"' in html


def test_facilitator_sees_todays_sessions_with_a_link_to_each_register(client, facilitator):
    cohort = CohortFactory(facilitators=[facilitator])
    now = timezone.now()
    today = CohortSessionFactory(
        cohort=cohort,
        title="Today's session",
        starts_at=now + dt.timedelta(minutes=5),
        ends_at=now + dt.timedelta(hours=2),
    )
    later = CohortSessionFactory(
        cohort=cohort,
        title="Next month",
        starts_at=now + dt.timedelta(days=30),
        ends_at=now + dt.timedelta(days=30, hours=2),
    )
    html = page_for(client, facilitator)
    todays_part = html.split("Today's sessions</h3>")[1].split("Upcoming sessions</h3>")[0]
    assert f'href="{reverse("cohorts:attendance_register", args=[today.pk])}"' in todays_part
    assert "Next month" not in todays_part
    assert f'href="{reverse("cohorts:attendance_register", args=[later.pk])}"' in html


def test_facilitator_sees_who_is_at_risk_on_their_running_cohorts(client, facilitator):
    from cohorts.models import AttendanceMark
    from tests.cohorts.factories import AttendanceMarkFactory

    cohort = CohortFactory(facilitators=[facilitator])
    now = timezone.now()
    sessions = [
        CohortSessionFactory(
            cohort=cohort,
            starts_at=now + dt.timedelta(days=days),
            ends_at=now + dt.timedelta(days=days, hours=2),
        )
        for days in (-20, -10, 10)
    ]
    missing = EnrolmentFactory(
        cohort=cohort, participant=UserFactory(first_name="Sam", last_name="Absent")
    )
    fine = EnrolmentFactory(
        cohort=cohort, participant=UserFactory(first_name="Pat", last_name="Present")
    )
    for session in sessions[:2]:
        AttendanceMarkFactory(
            enrolment=missing, session=session, status=AttendanceMark.Status.ABSENT
        )
        AttendanceMarkFactory(enrolment=fine, session=session)
    html = page_for(client, facilitator)
    at_risk_part = html.split("Participants at risk of not completing")[1]
    assert "Sam Absent" in at_risk_part
    assert "Pat Present" not in at_risk_part


def test_nominator_sees_their_officers_attendance_and_seats_left(client, nominator):
    from tests.cohorts.factories import AttendanceMarkFactory

    police = OrganisationFactory(name="Kent Police", nominators=[nominator])
    running = CohortFactory()
    officer = EnrolmentFactory(cohort=running, organisation=police)
    sessions = [
        CohortSessionFactory(cohort=running, starts_at=cohort_session_start(running, n))
        for n in range(2)
    ]
    AttendanceMarkFactory(enrolment=officer, session=sessions[0])
    open_cohort = CohortFactory(name="Medway 2027", open=True)
    SeatAllocationFactory(cohort=open_cohort, organisation=police, seats=4)
    EnrolmentFactory(cohort=open_cohort, organisation=police, status="invited")
    html = page_for(client, nominator)
    assert "Attended 1 of 2 sessions (50%)" in html
    assert "3 seats left for Kent Police" in html
    assert f'href="{reverse("cohorts:nominate_officer", args=[open_cohort.pk, police.pk])}"' in html


def _links(html):
    return set(re.findall(r'href="([^"]+)"', html))


def test_facilitator_reaches_every_screen_of_each_cohort_closed_ones_included(client, facilitator):
    running = CohortFactory(name="Kent 2026", facilitators=[facilitator])
    closed = CohortFactory(name="Kent 2025", closed=True, facilitators=[facilitator])
    links = _links(page_for(client, facilitator))
    for cohort in (running, closed):
        for name in (
            "cohorts:overview",
            "cohorts:cohort_attendance",
            "cohorts:cohort_progress",
            "cohorts:cohort_completion",
            "cohorts:people",
            "cohorts:cohort_calendar",
        ):
            assert reverse(name, args=[cohort.pk]) in links, (cohort, name)
    assert reverse("cohorts:dashboard") in links
    # Nothing that holds nothing for them: a facilitator keeps no learning log or places.
    assert reverse("modules:learning_log") not in links
    assert reverse("cohorts:my_certificates") not in links
    assert reverse("cohorts:my_calendar") in links


def test_nominator_reaches_their_officers_attendance_certificates_and_the_template(
    client, nominator
):
    police = OrganisationFactory(name="Kent Police", nominators=[nominator])
    running = CohortFactory(name="Kent 2026")
    officer = EnrolmentFactory(cohort=running, organisation=police)
    certificate = CertificateFactory(enrolment=officer)
    open_cohort = CohortFactory(name="Medway 2027", open=True)
    SeatAllocationFactory(cohort=open_cohort, organisation=police, seats=4)
    links = _links(page_for(client, nominator))
    assert reverse("cohorts:cohort_attendance", args=[running.pk]) in links
    assert reverse("cohorts:cohort_completion", args=[running.pk]) in links
    assert reverse("cohorts:cohort_calendar", args=[running.pk]) in links
    assert reverse("cohorts:certificate_download", args=[certificate.pk]) in links
    assert reverse("cohorts:my_certificates") in links
    assert reverse("cohorts:import_upload", args=[open_cohort.pk, police.pk]) in links
    for export_format in ("csv", "xlsx"):
        assert reverse("cohorts:nomination_template", args=[export_format]) in links
    assert reverse("modules:learning_log") not in links
    assert reverse("cohorts:my_calendar") not in links


def test_participant_reaches_sessions_apologies_people_learning_and_certificates(client):
    participant = UserFactory(participant=True)
    cohort = CohortFactory(name="Kent 2026")
    EnrolmentFactory(cohort=cohort, participant=participant)
    start = timezone.now() + dt.timedelta(days=5)
    session = CohortSessionFactory(
        cohort=cohort, starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    links = _links(page_for(client, participant))
    for url in (
        reverse("cohorts:apologies", args=[session.pk]),
        reverse("cohorts:my_attendance", args=[cohort.pk]),
        reverse("cohorts:people", args=[cohort.pk]),
        reverse("cohorts:cohort_calendar", args=[cohort.pk]),
        reverse("cohorts:my_calendar"),
        reverse("cohorts:my_certificates"),
        reverse("modules:learning_log"),
        reverse("modules:search"),
    ):
        assert url in links, url


def test_an_invited_officer_is_not_offered_pages_only_those_taking_part_may_open(client):
    participant = UserFactory(participant=True)
    cohort = CohortFactory(name="Kent 2026")
    EnrolmentFactory(cohort=cohort, participant=participant, status="invited")
    start = timezone.now() + dt.timedelta(days=5)
    session = CohortSessionFactory(
        cohort=cohort, starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    links = _links(page_for(client, participant))
    assert reverse("cohorts:session_detail", args=[session.pk]) not in links
    assert reverse("cohorts:apologies", args=[session.pk]) not in links
    assert reverse("cohorts:my_attendance", args=[cohort.pk]) not in links
    assert reverse("cohorts:people", args=[cohort.pk]) not in links
    # Each of these refuses an invited officer: nothing on their home may lead there.
    client.force_login(participant)
    for url in links:
        if url.startswith("/cohorts/"):
            assert client.get(url).status_code == 200, url
