"""Self check-in: rotating codes, the check-in window, and who may check in."""

import datetime as dt
from html import unescape
from urllib.parse import urlencode

import pytest
import time_machine
from django.urls import reverse

from cohorts.attendance import checkin
from cohorts.attendance.checkin import CheckInError, check_in
from cohorts.attendance.register import register_save
from cohorts.models import AttendanceMark, Enrolment
from tests.accounts.factories import PASSWORD, UserFactory
from tests.cohorts.attendance_helpers import UTC, cohort_with_sessions, enrol_many, london

Status = AttendanceMark.Status
Method = AttendanceMark.Method
pytestmark = pytest.mark.django_db

# The first session starts at 09:30 on Monday 1 June 2026 (BST); check-in opens then (no
# attendance is recorded before a session starts) and closes 120 minutes after (the cohort's
# default).
DURING = london(2026, 6, 1, 9, 40)


@pytest.fixture
def setup(facilitator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=2)
    enrolment = enrol_many(cohort, 1)[0]
    return cohort, sessions[0], enrolment


# --- The code -------------------------------------------------------------------------------


def test_the_code_is_six_unambiguous_characters(setup):
    cohort, session, enrolment = setup
    code = checkin.current_code(session, DURING)
    assert len(code) == 6
    assert not set(code) & set("01OIL")
    assert set(code) <= set(checkin.ALPHABET)


def test_the_code_changes_every_five_minutes_and_differs_between_sessions(setup):
    cohort, session, enrolment = setup
    other = cohort.sessions.exclude(pk=session.pk).get()
    step_start = dt.datetime.fromtimestamp(int(DURING.timestamp()) // 300 * 300, tz=UTC)
    assert checkin.current_code(session, step_start) == checkin.current_code(
        session, step_start + dt.timedelta(minutes=4, seconds=59)
    )
    assert checkin.current_code(session, step_start) != checkin.current_code(
        session, step_start + dt.timedelta(minutes=5)
    )
    assert checkin.current_code(session, step_start) != checkin.current_code(other, step_start)


def test_the_current_and_previous_codes_are_accepted_and_older_ones_have_expired(setup):
    cohort, session, enrolment = setup
    code = checkin.current_code(session, DURING)
    assert checkin.check_code(session, code, DURING) == "valid"
    assert checkin.check_code(session, code.lower(), DURING + dt.timedelta(minutes=5)) == "valid"
    assert checkin.check_code(session, code, DURING + dt.timedelta(minutes=10)) == "expired"
    typo = ("B" if code[0] == "A" else "A") + code[1:]
    assert checkin.check_code(session, typo, DURING) == "wrong"
    assert checkin.check_code(session, code[:5], DURING) == "wrong"


def test_the_code_depends_on_the_secret_key(setup, settings):
    cohort, session, enrolment = setup
    code = checkin.current_code(session, DURING)
    settings.SECRET_KEY = "another-secret"
    assert checkin.current_code(session, DURING) != code


# --- The service ----------------------------------------------------------------------------


def test_a_participant_checks_in_with_the_current_code(setup):
    cohort, session, enrolment = setup
    result = check_in(
        session=session,
        participant=enrolment.participant,
        code=checkin.current_code(session, DURING),
        now=DURING,
    )
    assert not result.already_recorded
    mark = AttendanceMark.objects.get()
    assert (mark.status, mark.method, mark.recorded_by) == (
        Status.PRESENT,
        Method.SELF_CHECK_IN,
        enrolment.participant,
    )


@pytest.mark.parametrize(
    "now, code_at, reason, message",
    [
        (DURING, None, CheckInError.WRONG_CODE, "That code is not right"),
        (DURING, DURING - dt.timedelta(minutes=15), CheckInError.EXPIRED_CODE, "has expired"),
        (
            london(2026, 6, 1, 9, 25),
            london(2026, 6, 1, 9, 25),
            CheckInError.NOT_OPEN_YET,
            "opens when it starts, at 09:30 on Monday 1 June 2026",
        ),
        (
            london(2026, 6, 1, 11, 31),
            london(2026, 6, 1, 11, 31),
            CheckInError.CLOSED,
            "closed at 11:30 on Monday 1 June 2026",
        ),
    ],
    ids=["wrong-code", "expired-code", "before-the-window", "after-the-window"],
)
def test_a_refused_check_in_says_why_and_records_nothing(setup, now, code_at, reason, message):
    cohort, session, enrolment = setup
    code = checkin.current_code(session, code_at) if code_at else "WRONG2"
    with pytest.raises(CheckInError) as error:
        check_in(session=session, participant=enrolment.participant, code=code, now=now)
    assert error.value.reason == reason
    assert message in error.value.message
    assert not AttendanceMark.objects.exists()


@pytest.mark.parametrize("status", [None, Enrolment.Status.WITHDRAWN, Enrolment.Status.INVITED])
def test_someone_not_taking_part_in_the_cohort_cannot_check_in(setup, status):
    cohort, session, enrolment = setup
    person = UserFactory(participant=True)
    if status:
        Enrolment.objects.filter(pk=enrolment.pk).update(status=status)
        person = enrolment.participant
    with pytest.raises(CheckInError) as error:
        check_in(
            session=session,
            participant=person,
            code=checkin.current_code(session, DURING),
            now=DURING,
        )
    assert error.value.reason == CheckInError.NOT_ENROLLED
    assert "You are not enrolled on" in error.value.message


def test_a_check_in_never_overwrites_the_facilitators_mark(setup, facilitator):
    cohort, session, enrolment = setup
    register_save(
        session=session,
        entries={enrolment.pk: (Status.LATE, "Arrived 10:05")},
        recorded_by=facilitator,
        now=DURING,
    )
    result = check_in(
        session=session,
        participant=enrolment.participant,
        code=checkin.current_code(session, DURING),
        now=DURING,
    )
    assert result.already_recorded
    mark = AttendanceMark.objects.get()
    assert (mark.status, mark.method, mark.recorded_by) == (
        Status.LATE,
        Method.REGISTER,
        facilitator,
    )


def test_checking_in_twice_changes_nothing(setup):
    cohort, session, enrolment = setup
    code = checkin.current_code(session, DURING)
    check_in(session=session, participant=enrolment.participant, code=code, now=DURING)
    later = DURING + dt.timedelta(minutes=2)
    result = check_in(session=session, participant=enrolment.participant, code=code, now=later)
    assert result.already_recorded
    assert AttendanceMark.objects.get().recorded_at == DURING


@pytest.mark.parametrize(
    "starts, opens_utc",
    [
        # Thursday before the clocks go forward (GMT) and Monday after (BST).
        (london(2026, 3, 26, 9, 30), dt.datetime(2026, 3, 26, 9, 30, tzinfo=UTC)),
        (london(2026, 3, 30, 9, 30), dt.datetime(2026, 3, 30, 8, 30, tzinfo=UTC)),
        # Thursday before the clocks go back (BST) and Monday after (GMT).
        (london(2026, 10, 22, 9, 30), dt.datetime(2026, 10, 22, 8, 30, tzinfo=UTC)),
        (london(2026, 10, 26, 9, 30), dt.datetime(2026, 10, 26, 9, 30, tzinfo=UTC)),
    ],
    ids=["march-gmt", "march-bst", "october-bst", "october-gmt"],
)
def test_the_check_in_window_is_in_london_time_across_the_clock_changes(starts, opens_utc):
    cohort, sessions = cohort_with_sessions(starts=starts, n_sessions=1, rule_share=None)
    session = sessions[0]
    enrolment = enrol_many(cohort, 1)[0]
    window = checkin.checkin_window(session)
    assert window.opens_at == opens_utc
    assert window.closes_at - window.opens_at == dt.timedelta(minutes=120)

    just_before = opens_utc - dt.timedelta(minutes=1)
    with pytest.raises(CheckInError, match="opens when it starts, at 09:30 on"):
        check_in(
            session=session,
            participant=enrolment.participant,
            code=checkin.current_code(session, just_before),
            now=just_before,
        )
    just_after = opens_utc + dt.timedelta(minutes=1)
    check_in(
        session=session,
        participant=enrolment.participant,
        code=checkin.current_code(session, just_after),
        now=just_after,
    )
    assert AttendanceMark.objects.filter(session=session).exists()


# --- The screens ----------------------------------------------------------------------------


def _checkin_url(session, code=None):
    url = reverse("cohorts:check_in", args=[session.pk])
    return f"{url}?{urlencode({'code': code})}" if code else url


def test_the_facilitator_shows_the_code_and_a_qr_code_of_the_check_in_link(
    client, facilitator, setup
):
    cohort, session, enrolment = setup
    client.force_login(facilitator)
    with time_machine.travel(DURING, tick=False):
        code = checkin.current_code(session)
        html = client.get(reverse("cohorts:checkin_code", args=[session.pk])).content.decode()
    assert code in html
    assert 'class="qr-code"' in html and 'role="img"' in html
    # The address to type is shown without the code (typed separately); the QR code has both.
    check_in = reverse("cohorts:check_in", args=[session.pk])
    assert f"http://testserver{check_in}</strong> and enter" in unescape(html)


def test_the_code_screen_says_when_check_in_opens_outside_the_window(client, facilitator, setup):
    cohort, session, enrolment = setup
    client.force_login(facilitator)
    with time_machine.travel(london(2026, 5, 30, 12, 0), tick=False):
        html = client.get(reverse("cohorts:checkin_code", args=[session.pk])).content.decode()
    assert "Check-in opens at 09:30 on Monday 1 June 2026" in html
    assert 'class="qr-code"' not in html


def test_participants_cannot_see_the_code_screen(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    response = client.get(reverse("cohorts:checkin_code", args=[session.pk]))
    assert response.status_code == 403


def test_a_participant_checks_in_from_the_qr_link(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    with time_machine.travel(DURING, tick=False):
        code = checkin.current_code(session)
        page = client.get(_checkin_url(session, code)).content.decode()
        assert f'value="{code}"' in page
        response = client.post(_checkin_url(session, code), {"code": code})
    assert "You are checked in" in response.content.decode()
    assert AttendanceMark.objects.get().method == Method.SELF_CHECK_IN


def test_a_participant_who_is_not_signed_in_lands_back_on_the_check_in(client, setup):
    cohort, session, enrolment = setup
    with time_machine.travel(DURING, tick=False):
        code = checkin.current_code(session)
        response = client.get(_checkin_url(session, code))
        assert response.status_code == 302
        login_url = response["Location"]
        assert login_url.startswith(reverse("accounts:login"))
        signed_in = client.post(
            login_url,
            {"login": enrolment.participant.email, "password": PASSWORD},
        )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == _checkin_url(session, code)


def test_a_wrong_code_shows_an_error_summary(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    with time_machine.travel(DURING, tick=False):
        response = client.post(_checkin_url(session), {"code": "ZZZZZZ"})
    html = unescape(response.content.decode())
    assert "There is a problem" in html
    assert "That code is not right" in html
    assert not AttendanceMark.objects.exists()


def test_guessing_codes_is_stopped_after_ten_tries_even_for_the_right_code(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    with time_machine.travel(DURING, tick=False):
        for _ in range(10):
            assert "That code is not right" in unescape(
                client.post(_checkin_url(session), {"code": "ZZZZZZ"}).content.decode()
            )
        code = checkin.current_code(session)
        response = client.post(_checkin_url(session), {"code": code})
    assert response.status_code == 429
    assert "Too many tries" in unescape(response.content.decode())
    assert not AttendanceMark.objects.exists()


def test_an_expired_code_gets_its_own_message(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    old_code = checkin.current_code(session, DURING - dt.timedelta(minutes=20))
    with time_machine.travel(DURING, tick=False):
        response = client.post(_checkin_url(session), {"code": old_code})
    assert "That code has expired" in unescape(response.content.decode())


def test_a_check_in_after_the_window_says_it_has_closed(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    late = london(2026, 6, 1, 12, 0)
    with time_machine.travel(late, tick=False):
        response = client.post(_checkin_url(session), {"code": checkin.current_code(session)})
    assert "closed at 11:30" in unescape(response.content.decode())
    assert not AttendanceMark.objects.exists()


def test_someone_not_on_the_cohort_is_told_why_they_cannot_check_in(client, setup):
    cohort, session, enrolment = setup
    client.force_login(UserFactory(participant=True))
    with time_machine.travel(DURING, tick=False):
        response = client.post(_checkin_url(session), {"code": checkin.current_code(session)})
    assert response.status_code == 403
    assert "Only participants taking part in this cohort" in unescape(response.content.decode())
    assert not AttendanceMark.objects.exists()


# --- Both ways: a box for the code on the participant's home and the session page ------------


def _box(html, session):
    action = f'action="{reverse("cohorts:check_in", args=[session.pk])}"'
    return action in html and 'name="code"' in html


def test_while_check_in_is_open_the_participants_home_offers_a_box_for_the_code(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    with time_machine.travel(london(2026, 6, 1, 9, 0), tick=False):
        assert not _box(client.get(reverse("home")).content.decode(), session)
    with time_machine.travel(DURING, tick=False):
        html = client.get(reverse("home")).content.decode()
        assert _box(html, session)
        assert "Check-in is open</strong> until 11:30" in html
        # The box posts to the same check-in page and service as the QR code's link.
        code = checkin.current_code(session)
        response = client.post(_checkin_url(session), {"code": code})
        assert "You are checked in" in response.content.decode()
        assert not _box(client.get(reverse("home")).content.decode(), session)
    assert AttendanceMark.objects.get().method == Method.SELF_CHECK_IN


def test_a_wrong_code_typed_on_the_home_page_is_shown_on_the_check_in_form(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    with time_machine.travel(DURING, tick=False):
        response = client.post(_checkin_url(session), {"code": "WRONG2"})
    html = unescape(response.content.decode())
    assert "There is a problem" in html and "That code is not right" in html
    assert 'value="WRONG2"' in html
    assert not AttendanceMark.objects.exists()


def test_the_session_page_offers_the_box_to_participants_not_yet_marked(client, facilitator, setup):
    cohort, session, enrolment = setup
    url = reverse("cohorts:session_detail", args=[session.pk])
    with time_machine.travel(DURING, tick=False):
        client.force_login(enrolment.participant)
        assert _box(client.get(url).content.decode(), session)
        client.force_login(facilitator)
        assert not _box(client.get(url).content.decode(), session)
        register_save(
            session=session,
            entries={enrolment.pk: (Status.PRESENT, "")},
            recorded_by=facilitator,
        )
        client.force_login(enrolment.participant)
        assert not _box(client.get(url).content.decode(), session)
    with time_machine.travel(london(2026, 6, 1, 11, 31), tick=False):
        AttendanceMark.objects.all().delete()
        assert not _box(client.get(url).content.decode(), session)  # closed
