"""Absolute links: one way (`links`) to build the address of a page for everything read away
from the site: invitation, reminder, at-risk and certificate emails, calendar feeds, the
verification link printed on certificates and the check-in QR code."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from cohorts.attendance.at_risk import at_risk_notify
from cohorts.calendar.feeds import calendar_feed_get_or_create, feed_url, session_event
from cohorts.calendar.reminders import reminder_message
from cohorts.certificates.emails import certificate_emails_send
from cohorts.certificates.verification import verify_url
from cohorts.enrolment import services
from cohorts.models import AttendanceMark, Enrolment
from links import absolute_reverse, absolute_url, site_base_url
from notifications.kinds import get_kind
from notifications.rendering import render_email
from tests.cohorts.certificate_helpers import World
from tests.cohorts.factories import CertificateFactory, EnrolmentFactory
from tests.cohorts.nomination_world import make_world, officer

BASE = "https://academy.example"
S = AttendanceMark.Status
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _base(settings):
    settings.ACADEMY_BASE_URL = BASE + "/"
    settings.WAGTAILADMIN_BASE_URL = "http://admin.internal"


def test_the_sites_address_is_academy_base_url_without_its_trailing_slash():
    assert site_base_url() == BASE
    assert absolute_url("/cohorts/3/") == f"{BASE}/cohorts/3/"
    assert absolute_reverse("cohorts:overview", 3) == f"{BASE}/cohorts/3/"


def test_without_academy_base_url_the_admins_address_is_used(settings):
    settings.ACADEMY_BASE_URL = ""
    assert absolute_url("/x/") == "http://admin.internal/x/"


def test_an_invitation_email_links_to_the_site(django_capture_on_commit_callbacks):
    world = make_world()
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_nominate(
            actor=world.police_nominator,
            cohort=world.cohort,
            organisation=world.police,
            **officer(1),
        )
    [message] = mail.outbox
    assert f"{BASE}/cohorts/invitation/" in message.body


def test_a_reminder_links_to_the_session_and_its_calendar_file():
    world = World(status="running", n_sessions=1)
    enrolment = world.enrol()
    [session] = world.sessions
    message = reminder_message(enrolment=enrolment, session=session, which="day")
    body = render_email(kind=get_kind(message.kind), values=message.values).text
    assert f"{BASE}/cohorts/sessions/{session.pk}/" in body
    assert f"{BASE}/cohorts/sessions/{session.pk}/calendar.ics" in body


def test_an_at_risk_email_links_to_the_participants_attendance(
    django_capture_on_commit_callbacks,
):
    world = World(status="running", n_sessions=4)
    enrolment = world.enrol([S.ABSENT, S.ABSENT])
    world.organisation.nominators.add(world.nominator)
    with django_capture_on_commit_callbacks(execute=True):
        at_risk_notify(cohort_id=world.cohort.pk)
    bodies = {message.to[0]: message.body for message in mail.outbox}
    cohort = world.cohort.pk
    assert f"{BASE}/cohorts/{cohort}/my-attendance/" in bodies[enrolment.participant.email]
    assert f"{BASE}/cohorts/{cohort}/attendance/" in bodies[world.nominator.email]


def test_a_certificate_email_and_its_verification_link_use_the_sites_address():
    certificate = CertificateFactory()
    assert verify_url(certificate) == f"{BASE}/certificates/verify/{certificate.display_code}/"
    certificate_emails_send.call([certificate.pk])
    [message] = mail.outbox
    assert verify_url(certificate) in message.body
    assert f"{BASE}/cohorts/certificates/{certificate.pk}/download/" in message.body


def test_calendar_feeds_link_to_the_site():
    world = World(status="running", n_sessions=1)
    enrolment = world.enrol()
    [session] = world.sessions
    assert session_event(session)["url"] == f"{BASE}/cohorts/sessions/{session.pk}/"
    feed = calendar_feed_get_or_create(user=enrolment.participant)
    assert feed_url(feed) == f"{BASE}/cohorts/calendar/feed/{feed.token}.ics"


def test_the_check_in_qr_code_links_to_the_site(client):
    world = World(status="running", n_sessions=1)
    [session] = world.sessions
    EnrolmentFactory(cohort=world.cohort, status=Enrolment.Status.CONFIRMED)
    client.force_login(world.facilitator)
    with time_machine.travel(session.starts_at + dt.timedelta(minutes=5), tick=False):
        response = client.get(reverse("cohorts:checkin_code", args=[session.pk]))
    assert response.context["checkin_url"].startswith(
        f"{BASE}/cohorts/sessions/{session.pk}/check-in/?code="
    )
