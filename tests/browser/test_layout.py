"""The screens that used to break on a phone or a laptop: the attendance grid (compact, a
sticky name column, one session at a time on a phone), the register of a room of 30, the import
previews, and the check-in
code on a projector (large, no site chrome, kept current by a script instead of a meta refresh,
and still usable without JavaScript). Each is checked by axe and for anything off-screen at
1280 and 390 px, and saved as a screenshot."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cohorts.attendance import checkin
from cohorts.attendance.apologies import apologies_send
from cohorts.attendance.register import register_save
from cohorts.models import AttendanceMark, Enrolment
from tests.accounts.factories import UserFactory
from tests.browser.conftest import axe_violations, layout_problems, screenshot, sign_in
from tests.cohorts.attendance_helpers import cohort_with_sessions, enrol_many, london, mark_all
from tests.cohorts.factories import (
    CohortFactory,
    CohortSessionFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "correct-horse-battery"
LAPTOP, PHONE = (1280, 900), (390, 844)
ROOT = __import__("pathlib").Path(__file__).resolve().parent


def person(**kwargs):
    user = UserFactory(**kwargs)
    user.set_password(PASSWORD)
    user.save()
    return user


def signed_in(new_page, email, size):
    page = new_page(width=size[0], height=size[1])
    sign_in(page, email, PASSWORD)
    return page


def assert_fits(page):
    found = axe_violations(page) + layout_problems(page)
    assert not found, found


def test_the_attendance_grid_fits_a_laptop_and_shows_one_session_at_a_time_on_a_phone(new_page):
    facilitator = person(facilitator=True, email="facilitator@example.org")
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=8)
    enrolments = enrol_many(cohort, 12)
    mark_all(enrolments, sessions[:3])
    AttendanceMark.objects.filter(enrolment=enrolments[0], session=sessions[1]).update(
        status=AttendanceMark.Status.LATE
    )
    url = reverse("cohorts:cohort_attendance", args=[cohort.pk])

    laptop = signed_in(new_page, "facilitator@example.org", LAPTOP)
    laptop.goto(url)
    grid = laptop.get_by_role("region", name="Attendance by participant and session")
    # Eight sessions fit on a laptop without scrolling sideways, names stay in view when they
    # would not, and each compact cell is read out in full.
    assert grid.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert grid.locator("tbody th").first.evaluate("el => getComputedStyle(el).position") == (
        "sticky"
    )
    first_row = grid.locator("tbody tr").first
    assert re.sub(r"\s+", " ", first_row.locator("td").nth(1).inner_text()) == "L Late"
    assert first_row.locator("td").nth(1).get_attribute("class").count("academy-grid__mark")
    assert "LE Left early" in laptop.locator(".academy-legend").inner_text()  # the key
    screenshot(laptop, "layout-attendance-grid")
    assert_fits(laptop)

    phone = signed_in(new_page, "facilitator@example.org", PHONE)
    phone.goto(url)
    screenshot(phone, "layout-attendance-grid")
    assert_fits(phone)
    # The grid scrolls on its own, by keyboard too; the page does not.
    region = phone.get_by_role("region", name="Attendance by participant and session")
    assert region.get_attribute("tabindex") == "0"
    phone.get_by_label("Sessions to show").select_option(label="2. Session 2 (8 Jun)")
    phone.get_by_role("button", name="Show").click()
    phone.wait_for_load_state()
    assert phone.locator("thead th.academy-grid__session").count() == 1
    assert "Session 2" in phone.locator("thead th.academy-grid__session").inner_text()
    assert region.locator("tbody tr").first.locator("td").first.inner_text().strip() == "Late"
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth")
    screenshot(phone, "layout-attendance-grid-one-session")
    assert_fits(phone)


def test_the_check_in_code_is_a_projector_view_kept_current_without_reloading(new_page):
    facilitator = person(facilitator=True, email="facilitator@example.org")
    now = timezone.now()
    cohort = CohortFactory(
        starts_on=now.date() - dt.timedelta(days=1),
        ends_on=now.date() + dt.timedelta(days=30),
        facilitators=[facilitator],
    )
    session = CohortSessionFactory(
        cohort=cohort,
        title="Kick-off",
        starts_at=now - dt.timedelta(minutes=5),
        ends_at=now + dt.timedelta(hours=2),
    )
    enrolment = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.CONFIRMED)
    url = reverse("cohorts:checkin_code", args=[session.pk])

    page = signed_in(new_page, "facilitator@example.org", LAPTOP)
    page.goto(url)
    # Nothing but the code: no site header or footer, no meta refresh (axe: critical).
    assert page.locator("header, footer, meta[http-equiv]").count() == 0
    code = checkin.current_code(session)
    assert page.locator(".academy-checkin__code [aria-hidden]").inner_text().strip() == code
    assert page.locator(".academy-checkin__qr svg").bounding_box()["width"] >= 300
    screenshot(page, "layout-check-in-code-projector")
    assert_fits(page)

    # Someone checks in: the screen follows without reloading (the marker survives).
    page.evaluate("() => { window.notReloaded = true; }")
    checkin_result = page.get_by_text("0 participants checked in so far")
    assert checkin_result.is_visible()
    AttendanceMark.objects.create(
        enrolment=enrolment,
        session=session,
        status=AttendanceMark.Status.PRESENT,
        method=AttendanceMark.Method.SELF_CHECK_IN,
    )
    page.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")
    page.get_by_text("1 participant checked in so far").wait_for()
    assert page.evaluate("() => window.notReloaded") is True

    # Without JavaScript the code is there, with a link to refresh it.
    plain = new_page(width=PHONE[0], height=PHONE[1], javascript=False)
    sign_in(plain, "facilitator@example.org", PASSWORD)
    plain.goto(url)
    assert plain.locator(".academy-checkin__code [aria-hidden]").inner_text().strip() == code
    plain.get_by_role("link", name="Refresh this screen").click()
    plain.wait_for_load_state()
    assert "1 participant checked in so far" in plain.content()
    screenshot(plain, "layout-check-in-code-projector")
    # axe needs JavaScript; the markup is the same as above. What fits can still be measured.
    assert not layout_problems(plain)


def test_the_import_previews_fit_a_phone_with_their_errors_shown(new_page, tmp_path):
    nominator = person(nominator=True, email="nominator@example.org")
    police = OrganisationFactory(name="Kent Police", nominators=[nominator])
    cohort = CohortFactory(open=True, name="Kent 2027")
    SeatAllocationFactory(cohort=cohort, organisation=police, seats=4)

    page = signed_in(new_page, "nominator@example.org", PHONE)
    page.goto(reverse("cohorts:import_upload", args=[cohort.pk, police.pk]))
    page.get_by_label("Spreadsheet of officers").set_input_files(
        str(ROOT.parent / "cohorts" / "import_files" / "bad_emails.csv")
    )
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    # GOV.UK's error summary: a red border, and focus moved to it.
    assert summary.evaluate("el => getComputedStyle(el).borderTopColor") == "rgb(212, 53, 28)"
    assert page.evaluate("() => document.activeElement.classList.contains('govuk-error-summary')")
    screenshot(page, "layout-nominator-import-preview-errors")
    assert_fits(page)

    # More officers than seats: one line says so, not one per row.
    page.goto(reverse("cohorts:import_upload", args=[cohort.pk, police.pk]))
    page.get_by_label("Spreadsheet of officers").set_input_files(
        str(ROOT.parent / "cohorts" / "import_files" / "six_officers.csv")
    )
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_load_state()
    problems = page.locator(".govuk-error-summary__list li")
    assert problems.count() == 1
    assert problems.first.inner_text().startswith("6 officers, 4 seats left")
    screenshot(page, "layout-nominator-import-preview-over-allocation")
    assert_fits(page)
    assert axe_violations(page) == []

    facilitator = person(facilitator=True, email="facilitator@example.org")
    running, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=2)
    enrolments = enrol_many(running, 3)
    a, b, c = (e.participant.email for e in enrolments)
    report = tmp_path / "zoom.csv"
    report.write_text(
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        f"Ann,{a},06/01/2026 09:28:00 AM,06/01/2026 12:30:00 PM,182,No\n"
        f"Bob,{b},06/01/2026 09:30:00 AM,06/01/2026 10:00:00 AM,30,No\n"
        "Visitor,visitor.with.a.long.address@elsewhere.example.org,06/01/2026 09:30:00 AM,"
        "06/01/2026 12:00:00 PM,150,Yes\n"
    )
    phone = signed_in(new_page, "facilitator@example.org", PHONE)
    phone.goto(reverse("cohorts:attendance_import", args=[sessions[0].pk]))
    phone.get_by_label("Attendance list (CSV)").set_input_files(str(report))
    phone.get_by_role("button", name="Preview").click()
    phone.wait_for_load_state()
    assert phone.get_by_role("heading", name="Check the attendance before saving").is_visible()
    assert phone.get_by_role("button", name="Save this attendance").is_visible()
    screenshot(phone, "layout-attendance-import-preview")
    assert_fits(phone)


def test_a_register_for_a_room_of_30_is_filled_in_quickly_on_a_phone(new_page):
    facilitator = person(facilitator=True, email="facilitator@example.org")
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=2)
    enrolments = enrol_many(cohort, 30)
    register_save(
        session=sessions[0],
        entries={e.pk: (AttendanceMark.Status.PRESENT, "") for e in enrolments[:5]},
        recorded_by=facilitator,
    )
    apologies_send(
        enrolment=enrolments[5], session=sessions[0], reason="Court", now=london(2026, 5, 1, 9)
    )
    url = reverse("cohorts:attendance_register", args=[sessions[0].pk])

    laptop = signed_in(new_page, "facilitator@example.org", LAPTOP)
    laptop.goto(url)
    assert "Not marked yet: 24 of 30" in laptop.locator("#register-summary").inner_text()
    screenshot(laptop, "layout-register-30")
    assert_fits(laptop)

    phone = signed_in(new_page, "facilitator@example.org", PHONE)
    phone.goto(url)
    screenshot(phone, "layout-register-30")
    assert_fits(phone)
    # Every radio is a full-size target (GOV.UK's 40 px), not the small ones.
    box = phone.locator(".academy-register-row .govuk-radios__input").first.bounding_box()
    assert box["width"] >= 40 and box["height"] >= 40
    # Everyone present in one press (no script needed), then the exceptions, then save.
    phone.get_by_role("button", name="Mark everyone not yet marked as present").click()
    phone.wait_for_load_state()
    assert "Not saved yet" in phone.locator("#register-summary").inner_text()
    screenshot(phone, "layout-register-30-everyone-present")
    absent = str(enrolments[29].participant)
    phone.get_by_role("group", name=absent).get_by_label("Absent").check()
    phone.get_by_role("button", name="Save the register").last.click()
    phone.wait_for_load_state()
    marks = dict(
        AttendanceMark.objects.filter(session=sessions[0]).values_list("enrolment_id", "status")
    )
    assert len(marks) == 30
    assert marks[enrolments[29].pk] == AttendanceMark.Status.ABSENT
    assert marks[enrolments[5].pk] == AttendanceMark.Status.APOLOGIES
    assert list(marks.values()).count(AttendanceMark.Status.PRESENT) == 28


def test_a_teams_report_preview_marks_the_changes_on_a_phone(new_page):
    facilitator = person(facilitator=True, email="facilitator@example.org")
    cohort, sessions = cohort_with_sessions(facilitator=facilitator, n_sessions=2)
    people = ["aisha.khan@kent.police.example.uk", "carys.jones@kentfire.example.uk"]
    enrolments = [
        EnrolmentFactory(cohort=cohort, participant=UserFactory(email=email)) for email in people
    ]
    register_save(
        session=sessions[0],
        entries={e.pk: (AttendanceMark.Status.PRESENT, "") for e in enrolments},
        recorded_by=facilitator,
    )
    phone = signed_in(new_page, "facilitator@example.org", PHONE)
    phone.goto(reverse("cohorts:attendance_import", args=[sessions[0].pk]))
    report = ROOT.parent / "cohorts" / "import_files" / "teams_attendance_report_us.csv"
    phone.get_by_label("Attendance list (CSV)").set_input_files(str(report))
    phone.get_by_role("button", name="Preview").click()
    phone.wait_for_load_state()
    assert "1 mark would change" in phone.locator(".govuk-warning-text").inner_text()
    screenshot(phone, "layout-attendance-import-teams-preview")
    assert_fits(phone)
