"""Certificates that expire: the date is frozen from the programme's completion rule, the holder
and their nominator are reminded 90 and 30 days before (once each, by the daily scheduled job),
the verification page and the credential say when it expired, and a refresher renews it."""

import datetime as dt
import json
from html import unescape

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from cohorts.certificates import services
from cohorts.models import LONDON, CertificateEvent
from credentials.expiry import certificate_expiry_run
from credentials.models import Credential, ExpiryReminder
from modules.models import ModuleProgress
from scheduler.jobs import registered_jobs, scheduled_jobs_run
from tests.cohorts.certificate_helpers import World, fake_pdf  # noqa: F401
from tests.modules.factories import ModulePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_pdf")]


def _at(day, hour=9):
    return dt.datetime.combine(day, dt.time(hour), LONDON)


ISSUED = _at(dt.date(2025, 3, 1))


def _issued(months=12):
    world = World(certificate_valid_for_months=months)
    enrolment = world.completer(first_name="Ann", last_name="Jones")
    certificate = services.certificate_issue(
        enrolment=enrolment, issued_by=world.facilitator, notify=False, now=ISSUED
    )
    return world, certificate


def test_a_programmes_certificates_expire_after_its_period_and_never_by_default():
    _world, certificate = _issued(months=12)
    assert certificate.expires_on == dt.date(2026, 3, 1)
    world = World()
    forever = services.certificate_issue(
        enrolment=world.completer(), issued_by=world.facilitator, notify=False
    )
    assert forever.expires_on is None
    assert world.rule.certificate_expiry(dt.date(2024, 1, 31)) is None
    world.rule.certificate_valid_for_months = 1
    assert world.rule.certificate_expiry(dt.date(2024, 1, 31)) == dt.date(2024, 2, 29)


def test_holder_and_nominator_are_reminded_90_and_30_days_before_once_each():
    world, certificate = _issued()
    mail.outbox = []
    certificate_expiry_run(now=_at(dt.date(2025, 11, 30)))  # 91 days before: too early
    assert mail.outbox == []

    run = certificate_expiry_run(now=_at(dt.date(2025, 12, 1)))
    assert run.reminded == 1
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([certificate.enrolment.participant.email, world.nominator.email])
    holder = next(m for m in mail.outbox if m.to == [certificate.enrolment.participant.email])
    assert "expires on 1 March 2026" in holder.subject
    assert "take part in a later cohort" in holder.body

    for day in (dt.date(2025, 12, 1), dt.date(2025, 12, 2), dt.date(2026, 1, 29)):  # 31 days
        assert certificate_expiry_run(now=_at(day)).reminded == 0
    assert certificate_expiry_run(now=_at(dt.date(2026, 1, 30))).reminded == 1  # 30 days
    assert certificate_expiry_run(now=_at(dt.date(2026, 2, 20))).reminded == 0
    assert len(mail.outbox) == 4
    assert sorted(r.kind for r in ExpiryReminder.objects.all()) == [30, 90]


def test_no_reminder_for_a_certificate_renewed_by_a_later_cohort():
    world, certificate = _issued()
    later = World(certificate_valid_for_months=12)
    enrolment = later.completer()
    enrolment.participant = certificate.enrolment.participant
    enrolment.save()
    type(later.cohort).objects.filter(pk=later.cohort.pk).update(
        programme_id=world.cohort.programme_id
    )
    services.certificate_issue(
        enrolment=enrolment,
        issued_by=later.facilitator,
        notify=False,
        now=_at(dt.date(2025, 11, 1)),
    )
    mail.outbox = []
    assert certificate_expiry_run(now=_at(dt.date(2025, 12, 1))).reminded == 0


def test_an_expired_certificate_says_when_on_its_page_and_in_its_credential(client):
    _world, certificate = _issued()
    client.force_login(certificate.enrolment.participant)
    url = reverse("credentials:certificate_credential", args=[certificate.pk, "json"])
    document = json.loads(client.get(url).content)
    client.logout()
    with time_machine.travel(_at(dt.date(2026, 3, 2)), tick=False):
        page = unescape(
            client.get(
                reverse("certificates:verify", args=[certificate.display_code])
            ).content.decode()
        )
        assert "Status: expired. It was current until 1 March 2026." in page
        checked = client.post(reverse("credentials:check"), {"credential": json.dumps(document)})
        text = " ".join(unescape(checked.content.decode()).split())
        assert "Status: expired. It was current until 1 March 2026." in text
        assert "Expired: it was current until 1 March 2026" in text


def test_doing_the_refresher_renews_the_certificate_as_a_new_edition(client):
    world, certificate = _issued()
    refresher = ModulePageFactory(parent=world.cohort.programme, title="Refresher 2026")
    world.rule.refresher_modules.add(refresher)
    first = Credential.objects.get(certificate=certificate)

    certificate_expiry_run(now=_at(dt.date(2026, 1, 10)))  # refresher not done yet
    certificate.refresh_from_db()
    assert certificate.edition == 1

    ModuleProgress.objects.create(
        participant=certificate.enrolment.participant,
        module=refresher,
        opened_at=_at(dt.date(2026, 1, 12)),
        completed_at=_at(dt.date(2026, 1, 12), 11),
    )
    run = certificate_expiry_run(now=_at(dt.date(2026, 1, 13)))
    assert run.renewed == 1
    certificate.refresh_from_db()
    assert certificate.edition == 2 and certificate.expires_on == dt.date(2027, 3, 1)
    assert certificate.events.filter(action=CertificateEvent.Action.RENEWED).exists()
    second = Credential.objects.get(certificate=certificate, edition=2)
    assert second.awarded_at == first.awarded_at == certificate.issued_at
    assert list(Credential.objects.withdrawn()) == [first]
    assert certificate_expiry_run(now=_at(dt.date(2026, 1, 14))).renewed == 0


def test_the_expiry_job_is_registered_with_the_scheduler():
    assert "certificate-expiry" in registered_jobs()
    assert scheduled_jobs_run(names=["certificate-expiry"]) == {"certificate-expiry": "ran"}
