"""The pages people use most cost the same number of queries at national scale as at demo scale,
and no more than their budgets (the participant home, module page, session page, nominator
portal, attendance grid, completion page, manager dashboard and good practice search: issue 22).

The demo world is loaded, each page is fetched and its queries counted; then a slice of the
national data set is generated on top (`generate_national_data --scale 0.01`: the demo
nominator's organisation gains officers, the demo facilitator runs more cohorts, the demo
participant is enrolled on a second cohort) and each page must cost exactly as many queries.
A count that grows with rows is an N+1 that national scale would turn into an outage.
"""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from cohorts.models import Cohort, Enrolment
from content.models import StandardPage
from modules.models import ModulePage
from practice.models import GoodPracticeIndexPage

pytestmark = pytest.mark.django_db

SCALE = 0.01
# Each page's whole budget, signing in included (session, person, their roles); a bare
# StandardPage shown to the same participant is the yardstick: what is over it is the page's own.
BUDGETS = {
    "bare StandardPage": 9,
    # The staff tax (issue 22): none of their own. "May use the admin" (the header's "Admin"
    # link) and "may edit this page" (Wagtail's userbar, only for its editors) come with the
    # roles' query (accounts.roles).
    "bare StandardPage as facilitator": 9,
    # 9, and the userbar itself (a manager edits every page): their Wagtail admin profile (read
    # twice by Wagtail) and the page permissions its items ask about.
    "bare StandardPage as manager": 12,
    # Their places (light: cohort, status, programme) and their programmes' live modules; their
    # part of the page is kept, rendered (academy_site.participant_home), and two more are for
    # the champions' network (their champion profile, their coming round tables).
    "participant home": 7,
    # Counted on the second view, which renders the page again (the first recorded their
    # opening of it, which moved their record's version): their places, their progress, the
    # modules before and after it and their sessions on it; from the third it is kept
    # (modules.module_page, tests/modules/test_module_page_kept.py).
    "module page": 11,
    # Counted looking again: its rows and rates are kept under the cohort's record
    # (`cohorts.reports.kept_grid`), so the cohort and its facilitators are all it reads;
    # the first look costs 10 (tests/cohorts/test_attendance_reports.py).
    "cohort attendance grid": 5,
    # Their organisations and the cohorts those have officers or seats on: the page is kept under
    # those cohorts' versions (cohorts.enrolment.portal).
    "nominator portal": 5,
    # A session's page reads no Wagtail page, so it costs less than the bare one.
    "session page": 7,
    # A page of 50 standings: the cohort and its facilitators and the runs; for those who run
    # the cohort the list of who is on it and the table are kept under the cohort's record
    # version (cohorts.certificates.table; AFRESH_BUDGETS: when they are not).
    "completion page": 6,
    # A page of 25 cohorts: each row kept under its cohort's record version (AFRESH_BUDGETS:
    # when none is).
    "manager dashboard": 8,
    "good practice search": 10,
}

# Pages that keep what they work out for a cohort under its record version
# (`cohorts.record_versions`), when nothing is kept (the first view after a change): the
# completion page's enrolments, sessions, marks, rule and modules, sign-offs and certificates;
# the dashboard's mixes, sessions and the running cohorts' standings; the participant home's
# sessions, marks, completed modules and completion rules (and the modules they require), and
# once its part is rendered, its places read again before it is kept (`cohorts.kept_html`).
AFRESH_BUDGETS = {"completion page": 13, "manager dashboard": 15, "participant home": 18}


def _count_queries(client, user, url, *, afresh=False):
    client.force_login(user)
    # The first request after sign-in creates the person's Wagtail profile: count a steady one.
    client.get(url)
    if afresh:
        caches["records"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def _pages(facilitated_cohort):
    participant = User.objects.get(username="participant")
    facilitator = User.objects.get(username="facilitator")
    nominator = User.objects.get(username="nominator")
    manager = User.objects.get(username="manager")
    enrolment = Enrolment.objects.filter(participant=participant).select_related("cohort").first()
    module = ModulePage.objects.live().descendant_of(enrolment.cohort.programme).first()
    session = enrolment.cohort.sessions.order_by("starts_at").first()
    practice = GoodPracticeIndexPage.objects.live().first()
    return {
        "bare StandardPage": (participant, StandardPage.objects.live().first().url),
        "bare StandardPage as facilitator": (facilitator, StandardPage.objects.live().first().url),
        "bare StandardPage as manager": (manager, StandardPage.objects.live().first().url),
        "participant home": (participant, reverse("home")),
        "module page": (participant, module.url),
        "cohort attendance grid": (
            facilitator,
            reverse("cohorts:cohort_attendance", args=[facilitated_cohort.pk]),
        ),
        "nominator portal": (nominator, reverse("cohorts:nominate")),
        "session page": (participant, reverse("cohorts:session_detail", args=[session.pk])),
        "completion page": (
            facilitator,
            reverse("cohorts:cohort_completion", args=[facilitated_cohort.pk]),
        ),
        "manager dashboard": (manager, reverse("cohorts:dashboard")),
        "good practice search": (participant, f"{practice.url}?q=data"),
    }


def _biggest_running_cohort_of(username):
    return (
        Cohort.objects.filter(status=Cohort.Status.RUNNING, facilitators__username=username)
        .order_by("-pk")
        .first()
    )


def test_main_pages_cost_the_same_queries_at_national_scale_as_at_demo_scale(client):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    demo_cohort = _biggest_running_cohort_of("facilitator")
    at_demo_scale = {
        name: _count_queries(client, user, url) for name, (user, url) in _pages(demo_cohort).items()
    }

    call_command("generate_national_data", scale=SCALE, stdout=open("/dev/null", "w"))  # noqa: SIM115
    national_cohort = _biggest_running_cohort_of("facilitator")
    assert national_cohort.pk != demo_cohort.pk
    assert national_cohort.enrolments.count() > demo_cohort.enrolments.count()
    at_national_scale = {
        name: _count_queries(client, user, url)
        for name, (user, url) in _pages(national_cohort).items()
    }

    # Never more at national scale; the completion page may need one query fewer where the
    # national cohort's programme asks for no modules online.
    grew = {
        name: (at_demo_scale[name], count)
        for name, count in at_national_scale.items()
        if count > at_demo_scale[name]
    }
    assert not grew, f"queries that grow with the data (demo, national): {grew}"
    assert {k: v for k, v in at_national_scale.items() if k != "completion page"} == {
        k: v for k, v in at_demo_scale.items() if k != "completion page"
    }
    for name, count in at_national_scale.items():
        assert count <= BUDGETS[name], f"{name}: {count} queries, budget {BUDGETS[name]}"


def test_pages_that_keep_results_cost_the_same_queries_afresh_at_either_scale(client):
    """With nothing kept (the first view after a change to the cohort's record), the pages that
    keep results still cost a fixed number of queries."""
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = []
    for scale in (None, SCALE):
        if scale:
            call_command("generate_national_data", scale=scale, stdout=open("/dev/null", "w"))  # noqa: SIM115
        pages = _pages(_biggest_running_cohort_of("facilitator"))
        counts.append(
            {name: _count_queries(client, *pages[name], afresh=True) for name in AFRESH_BUDGETS}
        )
    at_demo_scale, at_national_scale = counts
    for name, count in at_national_scale.items():
        assert count <= at_demo_scale[name], (name, at_demo_scale[name], count)
        assert count <= AFRESH_BUDGETS[name], (
            f"{name}: {count} queries, budget {AFRESH_BUDGETS[name]}"
        )
