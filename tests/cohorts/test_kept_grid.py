"""The attendance grid's page keeps its rendered parts under the version of the cohort's record,
the sessions held so far and whom the viewer may see (`cohorts.reports.kept_grid`): a second
look builds no grid, yet a mark recorded or a session starting shows on the next request, and
nobody ever reads a part kept for someone who may see other people."""

import re

import pytest
import time_machine
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from cohorts.attendance.register import register_save
from cohorts.models import AttendanceMark, Sector
from cohorts.reports import kept_grid
from cohorts.reports.grid import cohort_grid
from tests.accounts.factories import UserFactory
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many, london, mark_all
from tests.cohorts.deploys import migrated
from tests.cohorts.factories import OrganisationFactory

Status = AttendanceMark.Status
pytestmark = pytest.mark.django_db
# Four of the eight weekly sessions (from 1 June 2026) have been held; the fifth starts on
# 29 June at 09:30 (within the hour, well within the day parts are kept for).
NOW = london(2026, 6, 29, 9, 0)
FIFTH_STARTED = london(2026, 6, 29, 10, 0)


@pytest.fixture
def world(facilitator, nominator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator)
    police = OrganisationFactory(name="Kent Police", sector=Sector.POLICE, nominators=[nominator])
    council = OrganisationFactory(name="Kent County Council", sector=Sector.LOCAL_AUTHORITY)
    officers = enrol_many(cohort, 2, organisation=police, prefix="police")
    councillors = enrol_many(cohort, 2, organisation=council, prefix="council")
    mark_all(officers + councillors, sessions[:4])
    return cohort, sessions, officers, councillors


def _get(client, user, cohort, when=NOW, **params):
    client.force_login(user)
    with time_machine.travel(when, tick=False):
        response = client.get(reverse("cohorts:cohort_attendance", args=[cohort.pk]), params)
    assert response.status_code == 200
    # Each response has its own CSRF token (the header's sign-out form): the rest is compared.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_a_second_look_at_the_grid_builds_no_grid_and_shows_the_same_page(
    client, world, facilitator, monkeypatch
):
    cohort, *_ = world
    first = _get(client, facilitator, cohort)
    built = []
    monkeypatch.setattr(kept_grid, "build_grid", lambda **kw: built.append(kw))
    assert _get(client, facilitator, cohort) == first
    assert built == []


def test_a_second_look_reads_the_version_and_every_part_in_one_cache_read(
    client, world, facilitator, monkeypatch
):
    cohort, *_ = world
    _get(client, facilitator, cohort)
    records = caches["records"]
    many, single = [], []
    real_many, real_get = records.get_many, records.get
    monkeypatch.setattr(
        records, "get_many", lambda keys, **kw: many.append(keys) or real_many(keys, **kw)
    )
    monkeypatch.setattr(
        records, "get", lambda key, *a, **kw: single.append(key) or real_get(key, *a, **kw)
    )
    _get(client, facilitator, cohort)
    # LocMem's get_many gets each key in turn; Redis reads them in one round trip.
    [keys] = many
    assert set(single) <= set(keys)


def test_a_mark_recorded_shows_on_the_next_request(client, world, facilitator):
    cohort, sessions, officers, councillors = world
    assert "4 of 4<span" in _get(client, facilitator, cohort)
    register_save(
        session=sessions[3],
        entries={officers[0].pk: (Status.ABSENT, "")},
        recorded_by=facilitator,
        now=NOW,
    )
    html = _get(client, facilitator, cohort)
    assert '75%<br><span class="govuk-body-s">3 of 4<span' in html


def test_a_session_starting_shows_on_the_next_request(client, world, facilitator):
    cohort, *_ = world
    assert "4 of 8 sessions held so far" in _get(client, facilitator, cohort)
    html = _get(client, facilitator, cohort, when=FIFTH_STARTED)
    assert "5 of 8 sessions held so far" in html
    # Nobody is marked at the fifth yet: 4 of the 5 held.
    assert '80%<br><span class="govuk-body-s">4 of 5<span' in html


def test_parts_kept_before_a_deploy_are_never_read_after_it(
    client, world, facilitator, monkeypatch
):
    """Every deploy migrates, which moves the records' generation: parts rendered by the code
    before it are rendered again."""
    cohort, *_ = world
    first = _get(client, facilitator, cohort)
    migrated()
    built = []
    real = kept_grid.build_grid
    monkeypatch.setattr(kept_grid, "build_grid", lambda **kw: built.append(1) or real(**kw))
    assert _get(client, facilitator, cohort) == first
    assert built == [1]


def test_a_nominator_never_sees_other_organisations_officers_from_a_kept_grid(
    client, world, facilitator, nominator
):
    cohort, sessions, officers, councillors = world
    everyone = _get(client, facilitator, cohort)
    assert str(councillors[0].participant) in everyone
    html = _get(client, nominator, cohort)
    assert str(officers[0].participant) in html
    assert str(councillors[0].participant) not in html
    assert "Kent County Council" not in html
    # Another nominator's officers on the same cohort: each sees their own, whoever came first.
    other = UserFactory(nominator=True)
    councillors[0].organisation.nominators.add(other)
    html = _get(client, other, cohort)
    assert str(councillors[0].participant) in html
    assert str(officers[0].participant) not in html
    assert str(councillors[0].participant) not in _get(client, nominator, cohort)


def test_a_nominator_who_stops_nominating_for_an_organisation_stops_seeing_its_officers(
    client, world, nominator
):
    cohort, sessions, officers, councillors = world
    council = councillors[0].organisation
    council.nominators.add(nominator)
    assert str(councillors[0].participant) in _get(client, nominator, cohort)
    council.nominators.remove(nominator)  # moves no cohort's record: the scope is in the key
    html = _get(client, nominator, cohort)
    assert str(officers[0].participant) in html
    assert str(councillors[0].participant) not in html


@pytest.mark.parametrize("shown", [{}, {"session": 0}], ids=["every session", "one session"])
@pytest.mark.parametrize("nominator_first", [False, True])
def test_the_links_only_those_who_run_the_cohort_get_never_reach_anyone_else(
    client, world, facilitator, nominator, shown, nominator_first
):
    cohort, sessions, *_ = world
    params = {"session": sessions[0].pk} if shown else {}
    register = reverse("cohorts:attendance_register", args=[sessions[0].pk])
    if nominator_first:
        assert register not in _get(client, nominator, cohort, **params)
    assert register in _get(client, facilitator, cohort, **params)
    council = OrganisationFactory()
    enrol_many(cohort, 1, organisation=council, prefix="all")
    # A programme manager sees everyone, as the facilitator does, and shares the kept parts.
    manager = UserFactory(programme_manager=True)
    assert register in _get(client, manager, cohort, **params)
    assert register not in _get(client, nominator, cohort, **params)


def test_the_one_session_view_is_kept_apart_from_every_session(client, world, facilitator):
    cohort, sessions, *_ = world
    every = _get(client, facilitator, cohort)
    one = _get(client, facilitator, cohort, session=sessions[2].pk)
    assert "academy-grid--one" in one and "academy-grid--one" not in every
    assert one.count('class="govuk-table__cell academy-grid__mark"') == 4
    assert _get(client, facilitator, cohort) == every


def test_a_mark_recorded_shows_on_the_one_session_view_too(client, world, facilitator):
    cohort, sessions, officers, councillors = world
    one = _get(client, facilitator, cohort, session=sessions[3].pk)
    assert one.count(">Absent<") == 0
    assert _get(client, facilitator, cohort, session=sessions[3].pk) == one
    register_save(
        session=sessions[3],
        entries={officers[0].pk: (Status.ABSENT, "")},
        recorded_by=facilitator,
        now=NOW,
    )
    assert _get(client, facilitator, cohort, session=sessions[3].pk).count(">Absent<") == 1


def test_those_who_run_a_cohort_see_everyone_on_it(world, facilitator):
    """What the kept grid's "everyone" stands for: the same rows as the one rule gives them."""
    cohort, sessions, officers, councillors = world
    manager = UserFactory(programme_manager=True)
    expected = {e.pk for e in officers + councillors}
    for user in (facilitator, manager):
        assert {row.enrolment.pk for row in cohort_grid(cohort=cohort, user=user).rows} == expected


@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "records": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
)
def test_without_a_shared_cache_the_grid_is_built_every_time(client, world, facilitator):
    cohort, *_ = world
    first = _get(client, facilitator, cohort)
    built = []
    real = kept_grid.build_grid

    def counted(**kwargs):
        built.append(1)
        return real(**kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kept_grid, "build_grid", counted)
        assert _get(client, facilitator, cohort) == first
    assert built == [1]
