"""The load test's simulated people read the real pages: the code on the facilitator's check-in
screen, the forms' CSRF tokens, a register's rows, the nominator portal's links, and whether a
check-in or an upload went through. Checked here against pages the site renders, so a template
change cannot quietly turn the load test into a run of no-ops."""

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cohorts.attendance import checkin
from cohorts.enrolment import services
from cohorts.models import Enrolment
from loadtest import parsing
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many, london
from tests.cohorts.nomination_world import make_world, officer

pytestmark = pytest.mark.django_db
DURING = london(2026, 6, 1, 9, 40)  # check-in for the first session is open


def test_a_participant_checks_in_with_the_code_read_off_the_facilitators_screen(
    client, facilitator
):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=1)
    enrolment = enrol_many(cohort, 1)[0]
    session = sessions[0]
    check_in = reverse("cohorts:check_in", args=[session.pk])
    with time_machine.travel(DURING, tick=False):
        client.force_login(facilitator)
        screen = client.get(reverse("cohorts:checkin_code", args=[session.pk])).text
        code = parsing.checkin_code(screen)
        assert code == checkin.current_code(session)

        client.force_login(enrolment.participant)
        page = client.get(f"{check_in}?code={code}").text
        assert parsing.csrf_token(page)
        first = client.post(check_in, {"code": code}).text
        again = client.post(check_in, {"code": code}).text
        wrong = client.post(check_in, {"code": "AAAAAA"}).text
    assert parsing.checkin_outcome(first) == parsing.CHECKED_IN
    assert parsing.checkin_outcome(again) == parsing.ALREADY_RECORDED
    assert parsing.checkin_outcome(wrong) is None


def test_the_screen_shows_no_code_outside_the_check_in_window(client, facilitator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=1)
    client.force_login(facilitator)
    with time_machine.travel(london(2026, 5, 30, 12, 0), tick=False):
        screen = client.get(reverse("cohorts:checkin_code", args=[sessions[0].pk])).text
    assert parsing.checkin_code(screen) is None


def test_the_register_rows_are_the_participants_taking_part(client, facilitator):
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=1)
    enrolments = enrol_many(cohort, 3)
    client.force_login(facilitator)
    page = client.get(reverse("cohorts:attendance_register", args=[sessions[0].pk])).text
    assert parsing.csrf_token(page)
    assert parsing.register_rows(page) == sorted(str(e.pk) for e in enrolments)


def test_a_nominator_imports_a_spreadsheet_from_the_portal_link(client):
    world = make_world(capacity=10, police_seats=2, health_seats=2)
    client.force_login(world.police_nominator)
    links = parsing.nomination_links(client.get(reverse("cohorts:nominate")).text)
    nominate, upload = links[0]
    assert links == [(nominate, upload)]
    assert nominate == reverse("cohorts:nominate_officer", args=[world.cohort.pk, world.police.pk])
    assert upload == reverse("cohorts:import_upload", args=[world.cohort.pk, world.police.pk])

    def preview(officers, **data):
        assert parsing.csrf_token(client.get(upload).text)
        spreadsheet = parsing.officers_csv(officers)
        response = client.post(upload, {"file": _file(spreadsheet), **data})
        assert response.status_code == 302
        return response["Location"], client.get(response["Location"]).text

    # Three officers for two seats: refused at the preview, unless they may wait.
    path, page = preview([officer(1), officer(2), officer(3)])
    assert not parsing.import_preview_is_ready(page)
    path, page = preview([officer(1), officer(2), officer(3)], allow_waiting_list="on")
    assert parsing.import_preview_is_ready(page) and parsing.csrf_token(page)
    response = client.post(path)
    assert response.status_code == 302 and "?cohort=" in response["Location"]
    assert Enrolment.objects.filter(cohort=world.cohort).count() == 3


def test_an_import_whose_seats_went_before_confirming_is_refused_and_says_so(client):
    world = make_world(capacity=10, police_seats=1, health_seats=2)
    client.force_login(world.police_nominator)
    upload = reverse("cohorts:import_upload", args=[world.cohort.pk, world.police.pk])
    response = client.post(upload, {"file": _file(parsing.officers_csv([officer(1)]))})
    assert parsing.import_preview_is_ready(client.get(response["Location"]).text)
    services.enrolment_nominate(
        actor=world.police_nominator, cohort=world.cohort, organisation=world.police, **officer(2)
    )
    refused = client.post(response["Location"])
    assert refused.status_code == 200
    assert parsing.import_confirm_was_refused(refused.text)


def _file(content):
    return SimpleUploadedFile("officers.csv", content, content_type="text/csv")
