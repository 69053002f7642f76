"""Importing the attendance list of an online session from a video-conferencing tool."""

from html import unescape
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cohorts.attendance.register import register_save
from cohorts.attendance.video_import import (
    attendance_import_parse,
    attendance_import_preview,
    attendance_import_save,
)
from cohorts.models import Apology, AttendanceMark, CohortSession
from spreadsheets.formats import SpreadsheetError
from tests.accounts.factories import UserFactory
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many
from tests.cohorts.factories import EnrolmentFactory

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


# --- Real reports: Microsoft Teams (three sections) and Zoom ----------------------------------

FILES = Path(__file__).parent / "import_files"
# The people in the fixture reports, enrolled on a cohort whose first session is 1 June 2026,
# 09:30 to 12:30 London time (the reports' call).
PEOPLE = {
    "aisha.khan@kent.police.example.uk": ("Aisha", "Khan"),
    "ben.okafor@nhs.example.uk": ("Ben", "Okafor"),
    "carys.jones@kentfire.example.uk": ("Carys", "Jones"),
    "dev.patel@dwp.example.gov.uk": ("Dev", "Patel"),
    "eli.morgan@kent.example.gov.uk": ("Eli", "Morgan"),  # in the room, not in the call
}


@pytest.fixture
def report_world(facilitator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=2)
    enrolments = {
        email: EnrolmentFactory(
            cohort=cohort, participant=UserFactory(email=email, first_name=first, last_name=last)
        )
        for email, (first, last) in PEOPLE.items()
    }
    return sessions[0], enrolments


@pytest.mark.parametrize(
    "name", ["teams_attendance_report_us.csv", "teams_attendance_report_uk.csv"]
)
def test_a_teams_report_with_all_its_sections_counts_each_persons_minutes_once(name):
    attendees, problems = attendance_import_parse((FILES / name).read_bytes(), name=name)
    minutes = {a.email: round(a.minutes) for a in attendees}
    assert minutes == {
        "fran.facilitator@kent.example.gov.uk": 183,
        # Left at 10:40 and came back at 10:55: 72 + 96 minutes, the gap not counted.
        "aisha.khan@kent.police.example.uk": 168,
        # On a laptop all morning and on a phone for half an hour at once: 178, not 208.
        "ben.okafor@nhs.example.uk": 178,
        "carys.jones@kentfire.example.uk": 45,
        # No email in the report, only the Participant ID (UPN).
        "dev.patel@dwp.example.gov.uk": 180,
    }
    # The summary section is not read as people; the dial-in caller is named once, not twice.
    assert problems == ["Row 27: no email address for +44 20 3443 0000, so it was left out."]


def test_a_zoom_report_with_its_meeting_table_counts_each_persons_minutes_once():
    name = "zoom_participants_report.csv"
    attendees, problems = attendance_import_parse((FILES / name).read_bytes(), name=name)
    minutes = {a.email: round(a.minutes) for a in attendees}
    assert minutes["aisha.khan@kent.police.example.uk"] == 168
    assert minutes["ben.okafor@nhs.example.uk"] == 178
    # From her join and leave (09:25:12 to 12:32:40), not the meeting table's rounded 188.
    assert minutes["fran.facilitator@kent.example.gov.uk"] == 187
    assert not problems


def test_overlapping_and_repeated_joins_are_counted_once():
    data = (
        b"Email,Join time,Leave time\n"
        b"a@example.org,2026-06-01 09:30,2026-06-01 10:30\n"
        b"a@example.org,2026-06-01 10:00,2026-06-01 11:00\n"  # overlaps the first
        b"a@example.org,2026-06-01 10:15,2026-06-01 10:45\n"  # inside both
        b"a@example.org,2026-06-01 11:30,2026-06-01 12:00\n"  # after a gap
    )
    [attendee], _ = attendance_import_parse(data)
    assert attendee.minutes == 120


def test_on_a_hybrid_session_an_import_changes_only_the_people_in_the_file(
    report_world, facilitator
):
    session, enrolments = report_world
    assert session.venue and not session.joining_url
    room = enrolments["eli.morgan@kent.example.gov.uk"]
    register_save(session=session, entries={room.pk: (Status.PRESENT, "")}, recorded_by=facilitator)
    data = (FILES / "teams_attendance_report_us.csv").read_bytes()
    preview = attendance_import_preview(session=session, data=data, min_minutes=135)
    rows = {row.enrolment.participant.email: row for row in preview.rows}
    assert not preview.absent_if_missing
    assert rows[room.participant.email].status is None
    assert not rows[room.participant.email].changes
    attendance_import_save(session=session, data=data, min_minutes=135, recorded_by=facilitator)
    marks = dict(AttendanceMark.objects.values_list("enrolment__participant__email", "status"))
    assert marks == {
        "aisha.khan@kent.police.example.uk": Status.PRESENT,
        "ben.okafor@nhs.example.uk": Status.PRESENT,
        "carys.jones@kentfire.example.uk": Status.ABSENT,
        "dev.patel@dwp.example.gov.uk": Status.PRESENT,
        "eli.morgan@kent.example.gov.uk": Status.PRESENT,  # kept: the room's register
    }
    # Asked to, the import marks everyone not in the file absent.
    attendance_import_save(
        session=session,
        data=data,
        min_minutes=135,
        absent_if_missing=True,
        recorded_by=facilitator,
    )
    assert AttendanceMark.objects.get(enrolment=room).status == Status.ABSENT


def test_on_an_online_only_session_everyone_not_in_the_call_is_absent_by_default(report_world):
    session, enrolments = report_world
    CohortSession.objects.filter(pk=session.pk).update(venue="", joining_url="https://x.test/")
    session.refresh_from_db()
    data = (FILES / "teams_attendance_report_us.csv").read_bytes()
    preview = attendance_import_preview(session=session, data=data, min_minutes=135)
    row = next(r for r in preview.rows if r.enrolment.participant.email.startswith("eli."))
    assert preview.absent_if_missing
    assert (row.status, row.note) == (Status.ABSENT, "Not in the call.")


def test_the_preview_marks_every_change_from_and_to_and_explains_the_minimum(
    client, facilitator, report_world
):
    session, enrolments = report_world
    carys = enrolments["carys.jones@kentfire.example.uk"]
    aisha = enrolments["aisha.khan@kent.police.example.uk"]
    register_save(
        session=session,
        entries={carys.pk: (Status.PRESENT, ""), aisha.pk: (Status.PRESENT, "")},
        recorded_by=facilitator,
    )
    client.force_login(facilitator)
    name = "teams_attendance_report_us.csv"
    upload = SimpleUploadedFile(name, (FILES / name).read_bytes(), content_type="text/csv")
    response = client.post(_url(session), {"file": upload, "min_minutes": 135})
    preview = response.context["preview"]
    changed = {row.enrolment.participant.email for row in preview.changed}
    # Carys was present on the register and was in the call for 45 minutes: she changes.
    # Aisha stays present; Ben and Dev were not marked; Eli (not in the file) is left alone.
    assert changed == {
        "carys.jones@kentfire.example.uk",
        "ben.okafor@nhs.example.uk",
        "dev.patel@dwp.example.gov.uk",
    }
    html = unescape(response.content.decode())
    assert "3 marks would change" in html
    assert "changes from Present to Absent" in html.replace(
        '<span class="govuk-visually-hidden">', ""
    )
    assert "changes from not marked to Present" in html.replace(
        '<span class="govuk-visually-hidden">', ""
    )
    assert "no change" in html and "Left as it is" in html
    assert "Present if in the call for at least 135 minutes of this 180-minute session" in (
        html.replace("<strong>", "").replace("</strong>", "")
    )
    assert "Only the people in the file are changed" in html
    assert not AttendanceMark.objects.filter(enrolment=enrolments["ben.okafor@nhs.example.uk"])


def test_the_preview_can_be_shown_again_with_another_minimum_before_saving(
    client, facilitator, report_world
):
    session, enrolments = report_world
    client.force_login(facilitator)
    name = "teams_attendance_report_us.csv"
    upload = SimpleUploadedFile(name, (FILES / name).read_bytes(), content_type="text/csv")
    first = client.post(_url(session), {"file": upload, "min_minutes": 135})
    payload = first.context["confirm_form"].initial["payload"]
    again = client.post(_url(session), {"payload": payload, "min_minutes": 30, "repreview": "1"})
    rows = {r.enrolment.participant.email: r for r in again.context["preview"].rows}
    assert rows["carys.jones@kentfire.example.uk"].status == Status.PRESENT
    assert not AttendanceMark.objects.exists()
    saved = client.post(_url(session), {"payload": payload, "min_minutes": 30})
    assert saved.status_code == 302
    assert (
        AttendanceMark.objects.get(enrolment=enrolments["carys.jones@kentfire.example.uk"]).status
        == Status.PRESENT
    )
