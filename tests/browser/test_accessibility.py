"""Every page the academy has now passes axe-core's WCAG 2.2 AA checks, for each role, on a
desktop and on a phone; and sign-in works from the keyboard alone."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from cohorts.models import Certificate, Cohort, CohortSession
from modules.models import ModulePage, ProgrammePage
from tests.accounts.factories import UserFactory
from tests.browser.conftest import axe_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    # Each test flushes the database; serialized_rollback puts back what the migrations made
    # (the root page, the role groups) for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def demo_urls():
    """The pages to check for each role, in the demo academy. Listed in full, so a page that
    disappears from the URLconf fails here rather than being skipped."""
    running = Cohort.objects.get(status=Cohort.Status.RUNNING)
    session = CohortSession.objects.filter(cohort=running).order_by("starts_at").first()
    programme = running.programme.specific
    module = ModulePage.objects.live().child_of(programme).first()
    certificate = Certificate.objects.valid().first()
    open_cohort = Cohort.objects.filter(status=Cohort.Status.OPEN).first()
    kent_police = open_cohort.seat_allocations.get(organisation__nominators__username="nominator")
    public = [
        "/",
        reverse("accounts:login"),
        reverse("certificates:verify_form"),
        programme.url,
        ProgrammePage.objects.live().exclude(pk=programme.pk).first().url,
        reverse("privacy"),
        "/accessibility/",
        reverse("certificates:verify", args=[certificate.display_code]),
        reverse("certificates:verify", args=["AAAA-BBBB-CCCC-DDDD"]),  # not found
        reverse("account_reset_password"),
    ]
    participant = [
        reverse("home"),
        reverse("cohorts:session_detail", args=[session.pk]),
        reverse("cohorts:check_in", args=[session.pk]),
        module.url,
        reverse("cohorts:apologies", args=[session.pk]),
        reverse("cohorts:my_attendance", args=[running.pk]),
        reverse("cohorts:my_calendar"),
        reverse("cohorts:my_certificates"),
        reverse("modules:learning_log"),
        reverse("modules:search") + "?q=data",
        reverse("accounts:my_account"),
        reverse("accounts:details"),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("accounts:second_factor"),
        reverse("mfa_index"),
    ]
    facilitator = [
        reverse("home"),
        reverse("cohorts:attendance_register", args=[session.pk]),
        reverse("cohorts:checkin_code", args=[session.pk]),
        reverse("cohorts:cohort_attendance", args=[running.pk]),
        reverse("cohorts:cohort_completion", args=[running.pk]),
        reverse("cohorts:overview", args=[running.pk]),
        reverse("cohorts:people", args=[running.pk]),
        reverse("cohorts:cohort_calendar", args=[running.pk]),
        reverse("modules:cohort_progress", args=[running.pk]),
        reverse("cohorts:session_material_edit", args=[session.pk]),
    ]
    nominator = [
        reverse("home"),
        reverse("cohorts:nominate"),
        reverse("cohorts:nominate_officer", args=[open_cohort.pk, kent_police.organisation_id]),
    ]
    return {
        None: public,
        "participant": participant,
        "facilitator": facilitator,
        "nominator": nominator,
    }


def test_every_page_passes_axe_for_each_role_on_desktop_and_phone(new_page):
    call_command("load_demo_data", stdout=StringIO())
    problems = {}
    for login, urls in demo_urls().items():
        # Every page on a desktop; on a phone, each role's first pages (the ones people use
        # on the move: My academy, the session, check-in, the register, nominating).
        for width, height, count in ((1024, 800, None), (375, 700, 4)):
            page = new_page(width=width, height=height)
            if login:
                sign_in(page, f"{login}@academy.example")
            for url in urls[:count]:
                response = page.goto(url)
                assert response.status < 500, f"{url} as {login}: {response.status}"
                assert response.status in (200, 404), f"{url} as {login}: {response.status}"
                violations = axe_violations(page)
                if violations:
                    problems[f"{url} as {login or 'anyone'} at {width}px"] = violations
                # Nothing sticks out sideways on a phone.
                overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - window.innerWidth"
                )
                if overflow > 1:
                    problems.setdefault(f"{url} as {login or 'anyone'} at {width}px", []).append(
                        {"id": "horizontal-scroll", "overflow_px": overflow}
                    )
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
