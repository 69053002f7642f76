"""The whole journey, in a real browser, through the pages people use: a nominator enrols an
officer; the officer follows the email link, sets a password and confirms; reads a module and
marks it complete; checks in by typing the code on the session page; the facilitator completes the
register for the rest; the cohort closes; the certificate is issued; the officer downloads the
PDF; and anyone verifies it on the public page."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cohorts.attendance import checkin
from cohorts.models import Certificate, Cohort, Enrolment
from tests.accounts.factories import UserFactory
from tests.browser.conftest import SIGN_IN, screenshot, sign_in
from tests.cohorts.factories import (
    CohortFactory,
    CohortSessionFactory,
    CompletionRuleFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SeatAllocationFactory,
)
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "correct-horse-battery"


def person(**kwargs):
    user = UserFactory(**kwargs)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def world():
    """A cohort open for enrolment whose first session is happening now."""
    programme = ProgrammePageFactory(title="Digital Academy")
    module = ModulePageFactory(parent=programme, title="Data and trust")
    rule = CompletionRuleFactory(
        programme=programme, min_sessions_attended=1, min_share_attended=None
    )
    rule.required_modules.add(module)
    nominator = person(nominator=True, email="nominator@example.org")
    facilitator = person(facilitator=True, email="facilitator@example.org")
    manager = person(programme_manager=True, email="manager@example.org", is_staff=True)
    police = OrganisationFactory(name="Kent Police", nominators=[nominator])
    today = timezone.localdate()
    cohort = CohortFactory(
        programme=programme,
        name="Kent 2026",
        open=True,
        # From yesterday: a session that began ten minutes ago may have begun yesterday.
        starts_on=today - dt.timedelta(days=1),
        ends_on=today + dt.timedelta(days=60),
        facilitators=[facilitator],
    )
    SeatAllocationFactory(cohort=cohort, organisation=police, seats=4)
    now = timezone.now()
    session = CohortSessionFactory(
        cohort=cohort,
        title="Kick-off",
        starts_at=now - dt.timedelta(minutes=10),
        ends_at=now + dt.timedelta(hours=2),
    )
    other = EnrolmentFactory(
        cohort=cohort, participant=UserFactory(first_name="Olu", last_name="Other")
    )
    return {
        "programme": programme,
        "module": module,
        "cohort": cohort,
        "session": session,
        "police": police,
        "nominator": nominator,
        "facilitator": facilitator,
        "manager": manager,
        "other": other,
    }


def test_from_nomination_to_a_verified_certificate(new_page, world):
    cohort, session = world["cohort"], world["session"]

    # 1. The nominator enrols an officer.
    nominator = new_page()
    sign_in(nominator, "nominator@example.org", PASSWORD)
    # From their home, by links alone.
    nominator.goto(reverse("home"))
    nominator.get_by_role("link", name=re.compile(r"^Nominate an officer for .*Kent 2026")).click()
    nominator.wait_for_load_state()
    assert nominator.url.endswith(
        reverse("cohorts:nominate_officer", args=[cohort.pk, world["police"].pk])
    )
    nominator.get_by_label("First name").fill("Priya")
    nominator.get_by_label("Last name").fill("Officer")
    nominator.get_by_label("Email address").fill("priya.officer@example.org")
    nominator.get_by_label("Job title").fill("Inspector")
    nominator.get_by_role("button", name="Nominate").click()
    nominator.wait_for_load_state()
    enrolment = Enrolment.objects.get(participant__email="priya.officer@example.org")
    assert enrolment.status == Enrolment.Status.INVITED

    # 2. The officer follows the email link, sets a password and confirms.
    [invitation] = [m for m in mail.outbox if m.to == ["priya.officer@example.org"]]
    link = re.search(r"https?://\S+/cohorts/invitation/\S+/", invitation.body).group(0)
    officer = new_page(width=375, height=700)  # on their phone
    officer.goto(urlsplit(link).path)
    officer.get_by_label("Yes, I confirm my place").check()
    officer.get_by_label("Choose a password").fill("a-long-new-password-1")
    officer.get_by_label("Type the password again").fill("a-long-new-password-1")
    officer.get_by_role("button", name="Send my answer").click()
    officer.wait_for_load_state()
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED
    if SIGN_IN in officer.url or officer.get_by_role("link", name="Sign in").count():
        sign_in(officer, "priya.officer@example.org", "a-long-new-password-1")

    # 3. The officer finds the module from their home, reads it and marks it complete.
    officer.goto(reverse("home"))
    officer.get_by_role("link", name=re.compile(r"^open the modules of Digital Academy")).click()
    officer.get_by_role("link", name="Data and trust").click()
    officer.wait_for_load_state()
    assert officer.get_by_role("heading", level=1).inner_text() == "Data and trust"
    officer.get_by_role("button", name="Mark as complete").click()
    officer.wait_for_load_state()
    assert officer.get_by_role("button", name="Mark as not complete").count() == 1

    # 4. The officer types the code on the facilitator's screen into the session page's box.
    officer.goto(reverse("cohorts:session_detail", args=[session.pk]))
    screenshot(officer, "journey-session-page-check-in")
    officer.get_by_label("Check-in code").fill(checkin.current_code(session))
    officer.get_by_role("button", name="Check in").click()
    officer.wait_for_load_state()
    assert enrolment.attendance_marks.get(session=session).status == "present"

    # 5. The facilitator completes the register for the rest.
    facilitator = new_page()
    sign_in(facilitator, "facilitator@example.org", PASSWORD)
    facilitator.goto(reverse("cohorts:attendance_register", args=[session.pk]))
    facilitator.get_by_role("group", name=re.compile("Olu Other")).get_by_label("Present").check()
    # The register has the button above the people (beside "mark everyone present") and below.
    facilitator.get_by_role("button", name="Save the register").last.click()
    facilitator.wait_for_load_state()
    assert world["other"].attendance_marks.get(session=session).status == "present"

    # 6. The cohort closes: a programme manager sets its status in the admin.
    manager = new_page(width=1280, height=900)
    sign_in(manager, "manager@example.org", PASSWORD)
    manager.goto(reverse("wagtailsnippets_cohorts_cohort:edit", args=[cohort.pk]))
    manager.locator("select#id_status").select_option("closed")
    manager.get_by_role("button", name="Save", exact=True).click()
    manager.wait_for_load_state()
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.CLOSED

    # 7. The facilitator finds the completion page from their home (the cohort is closed now,
    # and still there) and issues the officer's certificate.
    facilitator.goto(reverse("home"))
    facilitator.get_by_role(
        "link", name=re.compile(r"^Completion and certificates\s*: .*Kent 2026")
    ).click()
    facilitator.wait_for_load_state()
    assert facilitator.url.endswith(reverse("cohorts:cohort_completion", args=[cohort.pk]))
    facilitator.get_by_role("button", name=re.compile("Issue certificate.*Priya Officer")).click()
    facilitator.wait_for_load_state()
    certificate = Certificate.objects.get(enrolment=enrolment)

    # 8. The officer downloads the PDF from My academy.
    officer.goto(reverse("home"))
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Download your certificate (PDF)").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # 9. Anyone verifies it on the public page.
    verifier = new_page()
    verifier.goto(reverse("certificates:verify_form"))
    verifier.get_by_label("Verification code").fill(certificate.display_code)
    verifier.get_by_role("button", name="Check the certificate").click()
    verifier.wait_for_load_state()
    assert "Status: valid." in verifier.content()
    assert "Priya Officer" in verifier.content()
