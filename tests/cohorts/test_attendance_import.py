"""Importing the attendance list of an online session from a video-conferencing tool."""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cohorts.attendance.video_import import (
    attendance_import_parse,
    attendance_import_preview,
    attendance_import_save,
)
from cohorts.models import Apology, AttendanceMark
from spreadsheets.formats import SpreadsheetError
from tests.accounts.factories import UserFactory
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many

Status = AttendanceMark.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(facilitator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=2)
    enrolments = enrol_many(cohort, 3)
    return cohort, sessions[0], enrolments


def _zoom(enrolments):
    a, b, c = (e.participant.email for e in enrolments)
    return (
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        f"Ann,{a.upper()},06/01/2026 09:28:00 AM,06/01/2026 10:30:00 AM,62,No\n"
        # Two rows for one person (dropped out and came back) are added up.
        f"Bob,{b},06/01/2026 09:30:00 AM,06/01/2026 10:00:00 AM,30,No\n"
        f"Bob,{b},06/01/2026 10:10:00 AM,06/01/2026 10:50:00 AM,40,No\n"
        f"Cy,{c},06/01/2026 09:30:00 AM,06/01/2026 09:50:00 AM,20,No\n"
        "Visitor,visitor@elsewhere.org,06/01/2026 09:30:00 AM,06/01/2026 12:00:00 PM,150,Yes\n"
    ).encode()


def test_minutes_are_added_up_per_email_across_rows(setup):
    cohort, session, enrolments = setup
    attendees, problems = attendance_import_parse(_zoom(enrolments))
    minutes = {a.email: a.minutes for a in attendees}
    assert minutes[enrolments[0].participant.email] == 62
    assert minutes[enrolments[1].participant.email] == 70
    assert not problems


def test_preview_applies_the_minimum_minutes_and_lists_unknown_emails_without_saving(setup):
    cohort, session, enrolments = setup
    preview = attendance_import_preview(session=session, data=_zoom(enrolments), min_minutes=60)
    statuses = {row.enrolment: row.status for row in preview.rows}
    assert statuses == {
        enrolments[0]: Status.PRESENT,
        enrolments[1]: Status.PRESENT,
        enrolments[2]: Status.ABSENT,
    }
    assert [a.email for a in preview.unknown] == ["visitor@elsewhere.org"]
    assert not AttendanceMark.objects.exists()


def test_enrolled_people_missing_from_the_call_are_absent_or_apologies_when_asked(setup):
    cohort, session, enrolments = setup
    Apology.objects.create(enrolment=enrolments[2], session=session, reason="Leave")
    data = f"Email,Duration\n{enrolments[0].participant.email},90\n".encode()
    preview = attendance_import_preview(
        session=session, data=data, min_minutes=60, absent_if_missing=True
    )
    statuses = {row.enrolment: row.status for row in preview.rows}
    assert statuses[enrolments[1]] == Status.ABSENT
    assert statuses[enrolments[2]] == Status.APOLOGIES


def test_saving_an_import_records_facilitators_marks_over_check_ins(setup, facilitator):
    cohort, session, enrolments = setup
    AttendanceMark.objects.create(
        enrolment=enrolments[2], session=session, status=Status.PRESENT, method="self-check-in"
    )
    attendance_import_save(
        session=session, data=_zoom(enrolments), min_minutes=60, recorded_by=facilitator
    )
    marks = {m.enrolment_id: m for m in AttendanceMark.objects.all()}
    assert {m.method for m in marks.values()} == {"import"}
    assert marks[enrolments[2].pk].status == Status.ABSENT
    assert "20 minutes" in marks[enrolments[2].pk].note


@pytest.mark.parametrize(
    "encoding, separator, bom",
    [("utf-8", ",", False), ("utf-8", ";", True), ("cp1252", ";", False), ("utf-16", "\t", True)],
    ids=["utf8-comma", "utf8-bom-semicolon", "cp1252-semicolon", "teams-utf16-tab"],
)
def test_files_in_the_usual_encodings_and_separators_are_read(setup, encoding, separator, bom):
    cohort, session, enrolments = setup
    email = enrolments[0].participant.email
    text = separator.join(["Full Name", "Email", "Join time", "Leave time"]) + "\r\n"
    text += separator.join(["Zoë Ó Briain", email, "01/06/2026 09:30", "01/06/2026 11:00"]) + "\r\n"
    data = text.encode(encoding)
    if bom and encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    attendees, problems = attendance_import_parse(data)
    assert [(a.email, a.name, a.minutes) for a in attendees] == [(email, "Zoë Ó Briain", 90)]


def test_teams_style_durations_and_summary_lines_before_the_table_are_read(setup):
    cohort, session, enrolments = setup
    email = enrolments[0].participant.email
    data = (
        "1. Summary\nMeeting title\tCohort session\n\n2. Participants\n"
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\n"
        f"Ann\t01/06/2026, 09:29:00\t01/06/2026, 11:00:00\t1h 31m 5s\t{email}\n"
    ).encode("utf-16")
    attendees, _ = attendance_import_parse(data)
    assert round(attendees[0].minutes) == 91


def test_join_and_leave_times_across_the_clock_change_count_the_real_time(setup):
    cohort, session, enrolments = setup
    email = enrolments[0].participant.email
    # Clocks went forward at 01:00 on 29 March 2026: 00:30 to 02:30 on the clock is one hour.
    data = f"Email,Join time,Leave time\n{email},2026-03-29 00:30:00,2026-03-29 02:30:00\n"
    attendees, _ = attendance_import_parse(data.encode())
    assert attendees[0].minutes == 60


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n\x00\x01\x02 binary",
        b"Dear facilitator, here is the list of who came.\nThanks!\n",
        b"Name,Duration\nAnn,60\n",
        b"",
    ],
    ids=["binary", "prose", "no-email-column", "empty"],
)
def test_a_file_that_is_not_an_attendance_table_gets_a_clear_message(setup, data):
    with pytest.raises(SpreadsheetError) as error:
        attendance_import_parse(data)
    assert "attendance list" in str(error.value) or "empty" in str(error.value)


def test_unreadable_rows_are_listed_not_fatal(setup):
    cohort, session, enrolments = setup
    a, b = enrolments[0].participant.email, enrolments[1].participant.email
    data = f"Email,Duration\n{a},sixty\n{b},75\n,10\n".encode()
    attendees, problems = attendance_import_parse(data)
    assert [x.email for x in attendees] == [b]
    assert any("Row 2" in p for p in problems)
    assert any("Row 4" in p for p in problems)


# --- The screens: upload, preview, confirm ---------------------------------------------------


def _url(session):
    return reverse("cohorts:attendance_import", args=[session.pk])


def test_upload_shows_a_preview_and_confirming_saves_it(client, facilitator, setup):
    cohort, session, enrolments = setup
    client.force_login(facilitator)
    upload = SimpleUploadedFile("zoom.csv", _zoom(enrolments), content_type="text/csv")
    response = client.post(_url(session), {"file": upload, "min_minutes": 60})
    html = unescape(response.content.decode())
    assert "Check the attendance before saving" in html
    assert "visitor@elsewhere.org" in html
    assert not AttendanceMark.objects.exists()

    payload = response.context["confirm_form"].initial["payload"]
    confirmed = client.post(_url(session), {"payload": payload, "min_minutes": 60})
    assert confirmed.status_code == 302
    assert AttendanceMark.objects.filter(session=session).count() == 3


def test_a_tampered_preview_is_refused_and_nothing_is_saved(client, facilitator, setup):
    cohort, session, enrolments = setup
    client.force_login(facilitator)
    response = client.post(_url(session), {"payload": "forged:data", "min_minutes": 0})
    assert "The preview has expired" in unescape(response.content.decode())
    assert not AttendanceMark.objects.exists()


def test_uploading_a_non_table_shows_the_message_on_the_form(client, facilitator, setup):
    cohort, session, enrolments = setup
    client.force_login(facilitator)
    upload = SimpleUploadedFile("slides.pdf", b"%PDF-1.7\x00\x00", content_type="application/pdf")
    response = client.post(_url(session), {"file": upload, "min_minutes": 60})
    html = unescape(response.content.decode())
    assert "There is a problem" in html
    assert "not an attendance list we can read" in html


def test_the_upload_form_needs_a_file_and_minimum(client, facilitator, setup):
    cohort, session, enrolments = setup
    client.force_login(facilitator)
    response = client.post(_url(session), {})
    html = response.content.decode()
    assert "Choose the attendance list to upload" in html
    assert "Enter the minimum minutes" in html


def test_only_the_cohorts_facilitators_and_managers_can_import(client, setup):
    cohort, session, enrolments = setup
    client.force_login(UserFactory(facilitator=True))
    upload = SimpleUploadedFile("zoom.csv", _zoom(enrolments), content_type="text/csv")
    response = client.post(_url(session), {"file": upload, "min_minutes": 60})
    assert response.status_code == 403
    assert not AttendanceMark.objects.exists()
