"""Marks follow time: a mark other than apologies is recorded only for a cohort session that has
started, whatever the path (the register, self check-in, a video-call import, a direct service
call, the model's own checks, the database); apologies can be sent or withdrawn until it starts.

The one definition is `AttendanceMark.refusal` (with `CohortSession.has_started`); its tests come
first, then one per path."""

import datetime as dt
from html import unescape

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from cohorts.attendance import checkin
from cohorts.attendance.apologies import apologies_send, apologies_withdraw
from cohorts.attendance.checkin import CheckInError, check_in
from cohorts.attendance.register import attendance_record, register_save
from cohorts.attendance.video_import import attendance_import_preview, attendance_import_save
from cohorts.models import Apology, AttendanceMark, CohortSession
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many, london

Status = AttendanceMark.Status
Method = AttendanceMark.Method
pytestmark = pytest.mark.django_db

# The first session starts at 09:30 on Monday 1 June 2026.
START = london(2026, 6, 1, 9, 30)
BEFORE = START - dt.timedelta(minutes=1)
AFTER = START + dt.timedelta(minutes=1)


@pytest.fixture
def setup(facilitator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=2)
    enrolments = enrol_many(cohort, 3)
    return cohort, sessions[0], enrolments


# --- The one definition ---------------------------------------------------------------------


@pytest.mark.parametrize("status", [s for s in Status if s != Status.APOLOGIES])
def test_a_mark_other_than_apologies_waits_for_the_session_to_start(setup, status):
    cohort, session, enrolments = setup
    refusal = AttendanceMark.refusal(session=session, status=status, at=BEFORE)
    assert refusal == (
        "Session 1 has not started yet, so attendance cannot be recorded for it. The register "
        "opens at 09:30 on Monday 1 June 2026; until then, only apologies can be recorded."
    )
    assert AttendanceMark.refusal(session=session, status=status, at=START) is None
    assert AttendanceMark.refusal(session=session, status=status, at=AFTER) is None


def test_apologies_can_be_recorded_at_any_time(setup):
    cohort, session, enrolments = setup
    for at in (BEFORE - dt.timedelta(days=30), BEFORE, AFTER):
        assert AttendanceMark.refusal(session=session, status=Status.APOLOGIES, at=at) is None


def test_held_so_far_is_the_same_rule_in_python_and_in_sql(setup):
    cohort, session, enrolments = setup
    for at, held in ((BEFORE, False), (START, True), (AFTER, True)):
        assert session.has_started(at) is held
        assert CohortSession.objects.held(at).filter(pk=session.pk).exists() is held


def test_a_cancelled_session_is_never_held_in_python_or_in_sql(setup):
    cohort, session, enrolments = setup
    session.cancelled_at = BEFORE
    session.save(update_fields=["cancelled_at"])
    for at in (BEFORE, START, AFTER):
        assert session.is_held(at) is False
        assert not CohortSession.objects.held(at).filter(pk=session.pk).exists()


def test_the_model_refuses_a_mark_recorded_before_its_session(setup):
    cohort, session, enrolments = setup
    mark = AttendanceMark(
        enrolment=enrolments[0], session=session, status=Status.PRESENT, recorded_at=BEFORE
    )
    with pytest.raises(ValidationError, match="has not started yet"):
        mark.full_clean()
    mark.status = Status.APOLOGIES
    mark.full_clean()


# --- Every path -----------------------------------------------------------------------------


def test_the_register_service_refuses_a_session_still_to_come_and_saves_nothing(setup, facilitator):
    cohort, session, enrolments = setup
    with pytest.raises(ValidationError, match="has not started yet"):
        register_save(
            session=session,
            entries={e.pk: (Status.PRESENT, "") for e in enrolments},
            recorded_by=facilitator,
            now=BEFORE,
        )
    assert not AttendanceMark.objects.exists()


def test_the_register_service_records_apologies_before_the_session(setup, facilitator):
    cohort, session, enrolments = setup
    register_save(
        session=session,
        entries={enrolments[0].pk: (Status.APOLOGIES, "")},
        recorded_by=facilitator,
        now=BEFORE,
    )
    assert AttendanceMark.objects.get().status == Status.APOLOGIES


def test_one_mark_recorded_directly_is_refused_too(setup, facilitator):
    cohort, session, enrolments = setup
    for method, by in ((Method.REGISTER, facilitator), (Method.SELF_CHECK_IN, None)):
        with pytest.raises(ValidationError, match="has not started yet"):
            attendance_record(
                enrolment=enrolments[0],
                session=session,
                status=Status.PRESENT,
                method=method,
                recorded_by=by or enrolments[0].participant,
                now=BEFORE,
            )
    assert not AttendanceMark.objects.exists()


def test_self_check_in_opens_when_the_session_starts(setup):
    cohort, session, enrolments = setup
    participant = enrolments[0].participant
    with pytest.raises(CheckInError) as error:
        check_in(
            session=session,
            participant=participant,
            code=checkin.current_code(session, BEFORE),
            now=BEFORE,
        )
    assert error.value.reason == CheckInError.NOT_OPEN_YET
    assert "opens when it starts, at 09:30" in error.value.message
    assert not AttendanceMark.objects.exists()
    check_in(
        session=session,
        participant=participant,
        code=checkin.current_code(session, START),
        now=START,
    )
    assert AttendanceMark.objects.get().recorded_at == START


def test_an_import_is_refused_before_the_session_starts(setup, facilitator):
    cohort, session, enrolments = setup
    data = f"Email,Duration\n{enrolments[0].participant.email},90\n".encode()
    with pytest.raises(ValidationError, match="has not started yet"):
        attendance_import_preview(session=session, data=data, min_minutes=60, now=BEFORE)
    with pytest.raises(ValidationError, match="has not started yet"):
        attendance_import_save(
            session=session, data=data, min_minutes=60, recorded_by=facilitator, now=BEFORE
        )
    assert not AttendanceMark.objects.exists()


def test_the_import_page_of_a_session_still_to_come_says_why_and_takes_no_file(
    client, facilitator, setup
):
    cohort, session, enrolments = setup
    client.force_login(facilitator)
    url = reverse("cohorts:attendance_import", args=[session.pk])
    with time_machine.travel(BEFORE, tick=False):
        page = unescape(client.get(url).content.decode())
        upload = SimpleUploadedFile("list.csv", b"Email,Duration\na@example.org,90\n")
        posted = unescape(client.post(url, {"file": upload, "min_minutes": 60}).content.decode())
    for html in (page, posted):
        assert "There is a problem" in html
        assert "The register opens at 09:30 on Monday 1 June 2026" in html
        assert 'type="file"' not in html
    assert not AttendanceMark.objects.exists()


def test_a_register_opened_before_the_session_shows_apologies_and_when_it_opens(
    client, facilitator, setup
):
    cohort, session, enrolments = setup
    apologies_send(enrolment=enrolments[1], session=session, reason="Court hearing", now=BEFORE)
    client.force_login(facilitator)
    url = reverse("cohorts:attendance_register", args=[session.pk])
    with time_machine.travel(BEFORE, tick=False):
        html = unescape(client.get(url).content.decode())
    assert "The register opens when the session starts, at 09:30 on Monday 1 June 2026" in html
    assert "Court hearing" in html and str(enrolments[1].participant) in html
    assert 'type="radio"' not in html


def test_saving_the_register_of_a_session_still_to_come_is_refused_and_saves_nothing(
    client, facilitator, setup
):
    cohort, session, enrolments = setup
    client.force_login(facilitator)
    data = {f"status_{e.pk}": "present" for e in enrolments}
    url = reverse("cohorts:attendance_register", args=[session.pk])
    with time_machine.travel(BEFORE, tick=False):
        response = client.post(url, data)
    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "Nothing was saved. Session 1 has not started yet" in html
    assert not AttendanceMark.objects.exists()
    with time_machine.travel(AFTER, tick=False):
        assert client.post(url, data).status_code == 302
    assert AttendanceMark.objects.count() == 3


# --- The database, around the services --------------------------------------------------------


def test_the_database_refuses_a_mark_recorded_before_its_session(setup):
    cohort, session, enrolments = setup
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceMark.objects.bulk_create(
            [
                AttendanceMark(
                    enrolment=enrolments[0], session=session, status="present", recorded_at=BEFORE
                )
            ]
        )
    AttendanceMark.objects.bulk_create(
        [
            AttendanceMark(
                enrolment=enrolments[0], session=session, status="apologies", recorded_at=BEFORE
            )
        ]
    )
    # Turning apologies into a mark recorded before the start is refused too.
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceMark.objects.filter(session=session).update(status="present")
    assert AttendanceMark.objects.get().status == Status.APOLOGIES


def test_the_database_refuses_a_session_moved_after_attendance_recorded_for_it(setup):
    cohort, session, enrolments = setup
    AttendanceMark.objects.create(
        enrolment=enrolments[0], session=session, status="present", recorded_at=AFTER
    )
    later = session.starts_at + dt.timedelta(hours=1)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE cohorts_cohortsession SET starts_at = %s, ends_at = %s WHERE id = %s",
            [later, later + dt.timedelta(hours=3), session.pk],
        )
    # Earlier is fine: the marks were still recorded after it started.
    CohortSession.objects.filter(pk=session.pk).update(
        starts_at=session.starts_at - dt.timedelta(minutes=30)
    )


def test_moving_a_held_session_later_is_a_form_error_not_a_server_error(setup):
    cohort, session, enrolments = setup
    AttendanceMark.objects.create(
        enrolment=enrolments[0], session=session, status="present", recorded_at=AFTER
    )
    session = CohortSession.objects.get(pk=session.pk)
    session.starts_at += dt.timedelta(hours=1)
    session.ends_at += dt.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "Attendance was recorded for this session at 09:31 on 01 Jun 2026" in str(
        error.value.message_dict["starts_at"]
    )


# --- Apologies until the start ------------------------------------------------------------------


def test_apologies_can_be_withdrawn_until_the_session_starts(setup):
    cohort, session, enrolments = setup
    apologies_send(enrolment=enrolments[0], session=session, reason="Leave", now=BEFORE)
    assert apologies_withdraw(enrolment=enrolments[0], session=session, now=BEFORE)
    assert not Apology.objects.exists()
    apologies_send(enrolment=enrolments[0], session=session, reason="Leave", now=BEFORE)
    for action in (
        lambda: apologies_withdraw(enrolment=enrolments[0], session=session, now=START),
        lambda: apologies_send(enrolment=enrolments[0], session=session, reason="x", now=START),
    ):
        with pytest.raises(ValidationError, match="already started"):
            action()
    assert Apology.objects.get().reason == "Leave"


def test_a_participant_withdraws_their_apologies_from_the_apologies_page(client, setup):
    cohort, session, enrolments = setup
    apologies_send(enrolment=enrolments[0], session=session, reason="Leave", now=BEFORE)
    client.force_login(enrolments[0].participant)
    url = reverse("cohorts:apologies", args=[session.pk])
    with time_machine.travel(BEFORE, tick=False):
        page = client.get(url).content.decode()
        assert "Withdraw my apologies" in page
        response = client.post(url, {"withdraw": "1"}, follow=True)
    assert "Your apologies for Session 1 are withdrawn." in unescape(response.content.decode())
    assert not Apology.objects.exists()
    with time_machine.travel(AFTER, tick=False):
        apology = Apology.objects.create(enrolment=enrolments[0], session=session, reason="x")
        response = client.post(url, {"withdraw": "1"})
    assert response.status_code == 400
    assert "already started" in unescape(response.content.decode())
    assert Apology.objects.filter(pk=apology.pk).exists()
