"""The dashboard keeps each cohort's rendered row in the cache under the version of its record
(`cohorts.record_versions`) and what else the row shows (the programme's title, the place's
name, the sessions held by now, the next session): a row is not worked out again while nothing
it shows has changed, and any change shows on the next view."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cohorts.models import Enrolment, Sector
from tests.cohorts.factories import EnrolmentFactory, OrganisationFactory, PlaceFactory
from tests.cohorts.test_dashboard import DASHBOARD, academy, rows  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def kent(client):
    return rows(client.get(DASHBOARD).content.decode())["Kent 2026"]


@pytest.fixture
def signed_in(client, manager, academy):  # noqa: F811
    client.force_login(manager)
    return client


def test_a_row_kept_is_not_worked_out_again(signed_in):
    with CaptureQueriesContext(connection) as first:
        signed_in.get(DASHBOARD)
    with CaptureQueriesContext(connection) as again:
        signed_in.get(DASHBOARD)
    tables = " ".join(q["sql"] for q in again.captured_queries)
    assert "cohorts_cohortsession" not in tables and "cohorts_enrolment" not in tables
    assert len(again) < len(first)


def test_a_programme_published_with_a_new_title_shows_on_the_next_view(signed_in, academy):  # noqa: F811
    assert "Digital Academy" in kent(signed_in)
    programme = academy["programme"]
    programme.title = "Data Academy"
    programme.save_revision().publish()
    assert "Data Academy" in kent(signed_in)


def test_a_place_renamed_shows_on_the_next_view(signed_in, academy):  # noqa: F811
    running = academy["running"]
    running.place = PlaceFactory(name="Kent")
    running.save()
    assert "Kent 2026 Digital Academy, Kent" in kent(signed_in)
    running.place.name = "Kent and Medway"
    running.place.save()
    assert "Digital Academy, Kent and Medway" in kent(signed_in)


def test_a_session_renamed_or_moved_shows_on_the_next_view(signed_in, academy):  # noqa: F811
    assert "Data and trust" in kent(signed_in)
    upcoming = academy["running"].sessions.get(title="Data and trust")
    upcoming.title = "Data, trust and ethics"
    upcoming.save()
    assert "Data, trust and ethics" in kent(signed_in)
    upcoming.starts_at += dt.timedelta(days=60)
    upcoming.ends_at += dt.timedelta(days=60)
    upcoming.save()
    assert "Later session" in kent(signed_in)


def test_the_next_session_moves_on_when_it_is_over(signed_in, manager, academy):  # noqa: F811
    upcoming = academy["running"].sessions.get(title="Data and trust")
    # While it is on it is still the next session; once it is over, the one after it is.
    for moment, shown in [
        (dt.timedelta(hours=1), "Data and trust"),
        (dt.timedelta(hours=3), "Later session"),
    ]:
        with time_machine.travel(upcoming.starts_at + moment, tick=False):
            signed_in.force_login(manager)  # days on: signed in again
            assert shown in kent(signed_in)


def test_seats_and_the_mix_follow_enrolments_and_organisations(signed_in, academy):  # noqa: F811
    assert "4 of 10" in kent(signed_in) and "2 sectors" in kent(signed_in)
    EnrolmentFactory(
        cohort=academy["running"],
        organisation=OrganisationFactory(sector=Sector.FIRE_AND_RESCUE),
        status=Enrolment.Status.CONFIRMED,
    )
    assert "5 of 10" in kent(signed_in) and "3 sectors" in kent(signed_in)
    health = Enrolment.objects.get(
        cohort=academy["running"], status=Enrolment.Status.INVITED
    ).organisation
    health.sector = Sector.POLICE
    health.save()
    assert "2 sectors" in kent(signed_in)
