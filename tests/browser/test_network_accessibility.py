"""The champions' network and round table pages pass axe-core's WCAG 2.2 AA checks for the
people who use them (a participant looking for a mentor, a champion answering, the programme
manager running round tables), at 1280 and 390 pixels wide, with nothing sticking out sideways;
each is saved as a screenshot at both widths."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from network.models import ChampionProfile, OpenSession, RoundTable
from tests.browser.conftest import axe_violations, screenshot, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def network_pages():
    """{email: {screenshot name: url}} from the demo's network."""
    dana = User.objects.get(email="dana.whitfield@academy.example")
    champion = ChampionProfile.objects.get(person=dana)
    upcoming, held = (
        RoundTable.objects.order_by("-starts_at")[0],
        RoundTable.objects.order_by("starts_at")[0],
    )
    session = OpenSession.objects.first()
    participant = {
        "network-directory": reverse("network:directory"),
        "network-directory-filtered": reverse("network:directory") + "?offer=mentoring",
        "network-champion": reverse("network:champion", args=[champion.pk]),
        "network-ask": reverse("network:mentoring_request", args=[champion.pk]),
        "network-mentoring": reverse("network:mentoring"),
        "network-my-profile": reverse("network:my_profile"),
        "network-open-sessions": reverse("network:open_sessions"),
        "network-open-session": reverse("network:open_session", args=[session.pk]),
        "network-summaries": reverse("network:summaries"),
    }
    champion_pages = {
        "network-champion-home": reverse("home"),
        "network-champion-mentoring": reverse("network:mentoring"),
    }
    manager = {
        "network-round-tables": reverse("network:round_tables"),
        "network-round-table": reverse("network:round_table", args=[upcoming.pk]),
        "network-round-table-new": reverse("network:round_table_create"),
        "network-round-table-invite": reverse("network:round_table_invite", args=[upcoming.pk]),
        "network-round-table-notes": reverse("network:round_table_notes", args=[held.pk]),
        "network-round-table-summary": reverse("network:round_table_summary", args=[held.pk]),
        "network-matches": reverse("network:matches"),
        "network-applications": reverse("network:applications"),
        "network-make-champion": reverse("network:champion_make"),
        "network-open-session-new": reverse("network:open_session_create"),
    }
    return {
        "participant@academy.example": participant,
        dana.email: champion_pages,
        "manager@academy.example": manager,
    }


def test_the_network_pages_pass_axe_at_1280_and_390_pixels(new_page):
    call_command("load_demo_data", stdout=StringIO())
    problems = {}
    for email, pages in network_pages().items():
        for width, height in ((1280, 800), (390, 844)):
            page = new_page(width=width, height=height)
            sign_in(page, email)
            for name, url in pages.items():
                response = page.goto(url)
                assert response.status == 200, f"{url} as {email}: {response.status}"
                where = f"{url} as {email} at {width}px"
                violations = axe_violations(page)
                if violations:
                    problems[where] = violations
                overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - window.innerWidth"
                )
                if overflow > 1:
                    problems.setdefault(where, []).append(
                        {"id": "horizontal-scroll", "px": overflow}
                    )
                screenshot(page, name)
            page.context.close()
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())
