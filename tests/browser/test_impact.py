"""Evidence of impact in a real browser, on the demo, at 1280 and 390 pixels wide: the programme
manager reaches the dashboard from My academy, filters it, reads the change in the capabilities
and downloads it; a participant gives feedback on the latest session and rates themselves; a
nominator sees their own organisation only. Every page passes axe-core's WCAG 2.2 AA checks and
nothing sticks out sideways."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.browser.conftest import axe_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
WIDTHS = (1280, 390)


def _check(page, problems, where):
    violations = axe_violations(page)
    if violations:
        problems[where] = violations
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        problems.setdefault(where, []).append({"id": "horizontal-scroll", "px": overflow})


def test_dashboard_feedback_and_self_assessment_at_desktop_and_phone_widths(new_page):
    call_command("load_demo_data", stdout=StringIO())
    problems = {}
    for width in WIDTHS:
        # The programme manager: My academy -> the dashboard -> one place and one sector.
        page = new_page(width=width, height=900)
        sign_in(page, "manager@academy.example")
        page.get_by_role("link", name="Programme dashboard").first.click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1).inner_text() == "Programme dashboard"
        _check(page, problems, f"dashboard at {width}px")
        page.get_by_label("Place", exact=True).select_option(label="Kent")
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_load_state()
        assert "place=" in page.url
        chart = page.locator("svg#chart-capabilities, svg[aria-labelledby^='chart-capabilities']")
        assert chart.count() == 1
        assert page.locator("caption", has_text="Average self-rating").count() == 1
        with page.expect_download() as download:
            page.locator("#figure-capabilities").locator("..").get_by_role(
                "link", name="XLSX"
            ).click()
        assert download.value.suggested_filename.startswith("dashboard-capabilities-")
        page.get_by_label("Sector", exact=True).select_option(label="Police")
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_load_state()
        assert "sector=police" in page.url
        # Too few Kent police officers rated themselves both times: nothing about them shows.
        assert page.get_by_text("Fewer than 5 people in view have rated themselves").count() == 1
        _check(page, problems, f"filtered dashboard at {width}px")
        page.context.close()

        # A participant: feedback on the latest session, then their own rating (before).
        page = new_page(width=width, height=900)
        sign_in(page, "participant@academy.example")
        page.get_by_role("link", name="Give feedback on").first.click()
        page.wait_for_load_state()
        _check(page, problems, f"session feedback at {width}px")
        page.get_by_role("button", name="Send feedback").click()
        page.wait_for_load_state()
        assert page.locator(".govuk-error-summary").is_visible()
        _check(page, problems, f"session feedback with an error at {width}px")
        page.get_by_label("4: Very useful").check()
        page.get_by_label("What will you do differently").fill("Ask for the user research.")
        page.get_by_role("button", name="Send feedback").click()
        page.wait_for_load_state()
        assert page.locator(".govuk-notification-banner--success").is_visible()
        page.goto("/my-academy/")
        page.get_by_role("link", name="Rate your digital leadership (before)").click()
        page.wait_for_load_state()
        _check(page, problems, f"self-assessment at {width}px")
        for group in page.locator("fieldset").all():
            group.get_by_label("3: Developing").check()
        page.get_by_role("button", name="Save my ratings").click()
        page.wait_for_load_state()
        assert page.locator(".govuk-notification-banner--success").is_visible()
        page.get_by_role("link", name="See your ratings").click()
        page.wait_for_load_state()
        _check(page, problems, f"own ratings at {width}px")
        page.context.close()
        if width == WIDTHS[0]:
            # The second width starts again from the same tasks.
            call_command("load_demo_data", stdout=StringIO())

        # A nominator: their own organisation's officers only.
        page = new_page(width=width, height=900)
        sign_in(page, "nominator@academy.example")
        page.get_by_role("link", name="Programme dashboard for your organisation").click()
        page.wait_for_load_state()
        sectors = page.locator("caption", has_text="People holding places by sector").locator("..")
        assert sectors.locator("tr", has_text="Health").locator("td").last.inner_text() == "0%"
        _check(page, problems, f"nominator's dashboard at {width}px")
        page.context.close()

        # A facilitator reads the feedback on their cohort's sessions.
        page = new_page(width=width, height=900)
        sign_in(page, "facilitator@academy.example")
        page.get_by_role("link", name="Session feedback").first.click()
        page.wait_for_load_state()
        _check(page, problems, f"cohort feedback at {width}px")
        page.context.close()
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())
