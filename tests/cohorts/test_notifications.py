"""The notifications people expect, each sent once to the right people: an officer's
confirmation to their nominator, a revoked certificate to its holder, the facilitators' daily
digest of apologies, unfilled seats to nominators; and the scheduler runs the timed ones
however often, never sending twice."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from cohorts.attendance.apologies import apologies_digest_send, apologies_send
from cohorts.certificates import services as certificates
from cohorts.enrolment import services
from cohorts.enrolment.unfilled import seats_unfilled_notify
from cohorts.models import LONDON, Enrolment
from notifications.models import Notification
from personal_data.services import person_erase, personal_data_export
from scheduler.jobs import registered_jobs
from tests.accounts.factories import UserFactory
from tests.cohorts.certificate_helpers import World
from tests.cohorts.factories import (
    CohortFactory,
    CohortSessionFactory,
    EnrolmentFactory,
    SeatAllocationFactory,
)
from tests.cohorts.nomination_world import make_world, officer

pytestmark = pytest.mark.django_db


def test_the_nominator_who_nominated_an_officer_is_told_they_confirmed(
    django_capture_on_commit_callbacks,
):
    world = make_world()
    enrolment = services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(1)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_confirm(actor=enrolment.participant, enrolment=enrolment)
    [email] = mail.outbox
    assert email.to == [world.police_nominator.email]
    assert email.subject == f"Officer Number 1 has confirmed their place on {world.cohort}"
    row = Notification.objects.get(kind="officer-confirmed")
    assert row.about == enrolment.participant  # so the nominator's record shows it


def test_a_revoked_certificate_is_announced_to_its_holder_with_the_reason(
    django_capture_on_commit_callbacks,
):
    world = World()
    enrolment = world.completer()
    certificate = certificates.certificate_issue(
        enrolment=enrolment, issued_by=world.facilitator, notify=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        certificates.certificate_revoke(
            certificate=certificate, revoked_by=world.facilitator, reason="Marks were wrong."
        )
    [email] = mail.outbox
    assert email.to == [enrolment.participant.email]
    assert email.subject.startswith("Your certificate has been revoked")
    assert "Marks were wrong." in email.body and certificate.display_code in email.body


@pytest.fixture
def cohort_with_apologies():
    facilitators = [UserFactory(facilitator=True), UserFactory(facilitator=True)]
    cohort = CohortFactory(
        starts_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 12, 1), facilitators=facilitators
    )
    start = dt.datetime(2026, 7, 14, 9, 30, tzinfo=LONDON)
    session = CohortSessionFactory(
        cohort=cohort, title="Data", starts_at=start, ends_at=start + dt.timedelta(hours=3)
    )
    return cohort, session, facilitators


def test_facilitators_get_one_digest_of_apologies_a_day(cohort_with_apologies):
    cohort, session, facilitators = cohort_with_apologies
    monday = dt.datetime(2026, 7, 6, 18, 0, tzinfo=LONDON)
    for reason in ("Court hearing", "Budget meeting"):
        with time_machine.travel(monday, tick=False):
            apologies_send(
                enrolment=EnrolmentFactory(cohort=cohort, status="confirmed"),
                session=session,
                reason=reason,
            )
    with time_machine.travel(monday + dt.timedelta(hours=1), tick=False):
        assert apologies_digest_send() == 2  # one digest to each facilitator
        late = EnrolmentFactory(cohort=cohort, status="confirmed")
        apologies_send(enrolment=late, session=session, reason="Flu")
        assert apologies_digest_send() == 0  # today's digest has gone: Flu waits
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f.email for f in facilitators)
    assert "Court hearing" in mail.outbox[0].body and "Budget meeting" in mail.outbox[0].body
    assert mail.outbox[0].subject == f"Apologies received for {cohort} (2)"
    with time_machine.travel(monday + dt.timedelta(days=1), tick=False):
        assert apologies_digest_send() == 2
    assert "Flu" in mail.outbox[-1].body and "Court hearing" not in mail.outbox[-1].body


def test_nominators_with_seats_left_are_told_once_a_few_weeks_before_the_start():
    world = make_world(capacity=4, police_seats=2, health_seats=2)
    world.cohort.starts_on = dt.date(2026, 9, 1)
    world.cohort.ends_on = dt.date(2027, 3, 1)
    world.cohort.save()
    for _ in range(2):
        EnrolmentFactory(cohort=world.cohort, organisation=world.health, status="confirmed")
    EnrolmentFactory(cohort=world.cohort, organisation=world.police, status="invited")
    later = CohortFactory(open=True, starts_on=dt.date(2026, 12, 1))
    SeatAllocationFactory(cohort=later, organisation=world.police, seats=3)
    assert seats_unfilled_notify(today=dt.date(2026, 7, 1), weeks=4) == 0  # too early
    assert seats_unfilled_notify(today=dt.date(2026, 8, 11), weeks=4) == 1
    assert seats_unfilled_notify(today=dt.date(2026, 8, 12), weeks=4) == 0  # once only
    [email] = mail.outbox
    assert email.to == [world.police_nominator.email]
    assert email.subject == f"Seats unfilled on {world.cohort}: 1 left for Kent Police"
    assert "starts in 3 weeks" in email.body
    assert f"/cohorts/{world.cohort.pk}/nominate/{world.police.pk}/" in email.body


def test_the_scheduler_runs_every_timed_job_and_twice_sends_nothing_twice(
    cohort_with_apologies,
):
    assert {
        "publish-scheduled-pages",
        "session-reminders",
        "at-risk-checks",
        "apologies-digest",
        "seats-unfilled",
        "clear-expired-uploads",
        "anonymise-expired",
        "notifications-recover",
    } <= set(registered_jobs())
    cohort, session, _ = cohort_with_apologies
    EnrolmentFactory(cohort=cohort, status=Enrolment.Status.CONFIRMED)
    sorry = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.CONFIRMED)
    with time_machine.travel(dt.datetime(2026, 7, 13, 12, 0, tzinfo=LONDON), tick=False):
        apologies_send(enrolment=sorry, session=session, reason="Court")
        for _ in range(2):
            call_command("run_scheduled_jobs", "--force", stdout=StringIO())
    kinds = sorted(m.subject.split(":")[0] for m in mail.outbox)
    # One day reminder (not to the one who sent apologies) and one digest per facilitator.
    assert len([m for m in mail.outbox if m.subject.startswith("Tomorrow")]) == 1
    assert len([m for m in mail.outbox if "Apologies received" in m.subject]) == 2, kinds


def test_erasing_a_person_keeps_the_record_without_their_address(
    django_capture_on_commit_callbacks, manager
):
    world = make_world()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrolment_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            **officer(1),
        )
    download = personal_data_export(person=enrolment.participant)
    [sent] = download["notifications"]
    assert (sent["notification"], sent["status"]) == ("Invitation to a place", "Delivered")
    person_erase(person=enrolment.participant, actor=manager)
    row = Notification.objects.get(recipient=enrolment.participant)
    assert row.to_email.endswith("@erased.invalid")
    assert "officer1@example.org" not in row.to_email
