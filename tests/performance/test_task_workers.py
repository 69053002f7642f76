"""Production's background workers: several side by side, and no task runs twice.

Two `manage.py db_worker` processes (production settings, the database task backend) work on
the same PostgreSQL database; each task records its run in a table, and every task must appear
there exactly once.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from tests.performance.tasks import RUNS_TABLE, record_run

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the workers' row locks need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BASE_DIR = Path(__file__).resolve().parents[2]
TASKS = 60
DEADLINE_SECONDS = 60


def _database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


def _start_worker(worker_id):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "academy_site.settings.production",
        "DATABASE_URL": _database_url(),
        "SECRET_KEY": "worker-test-throwaway-key",
        "ALLOWED_HOSTS": "127.0.0.1",
        "READ_DOT_ENV": "false",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--interval",
            "0.05",
            "--no-startup-delay",
            "--worker-id",
            worker_id,
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_two_workers_run_every_task_exactly_once():
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {RUNS_TABLE} (number integer, worker_pid integer)")
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        for number in range(TASKS):
            record_run.enqueue(number=number)

    workers = [_start_worker("perf-a"), _start_worker("perf-b")]
    try:
        deadline = time.monotonic() + DEADLINE_SECONDS
        done = 0
        while time.monotonic() < deadline:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT count(*) FROM {RUNS_TABLE}")
                done = cursor.fetchone()[0]
            if done >= TASKS or any(w.poll() is not None for w in workers):
                break
            time.sleep(0.2)
        # A little longer, so a task run twice would have time to show.
        time.sleep(1)
    finally:
        for worker in workers:
            worker.terminate()
        errors = [w.communicate(timeout=20)[1].decode() for w in workers]

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, count(*) FROM {RUNS_TABLE} GROUP BY number")
        runs = dict(cursor.fetchall())
        cursor.execute(f"SELECT count(DISTINCT worker_pid) FROM {RUNS_TABLE}")
        worker_count = cursor.fetchone()[0]
        cursor.execute(f"DROP TABLE {RUNS_TABLE}")

    assert sorted(runs) == list(range(TASKS)), errors
    assert set(runs.values()) == {1}, {n: c for n, c in runs.items() if c != 1}
    # Both workers took part: the test would prove nothing if one had done everything.
    assert worker_count == 2
