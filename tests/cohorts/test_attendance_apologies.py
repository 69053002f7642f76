"""Apologies in advance: a participant tells the facilitator they cannot attend, with a reason."""

from html import unescape

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from cohorts.attendance.apologies import apologies_send
from cohorts.models import Apology, Enrolment
from tests.accounts.factories import UserFactory
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many, london

pytestmark = pytest.mark.django_db
BEFORE = london(2026, 5, 20, 12, 0)  # The first session is on 1 June 2026 at 09:30.


@pytest.fixture
def setup(facilitator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=2)
    enrolment = enrol_many(cohort, 1)[0]
    return cohort, sessions[0], enrolment


def _url(session):
    return reverse("cohorts:apologies", args=[session.pk])


def test_a_participant_sends_apologies_and_the_facilitator_sees_them_on_the_register(
    client, facilitator, setup
):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    with time_machine.travel(BEFORE, tick=False):
        response = client.post(_url(session), {"reason": "Gold command on-call that week"})
    assert response.status_code == 302
    assert response["Location"] == reverse("cohorts:my_attendance", args=[cohort.pk])
    apology = Apology.objects.get()
    assert (apology.enrolment, apology.session) == (enrolment, session)

    client.force_login(facilitator)
    register = client.get(reverse("cohorts:attendance_register", args=[session.pk]))
    assert "Gold command on-call that week" in register.content.decode()


def test_sending_apologies_again_replaces_the_reason(setup):
    cohort, session, enrolment = setup
    apologies_send(enrolment=enrolment, session=session, reason="Leave", now=BEFORE)
    apologies_send(enrolment=enrolment, session=session, reason="Sick", now=BEFORE)
    assert list(Apology.objects.values_list("reason", flat=True)) == ["Sick"]


def test_apologies_need_a_reason(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    with time_machine.travel(BEFORE, tick=False):
        response = client.post(_url(session), {"reason": "  "})
    html = unescape(response.content.decode())
    assert "There is a problem" in html
    assert "Tell your facilitator why you cannot attend" in html
    assert not Apology.objects.exists()


def test_apologies_cannot_be_sent_once_the_session_has_started(client, setup):
    cohort, session, enrolment = setup
    with pytest.raises(ValidationError, match="already started"):
        apologies_send(
            enrolment=enrolment, session=session, reason="Late", now=london(2026, 6, 1, 9, 31)
        )
    client.force_login(enrolment.participant)
    with time_machine.travel(london(2026, 6, 1, 10, 0), tick=False):
        response = client.post(_url(session), {"reason": "Late"})
    assert "already started" in unescape(response.content.decode())
    assert not Apology.objects.exists()


@pytest.mark.parametrize("who", ["stranger", "withdrawn", "facilitator"])
def test_only_participants_taking_part_can_send_apologies(client, facilitator, setup, who):
    cohort, session, enrolment = setup
    if who == "withdrawn":
        Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.WITHDRAWN)
        user = enrolment.participant
    else:
        user = facilitator if who == "facilitator" else UserFactory(participant=True)
    client.force_login(user)
    with time_machine.travel(BEFORE, tick=False):
        response = client.post(_url(session), {"reason": "Busy"})
    assert response.status_code == 403
    assert "Only participants taking part in this cohort" in unescape(response.content.decode())
    assert not Apology.objects.exists()


def test_the_participant_sees_their_own_sessions_with_links_to_send_apologies(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    with time_machine.travel(BEFORE, tick=False):
        html = client.get(reverse("cohorts:my_attendance", args=[cohort.pk])).content.decode()
    assert html.count("Send apologies") == 2
    assert "Mon 1 Jun 2026, 09:30" in html


def test_someone_else_cannot_see_a_participants_attendance_page(client, setup):
    cohort, session, enrolment = setup
    client.force_login(UserFactory(participant=True))
    response = client.get(reverse("cohorts:my_attendance", args=[cohort.pk]))
    assert response.status_code == 403


def test_the_session_page_and_the_list_of_sessions_offer_apologies_until_it_starts(client, setup):
    cohort, session, enrolment = setup
    client.force_login(enrolment.participant)
    apologies = f'href="{_url(session)}"'
    with time_machine.travel(BEFORE, tick=False):
        page = client.get(reverse("cohorts:session_detail", args=[session.pk])).content.decode()
        assert apologies in page
        sessions = client.get(reverse("cohorts:my_attendance", args=[cohort.pk])).content.decode()
        assert apologies in sessions
        assert f'href="{reverse("cohorts:session_detail", args=[session.pk])}"' in sessions
    with time_machine.travel(session.starts_at, tick=False):
        page = client.get(reverse("cohorts:session_detail", args=[session.pk])).content.decode()
        assert apologies not in page


def test_the_facilitator_finds_the_register_on_the_session_page(client, facilitator, setup):
    _cohort, session, _enrolment = setup
    client.force_login(facilitator)
    page = client.get(reverse("cohorts:session_detail", args=[session.pk])).content.decode()
    assert f'href="{reverse("cohorts:attendance_register", args=[session.pk])}"' in page
    assert f'href="{_url(session)}"' not in page
