"""The scheduler: one entry point runs every job that is due, each at most once per period,
never two copies at once; a failing job is recorded and the others still run."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail import hooks

from content.models import StandardPage
from scheduler.jobs import HOURLY, ScheduledJob, registered_jobs, scheduled_jobs_run
from scheduler.models import ScheduledJobRun

pytestmark = pytest.mark.django_db


def test_the_scheduler_publishes_a_page_whose_go_live_time_has_passed(home_page):
    page = StandardPage(title="Autumn update", slug="autumn-update", live=False)
    home_page.add_child(instance=page)
    page.go_live_at = timezone.now() + dt.timedelta(hours=1)
    page.save_revision().publish()  # scheduled: not live until its go-live time
    assert not StandardPage.objects.get(pk=page.pk).live

    call_command("run_scheduled_jobs")
    assert not StandardPage.objects.get(pk=page.pk).live

    with time_machine.travel(timezone.now() + dt.timedelta(hours=2)):
        call_command("run_scheduled_jobs")
        assert StandardPage.objects.get(pk=page.pk).live
        # Run again: nothing is published twice and the job records success.
        call_command("run_scheduled_jobs", "--force")
    assert StandardPage.objects.get(pk=page.pk).revisions.count() == 1
    run = ScheduledJobRun.objects.get(name="publish-scheduled-pages")
    assert run.outcome == ScheduledJobRun.Outcome.SUCCEEDED


def test_a_job_runs_once_per_period_however_often_the_scheduler_runs():
    calls = []
    job = ScheduledJob("count", "Counts its runs", HOURLY, lambda: calls.append(1))
    now = timezone.now()
    with hooks.register_temporarily("register_scheduled_jobs", lambda: [job]):
        assert scheduled_jobs_run(names=["count"], now=now) == {"count": "ran"}
        assert scheduled_jobs_run(names=["count"], now=now + dt.timedelta(minutes=5)) == {
            "count": "not due"
        }
        assert scheduled_jobs_run(names=["count"], now=now + dt.timedelta(hours=1)) == {
            "count": "ran"
        }
        assert scheduled_jobs_run(names=["count"], force=True, now=now) == {"count": "ran"}
    assert len(calls) == 3


def test_a_job_still_running_elsewhere_is_not_started_again():
    calls = []
    job = ScheduledJob("slow", "Runs long", HOURLY, lambda: calls.append(1))
    now = timezone.now()
    ScheduledJobRun.objects.create(
        name="slow",
        last_started_at=now - dt.timedelta(hours=2),
        outcome=ScheduledJobRun.Outcome.RUNNING,
    )
    with hooks.register_temporarily("register_scheduled_jobs", lambda: [job]):
        assert scheduled_jobs_run(names=["slow"], now=now) == {"slow": "not due"}
        # A run that died a day ago is taken over.
        assert scheduled_jobs_run(names=["slow"], now=now + dt.timedelta(days=1)) == {"slow": "ran"}
    assert calls == [1]


def test_a_failing_job_is_recorded_and_the_others_still_run():
    calls = []

    def broken():
        raise RuntimeError("mail server unreachable")

    jobs = [
        ScheduledJob("a-broken", "Fails", HOURLY, broken),
        ScheduledJob("b-fine", "Works", HOURLY, lambda: calls.append(1)),
    ]
    with hooks.register_temporarily("register_scheduled_jobs", lambda: jobs):
        results = scheduled_jobs_run(names=["a-broken", "b-fine"])
    assert results == {"a-broken": "failed: mail server unreachable", "b-fine": "ran"}
    assert calls == [1]
    failed = ScheduledJobRun.objects.get(name="a-broken")
    assert failed.outcome == ScheduledJobRun.Outcome.FAILED
    assert "mail server unreachable" in failed.summary


def test_two_jobs_may_not_share_a_name():
    jobs = [ScheduledJob("same", "One", HOURLY, list), ScheduledJob("same", "Two", HOURLY, list)]
    with (
        hooks.register_temporarily("register_scheduled_jobs", lambda: jobs),
        pytest.raises(ValueError, match="same"),
    ):
        registered_jobs()


def test_the_command_lists_every_job_with_its_last_run(capsys):
    call_command("run_scheduled_jobs", "--list")
    assert "publish-scheduled-pages" in capsys.readouterr().out
