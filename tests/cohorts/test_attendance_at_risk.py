"""At risk of not completing: flagged to facilitators, and emailed once per event to the
participant and their nominators."""

from types import SimpleNamespace

import pytest
from django.core import mail

from cohorts.attendance.at_risk import at_risk_flags, at_risk_notify
from cohorts.attendance.register import register_save
from cohorts.models import AttendanceMark, AttendanceNotification, CompletionRule, Enrolment
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many, london
from tests.cohorts.factories import OrganisationFactory

S = AttendanceMark.Status
Kind = AttendanceNotification.Kind
pytestmark = pytest.mark.django_db

SESSIONS = [SimpleNamespace(pk=i) for i in range(1, 9)]  # eight scheduled sessions


def _rule(**kwargs):
    # 75% of 8 sessions: 6 needed, so 2 may be missed.
    return CompletionRule(**{"min_share_attended": 75, **kwargs})


def _kinds(statuses, rule=None):
    rule = _rule() if rule is None else rule
    return [f.kind for f in at_risk_flags(sessions=SESSIONS, statuses=statuses, rule=rule)]


def test_nobody_is_at_risk_before_missing_anything():
    assert _kinds({1: S.PRESENT, 2: S.PRESENT}) == []


def test_one_miss_with_room_to_spare_is_not_a_risk():
    assert _kinds({1: S.ABSENT, 2: S.PRESENT}) == []


def test_someone_who_would_fail_by_missing_one_more_is_flagged():
    assert _kinds({1: S.ABSENT, 2: S.PRESENT, 3: S.APOLOGIES}) == [Kind.ONE_MORE_MISS]


def test_someone_who_can_no_longer_complete_is_flagged_naming_all_missed_sessions():
    flags = at_risk_flags(
        sessions=SESSIONS,
        statuses={1: S.ABSENT, 2: S.PRESENT, 3: S.ABSENT, 4: S.PRESENT, 5: S.ABSENT},
        rule=_rule(),
    )
    assert [f.kind for f in flags] == [Kind.CANNOT_COMPLETE]
    assert [s.pk for s in flags[0].sessions] == [1, 3, 5]


def test_the_rate_counts_every_scheduled_session_not_only_those_held():
    # Two held, both missed: 6 more to come, so 6 still possible out of the 6 needed.
    assert Kind.CANNOT_COMPLETE not in _kinds({1: S.ABSENT, 3: S.ABSENT})
    assert Kind.ONE_MORE_MISS in _kinds({1: S.ABSENT, 3: S.ABSENT})


def test_two_sessions_missed_in_a_row_is_flagged_once_per_run():
    flags = at_risk_flags(
        sessions=SESSIONS,
        statuses={1: S.ABSENT, 2: S.APOLOGIES, 3: S.ABSENT, 4: S.PRESENT},
        rule=None,
    )
    assert [(f.kind, f.key) for f in flags] == [(Kind.TWO_IN_A_ROW, "1")]
    assert [s.pk for s in flags[0].sessions] == [1, 2, 3]


def test_late_and_left_early_count_as_attended_only_when_the_rule_says_so():
    statuses = {1: S.LATE, 2: S.LEFT_EARLY, 3: S.LATE}
    assert _kinds(statuses) == []
    strict = _rule(late_counts=False, left_early_counts=False)
    assert _kinds(statuses, strict) == [Kind.CANNOT_COMPLETE, Kind.TWO_IN_A_ROW]
    assert _kinds({1: S.LEFT_EARLY, 2: S.LATE}, _rule(left_early_counts=False)) == []


def test_a_session_without_a_mark_yet_is_not_counted_as_missed():
    assert _kinds({1: S.ABSENT, 3: S.ABSENT}) != _kinds({1: S.ABSENT, 2: S.ABSENT, 3: S.ABSENT})
    assert Kind.TWO_IN_A_ROW not in _kinds({1: S.ABSENT, 3: S.ABSENT})


# --- Emails ---------------------------------------------------------------------------------


@pytest.fixture
def setup(facilitator, nominator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator)
    organisation = OrganisationFactory(name="Kent Fire and Rescue", nominators=[nominator])
    enrolment = enrol_many(cohort, 1, organisation=organisation)[0]
    return cohort, sessions, enrolment


def _save(session, enrolment, status, facilitator, capture):
    with capture(execute=True):
        register_save(
            session=session,
            entries={enrolment.pk: (status, "")},
            recorded_by=facilitator,
            now=london(2026, 8, 1, 12, 0),
        )


def test_missing_two_in_a_row_emails_the_participant_and_nominator_after_the_save(
    setup, facilitator, nominator, django_capture_on_commit_callbacks
):
    cohort, sessions, enrolment = setup
    _save(sessions[0], enrolment, S.ABSENT, facilitator, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    _save(sessions[1], enrolment, S.ABSENT, facilitator, django_capture_on_commit_callbacks)
    recipients = sorted(tuple(m.to) for m in mail.outbox)
    assert recipients == sorted([(enrolment.participant.email,), (nominator.email,)])
    for message in mail.outbox:
        # One email covers both warnings found together.
        assert "missed two sessions" in message.body
        assert "miss one more session" in message.body or "misses one more session" in message.body
        assert "Session 1, Monday 1 June 2026, 09:30" in message.body
        assert "Session 2, Monday 8 June 2026, 09:30" in message.body
    kinds = set(AttendanceNotification.objects.values_list("kind", flat=True))
    # Two missed of eight with six needed: one more miss would also fail the rule.
    assert kinds == {Kind.TWO_IN_A_ROW, Kind.ONE_MORE_MISS}
    assert AttendanceNotification.objects.filter(sent_at__isnull=True).count() == 0


def test_re_running_the_check_never_sends_the_same_warning_twice(
    setup, facilitator, django_capture_on_commit_callbacks
):
    cohort, sessions, enrolment = setup
    _save(sessions[0], enrolment, S.ABSENT, facilitator, django_capture_on_commit_callbacks)
    _save(sessions[1], enrolment, S.ABSENT, facilitator, django_capture_on_commit_callbacks)
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert at_risk_notify(cohort_id=cohort.pk) == []
    # Saving the same register again, or a note, sends nothing new either.
    _save(sessions[1], enrolment, S.ABSENT, facilitator, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == sent


def test_a_new_event_sends_a_new_warning(setup, facilitator, django_capture_on_commit_callbacks):
    cohort, sessions, enrolment = setup
    for session in sessions[:2]:
        _save(session, enrolment, S.ABSENT, facilitator, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    _save(sessions[2], enrolment, S.ABSENT, facilitator, django_capture_on_commit_callbacks)
    # The third miss means six can no longer be reached; the run of misses is the same event.
    officer = enrolment.participant.get_full_name()
    assert {m.subject for m in mail.outbox} == {
        f"Attendance on {cohort}: can no longer meet the completion rule",
        f"Attendance on {cohort}: {officer} can no longer meet the completion rule",
    }
    assert "Session 3, Monday 15 June 2026" in mail.outbox[0].body


def test_withdrawn_participants_are_not_warned(setup, django_capture_on_commit_callbacks):
    cohort, sessions, enrolment = setup
    AttendanceMark.objects.bulk_create(
        AttendanceMark(enrolment=enrolment, session=s, status=S.ABSENT) for s in sessions[:3]
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.WITHDRAWN)
    with django_capture_on_commit_callbacks(execute=True):
        assert at_risk_notify(cohort_id=cohort.pk) == []
    assert mail.outbox == []


def test_the_notification_record_is_unique_per_enrolment_kind_and_event(setup):
    from django.db import IntegrityError, transaction

    cohort, sessions, enrolment = setup
    AttendanceNotification.objects.create(enrolment=enrolment, kind=Kind.TWO_IN_A_ROW, key="1")
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceNotification.objects.create(enrolment=enrolment, kind=Kind.TWO_IN_A_ROW, key="1")
