"""Search shows only what the person may see: never a module they may not open, not even its
title."""

import pytest
from django.urls import reverse

from tests.modules.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


def _titles(client, q, page=1):
    response = client.get(reverse("modules:search"), {"q": q, "page": page})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("role", "sees_a", "sees_b"),
    [
        ("anonymous", False, False),
        ("participant-of-A", True, False),
        ("participant-of-B", False, True),
        ("withdrawn-from-A", False, False),
        ("declined-on-A", False, False),
        ("facilitator-of-A", True, False),
        ("facilitator-of-B", False, True),
        ("nominator", False, False),
        ("manager", True, True),
    ],
)
def test_search_shows_only_modules_the_person_may_open(world, client_for, role, sees_a, sees_b):
    client = client_for(world.people[role])
    assert ("Leading digital change" in _titles(client, "leading digital")) is sees_a
    assert ("Cyber risk for councillors" in _titles(client, "cyber risk")) is sees_b
    # Programme pages are public.
    assert "Digital Academy" in _titles(client, "digital academy")


def test_search_results_are_paginated(world, client_for):
    for n in range(12):
        ModulePageFactory(parent=world["programme-A"], title=f"Resilience topic {n}")
    html = _titles(client_for(world.people["manager"]), "resilience")
    assert "12 results" in html
    assert html.count("Resilience topic") == 10
    assert "Page 1 of 2" in html
    assert (
        _titles(client_for(world.people["manager"]), "resilience", page=2).count("Resilience topic")
        == 2
    )
