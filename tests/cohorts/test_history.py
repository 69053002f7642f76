"""One history per cohort: every write to its attendance marks, sign-offs given and withdrawn,
enrolment events and certificate events, on one paginated, filterable screen for programme
managers and the cohort's facilitators (`cohorts.history`). Every write path records its event."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from cohorts.attendance.register import attendance_record, register_save
from cohorts.certificates.services import certificate_issue, certificate_revoke
from cohorts.completion.services import completion_sign_off, completion_sign_off_withdraw
from cohorts.history.selectors import Kind, cohort_history, history_entries
from cohorts.models import (
    AttendanceMark,
    AttendanceMarkChange,
    CompletionSignOffEvent,
    Enrolment,
    EnrolmentEvent,
)
from personal_data.models import PersonalDataAccess
from personal_data.services import person_erase, personal_data_export
from tests.accounts.factories import UserFactory
from tests.cohorts.certificate_helpers import S, World, fake_pdf  # noqa: F401
from tests.cohorts.factories import AttendanceMarkFactory, CompletionSignOffFactory

pytestmark = pytest.mark.django_db

M = AttendanceMark.Method


def during(session, minutes=40):
    return session.starts_at + dt.timedelta(minutes=minutes)


def after(session):
    return session.ends_at + dt.timedelta(days=1)


@pytest.fixture
def story(fake_pdf, manager):  # noqa: F811
    """A closed cohort of four sessions: Ada completes and is certified (then revoked), Ben
    misses one and is marked late after the session."""
    world = World(facilitator_sign_off=True)
    world.manager = manager
    world.ada = world.enrol(first_name="Ada", last_name="Lovelace")
    world.ben = world.enrol(first_name="Ben", last_name="Okri")
    for enrolment in (world.ada, world.ben):
        EnrolmentEvent.objects.create(
            enrolment=enrolment,
            actor=world.nominator,
            at=world.sessions[0].starts_at - dt.timedelta(days=30),
            action=EnrolmentEvent.Action.NOMINATED,
            to_status=Enrolment.Status.INVITED,
            details={"source": "form"},
        )
    first, second, third, fourth = world.sessions
    register_save(
        session=first,
        entries={world.ada.pk: (S.PRESENT, ""), world.ben.pk: (S.ABSENT, "")},
        recorded_by=world.facilitator,
        now=during(first),
    )
    register_save(
        session=first,
        entries={world.ben.pk: (S.LATE, "Arrived at ten")},
        recorded_by=manager,
        now=after(first),
    )
    attendance_record(
        enrolment=world.ada,
        session=second,
        status=S.PRESENT,
        method=M.SELF_CHECK_IN,
        recorded_by=world.ada.participant,
        now=during(second, 5),
    )
    register_save(
        session=third,
        entries={world.ada.pk: (S.PRESENT, ""), world.ben.pk: (S.PRESENT, "")},
        recorded_by=world.facilitator,
        method=M.IMPORT,
        now=during(third),
    )
    register_save(
        session=fourth,
        entries={world.ada.pk: (S.PRESENT, ""), world.ben.pk: (S.ABSENT, "")},
        recorded_by=world.facilitator,
        now=during(fourth),
    )
    completion_sign_off(enrolment=world.ada, signed_off_by=world.facilitator)
    completion_sign_off_withdraw(
        enrolment=world.ada, withdrawn_by=world.facilitator, reason="Clicked the wrong row"
    )
    completion_sign_off(enrolment=world.ada, signed_off_by=world.facilitator)
    world.certificate = certificate_issue(
        enrolment=Enrolment.objects.get(pk=world.ada.pk), issued_by=world.facilitator
    )
    certificate_revoke(certificate=world.certificate, revoked_by=manager, reason="Issued twice")
    return world


def history_url(world):
    return reverse("cohorts:cohort_history", args=[world.cohort.pk])


def entries(world, **filters):
    return history_entries(cohort_history(world.cohort, **filters))


def test_the_history_names_every_change_with_who_when_from_what_to_what_and_how(client, story):
    client.force_login(story.manager)
    response = client.get(history_url(story))
    assert response.status_code == 200
    html = response.text
    for text in [
        "Mark recorded: Session 1",
        "Mark changed: Session 1",
        "Absent → Late",
        "Arrived at ten",
        "Self check-in",
        "Import",
        "Register",
        "Sign-off withdrawn",
        "Clicked the wrong row",
        "Certificate issued",
        "Certificate revoked",
        "Issued twice",
        "Completed (certificate issued)",
        "Nominated",
        "Nomination form",
        str(story.facilitator),
        str(story.nominator),
    ]:
        assert text in html, text


def test_every_write_is_in_the_history_once_newest_first(story):
    lines = entries(story)
    kinds = [line.kind for line in lines]
    assert kinds.count(Kind.ATTENDANCE) == AttendanceMarkChange.objects.count() == 8
    assert kinds.count(Kind.SIGN_OFF) == 3
    assert kinds.count(Kind.ENROLMENT) == 3  # two nominations, one completion
    assert kinds.count(Kind.CERTIFICATE) == 2  # issued, revoked (not emailed: on commit)
    times = [line.at for line in lines]
    assert times == sorted(times, reverse=True)


def test_the_history_filters_by_kind_and_by_person(client, story):
    assert {line.kind for line in entries(story, kinds=[Kind.SIGN_OFF])} == {Kind.SIGN_OFF}
    bens = entries(story, person=story.ben.participant_id)
    assert {line.enrolment.pk for line in bens} == {story.ben.pk}
    client.force_login(story.facilitator)
    response = client.get(
        history_url(story), {"kind": "attendance", "person": story.ben.participant_id}
    )
    assert response.status_code == 200
    assert "Ada Lovelace" not in response.text.split("<table")[1]
    assert "Changes shown (4)" in response.text


def test_a_filter_that_is_not_offered_is_an_error_not_a_crash(client, story):
    client.force_login(story.manager)
    response = client.get(history_url(story), {"kind": "gossip", "person": "99999"})
    assert response.status_code == 200
    assert "There is a problem" in response.text


def test_the_history_is_paginated(client, story):
    mark = AttendanceMark.objects.get(enrolment=story.ben, session=story.sessions[0])
    for n in range(48):
        AttendanceMarkChange.objects.create(
            mark=mark,
            changed_by=story.facilitator,
            changed_at=after(story.sessions[0]) + dt.timedelta(minutes=n),
            previous_status=S.ABSENT,
            new_status=S.PRESENT,
            new_method=M.REGISTER,
        )
    client.force_login(story.manager)
    first = client.get(history_url(story))
    assert "page 1 of 2" in first.text
    second = client.get(history_url(story), {"page": 2})
    assert "page 2 of 2" in second.text


def test_the_page_takes_the_same_queries_however_long_the_history(
    client, story, django_assert_max_num_queries
):
    client.force_login(story.manager)
    client.get(history_url(story))  # warm the session and the user's groups
    with django_assert_max_num_queries(14):
        client.get(history_url(story))
    for n in range(30):
        extra = story.enrol(first_name=f"Extra{n}")
        register_save(
            session=story.sessions[0],
            entries={extra.pk: (S.PRESENT, "")},
            recorded_by=story.facilitator,
            now=after(story.sessions[0]),
        )
        completion_sign_off(enrolment=extra, signed_off_by=story.facilitator)
    with django_assert_max_num_queries(14):
        response = client.get(history_url(story))
    assert "page 1 of 2" in response.text


@pytest.mark.parametrize(
    ("who", "status"),
    [("facilitator", 200), ("manager", 200), ("other-facilitator", 403), ("participant", 403)],
)
def test_only_managers_and_the_cohorts_facilitators_see_its_history(client, story, who, status):
    user = {
        "facilitator": story.facilitator,
        "manager": story.manager,
        "other-facilitator": UserFactory(facilitator=True),
        "participant": story.ben.participant,
    }[who]
    client.force_login(user)
    assert client.get(history_url(story)).status_code == status


# --- Every write path records its event ---


def test_a_self_check_in_is_recorded_with_how(story):
    change = AttendanceMarkChange.objects.get(
        mark__enrolment=story.ada, mark__session=story.sessions[1]
    )
    assert (change.previous_status, change.new_status, change.new_method) == (
        "",
        S.PRESENT,
        M.SELF_CHECK_IN,
    )
    assert change.changed_by == story.ada.participant


def test_issuing_a_certificate_records_the_enrolment_completed(story):
    event = EnrolmentEvent.objects.get(enrolment=story.ada, action="completed")
    assert (event.from_status, event.to_status, event.actor) == (
        Enrolment.Status.CONFIRMED,
        Enrolment.Status.COMPLETED,
        story.facilitator,
    )


def test_the_migration_fills_in_the_history_of_marks_and_sign_offs_made_before_it(db):
    world = World()
    enrolment = world.enrol()
    mark = AttendanceMarkFactory(
        enrolment=enrolment, session=world.sessions[0], status=S.LATE, method=M.SELF_CHECK_IN
    )
    changed = AttendanceMarkFactory(
        enrolment=enrolment, session=world.sessions[1], status=S.PRESENT, method=M.REGISTER
    )
    AttendanceMarkChange.objects.create(
        mark=changed, previous_status=S.ABSENT, previous_method=M.IMPORT, new_status=S.PRESENT
    )
    sign_off = CompletionSignOffFactory(enrolment=enrolment, signed_off_by=world.facilitator)
    migration = importlib.import_module("cohorts.migrations.0012_set_up_guard_rails_and_history")
    migration.fill_in_history(apps, None)
    first = AttendanceMarkChange.objects.get(mark=mark)
    assert (first.previous_status, first.new_status, first.new_method) == (
        "",
        S.LATE,
        M.SELF_CHECK_IN,
    )
    assert AttendanceMarkChange.objects.get(mark=changed).new_method == M.REGISTER
    event = CompletionSignOffEvent.objects.get()
    assert (event.enrolment, event.actor, event.at) == (
        enrolment,
        world.facilitator,
        sign_off.signed_off_at,
    )


def test_viewing_the_history_is_logged_as_a_view_of_personal_data(client, story):
    client.force_login(story.facilitator)
    client.get(history_url(story))
    entry = PersonalDataAccess.objects.get()
    assert (entry.actor, entry.action, entry.object_key) == (
        story.facilitator,
        "viewed",
        f"cohort:{story.cohort.pk}",
    )


def test_a_withdrawn_sign_offs_reason_is_in_the_download_and_goes_on_erasure(story):
    person = story.ada.participant
    [enrolment] = personal_data_export(person=person)["enrolments"]
    assert [e["action"] for e in enrolment["sign_offs"]] == [
        "signed-off",
        "withdrawn",
        "signed-off",
    ]
    assert enrolment["sign_offs"][1]["reason"] == "Clicked the wrong row"
    person_erase(person=person, actor=story.manager)
    withdrawal = CompletionSignOffEvent.objects.get(action="withdrawn")
    assert withdrawal.reason == "[removed]"
