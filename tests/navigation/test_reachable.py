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
    # Accounts (django-allauth): links in its emails, and where its forms send people.
    "account_confirm_email": "the link in the email that confirms an email address",
    "account_reset_password_from_key": "the single-use link in the password reset email",
    "account_email_verification_sent": "where changing an email address goes next",
    "account_reset_password_done": "where asking for a password reset goes next",
    "account_reset_password_from_key_done": "where setting a new password goes next",
    "account_inactive": "where signing in to a deactivated account goes",
    "account_reauthenticate": "where a change that needs the password again goes first",
    "socialaccount_login_cancelled": "where cancelling at the organisation's sign-in comes back",
    "account_login": "the same address as accounts:login, which the header links to",
    "account_signup": "the invitation's link: people join only by invitation or single sign-on",
    "account_logout": "the same address as accounts:logout",
    "accounts:logout": "the header's Sign out button (a POST form: signing out is never a link)",
    "openid_connect_login": "the sign-in page's button for an organisation's own sign-in "
    "(a POST form)",
    # Portable credentials: what a verifier's software fetches, named inside each credential.
    "credentials:achievement": "the achievement's address inside each signed credential",
    "credentials:issuer": "the issuer's address inside each signed credential",
    "credentials:key": "the signing key's address inside each signed credential",
    "credentials:status_list": "the revocation list's address inside each signed credential",
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
    # Everything the matrix opens exists (its good practice index, proposals, question sets...).
    for kwargs, _neighbour, _cells in MATRIX.values():
        if kwargs:
            kwargs(world)
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
