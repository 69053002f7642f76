"""Nominators submitting at the same moment can never over-fill a cohort or an organisation's
allocation: the nomination service locks the cohort row, so the nominations queue.

These tests run real parallel transactions (one thread and one database connection each), so
they need PostgreSQL's row locks: SQLite serialises every write to the whole database anyway.
`serialized_rollback` puts back the role groups the migrations made once each test has flushed
the database.
"""

import threading

import pytest
from django.db import connection, connections

from cohorts.enrolment import services
from cohorts.models import Enrolment
from tests.cohorts.nomination_world import make_world, officer

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: parallel transactions and row locks (set DATABASE_URL)",
    ),
]


def run_in_parallel(calls):
    """Start every call at the same moment, each in its own thread and database connection.
    Returns the results and the errors."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def worker(call):
        try:
            barrier.wait(timeout=10)
            results.append(call())
        except Exception as error:  # collected for the assertion message
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def nomination(world, organisation, n, **overrides):
    nominator = world.police_nominator if organisation == world.police else world.health_nominator

    def call():
        return services.enrolment_nominate(
            actor=nominator,
            cohort=world.cohort,
            organisation=organisation,
            **officer(n, **overrides),
        )

    return call


def test_parallel_nominations_never_over_fill_the_cohort():
    world = make_world(capacity=3, police_seats=6, health_seats=6)
    calls = [nomination(world, world.police if n % 2 else world.health, n) for n in range(1, 11)]
    results, errors = run_in_parallel(calls)
    assert not errors, errors
    assert len(results) == 10
    holding = Enrolment.objects.filter(cohort=world.cohort).holding_seats().count()
    waiting = Enrolment.objects.filter(cohort=world.cohort, status="waiting-list").count()
    assert (holding, waiting) == (3, 7)


def test_parallel_nominations_never_over_fill_an_organisations_allocation():
    world = make_world(capacity=20, police_seats=2, health_seats=6)
    results, errors = run_in_parallel([nomination(world, world.police, n) for n in range(1, 9)])
    assert not errors, errors
    statuses = sorted(e.status for e in results)
    assert statuses == ["invited"] * 2 + ["waiting-list"] * 6


def test_parallel_nominations_of_one_new_officer_make_one_account_and_one_enrolment():
    world = make_world(capacity=20, police_seats=5, health_seats=5)
    calls = [
        nomination(world, organisation, 1, email=email)
        for organisation, email in [
            (world.police, "Same.Person@example.org"),
            (world.health, " same.person@EXAMPLE.org"),
            (world.police, "same.person@example.org "),
        ]
    ]
    results, errors = run_in_parallel(calls)
    assert len(results) == 1, errors
    # The others are refused: the same organisation's as a second nomination, the other
    # organisation's because the person is now the first one's officer (never shown to it).
    assert all(
        "already has a nomination" in str(error)
        or "cannot be nominated by your organisation" in str(error)
        for error in errors
    ), errors
    assert Enrolment.objects.filter(participant__email="same.person@example.org").count() == 1
