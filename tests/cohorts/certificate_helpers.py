"""Builders for the completion and certificate tests: a cohort with four sessions, a rule of
three sessions out of four, a facilitator and a nominator, and participants with given marks.

Rendering a PDF takes a tenth of a second or more on two cores, so most tests swap it for a
stand-in (`fake_pdf`); the PDF tests render real ones."""

import datetime as dt

import pytest

from cohorts.certificates import pdf
from cohorts.models import LONDON, AttendanceMark, Cohort, Enrolment
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import (
    AttendanceMarkFactory,
    CohortFactory,
    CohortSessionFactory,
    CompletionRuleFactory,
    EnrolmentFactory,
    OrganisationFactory,
)

S = AttendanceMark.Status


@pytest.fixture
def fake_pdf(monkeypatch):
    """Certificates without WeasyPrint: a tiny stand-in file holding the HTML's text."""
    rendered = []

    def render(html):
        rendered.append(html)
        return b"%PDF-1.7 stand-in\n" + html.encode()

    monkeypatch.setattr(pdf, "pdf_render", render)
    return rendered


class World:
    """A cohort of the programme, its rule, people in each role and their places."""

    def __init__(self, *, status=Cohort.Status.CLOSED, n_sessions=4, **rule):
        self.facilitator = UserFactory(facilitator=True)
        self.nominator = UserFactory(nominator=True)
        self.organisation = OrganisationFactory(nominators=[self.nominator])
        starts = dt.date(2025, 1, 6)
        self.cohort = CohortFactory(
            starts_on=starts,
            ends_on=starts + dt.timedelta(days=7 * n_sessions + 7),
            status=status,
            facilitators=[self.facilitator],
        )
        self.rule = CompletionRuleFactory(
            programme=self.cohort.programme,
            **{"min_sessions_attended": 3, "min_share_attended": None, **rule},
        )
        self.sessions = []
        for i in range(n_sessions):
            at = dt.datetime.combine(starts + dt.timedelta(days=7 * i + 1), dt.time(9, 30))
            at = at.replace(tzinfo=LONDON)
            self.sessions.append(
                CohortSessionFactory(
                    cohort=self.cohort,
                    title=f"Session {i + 1}",
                    starts_at=at,
                    ends_at=at + dt.timedelta(hours=3),
                )
            )

    def enrol(self, marks=(), organisation=None, **participant):
        """A confirmed participant with the given marks, one per session in order."""
        enrolment = EnrolmentFactory(
            cohort=self.cohort,
            organisation=organisation or self.organisation,
            participant=UserFactory(participant=True, **participant),
            status=Enrolment.Status.CONFIRMED,
        )
        for session, status in zip(self.sessions, marks, strict=False):
            AttendanceMarkFactory(enrolment=enrolment, session=session, status=status)
        return enrolment

    def completer(self, **participant):
        return self.enrol([S.PRESENT, S.PRESENT, S.PRESENT, S.ABSENT], **participant)
