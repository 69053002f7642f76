"""Programme managers set up cohorts in the admin: the cohort, its sessions and its seat
allocations on one screen. Facilitators and nominators cannot open it."""

import datetime as dt

import pytest
from django.urls import reverse

from cohorts.models import LONDON, Cohort, CohortSession, SeatAllocation
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, OrganisationFactory
from tests.modules.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db

ADD = reverse("wagtailsnippets_cohorts_cohort:add")


def edit_url(cohort):
    return reverse("wagtailsnippets_cohorts_cohort:edit", args=[cohort.pk])


def cohort_form_data(programme, *, sessions=(), allocations=(), **overrides):
    """What the cohort screen posts: the cohort's fields and its two inline formsets."""
    data = {
        "programme": programme.pk,
        "name": "Kent 2026",
        "place": "",
        "starts_on": "2026-03-02",
        "ends_on": "2026-09-30",
        "capacity": "24",
        "status": Cohort.Status.OPEN,
        "target_min_sectors": "4",
        "target_max_share_percent": "40",
        "checkin_opens_minutes_before": "30",
        "checkin_closes_minutes_after": "120",
        "sessions-TOTAL_FORMS": str(len(sessions)),
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
        "seat_allocations-TOTAL_FORMS": str(len(allocations)),
        "seat_allocations-INITIAL_FORMS": "0",
        "seat_allocations-MIN_NUM_FORMS": "0",
        "seat_allocations-MAX_NUM_FORMS": "1000",
    }
    for i, (title, starts_at, ends_at) in enumerate(sessions):
        data |= {
            f"sessions-{i}-id": "",
            f"sessions-{i}-title": title,
            f"sessions-{i}-starts_at": starts_at,
            f"sessions-{i}-ends_at": ends_at,
            f"sessions-{i}-venue": "County Hall, Maidstone",
            f"sessions-{i}-joining_url": "",
            f"sessions-{i}-DELETE": "",
        }
    for i, (organisation, seats) in enumerate(allocations):
        data |= {
            f"seat_allocations-{i}-id": "",
            f"seat_allocations-{i}-organisation": organisation.pk,
            f"seat_allocations-{i}-seats": str(seats),
            f"seat_allocations-{i}-DELETE": "",
        }
    data |= overrides
    return data


@pytest.fixture
def programme():
    return ProgrammePageFactory(title="Digital Academy")


def test_manager_can_open_the_cohort_add_and_edit_screens(client, manager):
    cohort = CohortFactory(name="Kent 2026")
    client.force_login(manager)
    add = client.get(ADD)
    assert add.status_code == 200
    assert 'name="sessions-TOTAL_FORMS"' in add.content.decode()
    edit = client.get(edit_url(cohort))
    assert edit.status_code == 200
    assert "Kent 2026" in edit.content.decode()


def test_manager_creates_a_cohort_with_sessions_and_seat_allocations_in_one_go(
    client, manager, programme
):
    police = OrganisationFactory(name="Kent Police")
    health = OrganisationFactory(name="Kent and Medway ICB")
    client.force_login(manager)
    response = client.post(
        ADD,
        cohort_form_data(
            programme,
            sessions=[
                ("Kick-off", "2026-03-10 09:30", "2026-03-10 12:30"),
                # In British Summer Time: stored in UTC, entered and shown in London time.
                ("Data and trust", "2026-04-14 09:30", "2026-04-14 12:30"),
            ],
            allocations=[(police, 6), (health, 4)],
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    cohort = Cohort.objects.get(name="Kent 2026")
    assert cohort.programme_id == programme.pk
    sessions = list(cohort.sessions.order_by("starts_at"))
    assert [s.title for s in sessions] == ["Kick-off", "Data and trust"]
    assert sessions[1].starts_at == dt.datetime(2026, 4, 14, 9, 30, tzinfo=LONDON)
    assert {(a.organisation.name, a.seats) for a in cohort.seat_allocations.all()} == {
        ("Kent Police", 6),
        ("Kent and Medway ICB", 4),
    }


def test_a_session_outside_the_cohorts_dates_is_a_form_error_and_nothing_is_saved(
    client, manager, programme
):
    police = OrganisationFactory()
    client.force_login(manager)
    response = client.post(
        ADD,
        cohort_form_data(
            programme,
            sessions=[
                ("Kick-off", "2026-03-10 09:30", "2026-03-10 12:30"),
                ("Too late", "2026-10-06 09:30", "2026-10-06 12:30"),
            ],
            allocations=[(police, 6)],
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "The session must fall within the cohort&#x27;s dates (02 Mar 2026 to 30 Sep 2026)." in html
    )
    assert not Cohort.objects.exists()
    assert not CohortSession.objects.exists()
    assert not SeatAllocation.objects.exists()


def test_moving_a_cohorts_dates_away_from_its_sessions_is_a_form_error(client, manager):
    cohort = CohortFactory(starts_on=dt.date(2026, 3, 2), ends_on=dt.date(2026, 9, 30))
    session = CohortSessionFactory(
        cohort=cohort,
        title="Kick-off",
        starts_at=dt.datetime(2026, 3, 10, 9, 30, tzinfo=LONDON),
        ends_at=dt.datetime(2026, 3, 10, 12, 30, tzinfo=LONDON),
    )
    client.force_login(manager)
    data = cohort_form_data(
        cohort.programme,
        name=cohort.name,
        starts_on="2026-04-01",
        sessions=[("Kick-off", "2026-03-10 09:30", "2026-03-10 12:30")],
    )
    data |= {"sessions-INITIAL_FORMS": "1", "sessions-0-id": str(session.pk)}
    response = client.post(edit_url(cohort), data)
    assert response.status_code == 200
    assert "must fall within the cohort&#x27;s dates" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.starts_on == dt.date(2026, 3, 2)


def test_a_session_ending_before_it_starts_is_a_form_error(client, manager, programme):
    client.force_login(manager)
    response = client.post(
        ADD,
        cohort_form_data(
            programme, sessions=[("Backwards", "2026-03-10 12:30", "2026-03-10 09:30")]
        ),
    )
    assert response.status_code == 200
    assert "The session must end after it starts." in response.content.decode()
    assert not Cohort.objects.exists()


def test_a_cohort_ending_before_it_starts_is_a_form_error(client, manager, programme):
    client.force_login(manager)
    response = client.post(ADD, cohort_form_data(programme, ends_on="2026-01-01"))
    assert response.status_code == 200
    assert "The cohort must end on or after its start date." in response.content.decode()
    assert not Cohort.objects.exists()


@pytest.mark.parametrize("role", ["facilitator", "nominator"])
def test_facilitators_and_nominators_cannot_open_the_cohort_screens(client, request, role):
    cohort = CohortFactory()
    client.force_login(request.getfixturevalue(role))
    for url in (edit_url(cohort), ADD, reverse("wagtailsnippets_cohorts_cohort:list")):
        response = client.get(url)
        # A facilitator may use the admin but is sent back to its dashboard; a nominator cannot
        # use the admin at all and is sent to sign in.
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url in ("/admin/", f"/admin/login/?next={url}"), response.url


@pytest.mark.parametrize("role", ["facilitator", "nominator"])
def test_facilitators_and_nominators_cannot_post_a_cohort(client, request, role, programme):
    client.force_login(request.getfixturevalue(role))
    response = client.post(ADD, cohort_form_data(programme))
    assert response.status_code in (302, 403)
    assert not Cohort.objects.exists()


def test_enrolments_are_read_only_in_the_admin_so_seat_rules_and_history_are_never_bypassed(
    client, manager
):
    from cohorts.models import Enrolment
    from tests.cohorts.factories import EnrolmentFactory

    enrolment = EnrolmentFactory(status=Enrolment.Status.CONFIRMED)
    client.force_login(manager)

    assert client.get(reverse("wagtailsnippets_cohorts_enrolment:list")).status_code == 200
    inspect = client.get(reverse("wagtailsnippets_cohorts_enrolment:inspect", args=[enrolment.pk]))
    assert inspect.status_code == 200
    edit = client.post(
        reverse("wagtailsnippets_cohorts_enrolment:edit", args=[enrolment.pk]),
        {"status": Enrolment.Status.WITHDRAWN},
    )
    assert edit.status_code in (302, 403)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED
    add = client.get(reverse("wagtailsnippets_cohorts_enrolment:add"))
    assert add.status_code in (302, 403)
