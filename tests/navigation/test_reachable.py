"""Every screen within reach: for each role of the URL × role matrix, following links (and GET
forms) from their home reaches every URL the matrix lets that role open, except the entry points
listed in ENTRY_POINTS, which only an email, a QR code or a calendar app opens. A new page that
nobody links to fails here, and so does a link that leads a role to a refusal.

The world is the matrix's own (tests/security/world.py): cohort A (running) with its
participant, nominator and facilitator; cohort B beside it for the "other" roles; cohort O open
for enrolment; cohort C, closed, whose certificates its facilitator still manages.
"""

import pytest
from django.urls import reverse

from tests.navigation.crawl import crawl
from tests.security.test_url_matrix import MATRIX, expected
from tests.security.world import ROLES, security_world, security_world_once

security_world_once = pytest.fixture(scope="module")(security_world_once)
world = pytest.fixture(security_world)

# Pages no link on the site leads to, by design, and what opens them.
ENTRY_POINTS = {
    "cohorts:invitation": "the single-use link in the invitation email",
    "cohorts:calendar_feed": "the private address a calendar app subscribes to, copied from "
    "the calendar page (never a link)",
    "certificates:verify": "the address printed on each certificate and in its QR code "
    "(people with only the code type it into the verification form)",
    "cohorts:check_in": "the QR code shown in the room while check-in is open",
    "network:invitation": "the single-use link in a round table's invitation email",
}

# Where each role starts: their home, or the front page for someone not signed in.
START = {"anonymous": "/"}


def allowed(role):
    """The URL names the matrix lets this role open (a 200), less the entry points above."""
    return {
        name
        for name, (_kwargs, _neighbour, cells) in MATRIX.items()
        if expected(cells)[role] == 200 and name not in ENTRY_POINTS
    }


def test_every_entry_point_is_a_url_the_matrix_knows():
    assert set(ENTRY_POINTS) <= set(MATRIX)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_all_its_pages_by_links_from_its_home(client, world, role):
    person = world.people[role]
    if person.is_authenticated:
        client.force_login(person)
    result = crawl(client, START.get(role, reverse("home")))
    missing = sorted(allowed(role) - result.reached.keys())
    assert not missing, (
        f"{role} cannot reach these by following links from {result.start} "
        f"({len(result.fetched)} pages fetched): {missing}. Link each from the pages of this "
        "role, or list it in ENTRY_POINTS with what opens it."
    )
    refused = result.refusals()
    assert not refused, f"links that refuse {role} (url, status, linked from): {refused}"
