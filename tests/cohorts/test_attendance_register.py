"""The register: facilitators mark every participant of a cohort session in one save."""

import datetime as dt
import re
from html import unescape

import pytest
from django.db import connection
from django.urls import reverse

from cohorts.attendance.register import attendance_record, register_save
from cohorts.models import Apology, AttendanceMark, AttendanceMarkChange, Enrolment
from tests.accounts.factories import PASSWORD, UserFactory
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many, london, mark_all
from tests.cohorts.callbacks import tasks_queued
from tests.cohorts.factories import EnrolmentFactory

Status = AttendanceMark.Status
Method = AttendanceMark.Method

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(facilitator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator)
    enrolments = enrol_many(cohort, 3)
    return cohort, sessions, enrolments


def _url(session):
    return reverse("cohorts:attendance_register", args=[session.pk])


def _post_data(enrolments, status="present"):
    data = {}
    for e in enrolments:
        data[f"status_{e.pk}"] = status
        data[f"note_{e.pk}"] = ""
    return data


def test_register_shows_one_radio_group_per_participant_with_a_legend(client, facilitator, setup):
    cohort, sessions, enrolments = setup
    client.force_login(facilitator)
    response = client.get(_url(sessions[0]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<fieldset") == 3
    assert html.count("<legend") == 3
    for e in enrolments:
        assert str(e.participant) in html
        for value in ("present", "late", "left-early", "absent", "apologies"):
            assert f'name="status_{e.pk}"' in html
            assert f'value="{value}"' in html
    # Every radio has a label, so it works with the keyboard and a screen reader alone.
    assert html.count('type="radio"') == html.count('govuk-radios__label" for="id_status_')


def test_register_shows_who_has_already_checked_in(client, facilitator, setup):
    cohort, sessions, enrolments = setup
    AttendanceMark.objects.create(
        enrolment=enrolments[0],
        session=sessions[0],
        status=Status.PRESENT,
        method=Method.SELF_CHECK_IN,
        recorded_at=london(2026, 6, 1, 9, 42),
    )
    client.force_login(facilitator)
    html = client.get(_url(sessions[0])).content.decode()
    assert "Checked in at 09:42" in html
    assert "1 checked in themselves" in html


def test_saving_the_register_records_every_participant(client, facilitator, setup):
    cohort, sessions, enrolments = setup
    client.force_login(facilitator)
    data = _post_data(enrolments)
    data[f"status_{enrolments[1].pk}"] = "late"
    data[f"note_{enrolments[1].pk}"] = "Train delayed"
    response = client.post(_url(sessions[0]), data)
    assert response.status_code == 302
    marks = {m.enrolment_id: m for m in AttendanceMark.objects.filter(session=sessions[0])}
    assert len(marks) == 3
    assert marks[enrolments[1].pk].status == Status.LATE
    assert marks[enrolments[1].pk].note == "Train delayed"
    assert all(m.method == Method.REGISTER and m.recorded_by == facilitator for m in marks.values())


def test_a_partly_filled_register_keeps_what_was_entered_and_says_who_is_left(
    client, facilitator, setup
):
    cohort, sessions, enrolments = setup
    client.force_login(facilitator)
    data = {f"status_{enrolments[0].pk}": "present", f"note_{enrolments[0].pk}": ""}
    response = client.post(_url(sessions[0]), data, follow=True)
    html = unescape(response.content.decode())
    assert "There is a problem" not in html
    left = [str(e.participant) for e in enrolments[1:]]
    assert f"The register for {sessions[0].title} is saved. Not marked yet (2): " in html
    assert ", ".join(left) in html
    # The register shown again counts who is left at the top and keeps the mark entered.
    assert "Not marked yet: 2 of 3" in html
    assert AttendanceMark.objects.get(session=sessions[0]).enrolment == enrolments[0]
    [checked] = re.findall(r"<input [^>]*\bchecked\b[^>]*>", html)
    assert f'name="status_{enrolments[0].pk}"' in checked and 'value="present"' in checked


def test_saving_a_register_with_nobody_marked_says_so_and_saves_nothing(client, facilitator, setup):
    cohort, sessions, enrolments = setup
    client.force_login(facilitator)
    response = client.post(_url(sessions[0]), {})
    html = unescape(response.content.decode())
    assert "There is a problem" in html
    assert "Mark at least one participant" in html
    assert html.count("Choose how") == 0  # not one error per person
    assert not AttendanceMark.objects.exists()


def test_mark_everyone_present_fills_the_gaps_and_saves_nothing_until_the_register_is_saved(
    client, facilitator, setup
):
    cohort, sessions, enrolments = setup
    Apology.objects.create(enrolment=enrolments[2], session=sessions[0], reason="Court")
    client.force_login(facilitator)
    first = client.get(_url(sessions[0])).content.decode()
    assert "Not marked yet: 2 of 3" in first  # apologies sent count as marked
    data = {
        f"status_{enrolments[0].pk}": "late",
        f"status_{enrolments[2].pk}": "apologies",
        "fill_present": "1",
    }
    response = client.post(_url(sessions[0]), data)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Not saved yet. Everyone who was not marked is now shown as present" in html
    assert "Everyone is marked: 3 of 3" in html
    checked = dict(
        re.findall(r'<input [^>]*name="status_(\d+)"[^>]*value="([a-z-]+)"[^>]*\bchecked\b', html)
    )
    assert checked == {
        str(enrolments[0].pk): "late",
        str(enrolments[1].pk): "present",
        str(enrolments[2].pk): "apologies",
    }
    assert not AttendanceMark.objects.exists()
    # Saving what is shown records it.
    saved = {f"status_{pk}": status for pk, status in checked.items()}
    assert client.post(_url(sessions[0]), saved).status_code == 302
    assert dict(
        AttendanceMark.objects.values_list("enrolment_id", "status").order_by("enrolment_id")
    ) == {enrolments[0].pk: "late", enrolments[1].pk: "present", enrolments[2].pk: "apologies"}


def test_the_register_has_full_size_radios_and_works_without_javascript(client, facilitator, setup):
    cohort, sessions, enrolments = setup
    client.force_login(facilitator)
    html = client.get(_url(sessions[0])).content.decode()
    assert "govuk-radios--small" not in html
    assert html.count('class="govuk-radios govuk-radios--inline"') == 3
    # "Mark everyone present" is a plain submit button, not a script.
    assert 'type="submit" name="fill_present"' in html


def test_a_register_with_an_unknown_status_saves_nothing(client, facilitator, setup):
    cohort, sessions, enrolments = setup
    client.force_login(facilitator)
    data = _post_data(enrolments)
    data[f"status_{enrolments[0].pk}"] = "asleep"
    response = client.post(_url(sessions[0]), data)
    assert "There is a problem" in response.content.decode()
    assert not AttendanceMark.objects.exists()


def test_register_save_is_all_or_nothing_when_someone_is_not_on_the_cohort(setup, facilitator):
    cohort, sessions, enrolments = setup
    stranger = EnrolmentFactory()
    entries = {e.pk: (Status.PRESENT, "") for e in enrolments}
    entries[stranger.pk] = (Status.PRESENT, "")
    with pytest.raises(Exception, match="not enrolled on this cohort"):
        register_save(session=sessions[0], entries=entries, recorded_by=facilitator)
    assert not AttendanceMark.objects.exists()


def test_register_overwrites_a_check_in(setup, facilitator):
    cohort, sessions, enrolments = setup
    attendance_record(
        enrolment=enrolments[0],
        session=sessions[0],
        status=Status.PRESENT,
        method=Method.SELF_CHECK_IN,
        recorded_by=enrolments[0].participant,
    )
    register_save(
        session=sessions[0],
        entries={enrolments[0].pk: (Status.LATE, "Arrived 10:15")},
        recorded_by=facilitator,
        now=london(2026, 6, 1, 10, 30),
    )
    mark = AttendanceMark.objects.get(enrolment=enrolments[0], session=sessions[0])
    assert (mark.status, mark.method, mark.recorded_by) == (
        Status.LATE,
        Method.REGISTER,
        facilitator,
    )


def test_a_mark_changed_after_the_session_records_who_when_and_the_previous_value(
    setup, facilitator, manager
):
    cohort, sessions, enrolments = setup
    during = london(2026, 6, 1, 10, 0)
    after = london(2026, 6, 3, 14, 0)
    register_save(
        session=sessions[0],
        entries={enrolments[0].pk: (Status.ABSENT, "")},
        recorded_by=facilitator,
        now=during,
    )
    register_save(
        session=sessions[0],
        entries={enrolments[0].pk: (Status.LEFT_EARLY, "Left at 11:00")},
        recorded_by=manager,
        now=after,
    )
    change = AttendanceMarkChange.objects.exclude(previous_status="").get()
    assert change.changed_by == manager
    assert change.changed_at == after
    assert (change.previous_status, change.previous_method) == (Status.ABSENT, Method.REGISTER)
    assert (change.new_status, change.new_note) == (Status.LEFT_EARLY, "Left at 11:00")
    assert change.new_method == Method.REGISTER


def test_every_write_during_the_session_is_kept_and_an_unchanged_mark_writes_nothing(
    setup, facilitator
):
    cohort, sessions, enrolments = setup
    during, later = london(2026, 6, 1, 9, 40), london(2026, 6, 1, 10, 0)
    after = london(2026, 6, 2, 9, 0)
    for status, now in [(Status.ABSENT, during), (Status.LATE, later), (Status.LATE, after)]:
        register_save(
            session=sessions[0],
            entries={enrolments[0].pk: (status, "")},
            recorded_by=facilitator,
            now=now,
        )
    history = AttendanceMarkChange.objects.order_by("changed_at")
    assert [(c.previous_status, c.new_status, c.changed_at) for c in history] == [
        ("", Status.ABSENT, during),  # first recorded
        (Status.ABSENT, Status.LATE, later),  # changed during the session
    ]
    assert {c.changed_by for c in history} == {facilitator}


def test_register_preselects_apologies_sent_in_advance_and_shows_the_reason(
    client, facilitator, setup
):
    cohort, sessions, enrolments = setup
    Apology.objects.create(enrolment=enrolments[1], session=sessions[0], reason="Court hearing")
    client.force_login(facilitator)
    html = client.get(_url(sessions[0])).content.decode()
    assert "Court hearing" in html
    [checked] = re.findall(r"<input [^>]*\bchecked\b[^>]*>", html)
    assert f'name="status_{enrolments[1].pk}"' in checked and 'value="apologies"' in checked


def test_withdrawn_participants_are_not_on_the_register(client, facilitator, setup):
    cohort, sessions, enrolments = setup
    Enrolment.objects.filter(pk=enrolments[0].pk).update(status=Enrolment.Status.WITHDRAWN)
    client.force_login(facilitator)
    html = client.get(_url(sessions[0])).content.decode()
    assert str(enrolments[0].participant) not in html
    assert html.count("<fieldset") == 2


@pytest.mark.parametrize(
    "who, reason",
    [
        ("other-facilitator", "Only this cohort's facilitators and programme managers"),
        ("nominator", "Only this cohort's facilitators and programme managers"),
        ("participant", "Only this cohort's facilitators and programme managers"),
    ],
)
def test_only_the_cohorts_facilitators_and_managers_keep_the_register(client, setup, who, reason):
    cohort, sessions, enrolments = setup
    user = {
        "other-facilitator": lambda: UserFactory(facilitator=True),
        "nominator": lambda: UserFactory(nominator=True),
        "participant": lambda: enrolments[0].participant,
    }[who]()
    client.force_login(user)
    for response in (client.get(_url(sessions[0])), client.post(_url(sessions[0]), {})):
        assert response.status_code == 403
        assert reason in unescape(response.content.decode())
    assert not AttendanceMark.objects.exists()


def test_a_programme_manager_can_keep_any_register(client, manager, setup):
    cohort, sessions, enrolments = setup
    client.force_login(manager)
    assert client.get(_url(sessions[0])).status_code == 200


def test_signing_in_to_the_register_comes_back_to_it(client, facilitator, setup):
    cohort, sessions, enrolments = setup
    response = client.get(_url(sessions[0]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert "next=" in response["Location"]


def test_register_times_are_london_times_either_side_of_the_clock_change(client, facilitator):
    cohort, sessions = cohort_with_sessions(
        facilitator=facilitator, starts=london(2026, 3, 26, 9, 30), n_sessions=2, rule_share=None
    )
    enrol_many(cohort, 1)
    client.force_login(facilitator)
    before = client.get(_url(sessions[0])).content.decode()
    after = client.get(_url(sessions[1])).content.decode()
    assert sessions[0].starts_at.utcoffset() == dt.timedelta(0)
    assert sessions[1].starts_at.utcoffset() == dt.timedelta(hours=1)
    assert "Thursday 26 March 2026, 09:30 to 12:30" in before
    assert "Thursday 2 April 2026, 09:30 to 12:30" in after


# --- Query budgets --------------------------------------------------------------------------


@pytest.mark.parametrize("participants", [40, 400])
def test_register_renders_in_a_constant_number_of_queries(
    client, facilitator, participants, django_assert_max_num_queries
):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator)
    enrolments = enrol_many(cohort, participants)
    mark_all(enrolments[: participants // 2], sessions[:1])
    client.force_login(facilitator)
    # Sign-in, permission, enrolments, marks, apologies, and the base page (Wagtail user bar).
    with django_assert_max_num_queries(15):
        response = client.get(_url(sessions[0]))
    assert response.content.decode().count("<fieldset") == participants


def test_saving_a_40_person_register_takes_a_constant_number_of_queries(
    client, facilitator, django_assert_max_num_queries
):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator)
    enrolments = enrol_many(cohort, 40)
    # Half already checked in, so the save both creates and updates marks.
    AttendanceMark.objects.bulk_create(
        AttendanceMark(enrolment=e, session=sessions[0], status="present", method="self-check-in")
        for e in enrolments[:20]
    )
    client.force_login(facilitator)
    data = _post_data(enrolments, status="late")
    with django_assert_max_num_queries(15):
        response = client.post(_url(sessions[0]), data)
    assert response.status_code == 302
    assert AttendanceMark.objects.filter(session=sessions[0], status="late").count() == 40


def test_signing_in_with_a_password_works_for_bulk_participants(client, facilitator):
    # The bulk builder gives participants the factories' password, like every other test user.
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=1)
    enrolment = enrol_many(cohort, 1)[0]
    assert client.login(username=enrolment.participant.email, password=PASSWORD)


@pytest.mark.parametrize("participants", [40, 400])
def test_saving_a_register_takes_the_same_few_queries_for_40_or_400_people(
    facilitator, participants, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator)
    enrolments = enrol_many(cohort, participants)
    half = participants // 2
    # Half were marked during the session; after it, the register marks everyone late: new
    # marks, changed marks and a history record for each change.
    register_save(
        session=sessions[0],
        entries={e.pk: (Status.PRESENT, "") for e in enrolments[:half]},
        recorded_by=facilitator,
        now=london(2026, 6, 1, 10, 0),
    )
    after = london(2026, 6, 2, 9, 0)
    # SQLite takes at most 999 values a query, so there 400 marks are a few inserts, not one.
    # Every mark written keeps a history row, so SQLite needs a few more inserts for 400.
    budget = 7 if connection.vendor == "postgresql" else 13
    with (
        django_capture_on_commit_callbacks() as callbacks,
        django_assert_max_num_queries(budget),
    ):
        saved = register_save(
            session=sessions[0],
            entries={e.pk: (Status.LATE, "Traffic") for e in enrolments},
            recorded_by=facilitator,
            now=after,
        )
    assert len(saved) == participants
    # One check for participants at risk, for the whole register.
    assert len(tasks_queued(callbacks)) == 1
    marks = AttendanceMark.objects.filter(session=sessions[0])
    assert marks.count() == participants
    assert set(marks.values_list("status", "note", "method", "recorded_at")) == {
        (Status.LATE, "Traffic", Method.REGISTER, after)
    }
    assert AttendanceMarkChange.objects.filter(previous_status=Status.PRESENT).count() == half
    # The changed marks are the same marks (their history still points at them), not new ones.
    changed = AttendanceMarkChange.objects.exclude(previous_status="")
    assert set(changed.values_list("mark", flat=True)) == set(
        marks.filter(enrolment__in=enrolments[:half]).values_list("pk", flat=True)
    )
    # Everyone's first recording is kept too: the first half's during, the rest's after.
    assert AttendanceMarkChange.objects.filter(previous_status="").count() == participants
