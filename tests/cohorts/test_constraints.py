"""The database itself refuses bad data, whatever code path writes it.

Every violation goes straight to the database (`.objects.create` / queryset `.update`), skipping
model validation, inside its own `transaction.atomic()` so the test can carry on afterwards.
The same tests run on SQLite and PostgreSQL.
"""

import datetime as dt
import re
from base64 import b32encode
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from accounts.models import User
from cohorts.models import (
    LONDON,
    AttendanceMark,
    Certificate,
    Cohort,
    CohortSession,
    Enrolment,
    Organisation,
    SeatAllocation,
)
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    AttendanceMarkFactory,
    CertificateFactory,
    CohortFactory,
    CohortSessionFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
)

pytestmark = pytest.mark.django_db

START = dt.date(2026, 3, 2)
END = dt.date(2026, 9, 30)


def at(day, hour=9, minute=30):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON)


@pytest.fixture
def cohort():
    return CohortFactory(starts_on=START, ends_on=END)


@contextmanager
def refused_atomically():
    """The write inside must be refused by the database, and rolled back on its own."""
    with pytest.raises(IntegrityError), transaction.atomic():
        yield


# --- Enrolments and attendance ------------------------------------------------------------


def test_a_person_cannot_be_enrolled_twice_on_one_cohort(cohort):
    enrolment = EnrolmentFactory(cohort=cohort)
    with refused_atomically():
        Enrolment.objects.create(
            cohort=cohort, participant=enrolment.participant, organisation=enrolment.organisation
        )
    assert Enrolment.objects.filter(cohort=cohort).count() == 1


def test_the_same_person_may_be_enrolled_on_two_cohorts(cohort):
    enrolment = EnrolmentFactory(cohort=cohort)
    other = CohortFactory()
    Enrolment.objects.create(
        cohort=other, participant=enrolment.participant, organisation=enrolment.organisation
    )
    assert enrolment.participant.enrolments.count() == 2


def test_an_enrolment_has_one_attendance_mark_per_cohort_session(cohort):
    mark = AttendanceMarkFactory(enrolment__cohort=cohort)
    with refused_atomically():
        AttendanceMark.objects.create(
            enrolment=mark.enrolment, session=mark.session, status=AttendanceMark.Status.LATE
        )
    assert AttendanceMark.objects.count() == 1


def test_an_attendance_mark_cannot_be_for_another_cohorts_session(cohort):
    enrolment = EnrolmentFactory(cohort=cohort)
    other_session = CohortSessionFactory(cohort=CohortFactory())
    with refused_atomically():
        AttendanceMark.objects.create(
            enrolment=enrolment, session=other_session, status=AttendanceMark.Status.PRESENT
        )
    assert not AttendanceMark.objects.exists()


def test_an_attendance_mark_cannot_be_moved_to_another_cohorts_session(cohort):
    mark = AttendanceMarkFactory(enrolment__cohort=cohort)
    other_session = CohortSessionFactory(cohort=CohortFactory())
    with refused_atomically():
        AttendanceMark.objects.filter(pk=mark.pk).update(session=other_session)
    mark.refresh_from_db()
    assert mark.session.cohort == cohort


# --- Cohort sessions within their cohort's dates -------------------------------------------


def _session(cohort, starts_at, hours=3):
    return CohortSession.objects.create(
        cohort=cohort,
        title="Kick-off",
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=hours),
    )


def test_a_cohort_session_on_the_cohorts_first_and_last_days_is_accepted(cohort):
    _session(cohort, at(START, 9, 30))
    _session(cohort, at(END, 14, 0))
    assert cohort.sessions.count() == 2


def test_a_cohort_session_before_the_cohort_starts_is_refused(cohort):
    with refused_atomically():
        _session(cohort, at(START - dt.timedelta(days=1)))
    assert not cohort.sessions.exists()


def test_a_cohort_session_after_the_cohort_ends_is_refused(cohort):
    with refused_atomically():
        _session(cohort, at(END + dt.timedelta(days=1)))
    assert not cohort.sessions.exists()


def test_a_cohort_session_running_past_the_cohorts_last_day_is_refused(cohort):
    with refused_atomically():
        # Starts on the last day, ends two days later.
        _session(cohort, at(END, 10), hours=48)
    assert not cohort.sessions.exists()


@pytest.mark.parametrize(
    "new_start",
    [
        pytest.param(at(START - dt.timedelta(days=3)), id="moved-before-the-start"),
        pytest.param(at(END + dt.timedelta(days=3)), id="moved-after-the-end"),
    ],
)
def test_a_cohort_session_cannot_be_moved_outside_the_cohorts_dates(cohort, new_start):
    session = _session(cohort, at(START + dt.timedelta(days=7)))
    with refused_atomically():
        CohortSession.objects.filter(pk=session.pk).update(
            starts_at=new_start, ends_at=new_start + dt.timedelta(hours=2)
        )
    session.refresh_from_db()
    assert session.starts_at == at(START + dt.timedelta(days=7))


@pytest.mark.parametrize(
    "dates",
    [
        pytest.param({"starts_on": START + dt.timedelta(days=10)}, id="start-moved-later"),
        pytest.param({"ends_on": START + dt.timedelta(days=5)}, id="end-moved-earlier"),
    ],
)
def test_a_cohorts_dates_cannot_move_to_leave_a_session_outside_them(cohort, dates):
    _session(cohort, at(START + dt.timedelta(days=7)))
    with refused_atomically():
        Cohort.objects.filter(pk=cohort.pk).update(**dates)
    cohort.refresh_from_db()
    assert (cohort.starts_on, cohort.ends_on) == (START, END)


def test_a_cohorts_dates_may_move_while_every_session_stays_inside(cohort):
    _session(cohort, at(START + dt.timedelta(days=7)))
    Cohort.objects.filter(pk=cohort.pk).update(
        starts_on=START + dt.timedelta(days=7), ends_on=START + dt.timedelta(days=7)
    )
    cohort.refresh_from_db()
    assert cohort.starts_on == cohort.ends_on == START + dt.timedelta(days=7)


def test_a_cohort_session_cannot_end_before_it_starts(cohort):
    with refused_atomically():
        CohortSession.objects.create(
            cohort=cohort, title="Backwards", starts_at=at(START, 12), ends_at=at(START, 10)
        )
    assert not cohort.sessions.exists()


def test_a_cohort_session_cannot_end_the_moment_it_starts(cohort):
    with refused_atomically():
        CohortSession.objects.create(
            cohort=cohort, title="No time", starts_at=at(START, 12), ends_at=at(START, 12)
        )
    assert not cohort.sessions.exists()


# --- Model validation of session dates (what an admin form shows) -------------------------


def test_clean_names_the_cohorts_dates_for_a_session_before_the_cohort(cohort):
    session = CohortSession(
        cohort=cohort,
        title="Too early",
        starts_at=at(START - dt.timedelta(days=1)),
        ends_at=at(START - dt.timedelta(days=1), 12),
    )
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert error.value.message_dict["starts_at"] == [
        "The session must fall within the cohort's dates (02 Mar 2026 to 30 Sep 2026)."
    ]


def test_clean_names_the_cohorts_dates_for_a_session_after_the_cohort(cohort):
    session = CohortSession(
        cohort=cohort,
        title="Too late",
        starts_at=at(END + dt.timedelta(days=1)),
        ends_at=at(END + dt.timedelta(days=1), 12),
    )
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "02 Mar 2026 to 30 Sep 2026" in error.value.message_dict["starts_at"][0]


def test_clean_refuses_a_session_that_ends_before_it_starts(cohort):
    session = CohortSession(
        cohort=cohort, title="Backwards", starts_at=at(START, 12), ends_at=at(START, 10)
    )
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert error.value.message_dict["ends_at"] == ["The session must end after it starts."]


def test_clean_refuses_a_session_at_2330_london_time_the_evening_before_a_bst_start():
    # 1 June 2026 is in British Summer Time: 23:30 on 31 May in London is 22:30 UTC.
    cohort = CohortFactory(starts_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 12, 1))
    starts_at = dt.datetime(2026, 5, 31, 23, 30, tzinfo=LONDON)
    session = CohortSession(
        cohort=cohort,
        title="Evening before",
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=1),
    )
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert error.value.message_dict["starts_at"] == [
        "The session must fall within the cohort's dates (01 Jun 2026 to 01 Dec 2026)."
    ]


def test_clean_accepts_a_session_at_0030_london_time_on_a_bst_first_day():
    # 00:30 on 1 June in London is still 31 May in UTC: the London date is what counts.
    cohort = CohortFactory(starts_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 12, 1))
    starts_at = dt.datetime(2026, 6, 1, 0, 30, tzinfo=LONDON)
    session = CohortSession(
        cohort=cohort,
        title="Midnight start",
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=1),
    )
    session.full_clean()
    session.save()  # and the database guard agrees
    assert timezone.localtime(session.starts_at, LONDON).date() == dt.date(2026, 6, 1)


def test_postgres_refuses_a_session_at_2330_london_time_the_evening_before_a_bst_start():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite allows an hour either side; clean() checks the London date exactly.")
    cohort = CohortFactory(starts_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 12, 1))
    with refused_atomically():
        _session(cohort, dt.datetime(2026, 5, 31, 23, 30, tzinfo=LONDON), hours=1)


# --- Cohorts and seat allocations ---------------------------------------------------------


def test_a_cohort_cannot_end_before_it_starts():
    template = CohortFactory()
    with refused_atomically():
        Cohort.objects.create(
            programme=template.programme,
            name="Backwards",
            starts_on=START,
            ends_on=START - dt.timedelta(days=1),
            capacity=20,
        )
    assert not Cohort.objects.filter(name="Backwards").exists()


def test_a_cohort_cannot_have_a_negative_capacity(cohort):
    with refused_atomically():
        Cohort.objects.filter(pk=cohort.pk).update(capacity=-1)
    cohort.refresh_from_db()
    assert cohort.capacity == 24


def test_a_seat_allocation_cannot_be_negative(cohort):
    allocation = SeatAllocationFactory(cohort=cohort)
    with refused_atomically():
        SeatAllocation.objects.filter(pk=allocation.pk).update(seats=-1)
    allocation.refresh_from_db()
    assert allocation.seats == 4


def test_an_organisation_has_one_seat_allocation_per_cohort(cohort):
    allocation = SeatAllocationFactory(cohort=cohort)
    with refused_atomically():
        SeatAllocation.objects.create(cohort=cohort, organisation=allocation.organisation, seats=2)
    assert cohort.seat_allocations.count() == 1


# --- Status values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("factory", "model", "field"),
    [
        pytest.param(CohortFactory, Cohort, "status", id="cohort-status"),
        pytest.param(EnrolmentFactory, Enrolment, "status", id="enrolment-status"),
        pytest.param(AttendanceMarkFactory, AttendanceMark, "status", id="attendance-mark-status"),
        pytest.param(OrganisationFactory, Organisation, "sector", id="organisation-sector"),
    ],
)
def test_an_unknown_status_value_is_refused(factory, model, field):
    obj = factory()
    with refused_atomically():
        model.objects.filter(pk=obj.pk).update(**{field: "made-up"})
    obj.refresh_from_db()
    assert getattr(obj, field) != "made-up"


# --- People ---------------------------------------------------------------------------------


def test_two_people_cannot_share_an_email_address_in_different_case():
    UserFactory(email="a@x.org", username="first")
    with refused_atomically():
        # Straight to the database: User.save() would lower-case it.
        User.objects.bulk_create([User(username="second", email="A@x.org")])
    assert User.objects.filter(email__iexact="a@x.org").count() == 1


def test_saving_a_person_lower_cases_and_trims_their_email():
    user = UserFactory(email="  Alex.Jones@Example.ORG ")
    user.refresh_from_db()
    assert user.email == "alex.jones@example.org"


# --- Certificates -----------------------------------------------------------------------------


def test_a_certificate_cannot_be_revoked_without_a_reason():
    certificate = CertificateFactory()
    with refused_atomically():
        Certificate.objects.filter(pk=certificate.pk).update(revoked_at=certificate.issued_at)
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_a_certificate_can_be_revoked_with_a_reason():
    certificate = CertificateFactory()
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=certificate.issued_at, revoked_reason="Issued in error."
    )
    certificate.refresh_from_db()
    assert certificate.is_revoked


def test_verification_codes_are_16_base32_characters():
    codes = [CertificateFactory().verification_code for _ in range(5)]
    for code in codes:
        # 16 base-32 characters carry 80 bits.
        assert re.fullmatch(r"[A-Z2-7]{16}", code), code
    assert len(set(codes)) == len(codes)


def test_two_certificates_cannot_share_a_verification_code():
    first = CertificateFactory()
    second = CertificateFactory()
    with refused_atomically():
        Certificate.objects.filter(pk=second.pk).update(verification_code=first.verification_code)
    second.refresh_from_db()
    assert second.verification_code != first.verification_code


def test_a_verification_code_comes_from_random_bits_not_the_id():
    # Known random bytes give a known code, chosen before the certificate has an id.
    random_bits = bytes(range(10))
    with mock.patch(
        "cohorts.models.certificates.secrets.token_bytes", return_value=random_bits
    ) as token_bytes:
        certificate = Certificate()
    token_bytes.assert_called_once_with(10)
    assert certificate.pk is None
    assert certificate.verification_code == b32encode(random_bits).decode("ascii")
    # And consecutive certificates do not get related codes.
    a, b = CertificateFactory(), CertificateFactory()
    assert str(a.pk) not in a.verification_code
    assert a.verification_code[:8] != b.verification_code[:8]
