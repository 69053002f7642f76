"""Bad input never breaks anything: arbitrary bytes given to the file parsers fail only with the
spreadsheet reader's own clear error, arbitrary text given to the verification-code parser never
fails, and malformed posts to every form view in the URL matrix are refused without a server
error and without saving anything."""

import csv
import io

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cohorts.attendance import video_import
from cohorts.certificates.verification import verification_code_parse
from cohorts.enrolment import imports
from spreadsheets.formats import SpreadsheetError
from tests.security.test_url_matrix import MATRIX
from tests.security.world import ROLES, security_world, security_world_once

security_world_once = pytest.fixture(scope="module")(security_world_once)
world = pytest.fixture(security_world)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes that look a little like the files people upload, and plain noise.
_csv_text = st.lists(
    st.lists(st.text(max_size=30), min_size=0, max_size=6), min_size=0, max_size=8
).map(lambda rows: "\n".join(",".join(r) for r in rows))
file_bytes = st.one_of(
    st.binary(max_size=2000),
    _csv_text.map(lambda t: t.encode("utf-8")),
    _csv_text.map(lambda t: ("First name,Last name,Email\n" + t).encode("utf-8")),
    _csv_text.map(lambda t: ("Name,Email,Duration (minutes)\n" + t).encode("utf-8")),
    st.binary(max_size=500).map(lambda b: b"PK\x03\x04" + b),
    st.binary(max_size=200).map(lambda b: b"\xef\xbb\xbf" + b),
    _csv_text.map(lambda t: t.encode("utf-16")),
)


@FAST
@given(data=file_bytes)
def test_the_nomination_file_reader_only_ever_raises_its_own_error(data):
    try:
        rows = imports.read_nominations_file(SimpleUploadedFile("officers.csv", data))
    except SpreadsheetError as error:
        assert str(error)
    else:
        assert isinstance(rows, list)


@FAST
@given(data=file_bytes)
def test_the_attendance_list_parser_only_ever_raises_its_own_error(data):
    try:
        attendees, unreadable = video_import.attendance_import_parse(data)
    except SpreadsheetError as error:
        assert str(error)
    else:
        assert isinstance(attendees, list) and isinstance(unreadable, list)


@FAST
@given(typed=st.one_of(st.text(max_size=200), st.none()))
def test_the_verification_code_parser_never_raises(typed):
    code = verification_code_parse(typed)
    assert code is None or (len(code) == 16 and code.isalnum() and code.isupper())


def test_a_valid_attendance_file_still_reads():
    out = io.StringIO()
    csv.writer(out).writerows([["Name", "Email", "Duration (minutes)"], ["A B", "a@b.org", "90"]])
    attendees, _ = video_import.attendance_import_parse(out.getvalue().encode())
    assert [a.email for a in attendees] == ["a@b.org"]


# --- Malformed posts to every form view ------------------------------------------------------

# Who may use each form (posting as anyone else is refused before the form is read, which the
# matrix already checks). Left out: views that only take GET, and one-button actions whose post
# carries no required field, so any post is a valid request (resend an invitation, withdraw
# with an optional reason, sign off, issue one certificate, mark a module complete).
FORM_VIEWS = {
    "accounts:login": "anonymous",
    "accounts:details": "participant",
    "accounts:second_factor": "participant",
    "account_reset_password": "anonymous",
    "account_email": "participant",
    "account_change_password": "participant",
    "personal_data:person_erase": "manager",
    "modules:module_reflections": "participant",
    "cohorts:attendance_register": "facilitator",
    "cohorts:check_in": "participant",
    "cohorts:apologies": "participant",
    "cohorts:attendance_import": "facilitator",
    "cohorts:session_material_edit": "facilitator",
    "cohorts:nominate_officer": "nominator",
    "cohorts:import_upload": "nominator",
    "cohorts:enrolment_substitute": "nominator",
    "cohorts:invitation": "anonymous",
    "cohorts:certificate_bulk_issue": "facilitator",
    "cohorts:certificate_reissue": "facilitator",
    "cohorts:certificate_revoke": "facilitator",
}

HUGE = "x" * 20_000
MALFORMED = {
    "empty": {},
    "wrong-types": {
        "status": ["1", "2"],
        "decision": "maybe",
        "min_minutes": "ninety",
        "email": "not-an-email",
        "first_name": ["a", "b"],
        "code": "🙂",
        "token": "abc",
        # A checkbox is ticked by any value (as in HTML), so only "false" leaves it unticked.
        "confirm": "false",
        "payload": "not-signed",
        "enrolments": "not-signed",
        "reason": "",
        "action": "explode",
        "complete": "sideways",
    },
    "huge-strings": dict.fromkeys(
        (
            "first_name",
            "last_name",
            "email",
            "job_title",
            "reason",
            "code",
            "note",
            "holder_name",
            "joining_instructions",
            "payload",
            "new_password1",
            "new_password2",
            "username",
            "login",
            "password",
            "oldpassword",
            "password1",
            "password2",
        ),
        HUGE,
    ),
    "bad-ids": {"enrolment": "999999999", "cohort": "-1", "organisation": "abc", "pk": "0"},
}
# Models whose rows a refused post must not create.
WATCHED = [
    "accounts.User",
    "personal_data.PersonalDataAccess",
    "cohorts.Enrolment",
    "cohorts.EnrolmentEvent",
    "cohorts.AttendanceMark",
    "cohorts.Apology",
    "cohorts.Certificate",
    "cohorts.CertificateEvent",
    "cohorts.CertificateBulkIssue",
    "cohorts.CompletionSignOff",
    "cohorts.Invitation",
    "modules.ModuleProgress",
]


def _counts():
    return {name: apps.get_model(name).objects.count() for name in WATCHED}


def test_every_form_view_in_the_matrix_is_covered():
    assert set(FORM_VIEWS) <= set(MATRIX)
    assert set(FORM_VIEWS.values()) <= set(ROLES)


@pytest.mark.parametrize("name", sorted(FORM_VIEWS))
def test_malformed_posts_are_refused_without_an_error_or_a_save(client, world, name):
    kwargs, _neighbour, _cells = MATRIX[name]
    url = reverse(name, kwargs=kwargs(world) if kwargs else None)
    user = world.people[FORM_VIEWS[name]]
    client.raise_request_exception = True
    for label, data in MALFORMED.items():
        client.logout()
        if user.is_authenticated:
            client.force_login(user)
        before = _counts()
        response = client.post(url, data, REMOTE_ADDR="10.7.7.7")
        assert response.status_code < 500, (label, response.status_code)
        after = _counts()
        changed = {k: (before[k], after[k]) for k in WATCHED if before[k] != after[k]}
        assert not changed, (label, changed)
