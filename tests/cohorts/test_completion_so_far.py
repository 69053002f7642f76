"""Completion that reads right at every point of a cohort: achieved so far counts the sessions
held, what the rule needs counts every scheduled session; a certificate holder reads "Completed,
certificate issued on ..." everywhere; and a rule can hold certificates back until the cohort
has ended (`EnrolmentStanding` in cohorts/completion/standing.py, `Cohort.has_ended`)."""

import datetime as dt
from html import unescape

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from cohorts.certificates.bulk import certificate_bulk_issue_preview
from cohorts.certificates.services import certificate_issue
from cohorts.completion.standing import Standing, standing_for
from cohorts.models import LONDON, AttendanceMark, Cohort, Enrolment
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many, london, mark_all
from tests.cohorts.certificate_helpers import S, World, fake_pdf  # noqa: F401
from tests.cohorts.factories import CertificateFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
# Four of the eight weekly sessions (from 1 June 2026) have been held.
HALF_WAY = london(2026, 6, 25, 12, 0)


def _standing(enrolment, now=None):
    return standing_for(Enrolment.objects.select_related("cohort").get(pk=enrolment.pk), now=now)


# --- So far, and what the rule needs ----------------------------------------------------------


@pytest.fixture
def half_way(facilitator, nominator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator)  # needs 75% of 8 = 6
    organisation = OrganisationFactory(nominators=[nominator])
    [everyone, most] = enrol_many(cohort, 2, organisation=organisation)
    mark_all([everyone], sessions[:4])
    mark_all([most], sessions[:3])
    mark_all([most], sessions[3:4], AttendanceMark.Status.ABSENT)
    return cohort, sessions, everyone, most


def test_half_way_someone_at_every_session_so_far_reads_100_percent_needing_6_of_8(half_way):
    cohort, sessions, everyone, most = half_way
    standing = _standing(everyone, now=HALF_WAY)
    assert (standing.sessions_attended, standing.sessions_held) == (4, 4)
    assert (standing.sessions_needed, standing.sessions_scheduled) == (6, 8)
    assert standing.rate_so_far == 100
    assert standing.attendance_so_far == (
        "Attended 4 of the 4 sessions held so far (100%); needs 6 of 8"
    )
    assert standing.standing == Standing.ON_TRACK
    assert _standing(most, now=HALF_WAY).attendance_so_far == (
        "Attended 3 of the 4 sessions held so far (75%); needs 6 of 8"
    )


def test_before_the_first_session_nothing_is_held_and_nothing_is_missed(half_way):
    cohort, sessions, everyone, most = half_way
    standing = _standing(everyone, now=london(2026, 5, 1, 9, 0))
    assert standing.sessions_held == 0 and standing.sessions_attended == 0
    assert standing.attendance_so_far == "No sessions held yet; needs 6 of 8"


def test_a_mark_on_a_session_still_to_come_is_not_attendance(half_way):
    cohort, sessions, everyone, most = half_way
    # As the demo once had: a register saved for a session that had not happened.
    mark_all([everyone], sessions[4:5])
    assert _standing(everyone, now=HALF_WAY).sessions_attended == 4


def test_the_home_page_the_grid_and_the_nominator_read_rates_so_far(
    client, half_way, facilitator, nominator
):
    cohort, sessions, everyone, most = half_way
    expected = "Attended 4 of the 4 sessions held so far (100%); needs 6 of 8"
    with time_machine.travel(HALF_WAY, tick=False):
        client.force_login(everyone.participant)
        assert expected in client.get(reverse("home")).content.decode()
        client.force_login(nominator)
        assert expected in client.get(reverse("home")).content.decode()
        completion = client.get(reverse("cohorts:cohort_completion", args=[cohort.pk]))
        assert expected in completion.content.decode()
        client.force_login(facilitator)
        grid = client.get(reverse("cohorts:cohort_attendance", args=[cohort.pk]))
    html = unescape(grid.content.decode())
    assert "4 of 8 sessions held so far" in html
    assert "needs 6 of 8" in html
    assert "4 of 4 sessions held" in html.replace('<span class="govuk-visually-hidden">', "")
    assert "3 of 4 sessions held" in html.replace('<span class="govuk-visually-hidden">', "")


# --- A certificate holder has completed, everywhere --------------------------------------------


@pytest.fixture
def holder():
    """A closed cohort whose rule asks for a sign-off that was never recorded (as the demo's
    certificates once were), and a holder of a valid certificate issued on 3 March 2025."""
    world = World(facilitator_sign_off=True)
    enrolment = world.completer(first_name="Siobhan")
    Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.COMPLETED)
    certificate = CertificateFactory(
        enrolment=enrolment,
        issued_at=dt.datetime(2025, 3, 3, 10, 0, tzinfo=LONDON),
        sessions_attended=3,
        sessions_scheduled=4,
    )
    return world, enrolment, certificate


COMPLETED = "Completed, certificate issued on 3 March 2025"


def test_a_certificate_holder_has_completed_whatever_changed_since(holder):
    world, enrolment, certificate = holder
    standing = _standing(enrolment)
    assert standing.standing == Standing.COMPLETE
    assert standing.label == COMPLETED
    assert standing.outstanding == []
    # A revoked certificate no longer speaks for them.
    certificate.revoked_at, certificate.revoked_reason = dt.datetime.now(dt.UTC), "Error"
    certificate.save()
    standing = _standing(enrolment)
    assert standing.standing == Standing.NOT_COMPLETED
    assert "A facilitator's sign-off." in standing.outstanding


@pytest.mark.parametrize(
    "who, url",
    [
        ("holder", lambda w: reverse("home")),
        ("holder", lambda w: reverse("cohorts:my_certificates")),
        ("nominator", lambda w: reverse("home")),
        ("nominator", lambda w: reverse("cohorts:my_certificates")),
        ("nominator", lambda w: reverse("cohorts:cohort_completion", args=[w.cohort.pk])),
        ("nominator", lambda w: reverse("cohorts:cohort_attendance", args=[w.cohort.pk])),
        ("facilitator", lambda w: reverse("cohorts:cohort_completion", args=[w.cohort.pk])),
        ("facilitator", lambda w: reverse("cohorts:cohort_attendance", args=[w.cohort.pk])),
    ],
    ids=[
        "home",
        "my-certificates",
        "nominator-home",
        "nominator-certificates",
        "nominator-completion",
        "nominator-grid",
        "completion",
        "grid",
    ],
)
def test_a_certificate_holder_reads_completed_everywhere(client, holder, who, url):
    world, enrolment, certificate = holder
    user = {
        "holder": enrolment.participant,
        "nominator": world.nominator,
        "facilitator": world.facilitator,
    }[who]
    client.force_login(user)
    html = unescape(client.get(url(world)).content.decode())
    assert COMPLETED in html
    assert "Not completed" not in html
    assert "a facilitator's sign-off" not in html.lower()


def test_the_attendance_export_says_who_holds_a_certificate(client, holder):
    world, enrolment, certificate = holder
    client.force_login(world.facilitator)
    url = reverse("cohorts:cohort_attendance_export", args=[world.cohort.pk, "csv"])
    text = client.get(url).content.decode("utf-8-sig")
    assert COMPLETED in text


# --- Certificates once the cohort has ended ----------------------------------------------------


@pytest.fixture
def waits():
    """A running cohort, all four sessions held, ending on 10 February 2025, whose rule holds
    certificates back until it has ended; one participant meets everything else."""
    world = World(status=Cohort.Status.RUNNING, certificates_after_end=True)
    return world, world.completer()


BEFORE_END = dt.datetime(2025, 2, 10, 18, 0, tzinfo=LONDON)
AFTER_END = dt.datetime(2025, 2, 11, 9, 0, tzinfo=LONDON)


def test_a_cohort_has_ended_after_its_end_date_in_london_or_once_closed(waits):
    world, enrolment = waits
    cohort = world.cohort
    assert cohort.ends_on == dt.date(2025, 2, 10)
    assert not cohort.has_ended(BEFORE_END)
    # 23:30 UTC is still 10 February in London (GMT in winter).
    assert not cohort.has_ended(dt.datetime(2025, 2, 10, 23, 30, tzinfo=dt.UTC))
    assert cohort.has_ended(AFTER_END)
    cohort.status = Cohort.Status.CLOSED
    assert cohort.has_ended(BEFORE_END)


def test_a_rule_can_hold_certificates_back_until_the_cohort_has_ended(waits, fake_pdf):  # noqa: F811
    world, enrolment = waits
    standing = _standing(enrolment, now=BEFORE_END)
    assert not standing.meets_rule
    assert standing.standing == Standing.ON_TRACK
    assert standing.outstanding == [
        "The cohort to end (10 February 2025): certificates are issued after that."
    ]
    with time_machine.travel(BEFORE_END, tick=False):
        with pytest.raises(ValidationError, match="The cohort to end"):
            certificate_issue(enrolment=enrolment, issued_by=world.facilitator)
        assert certificate_bulk_issue_preview(cohort=world.cohort).enrolment_ids == []
    assert not hasattr(Enrolment.objects.get(pk=enrolment.pk), "certificate")
    with time_machine.travel(AFTER_END, tick=False):
        assert _standing(enrolment).meets_rule
        certificate = certificate_issue(enrolment=enrolment, issued_by=world.facilitator)
    assert certificate.sessions_attended == 3


def test_the_completion_page_offers_no_issue_button_before_the_end(client, waits):
    world, enrolment = waits
    client.force_login(world.facilitator)
    url = reverse("cohorts:cohort_completion", args=[world.cohort.pk])
    with time_machine.travel(BEFORE_END, tick=False):
        html = unescape(client.get(url).content.decode())
    assert "Issue certificate" not in html
    assert "certificates are issued after that" in html
