"""Every page the academy has now passes axe-core's WCAG 2.2 AA checks, for each role, on a
laptop (1280 px) and on a phone (390 px), with nothing off-screen; each page is saved as a
screenshot at both widths; and sign-in works from the keyboard alone."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cohorts.models import Certificate, Cohort, CohortSession, CompletionSignOff, Enrolment
from modules.models import ModulePage, ProgrammePage
from tests.accounts.factories import UserFactory
from tests.browser.conftest import axe_violations, layout_problems, screenshot, sign_in

pytestmark = [
    pytest.mark.browser,
    # Each test flushes the database; serialized_rollback puts back what the migrations made
    # (the root page, the role groups) for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# A laptop and a phone (an iPhone 12 to 15 is 390 px wide).
WIDTHS = ((1280, 900), (390, 844))


def demo_pages():
    """The pages to check for each role in the demo academy, by name (the screenshot's file
    name). Listed in full, so a page that disappears from the URLconf fails here rather than
    being skipped."""
    running = Cohort.objects.get(status=Cohort.Status.RUNNING)
    closed = Cohort.objects.filter(status=Cohort.Status.CLOSED).first()
    session = CohortSession.objects.filter(cohort=running).order_by("starts_at").first()
    programme = running.programme.specific
    module = ModulePage.objects.live().child_of(programme).first()
    certificate = Certificate.objects.valid().first()
    open_cohort = Cohort.objects.filter(status=Cohort.Status.OPEN).first()
    kent_police = open_cohort.seat_allocations.get(organisation__nominators__username="nominator")
    coming = (
        CohortSession.objects.scheduled()
        .filter(cohort=running, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    officer = Enrolment.objects.filter(cohort=running, status=Enrolment.Status.CONFIRMED).first()
    public = {
        "front-page": "/",
        "sign-in": reverse("accounts:login"),
        "verify-form": reverse("certificates:verify_form"),
        "programme": programme.url,
        "other-programme": ProgrammePage.objects.live().exclude(pk=programme.pk).first().url,
        "privacy": reverse("privacy"),
        "accessibility": "/accessibility/",
        "verify-valid": reverse("certificates:verify", args=[certificate.display_code]),
        "verify-not-found": reverse("certificates:verify", args=["AAAA-BBBB-CCCC-DDDD"]),
        "check-credential": reverse("credentials:check"),
        "password-reset": reverse("account_reset_password"),
    }
    participant = {
        "home": reverse("home"),
        "session": reverse("cohorts:session_detail", args=[session.pk]),
        "check-in": reverse("cohorts:check_in", args=[session.pk]),
        "module": module.url,
        "module-last": ModulePage.objects.live().child_of(programme).last().url,
        "apologies": reverse("cohorts:apologies", args=[session.pk]),
        "my-attendance": reverse("cohorts:my_attendance", args=[running.pk]),
        "calendar": reverse("cohorts:my_calendar"),
        "certificates": reverse("cohorts:my_certificates"),
        "learning-log": reverse("modules:learning_log"),
        "search": reverse("modules:search") + "?q=data",
        "people": reverse("cohorts:people", args=[running.pk]),
        "my-account": reverse("accounts:my_account"),
        "account-details": reverse("accounts:details"),
        "account-email": reverse("account_email"),
        "change-password": reverse("account_change_password"),
        "second-factor": reverse("accounts:second_factor"),
        "second-factors": reverse("mfa_index"),
        "notifications": reverse("notifications:mine"),
    }
    facilitator = {
        "home": reverse("home"),
        "dashboard": reverse("cohorts:dashboard"),
        "session": reverse("cohorts:session_detail", args=[session.pk]),
        "cohort-closed": reverse("cohorts:overview", args=[closed.pk]),
        "register": reverse("cohorts:attendance_register", args=[session.pk]),
        "check-in-code": reverse("cohorts:checkin_code", args=[session.pk]),
        "attendance-grid": reverse("cohorts:cohort_attendance", args=[running.pk]),
        "attendance-grid-one-session": reverse("cohorts:cohort_attendance", args=[running.pk])
        + f"?session={session.pk}",
        "completion": reverse("cohorts:cohort_completion", args=[running.pk]),
        "completion-closed": reverse("cohorts:cohort_completion", args=[closed.pk]),
        "bulk-issue": reverse("cohorts:certificate_bulk_issue", args=[closed.pk]),
        "cohort": reverse("cohorts:overview", args=[running.pk]),
        "people": reverse("cohorts:people", args=[running.pk]),
        "cohort-calendar": reverse("cohorts:cohort_calendar", args=[running.pk]),
        "module-progress": reverse("cohorts:cohort_progress", args=[running.pk]),
        "history": reverse("cohorts:cohort_history", args=[running.pk]),
        "sign-off-withdraw": reverse(
            "cohorts:enrolment_sign_off_withdraw",
            args=[CompletionSignOff.objects.filter(enrolment__cohort=closed).first().enrolment_id],
        ),
        "session-material": reverse("cohorts:session_material_edit", args=[session.pk]),
        "attendance-import": reverse("cohorts:attendance_import", args=[session.pk]),
        "sessions": reverse("cohorts:cohort_sessions", args=[running.pk]),
        "session-move": reverse("cohorts:session_move", args=[coming.pk]),
        "session-cancel": reverse("cohorts:session_cancel", args=[coming.pk]),
    }
    nominator = {
        "home": reverse("home"),
        "nominate": reverse("cohorts:nominate"),
        "nominate-filtered": reverse("cohorts:nominate") + f"?cohort={running.pk}",
        "nominate-officer": reverse(
            "cohorts:nominate_officer", args=[open_cohort.pk, kent_police.organisation_id]
        ),
        "import-upload": reverse(
            "cohorts:import_upload", args=[open_cohort.pk, kent_police.organisation_id]
        ),
        "attendance-grid": reverse("cohorts:cohort_attendance", args=[running.pk]),
        "completion": reverse("cohorts:cohort_completion", args=[running.pk]),
        "certificates": reverse("cohorts:my_certificates"),
        "notifications-sent": reverse("notifications:sent"),
    }
    manager = {
        "home": reverse("home"),
        "dashboard": reverse("cohorts:dashboard"),
        "dashboard-filtered": reverse("cohorts:dashboard") + "?status=running",
        "cohort-open": reverse("cohorts:overview", args=[open_cohort.pk]),
        "nominate-officer": reverse(
            "cohorts:nominate_officer", args=[open_cohort.pk, kent_police.organisation_id]
        ),
        "cohort": reverse("cohorts:overview", args=[running.pk]),
        "programme-attendance": reverse("cohorts:programme_attendance", args=[programme.pk]),
        "attendance-grid": reverse("cohorts:cohort_attendance", args=[running.pk]),
        "completion-closed": reverse("cohorts:cohort_completion", args=[closed.pk]),
        "history-closed": reverse("cohorts:cohort_history", args=[closed.pk]),
        "sessions-pattern": reverse("cohorts:sessions_from_pattern", args=[running.pk]),
        "act-for": reverse("cohorts:nominate"),
        "act-for-police": reverse("cohorts:nominate")
        + f"?organisation={kent_police.organisation_id}",
        "enrolment-move": reverse("cohorts:enrolment_move", args=[officer.pk]),
        "notifications-sent": reverse("notifications:sent"),
        "access-log": reverse("personal_data:access_log"),
    }
    return {
        None: public,
        "participant": participant,
        "facilitator": facilitator,
        "nominator": nominator,
        "manager": manager,
    }


def test_every_page_passes_axe_for_each_role_on_a_laptop_and_a_phone(new_page):
    call_command("load_demo_data", stdout=StringIO())
    problems = {}
    for login, pages in demo_pages().items():
        for width, height in WIDTHS:
            page = new_page(width=width, height=height)
            if login:
                sign_in(page, f"{login}@academy.example")
            for name, url in pages.items():
                response = page.goto(url)
                where = f"{url} as {login or 'anyone'} at {width}px"
                expected = 404 if name.endswith("not-found") else 200
                assert response.status == expected, f"{where}: {response.status}"
                screenshot(page, f"{login or 'public'}-{name}")
                found = axe_violations(page) + layout_problems(page)
                if found:
                    problems[where] = found
            page.context.close()
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())


def test_error_summary_passes_axe_and_takes_focus(new_page):
    page = new_page()
    page.goto(reverse("accounts:login"))
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    # GOV.UK Frontend's script moves focus to the summary so screen readers announce it.
    assert page.evaluate("() => document.activeElement.classList.contains('govuk-error-summary')")
    summary.get_by_role("link").first.click()
    assert page.evaluate("() => document.activeElement.id") == "id_login"
    assert axe_violations(page) == []


def test_signing_in_with_the_keyboard_alone(new_page):
    person = UserFactory(email="keys@example.org", participant=True)
    person.set_password("correct-horse-battery")
    person.save()
    page = new_page()
    page.goto(reverse("accounts:login"))
    # Going backwards from the form, the first thing on the page is the skip link, which takes
    # a keyboard user past the header and navigation.
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == (
            "Skip to main content"
        ):
            break
    assert page.evaluate("() => document.activeElement.textContent.trim()") == (
        "Skip to main content"
    )
    page.keyboard.press("Enter")
    focused = []
    for _ in range(6):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("() => document.activeElement.id"))
        if focused[-1] == "id_login":
            break
    assert focused[-1] == "id_login", focused
    page.keyboard.type("keys@example.org")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_password"
    page.keyboard.type("correct-horse-battery")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('home')}")
    assert page.get_by_role("heading", level=1).inner_text() == "My academy"
