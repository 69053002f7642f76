"""Every URL the academy itself serves, asked by every role: what each gets for a GET.

The table below has one line per URL name, one column per role (in the order of ROLES):
  anonymous, participant (of cohort A), other_participant (of cohort B), nominator (of the
  participant's organisation), other_nominator, facilitator (of A), other_facilitator (of B),
  manager.
Each cell is the status expected: 200, 403, 404, 405, "login" (a redirect to sign in) or 302 (a
redirect elsewhere). A URL name with no line fails `test_every_url_has_an_expectation`, so a new
view cannot be added without saying who may open it.

IDOR: every URL that takes an object id is also asked with cohort B's neighbouring object by
cohort A's people, who must never get B's records back.

Wagtail's own admin, document serving and page serving are not listed: their access is checked
in tests/academy_site/test_admin.py and tests/modules.
"""

import pytest
from django.urls import URLResolver, get_resolver, reverse

from tests.security.world import ROLES, security_world, security_world_once

security_world_once = pytest.fixture(scope="module")(security_world_once)
world = pytest.fixture(security_world)

# URL prefixes of Wagtail's own URL configurations, checked elsewhere.
WAGTAIL_PREFIXES = ("admin/", "documents/", "")

L = "login"

# name: (kwargs from the world, kwargs of cohort B's neighbouring object or None, expectations)
MATRIX = {
    # Accounts, privacy and landing pages.
    "accounts:login": (None, None, "200 302 302 302 302 302 302 302"),
    # Signing out is a POST (Django's LogoutView), never a link a page could trigger.
    "accounts:logout": (None, None, "405 405 405 405 405 405 405 405"),
    # Without ACADEMY_REQUIRE_2FA (test settings) nobody needs a code: back to where they were.
    "accounts:two_factor": (None, None, "login 302 302 302 302 302 302 302"),
    "personal_data:my_data": (None, None, "login 200 200 200 200 200 200 200"),
    "personal_data:my_data_download": (
        lambda w: {"export_format": "json"},
        None,
        "login 200 200 200 200 200 200 200",
    ),
    "personal_data:person_erase": (
        lambda w: {"pk": w.people["participant"].pk},
        None,
        "login 403 403 403 403 403 403 200",
    ),
    "personal_data:access_log": (None, None, "login 403 403 403 403 403 403 200"),
    "personal_data:access_log_export": (
        lambda w: {"export_format": "csv"},
        None,
        "login 403 403 403 403 403 403 200",
    ),
    # Notifications (issue 23): everyone's own; nominators those about their officers.
    "notifications:mine": (None, None, "login 200 200 200 200 200 200 200"),
    "notifications:sent": (None, None, "login 403 403 200 200 403 403 200"),
    "privacy": (None, None, "200 200 200 200 200 200 200 200"),
    "home": (None, None, "login 200 200 200 200 200 200 200"),
    # Learning.
    "modules:search": (None, None, "200 200 200 200 200 200 200 200"),
    "modules:learning_log": (None, None, "login 200 200 200 200 200 200 200"),
    "modules:module_complete": (
        lambda w: {"pk": w["module"].pk},
        None,
        "405 405 405 405 405 405 405 405",
    ),
    "modules:module_reflections": (
        lambda w: {"pk": w["module"].pk},
        None,
        "login 200 200 403 403 403 403 403",
    ),
    "cohorts:cohort_progress": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    # Attendance.
    "cohorts:attendance_register": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:checkin_code": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:check_in": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 200 403 403 403 403 403 403",
    ),
    "cohorts:apologies": (
        lambda w: {"pk": w["sessionA2"].pk},
        lambda w: {"pk": w["sessionB2"].pk},
        "login 200 403 403 403 403 403 403",
    ),
    "cohorts:attendance_import": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:cohort_attendance": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 200 403 200 403 200",
    ),
    "cohorts:cohort_attendance_export": (
        lambda w: {"pk": w["cohortA"].pk, "export_format": "csv"},
        lambda w: {"pk": w["cohortB"].pk, "export_format": "csv"},
        "login 403 403 200 403 200 403 200",
    ),
    "cohorts:my_attendance": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 200 403 403 403 403 403 403",
    ),
    "cohorts:programme_attendance": (
        lambda w: {"pk": w["programme"].pk},
        None,
        "login 403 403 403 403 403 403 200",
    ),
    # Session material.
    "cohorts:session_detail": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 200 403 403 403 200 403 200",
    ),
    "cohorts:session_material_edit": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    # Nominating officers (cohort O is open, with police and health seats).
    # A programme manager chooses an organisation to act for.
    "cohorts:nominate": (None, None, "login 403 403 200 200 403 403 200"),
    "cohorts:nominate_officer": (
        lambda w: {"cohort_pk": w["cohortO"].pk, "organisation_pk": w["police"].pk},
        None,
        "login 403 403 200 403 403 403 200",
    ),
    "cohorts:import_upload": (
        lambda w: {"cohort_pk": w["cohortO"].pk, "organisation_pk": w["police"].pk},
        None,
        "login 403 403 200 403 403 403 200",
    ),
    # No upload waiting under this key: those allowed are sent back to upload one.
    "cohorts:import_preview": (
        lambda w: {
            "cohort_pk": w["cohortO"].pk,
            "organisation_pk": w["police"].pk,
            "key": "no-such-upload",
        },
        None,
        "login 403 403 302 403 403 403 302",
    ),
    "cohorts:enrolment_resend": (
        lambda w: {"pk": w["enrolmentO"].pk},
        None,
        "login 405 405 405 405 405 405 405",
    ),
    "cohorts:enrolment_withdraw": (
        lambda w: {"pk": w["enrolmentA"].pk},
        lambda w: {"pk": w["enrolmentB"].pk},
        "login 403 404 200 404 403 404 200",
    ),
    "cohorts:enrolment_substitute": (
        lambda w: {"pk": w["enrolmentA"].pk},
        lambda w: {"pk": w["enrolmentB"].pk},
        "login 403 404 200 404 403 404 200",
    ),
    "cohorts:enrolment_move": (
        lambda w: {"pk": w["enrolmentA"].pk},
        lambda w: {"pk": w["enrolmentB"].pk},
        "login 403 404 403 404 403 404 200",
    ),
    # A cohort's sessions over their life (issue 23).
    "cohorts:cohort_sessions": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:sessions_from_pattern": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:session_move": (
        lambda w: {"pk": w["sessionA2"].pk},
        lambda w: {"pk": w["sessionB2"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:session_cancel": (
        lambda w: {"pk": w["sessionA2"].pk},
        lambda w: {"pk": w["sessionB2"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    # The link is the credential: whoever holds it (signed in or not) sees the invitation.
    "cohorts:invitation": (
        lambda w: {"token": w.token},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    # Cohort pages.
    "cohorts:overview": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 403 403 200 403 200",
    ),
    "cohorts:people": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 200 403 403 403 200 403 200",
    ),
    # Completion and certificates.
    "cohorts:my_certificates": (None, None, "login 200 200 200 200 200 200 200"),
    "cohorts:cohort_completion": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 403 200 403 200 403 200",
    ),
    "cohorts:enrolment_sign_off": (
        lambda w: {"pk": w["enrolmentA"].pk},
        None,
        "login 405 405 405 405 405 405 405",
    ),
    "cohorts:certificate_issue": (
        lambda w: {"pk": w["enrolmentA"].pk},
        None,
        "login 405 405 405 405 405 405 405",
    ),
    "cohorts:certificate_bulk_issue": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 403 404 403 404 200 404 200",
    ),
    "cohorts:certificate_bulk_progress": (
        lambda w: {"pk": w["runA"].pk},
        lambda w: {"pk": w["runB"].pk},
        "login 403 404 403 404 200 404 200",
    ),
    "cohorts:cohort_certificates_download": (
        lambda w: {"pk": w["cohortA"].pk, "export_format": "zip"},
        lambda w: {"pk": w["cohortB"].pk, "export_format": "zip"},
        "login 403 404 403 404 200 404 200",
    ),
    "cohorts:certificate_download": (
        lambda w: {"pk": w["certificateA"].pk},
        lambda w: {"pk": w["certificateB"].pk},
        "login 200 404 200 404 200 404 200",
    ),
    "cohorts:certificate_reissue": (
        lambda w: {"pk": w["certificateA"].pk},
        lambda w: {"pk": w["certificateB"].pk},
        "login 403 404 403 404 200 404 200",
    ),
    "cohorts:certificate_revoke": (
        lambda w: {"pk": w["certificateA"].pk},
        lambda w: {"pk": w["certificateB"].pk},
        "login 403 404 403 404 200 404 200",
    ),
    # Calendars (issue 7).
    "cohorts:my_calendar": (None, None, "login 200 200 200 200 200 200 200"),
    "cohorts:cohort_calendar": (
        lambda w: {"pk": w["cohortA"].pk},
        lambda w: {"pk": w["cohortB"].pk},
        "login 200 403 200 403 200 403 200",
    ),
    # Resetting a feed's address is a POST (its owner only: see test_calendar_reset_...).
    "cohorts:calendar_reset": (
        lambda w: {"pk": _feed(w, "participant").pk},
        None,
        "login 405 405 405 405 405 405 405",
    ),
    # The feed's long random token is the key a calendar app holds: no sign-in.
    "cohorts:calendar_feed": (
        lambda w: {"token": _feed(w, "participant").token},
        None,
        "200 200 200 200 200 200 200 200",
    ),
    "cohorts:session_ics": (
        lambda w: {"pk": w["sessionA1"].pk},
        lambda w: {"pk": w["sessionB1"].pk},
        "login 200 403 403 403 200 403 200",
    ),
    # Public certificate checks: anyone with the code.
    "certificates:verify_form": (None, None, "200 200 200 200 200 200 200 200"),
    "certificates:verify": (
        lambda w: {"code": w["certificateA"].display_code},
        None,
        "200 200 200 200 200 200 200 200",
    ),
}


def _feed(w, person):
    from cohorts.calendar.feeds import calendar_feed_get_or_create

    return calendar_feed_get_or_create(user=w.people[person])


# Cohort A's people, who must never be given cohort B's records.
A_SIDE = ("participant", "nominator", "facilitator")


def project_url_names():
    """Every named URL under academy_site.urls except Wagtail's own URL configurations."""
    names = set()

    def walk(patterns, namespace, top):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if top and str(pattern.pattern) in WAGTAIL_PREFIXES:
                    continue
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, inner, False)
            elif pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, "", True)
    return names


def expected(cells):
    values = cells.split()
    assert len(values) == len(ROLES), cells
    return {role: (v if v in (L,) else int(v)) for role, v in zip(ROLES, values, strict=True)}


def outcome(response):
    if response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")):
        return L
    return response.status_code


def fetch(client, user, url):
    client.logout()
    if user.is_authenticated:
        client.force_login(user)
    return client.get(url)


def test_every_url_has_an_expectation():
    missing = sorted(project_url_names() - MATRIX.keys())
    assert not missing, f"Add these URL names to MATRIX with each role's expected status: {missing}"


def test_the_matrix_lists_no_url_that_no_longer_exists():
    assert not sorted(MATRIX.keys() - project_url_names())


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_what_the_matrix_says(client, world, name):
    kwargs, _neighbour, cells = MATRIX[name]
    url = reverse(name, kwargs=kwargs(world) if kwargs else None)
    wanted = expected(cells)
    got = {role: outcome(fetch(client, world.people[role], url)) for role in ROLES}
    mismatches = {role: (wanted[role], got[role]) for role in ROLES if got[role] != wanted[role]}
    assert not mismatches, f"{url}: role -> (expected, got): {mismatches}"


NEIGHBOURLY = sorted(name for name, (_k, neighbour, _c) in MATRIX.items() if neighbour)


@pytest.mark.parametrize("name", NEIGHBOURLY)
def test_cohort_a_people_never_get_cohort_b_records_by_changing_the_id(client, world, name):
    _kwargs, neighbour, _cells = MATRIX[name]
    url = reverse(name, kwargs=neighbour(world))
    other = world.people["other_participant"]
    for role in A_SIDE:
        response = fetch(client, world.people[role], url)
        assert response.status_code in (403, 404), f"{role} got {response.status_code} at {url}"
        body = response.content.decode(errors="replace")
        assert other.email not in body and other.last_name not in body, (role, url)


def test_nobody_can_reset_another_persons_calendar_address(client, world):
    feed = _feed(world, "other_participant")
    token = feed.token
    for role in A_SIDE + ("manager",):
        client.force_login(world.people[role])
        response = client.post(reverse("cohorts:calendar_reset", kwargs={"pk": feed.pk}))
        assert response.status_code == 404, role
    feed.refresh_from_db()
    assert feed.token == token


def test_with_two_factor_on_staff_reach_no_page_before_their_code(client, world, settings):
    from accounts.middleware import EXEMPT_VIEW_NAMES

    settings.ACADEMY_REQUIRE_2FA = True
    two_factor = reverse("accounts:two_factor")
    for role in ("manager", "facilitator"):
        client.force_login(world.people[role])
        for name, (kwargs, _neighbour, cells) in MATRIX.items():
            if expected(cells)[role] != 200 or name in EXEMPT_VIEW_NAMES:
                continue
            response = client.get(reverse(name, kwargs=kwargs(world) if kwargs else None))
            assert response.status_code == 302, (role, name)
            assert response["Location"].startswith(two_factor), (role, name)
        assert client.get(reverse("privacy")).status_code == 200
