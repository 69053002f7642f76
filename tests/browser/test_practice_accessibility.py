"""The good practice pages pass axe-core's WCAG 2.2 AA checks, signed out and signed in, at
1280 and 390 pixels wide, with nothing sticking out sideways; the proposal form's error summary
takes focus and links to the first problem."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from modules.models import ModulePage
from practice import services
from practice.models import CaseStudyPage, CaseStudyProposal, LineOfEnquiry, ResourcePage
from practice.selectors import proposal_standings
from tests.browser.conftest import axe_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def practice_urls():
    participant = User.objects.get(username="participant")
    question_set = services.question_set_create(
        owner=participant, council="Kent County Council", lines=LineOfEnquiry.objects.all()[:3]
    )
    open_case_study = CaseStudyPage.objects.live().filter(members_only=False).first()
    members_only = CaseStudyPage.objects.live().filter(members_only=True).first()
    index = open_case_study.get_parent()
    proposals = CaseStudyProposal.objects.filter(proposed_by=participant)
    sent_back = next(
        p
        for p, s in zip(proposals, proposal_standings(proposals).values(), strict=True)
        if s.sent_back
    )
    public = [
        index.url,
        f"{index.url}?q=telecare&theme=health-and-social-care-integration&sort=money-saved",
        open_case_study.url,
        reverse("practice:resources"),
        ResourcePage.objects.live().first().url,
        reverse("practice:question_bank"),
    ]
    signed_in = [
        f"{index.url}?sector=police&stage=live",
        members_only.url,
        reverse("practice:propose"),
        reverse("practice:proposals"),
        reverse("practice:proposal_change", args=[sent_back.pk]),
        reverse("practice:question_bank"),
        reverse("practice:question_set", args=[question_set.pk]),
        ModulePage.objects.get(slug="data-sharing").url,
    ]
    return {None: public, "participant": signed_in}


def test_the_good_practice_pages_pass_axe_at_1280_and_390_pixels(new_page):
    call_command("load_demo_data", stdout=StringIO())
    problems = {}
    for login, urls in practice_urls().items():
        for width, height in ((1280, 800), (390, 844)):
            page = new_page(width=width, height=height)
            if login:
                sign_in(page, f"{login}@academy.example")
            for url in urls:
                response = page.goto(url)
                assert response.status == 200, f"{url} as {login}: {response.status}"
                where = f"{url} as {login or 'anyone'} at {width}px"
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
            page.context.close()
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())


def test_the_proposal_forms_error_summary_passes_axe_and_takes_focus(new_page):
    call_command("load_demo_data", stdout=StringIO())
    page = new_page(width=390, height=844)
    sign_in(page, "participant@academy.example")
    page.goto(reverse("practice:propose"))
    page.get_by_label("Title").fill("Half a proposal")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('govuk-error-summary')")
    assert page.get_by_label("Title").input_value() == "Half a proposal"
    summary.get_by_role("link").first.click()
    assert page.evaluate("() => document.activeElement.id") == "id_summary"
    assert axe_violations(page) == []
