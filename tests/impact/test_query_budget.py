"""The dashboard, and the pages participants and facilitators use for feedback, cost the same
number of queries at national scale as on the demo, within their budgets.

The demo is loaded, each page fetched (its figures worked out afresh) and its queries counted;
then a slice of the national data set is generated on top (`generate_national_data --scale
0.01`: ten cohorts and four hundred enrolments more, with their ratings and feedback) and each
page must cost exactly as many queries. A count that grows with rows is an N+1 that the full
national scale (1,000 cohorts, 40,000 enrolments) would turn into an outage.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from cohorts.models import Cohort, Enrolment
from impact.models import SelfAssessment, SessionFeedback
from tests.performance.test_query_budgets_at_scale import BUDGETS as PAGE_BUDGETS

pytestmark = pytest.mark.django_db

# Each page's whole budget, signing in included (session, person, their roles).
BUDGETS = {
    "dashboard as manager": 28,
    "dashboard as facilitator": 28,
    "dashboard as nominator": 26,
    "dashboard filtered to a place and a sector": 28,
    "capabilities download": 11,
    # The home's budget is kept with the other everyday pages' (tests/performance).
    "participant home": PAGE_BUDGETS["participant home"],
    "session feedback form": 6,
    "cohort feedback": 10,
}


def _count_queries(client, user, url):
    client.force_login(user)
    client.get(url)  # the first request after sign-in creates the person's Wagtail profile
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def _pages():
    people = {
        u.username: u
        for u in User.objects.filter(
            username__in=["manager", "facilitator", "nominator", "participant"]
        )
    }
    participant = people["participant"]
    # The demo's running Kent cohort (at national scale the participant is on a second one).
    running = Cohort.objects.get(
        status=Cohort.Status.RUNNING, enrolments__participant=participant, place__name="Kent"
    )
    ended = running.sessions.filter(ends_at__lt=timezone.now()).order_by("-ends_at").first()
    kent = running.place_id
    return {
        "dashboard as manager": (people["manager"], reverse("impact:dashboard")),
        "dashboard as facilitator": (people["facilitator"], reverse("impact:dashboard")),
        "dashboard as nominator": (people["nominator"], reverse("impact:dashboard")),
        "dashboard filtered to a place and a sector": (
            people["manager"],
            reverse("impact:dashboard") + f"?place={kent}&sector=police",
        ),
        "capabilities download": (
            people["manager"],
            reverse("impact:dashboard_export", args=["capabilities", "xlsx"]),
        ),
        "participant home": (participant, reverse("home")),
        "session feedback form": (
            participant,
            reverse("impact:session_feedback", args=[ended.pk]),
        ),
        "cohort feedback": (
            people["facilitator"],
            reverse("impact:cohort_feedback", args=[running.pk]),
        ),
    }


def test_dashboard_and_feedback_pages_cost_the_same_queries_at_national_scale(client):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    at_demo_scale = {name: _count_queries(client, *page) for name, page in _pages().items()}
    enrolments = Enrolment.objects.count()
    answers = SessionFeedback.objects.count() + SelfAssessment.objects.count()

    call_command("generate_national_data", scale=0.01, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Enrolment.objects.count() > enrolments + 300
    assert SessionFeedback.objects.count() + SelfAssessment.objects.count() > answers + 300
    at_national_scale = {name: _count_queries(client, *page) for name, page in _pages().items()}

    assert at_national_scale == at_demo_scale
    for name, count in at_national_scale.items():
        assert count <= BUDGETS[name], f"{name}: {count} queries, budget {BUDGETS[name]}"
