"""The dashboard keeps its figures for a few minutes for the same view, so reading it again costs
a fraction of working it out; one person's view is never served to another who sees less."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.impact import dashboard_world

pytestmark = pytest.mark.django_db
URL = reverse("impact:dashboard")


@pytest.fixture(autouse=True)
def _keep_figures(monkeypatch):
    monkeypatch.setattr("impact.dashboard.CACHE_SECONDS", 300)


def _places(response):
    figure = next(f for f in response.context["figures"] if f.key == "places")
    return figure.tables[0].rows[0]


def test_figures_are_kept_and_read_again_in_a_few_queries(client):
    world = dashboard_world.build()
    client.force_login(world.people["manager"])
    with CaptureQueriesContext(connection) as first:
        response = client.get(URL)
    assert "Figures as at" in response.content.decode()
    with CaptureQueriesContext(connection) as again:
        assert _places(client.get(URL)) == _places(response)
    assert len(again) <= len(first) - 15


def test_a_nominator_never_gets_the_figures_kept_for_a_manager(client):
    world = dashboard_world.build()
    client.force_login(world.people["manager"])
    assert _places(client.get(URL))[1] == 14
    client.force_login(world.people["police_nominator"])
    assert _places(client.get(URL))[1] == 7
    client.force_login(world.people["health_nominator"])
    assert _places(client.get(URL))[1] == 2
    client.force_login(world.people["kent_facilitator"])
    assert _places(client.get(URL, {"place": world["kent"].pk}))[1] == 8
