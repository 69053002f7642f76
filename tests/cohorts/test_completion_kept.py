"""The completion page keeps its table of standings in the cache under the version of the
cohort's record (`cohorts.record_versions`), the sessions held by now, today, whether the viewer
issues certificates and the very enrolments listed (`cohorts.certificates.table`): it is not
worked out again while nothing it shows has changed, any change shows on the next view, and
nothing of one viewer (their CSRF token, their actions, their list) reaches another."""

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts import permissions
from cohorts.attendance.register import register_save
from cohorts.certificates.emails import certificate_emails_send
from cohorts.enrolment.services import enrolment_withdraw
from cohorts.models import LONDON, Cohort, Enrolment
from tests.accounts.factories import UserFactory
from tests.cohorts.certificate_helpers import S, World, fake_pdf  # noqa: F401
from tests.cohorts.factories import CertificateFactory, OrganisationFactory
from tests.modules.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


def completion(client, world):
    return client.get(reverse("cohorts:cohort_completion", args=[world.cohort.pk])).content.decode()


def test_the_table_kept_is_not_worked_out_again(client):
    world = World()
    world.completer()
    client.force_login(world.facilitator)
    with CaptureQueriesContext(connection) as first:
        completion(client, world)
    with CaptureQueriesContext(connection) as again:
        completion(client, world)
    read = " ".join(q["sql"] for q in again.captured_queries)
    assert "cohorts_attendancemark" not in read and "cohorts_cohortsession" not in read
    assert len(again) < len(first)


def test_a_register_saved_shows_on_the_next_view(client):
    world = World()
    enrolment = world.enrol([S.PRESENT, S.PRESENT], first_name="Ioana")
    client.force_login(world.facilitator)
    assert "Attended 2 of 4 sessions" in completion(client, world)
    register_save(
        session=world.sessions[2],
        entries={enrolment.pk: (S.PRESENT, "")},
        recorded_by=world.facilitator,
    )
    assert "Attended 3 of 4 sessions" in completion(client, world)


def test_a_required_module_renamed_shows_on_the_next_view(client):
    world = World()
    module = ModulePageFactory(parent=world.cohort.programme, title="Data ethics")
    world.rule.required_modules.add(module)
    world.completer()
    client.force_login(world.facilitator)
    assert "Complete the module “Data ethics” online." in completion(client, world)
    module.title = "Data and ethics"
    module.save_revision().publish()
    assert "Complete the module “Data and ethics” online." in completion(client, world)


def test_a_certificate_emailed_shows_on_the_next_view(client):
    world = World()
    certificate = CertificateFactory(enrolment=world.completer())
    client.force_login(world.facilitator)
    assert "Not emailed yet" in completion(client, world)
    certificate_emails_send.call([certificate.pk])
    assert "Emailed " in completion(client, world)


def test_the_sessions_held_so_far_follow_the_clock():
    world = World(status=Cohort.Status.RUNNING)
    world.enrol([S.PRESENT], first_name="Ioana")
    client = Client()
    second = world.sessions[1].starts_at
    for moment, shown in [
        (second - dt.timedelta(minutes=30), "Attended 1 of the 1 session held so far"),
        (second + dt.timedelta(minutes=30), "Attended 1 of the 2 sessions held so far"),
    ]:
        with time_machine.travel(moment, tick=False):
            client.force_login(world.facilitator)
            assert shown in completion(client, world)


def test_a_certificate_reads_expired_from_the_day_after_it_expires():
    world = World()
    CertificateFactory(enrolment=world.completer(), expires_on=dt.date(2030, 1, 31))
    client = Client()
    for moment, tag in [
        (dt.datetime(2030, 1, 31, 23, tzinfo=LONDON), 'govuk-tag--green">Valid'),
        (dt.datetime(2030, 2, 1, 1, tzinfo=LONDON), 'govuk-tag--grey">Expired'),
    ]:
        with time_machine.travel(moment, tick=False):
            client.force_login(world.facilitator)
            assert tag in completion(client, world)


def _token(html):
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    assert tokens
    return tokens


def test_each_viewer_posts_with_their_own_csrf_token(manager):
    world = World(facilitator_sign_off=True)
    enrolment = world.completer(first_name="Mehmet")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(world.facilitator)
    second.force_login(manager)
    first_page, second_page = completion(first, world), completion(second, world)
    assert "the-viewers-csrf-token" not in first_page + second_page
    assert "Sign off<span" in second_page
    url = reverse("cohorts:enrolment_sign_off", args=[enrolment.pk])
    # The table the second viewer was shown was kept from the first's view: its forms carry the
    # second viewer's token, which their session accepts.
    token = sorted(_token(second_page))[0]
    assert second.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    assert "Signed off " in completion(second, world)


def test_a_nominator_after_a_facilitator_sees_their_own_officers_and_no_actions(client):
    world = World()
    world.completer(first_name="Aoife")
    other_nominator = UserFactory(nominator=True)
    world.completer(
        first_name="Zbigniew", organisation=OrganisationFactory(nominators=[other_nominator])
    )
    client.force_login(world.facilitator)
    assert "Zbigniew" in completion(client, world)
    for nominator, theirs, not_theirs in [
        (world.nominator, "Aoife", "Zbigniew"),
        (other_nominator, "Zbigniew", "Aoife"),
    ]:
        client.force_login(nominator)
        page = completion(client, world)
        assert theirs in page and not_theirs not in page
        assert "Issue certificate" not in page
        assert "csrfmiddlewaretoken" not in page.split("<tbody")[1]


def _names(page):
    """The people listed, in order (each row names its person more than once)."""
    return list(dict.fromkeys(re.findall(r"(Ines|Jonas|Kalinda|Lorcan)", page)))


def test_the_list_kept_for_those_who_run_the_cohort_follows_the_people_on_it(client):
    """Those who run the cohort share one kept list of who is on it, in name order; someone
    confirmed, withdrawn or renamed shows on the next view."""
    world = World()
    world.completer(first_name="Ines", last_name="Adams")
    jonas = world.completer(first_name="Jonas", last_name="Brown")
    client.force_login(world.facilitator)
    assert _names(completion(client, world)) == ["Ines", "Jonas"]
    manager = UserFactory(programme_manager=True)
    client.force_login(manager)
    assert _names(completion(client, world)) == ["Ines", "Jonas"]

    world.completer(first_name="Kalinda", last_name="Clark")
    enrolment_withdraw(actor=world.facilitator, enrolment=jonas, reason="Moved post")
    assert _names(completion(client, world)) == ["Ines", "Kalinda"]
    ines = world.cohort.enrolments.get(participant__first_name="Ines").participant
    ines.last_name = "Young"
    ines.save()
    client.force_login(world.facilitator)
    assert _names(completion(client, world)) == ["Kalinda", "Ines"]


def test_a_nominator_is_never_shown_the_list_kept_for_those_who_run_the_cohort(client):
    world = World()
    world.completer(first_name="Ines", last_name="Adams")
    world.completer(first_name="Lorcan", last_name="Brown", organisation=OrganisationFactory())
    client.force_login(world.facilitator)
    assert _names(completion(client, world)) == ["Ines", "Lorcan"]
    client.force_login(world.nominator)
    page = completion(client, world)
    assert _names(page) == ["Ines"]
    assert "Recent bulk issues" not in page


@pytest.mark.parametrize("role", ["facilitator", "programme_manager"])
def test_those_who_run_the_cohort_see_everyone_on_it(role):
    """What the kept list's sharing rests on: everyone who may run the cohort may see every
    enrolment on it (`Enrolment.visible_to`), so the list is the same for all of them."""
    world = World()
    world.completer()
    world.completer(organisation=OrganisationFactory())
    user = world.facilitator if role == "facilitator" else UserFactory(programme_manager=True)
    on_cohort = set(world.cohort.enrolments.values_list("pk", flat=True))
    assert permissions.check(user, "run-cohort", world.cohort)
    assert (
        set(
            Enrolment.objects.visible_to(user)
            .filter(cohort=world.cohort)
            .values_list("pk", flat=True)
        )
        == on_cohort
    )
