import datetime as dt

import pytest
from django.utils import timezone

from tests.cohorts.factories import CohortSessionFactory


@pytest.fixture
def ended_session():
    """A cohort session of a running cohort that ended yesterday."""

    def make(cohort, *, days_ago=1):
        starts = timezone.now() - dt.timedelta(days=days_ago, hours=3)
        return CohortSessionFactory(
            cohort=cohort, starts_at=starts, ends_at=starts + dt.timedelta(hours=3)
        )

    return make


@pytest.fixture(autouse=True)
def _dashboard_worked_out_on_each_request(monkeypatch):
    """The dashboard keeps its figures for a few minutes; tests that change data between two
    requests want them worked out again (test_dashboard_cache.py tests the keeping)."""
    monkeypatch.setattr("impact.dashboard.CACHE_SECONDS", 0)
