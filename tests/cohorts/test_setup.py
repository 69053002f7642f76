"""Setting up a cohort: the guard rails (`cohorts.models.cohorts`: allocations within the
capacity, sessions covering their own programme's modules, facilitators who hold the role), as
the set-up services keep them and as the admin's cohort screen keeps them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from cohorts.models import LONDON, Cohort, CohortSession, SeatAllocation
from cohorts.setup.services import cohort_create, cohort_session_add, cohort_status_set
from tests.academy_site.test_admin import ADD, cohort_form_data, edit_url
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory, CohortSessionFactory, OrganisationFactory
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgrammePageFactory(title="Digital Academy")


def create(programme, **overrides):
    return cohort_create(
        **{
            "programme": programme,
            "name": "Kent 2026",
            "starts_on": dt.date(2026, 3, 2),
            "ends_on": dt.date(2026, 9, 30),
            "capacity": 10,
            **overrides,
        }
    )


# --- The services ---


def test_a_cohort_is_created_with_its_facilitators_and_allocations(programme, facilitator):
    police, health = OrganisationFactory(), OrganisationFactory()
    cohort = create(programme, facilitators=[facilitator], allocations={police: 6, health: 4})
    cohort = Cohort.objects.get(pk=cohort.pk)
    assert list(cohort.facilitators.all()) == [facilitator]
    assert {(a.organisation, a.seats) for a in cohort.seat_allocations.all()} == {
        (police, 6),
        (health, 4),
    }


def test_allocations_over_the_capacity_are_refused_and_nothing_is_saved(programme):
    police, health = OrganisationFactory(), OrganisationFactory()
    with pytest.raises(ValidationError, match="add up to 11, more than the cohort's capacity"):
        create(programme, allocations={police: 6, health: 5})
    assert not Cohort.objects.exists() and not SeatAllocation.objects.exists()


def test_someone_without_the_facilitator_role_cannot_facilitate(programme, facilitator):
    nominator = UserFactory(nominator=True, first_name="Nia", last_name="Jones")
    with pytest.raises(ValidationError, match="Nia Jones does not"):
        create(programme, facilitators=[facilitator, nominator])
    assert not Cohort.objects.exists()


def test_a_session_covers_modules_of_its_own_programme_only(programme):
    cohort = create(programme)
    own = ModulePageFactory(parent=programme, title="Leading digital")
    other = ModulePageFactory(parent=ProgrammePageFactory(), title="Councillors and data")
    starts = dt.datetime(2026, 3, 10, 9, 30, tzinfo=LONDON)
    times = {"starts_at": starts, "ends_at": starts + dt.timedelta(hours=3)}
    with pytest.raises(ValidationError, match="“Councillors and data” belongs to another"):
        cohort_session_add(cohort=cohort, title="Kick-off", modules=[own, other], **times)
    assert not CohortSession.objects.exists()
    session = cohort_session_add(cohort=cohort, title="Kick-off", modules=[own], **times)
    assert list(CohortSession.objects.get(pk=session.pk).modules.all()) == [own]


def test_a_session_outside_the_cohorts_dates_is_refused(programme):
    cohort = create(programme)
    starts = dt.datetime(2026, 10, 6, 9, 30, tzinfo=LONDON)
    with pytest.raises(ValidationError, match="within the cohort's dates"):
        cohort_session_add(
            cohort=cohort, title="Late", starts_at=starts, ends_at=starts + dt.timedelta(hours=2)
        )


def test_a_cohorts_status_moves_through_the_service(programme):
    cohort = create(programme, status=Cohort.Status.OPEN)
    cohort_status_set(cohort=cohort, status=Cohort.Status.RUNNING)
    assert Cohort.objects.get(pk=cohort.pk).status == Cohort.Status.RUNNING
    with pytest.raises(ValidationError):
        cohort_status_set(cohort=cohort, status="finished")


# --- The admin's cohort screen ---


def test_allocations_over_the_capacity_are_a_form_error_and_nothing_is_saved(
    client, manager, programme
):
    police, health = OrganisationFactory(), OrganisationFactory()
    client.force_login(manager)
    response = client.post(
        ADD, cohort_form_data(programme, capacity="10", allocations=[(police, 6), (health, 5)])
    )
    assert response.status_code == 200
    html = response.content.decode()
    # Beside the capacity and above the seat allocations.
    assert html.count("add up to 11, more than the cohort&#x27;s capacity of 10") >= 2
    assert not Cohort.objects.exists() and not SeatAllocation.objects.exists()


def test_allocations_within_a_capacity_lowered_on_the_same_screen_are_saved(client, manager):
    cohort = CohortFactory(capacity=24)
    police = OrganisationFactory()
    allocation = SeatAllocation.objects.create(cohort=cohort, organisation=police, seats=20)
    data = cohort_form_data(
        cohort.programme,
        name=cohort.name,
        starts_on=f"{cohort.starts_on}",
        ends_on=f"{cohort.ends_on}",
        capacity="12",
        allocations=[(police, 12)],
    )
    data |= {"seat_allocations-INITIAL_FORMS": "1", "seat_allocations-0-id": str(allocation.pk)}
    client.force_login(manager)
    response = client.post(edit_url(cohort), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    allocation.refresh_from_db()
    assert allocation.seats == 12


def test_a_session_covering_another_programmes_module_is_a_form_error(client, manager, programme):
    other = ModulePageFactory(parent=ProgrammePageFactory(), title="Councillors and data")
    data = cohort_form_data(
        programme, sessions=[("Kick-off", "2026-03-10 09:30", "2026-03-10 12:30")]
    )
    data["sessions-0-modules"] = [str(other.pk)]
    client.force_login(manager)
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "“Councillors and data” belongs to another programme" in response.content.decode()
    assert not Cohort.objects.exists()


def test_a_session_covering_its_own_programmes_module_is_saved(client, manager, programme):
    own = ModulePageFactory(parent=programme, title="Leading digital")
    data = cohort_form_data(
        programme, sessions=[("Kick-off", "2026-03-10 09:30", "2026-03-10 12:30")]
    )
    data["sessions-0-modules"] = [str(own.pk)]
    client.force_login(manager)
    assert client.post(ADD, data).status_code == 302
    assert list(CohortSession.objects.get().modules.all()) == [own]


def test_the_facilitators_field_offers_only_people_who_hold_the_role(client, manager, facilitator):
    bystander = UserFactory(nominator=True, first_name="Nia", last_name="Jones")
    client.force_login(manager)
    html = client.get(ADD).content.decode()
    assert f'value="{facilitator.pk}"' in html
    assert f'value="{bystander.pk}"' not in html


def test_posting_someone_without_the_role_as_facilitator_is_a_form_error(
    client, manager, programme
):
    bystander = UserFactory(nominator=True)
    client.force_login(manager)
    response = client.post(ADD, cohort_form_data(programme, facilitators=[str(bystander.pk)]))
    assert response.status_code == 200
    assert "Only people who hold the facilitator role" in response.content.decode()
    assert not Cohort.objects.exists()


def test_a_facilitator_is_saved(client, manager, programme, facilitator):
    client.force_login(manager)
    response = client.post(ADD, cohort_form_data(programme, facilitators=[str(facilitator.pk)]))
    assert response.status_code == 302
    assert list(Cohort.objects.get().facilitators.all()) == [facilitator]


def test_editing_a_cohort_keeps_its_existing_sessions(client, manager):
    cohort = CohortFactory(starts_on=dt.date(2026, 3, 2), ends_on=dt.date(2026, 9, 30))
    session = CohortSessionFactory(cohort=cohort)
    data = cohort_form_data(
        cohort.programme,
        name="Renamed",
        sessions=[
            (
                session.title,
                f"{session.starts_at.astimezone(LONDON):%Y-%m-%d %H:%M}",
                f"{session.ends_at.astimezone(LONDON):%Y-%m-%d %H:%M}",
            )
        ],
    )
    data |= {"sessions-INITIAL_FORMS": "1", "sessions-0-id": str(session.pk)}
    client.force_login(manager)
    assert client.post(edit_url(cohort), data).status_code == 302
    assert Cohort.objects.get().name == "Renamed"
    assert CohortSession.objects.get().pk == session.pk
